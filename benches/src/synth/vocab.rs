//! French vocabulary per theme: skills, professions, mission activities, and the words
//! used to name companies, associations and local partners.
//!
//! Only the theme keys that `docs/data-format.md` declares part of the contract are
//! used, so that a generated dataset stays valid while the taxonomy grows.

/// A child theme of the taxonomy and the words of its trade.
pub(crate) struct Child {
    pub key: &'static str,
    pub weight: u32,
    /// Skills as experts and needs write them.
    pub skills: &'static [&'static str],
    /// Profession (masculine, feminine).
    pub professions: &'static [(&'static str, &'static str)],
    /// Mission activities, with their article (`le diagnostic …`), so that both
    /// titles (article dropped) and sentences (`un appui pour le diagnostic …`) read well.
    pub activities: &'static [&'static str],
}

/// A parent theme, its children and its words.
pub(crate) struct Parent {
    pub key: &'static str,
    /// How common the theme is among experts, needs and companies.
    pub weight: u32,
    /// Skills shared by all children.
    pub general: &'static [&'static str],
    pub children: &'static [Child],
    /// Who the local partner works with (`des groupements de producteurs`).
    pub beneficiaries: &'static [&'static str],
    /// Kinds of local partner abroad, with their article (`le centre de santé`); the
    /// partner is named `Centre de santé de Mopti`.
    pub partners: &'static [&'static str],
    /// Kinds of host in Occitanie for reciprocity missions, with their article.
    pub hosts: &'static [&'static str],
    /// Second word of company names (`Aqualis Environnement`).
    pub company_words: &'static [&'static str],
    /// Association names built on the theme (`Eau Vive`), followed by a territory.
    pub association_names: &'static [&'static str],
}

/// Skills any expert may add to the skills of their trade.
pub(crate) const TRANSVERSAL_SKILLS: &[&str] = &[
    "gestion de projet",
    "formation de formateurs",
    "animation d'ateliers",
    "évaluation de projet",
    "diagnostic participatif",
    "montage de dossiers de financement",
    "suivi-évaluation",
    "conduite du changement",
];

pub(crate) const THEMES: &[Parent] = &[
    Parent {
        key: "environnement",
        weight: 20,
        general: &[
            "évaluation environnementale",
            "sensibilisation à l'environnement",
            "éducation à l'environnement",
            "études d'impact",
        ],
        children: &[
            Child {
                key: "dechets",
                weight: 6,
                skills: &[
                    "diagnostic déchets",
                    "compostage",
                    "tri sélectif",
                    "pré-collecte",
                    "valorisation des déchets",
                    "caractérisation des déchets",
                    "économie circulaire",
                    "gestion des décharges",
                ],
                professions: &[
                    ("ingénieur environnement", "ingénieure environnement"),
                    ("technicien déchets", "technicienne déchets"),
                ],
                activities: &[
                    "le diagnostic de la filière déchets",
                    "la mise en place d'une unité de compostage",
                    "l'organisation de la pré-collecte des ordures ménagères",
                    "la structuration d'une filière de recyclage du plastique",
                ],
            },
            Child {
                key: "energie",
                weight: 6,
                skills: &[
                    "photovoltaïque",
                    "mini-réseaux",
                    "dimensionnement solaire",
                    "génie électrique",
                    "efficacité énergétique",
                    "biogaz",
                    "foyers améliorés",
                    "maintenance d'installations solaires",
                ],
                professions: &[
                    (
                        "ingénieur en énergies renouvelables",
                        "ingénieure en énergies renouvelables",
                    ),
                    ("électricien", "électricienne"),
                ],
                activities: &[
                    "l'électrification solaire d'un centre de santé",
                    "le dimensionnement d'un mini-réseau photovoltaïque",
                    "la diffusion de foyers améliorés",
                    "l'audit énergétique de bâtiments publics",
                ],
            },
            Child {
                key: "eau_assainissement",
                weight: 7,
                skills: &[
                    "hydraulique villageoise",
                    "forages",
                    "réseaux d'eau potable",
                    "assainissement autonome",
                    "traitement des eaux usées",
                    "qualité de l'eau",
                    "gestion des services d'eau",
                    "latrines",
                ],
                professions: &[
                    ("hydrogéologue", "hydrogéologue"),
                    ("ingénieur hydraulicien", "ingénieure hydraulicienne"),
                ],
                activities: &[
                    "le diagnostic du réseau d'eau potable",
                    "la réhabilitation de forages villageois",
                    "la mise en place d'un service public de l'eau",
                    "la construction de latrines scolaires",
                ],
            },
            Child {
                key: "climat",
                weight: 3,
                skills: &[
                    "adaptation au changement climatique",
                    "bilan carbone",
                    "plan climat",
                    "gestion des risques d'inondation",
                    "reboisement",
                    "lutte contre l'érosion",
                ],
                professions: &[("chargé de mission climat", "chargée de mission climat")],
                activities: &[
                    "l'élaboration d'un plan local d'adaptation au changement climatique",
                    "la cartographie des risques d'inondation",
                    "le lancement d'un programme de reboisement communautaire",
                ],
            },
            Child {
                key: "biodiversite",
                weight: 3,
                skills: &[
                    "inventaire faunistique",
                    "inventaire floristique",
                    "gestion d'aires protégées",
                    "restauration écologique",
                    "mangroves",
                    "SIG",
                ],
                professions: &[("écologue", "écologue"), ("naturaliste", "naturaliste")],
                activities: &[
                    "le plan de gestion d'une aire protégée",
                    "la restauration de mangroves",
                    "l'inventaire de la biodiversité d'une forêt communautaire",
                ],
            },
        ],
        beneficiaries: &[
            "les habitants de plusieurs quartiers",
            "les services techniques de la commune",
            "des comités de gestion villageois",
        ],
        partners: &[
            "l'ONG Environnement et Développement",
            "l'Association Cadre de Vie",
            "le Collectif Ville Propre",
            "le Comité de l'eau",
        ],
        hosts: &[
            "le Syndicat des eaux",
            "la Communauté de communes",
            "la Maison de l'environnement",
        ],
        company_words: &[
            "Environnement",
            "Énergies",
            "Recyclage",
            "Hydro Conseil",
            "Solaire",
            "Ingénierie",
        ],
        association_names: &[
            "Eau Vive",
            "Énergies Partagées",
            "Planète Solidaire",
            "Soleil Partagé",
        ],
    },
    Parent {
        key: "agriculture",
        weight: 18,
        general: &[
            "conseil agricole",
            "organisation de producteurs",
            "vulgarisation agricole",
            "filières agricoles",
        ],
        children: &[
            Child {
                key: "agroecologie",
                weight: 8,
                skills: &[
                    "agroécologie",
                    "agroforesterie",
                    "fertilisation organique",
                    "semences paysannes",
                    "maraîchage biologique",
                    "lutte biologique",
                    "conservation des sols",
                ],
                professions: &[("agronome", "agronome"), ("maraîcher", "maraîchère")],
                activities: &[
                    "la formation de maraîchers aux pratiques agroécologiques",
                    "la création d'une ferme-école agroécologique",
                    "la mise en place d'une banque de semences paysannes",
                ],
            },
            Child {
                key: "elevage",
                weight: 4,
                skills: &[
                    "santé animale",
                    "petits ruminants",
                    "aviculture",
                    "alimentation animale",
                    "apiculture",
                    "pastoralisme",
                ],
                professions: &[
                    ("vétérinaire", "vétérinaire"),
                    ("zootechnicien", "zootechnicienne"),
                ],
                activities: &[
                    "la formation d'auxiliaires vétérinaires",
                    "l'amélioration d'un élevage avicole villageois",
                    "le développement d'une filière apicole",
                ],
            },
            Child {
                key: "irrigation",
                weight: 3,
                skills: &[
                    "irrigation goutte-à-goutte",
                    "petite irrigation",
                    "gestion de l'eau agricole",
                    "aménagements hydroagricoles",
                    "pompage solaire",
                    "retenues collinaires",
                ],
                professions: &[(
                    "ingénieur en hydraulique agricole",
                    "ingénieure en hydraulique agricole",
                )],
                activities: &[
                    "l'installation d'un système d'irrigation goutte-à-goutte",
                    "la réhabilitation d'un périmètre irrigué",
                    "l'équipement de maraîchers en pompage solaire",
                ],
            },
            Child {
                key: "transformation_alimentaire",
                weight: 4,
                skills: &[
                    "transformation agroalimentaire",
                    "hygiène alimentaire",
                    "conservation des aliments",
                    "séchage solaire",
                    "normes sanitaires",
                    "conditionnement",
                ],
                professions: &[
                    ("technologue agroalimentaire", "technologue agroalimentaire"),
                    ("ingénieur agroalimentaire", "ingénieure agroalimentaire"),
                ],
                activities: &[
                    "la mise aux normes d'une unité de transformation du karité",
                    "le séchage solaire de fruits et légumes",
                    "la création d'une mini-laiterie",
                ],
            },
        ],
        beneficiaries: &[
            "des groupements de producteurs",
            "des coopératives de femmes maraîchères",
            "des éleveurs de la zone",
        ],
        partners: &[
            "l'Union des producteurs",
            "la Coopérative agricole",
            "le Groupement des maraîchères",
            "la Ferme-école",
        ],
        hosts: &[
            "le Lycée agricole",
            "la Coopérative agricole",
            "la Ferme pédagogique",
        ],
        company_words: &["Agro", "Semences", "Agri Conseil", "Terroirs", "Irrigation"],
        association_names: &[
            "Terres Solidaires",
            "Semences d'Avenir",
            "Greniers Partagés",
            "Champs du Monde",
        ],
    },
    Parent {
        key: "sante",
        weight: 18,
        general: &[
            "santé publique",
            "formation des soignants",
            "épidémiologie",
            "gestion d'établissement de santé",
        ],
        children: &[
            Child {
                key: "soins_primaires",
                weight: 6,
                skills: &[
                    "soins primaires",
                    "organisation de dispensaire",
                    "médicaments essentiels",
                    "soins infirmiers",
                    "médecine générale",
                    "télémédecine",
                    "gestion de pharmacie",
                ],
                professions: &[
                    ("médecin généraliste", "médecin généraliste"),
                    ("infirmier", "infirmière"),
                    ("pharmacien", "pharmacienne"),
                ],
                activities: &[
                    "la réorganisation d'un dispensaire rural",
                    "la gestion des stocks de médicaments essentiels",
                    "la formation des infirmiers aux soins de premier recours",
                ],
            },
            Child {
                key: "sante_maternelle",
                weight: 4,
                skills: &[
                    "santé maternelle et infantile",
                    "obstétrique",
                    "suivi prénatal",
                    "planning familial",
                    "néonatalogie",
                ],
                professions: &[
                    ("maïeuticien", "sage-femme"),
                    ("gynécologue", "gynécologue"),
                ],
                activities: &[
                    "le renforcement des consultations prénatales",
                    "la formation des accoucheuses aux accouchements sans risque",
                    "l'équipement d'une maternité rurale",
                ],
            },
            Child {
                key: "nutrition",
                weight: 3,
                skills: &[
                    "nutrition infantile",
                    "dépistage de la malnutrition",
                    "éducation nutritionnelle",
                    "diététique",
                    "sécurité alimentaire",
                ],
                professions: &[
                    ("nutritionniste", "nutritionniste"),
                    ("diététicien", "diététicienne"),
                ],
                activities: &[
                    "le dépistage de la malnutrition infantile",
                    "l'animation d'ateliers d'éducation nutritionnelle",
                    "la mise en place de cantines scolaires",
                ],
            },
            Child {
                key: "hygiene",
                weight: 3,
                skills: &[
                    "hygiène hospitalière",
                    "prévention des infections",
                    "gestion des déchets médicaux",
                    "promotion de l'hygiène",
                    "stérilisation",
                ],
                professions: &[("infirmier hygiéniste", "infirmière hygiéniste")],
                activities: &[
                    "la prévention des infections dans un hôpital de district",
                    "la gestion des déchets médicaux",
                    "une campagne de promotion de l'hygiène dans les écoles",
                ],
            },
        ],
        beneficiaries: &[
            "les centres de santé du district",
            "les femmes et les enfants de la zone",
            "l'hôpital de district et ses équipes",
        ],
        partners: &[
            "le Centre de santé",
            "l'Hôpital de district",
            "l'Association Santé pour Tous",
            "la Maternité",
        ],
        hosts: &[
            "le Centre hospitalier",
            "la Maison de santé",
            "l'Institut de formation en soins infirmiers",
        ],
        company_words: &["Santé", "Médical", "Pharma", "Biologie"],
        association_names: &[
            "Santé Sud",
            "Soins Partagés",
            "Médecins Solidaires",
            "Dispensaires du Monde",
        ],
    },
    Parent {
        key: "education",
        weight: 15,
        general: &[
            "ingénierie de formation",
            "pédagogie",
            "formation de formateurs",
            "conception de supports pédagogiques",
        ],
        children: &[
            Child {
                key: "education_base",
                weight: 5,
                skills: &[
                    "pédagogie active",
                    "gestion d'établissement scolaire",
                    "enseignement primaire",
                    "formation des enseignants",
                    "bibliothèques scolaires",
                    "enseignement des sciences",
                ],
                professions: &[
                    ("professeur des écoles", "professeure des écoles"),
                    ("conseiller pédagogique", "conseillère pédagogique"),
                ],
                activities: &[
                    "la formation des enseignants du primaire aux pédagogies actives",
                    "la création d'une bibliothèque scolaire",
                    "l'amélioration de la gestion d'un collège",
                ],
            },
            Child {
                key: "formation_professionnelle",
                weight: 5,
                skills: &[
                    "formation professionnelle",
                    "apprentissage",
                    "ingénierie de certification",
                    "insertion professionnelle",
                    "référentiels métiers",
                ],
                professions: &[
                    ("formateur", "formatrice"),
                    ("ingénieur de formation", "ingénieure de formation"),
                ],
                activities: &[
                    "la création d'une filière de formation en électricité",
                    "la révision des référentiels d'un centre de formation professionnelle",
                    "l'accompagnement à l'insertion des jeunes apprentis",
                ],
            },
            Child {
                key: "alphabetisation",
                weight: 3,
                skills: &[
                    "alphabétisation des adultes",
                    "français langue étrangère",
                    "éducation non formelle",
                    "apprentissage de la lecture",
                    "langues nationales",
                ],
                professions: &[("formateur FLE", "formatrice FLE")],
                activities: &[
                    "le lancement d'un programme d'alphabétisation des femmes",
                    "la formation d'animateurs d'alphabétisation",
                    "la création de supports en langues nationales",
                ],
            },
        ],
        beneficiaries: &[
            "des écoles et des centres de formation",
            "des jeunes déscolarisés",
            "les enseignants de la circonscription",
        ],
        partners: &[
            "l'École primaire",
            "le Lycée technique",
            "le Centre de formation professionnelle",
            "l'Association des parents d'élèves",
        ],
        hosts: &[
            "le Lycée professionnel",
            "le Centre de formation d'apprentis",
            "la Médiathèque",
        ],
        company_words: &["Formation", "Éducation", "Compétences"],
        association_names: &[
            "Cartables pour Tous",
            "Écoles du Monde",
            "Savoirs Partagés",
            "Livres Solidaires",
        ],
    },
    Parent {
        key: "gouvernance",
        weight: 9,
        general: &[
            "appui institutionnel",
            "coopération décentralisée",
            "décentralisation",
            "gestion publique locale",
        ],
        children: &[
            Child {
                key: "administration_publique",
                weight: 3,
                skills: &[
                    "organisation des services",
                    "gestion des ressources humaines",
                    "marchés publics",
                    "modernisation administrative",
                    "archivage",
                ],
                professions: &[
                    ("attaché territorial", "attachée territoriale"),
                    (
                        "directeur général des services",
                        "directrice générale des services",
                    ),
                ],
                activities: &[
                    "l'organisation des services techniques municipaux",
                    "la formation des agents communaux",
                    "la mise en place d'un système d'archivage",
                ],
            },
            Child {
                key: "finances_locales",
                weight: 2,
                skills: &[
                    "finances locales",
                    "fiscalité locale",
                    "budget communal",
                    "comptabilité publique",
                    "recouvrement",
                ],
                professions: &[
                    (
                        "contrôleur des finances publiques",
                        "contrôleuse des finances publiques",
                    ),
                    ("directeur financier", "directrice financière"),
                ],
                activities: &[
                    "l'amélioration du recouvrement de la fiscalité locale",
                    "l'élaboration du budget communal",
                    "la mise en place d'un adressage pour la fiscalité",
                ],
            },
            Child {
                key: "etat_civil",
                weight: 2,
                skills: &[
                    "état civil",
                    "numérisation des registres",
                    "gestion des archives",
                    "recensement",
                    "enregistrement des naissances",
                ],
                professions: &[("officier d'état civil", "officière d'état civil")],
                activities: &[
                    "la modernisation du service d'état civil",
                    "la numérisation des registres d'état civil",
                    "une campagne d'enregistrement des naissances",
                ],
            },
            Child {
                key: "urbanisme",
                weight: 3,
                skills: &[
                    "urbanisme",
                    "aménagement du territoire",
                    "SIG",
                    "cadastre",
                    "planification urbaine",
                    "voirie",
                    "habitat",
                ],
                professions: &[("urbaniste", "urbaniste"), ("géomaticien", "géomaticienne")],
                activities: &[
                    "l'élaboration d'un schéma d'aménagement urbain",
                    "la mise en place d'un SIG communal",
                    "la réhabilitation d'un quartier précaire",
                ],
            },
        ],
        beneficiaries: &[
            "la commune et ses services",
            "les élus et les agents municipaux",
            "une intercommunalité rurale",
        ],
        partners: &[
            "la Mairie",
            "la Commune",
            "le Conseil régional",
            "l'Association des élus locaux",
        ],
        hosts: &[
            "la Mairie",
            "la Communauté de communes",
            "l'Agence d'urbanisme",
        ],
        company_words: &["Conseil", "Territoires", "Public Conseil"],
        association_names: &[
            "Communes Solidaires",
            "Villes Jumelles",
            "Territoires Partagés",
        ],
    },
    Parent {
        key: "economie",
        weight: 10,
        general: &[
            "étude de marché",
            "gestion financière",
            "plan d'affaires",
            "accompagnement d'entreprises",
        ],
        children: &[
            Child {
                key: "entrepreneuriat",
                weight: 4,
                skills: &[
                    "création d'entreprise",
                    "incubation",
                    "marketing",
                    "comptabilité",
                    "gestion de coopérative",
                    "commerce équitable",
                ],
                professions: &[
                    (
                        "conseiller en création d'entreprise",
                        "conseillère en création d'entreprise",
                    ),
                    ("expert-comptable", "experte-comptable"),
                ],
                activities: &[
                    "l'accompagnement de jeunes entrepreneurs",
                    "la structuration d'une coopérative de femmes",
                    "la création d'un incubateur local",
                ],
            },
            Child {
                key: "microfinance",
                weight: 2,
                skills: &[
                    "microfinance",
                    "microcrédit",
                    "analyse de crédit",
                    "épargne solidaire",
                    "audit financier",
                ],
                professions: &[
                    ("banquier", "banquière"),
                    ("analyste financier", "analyste financière"),
                ],
                activities: &[
                    "l'audit d'une institution de microfinance",
                    "la formation des agents de crédit",
                    "la mise en place de groupes d'épargne",
                ],
            },
            Child {
                key: "tourisme_solidaire",
                weight: 2,
                skills: &[
                    "tourisme solidaire",
                    "accueil touristique",
                    "hôtellerie",
                    "écotourisme",
                    "commercialisation",
                ],
                professions: &[
                    ("guide conférencier", "guide conférencière"),
                    (
                        "chargé de développement touristique",
                        "chargée de développement touristique",
                    ),
                ],
                activities: &[
                    "le développement d'une offre de tourisme solidaire",
                    "la formation à l'accueil touristique",
                    "la création d'un circuit d'écotourisme",
                ],
            },
            Child {
                key: "artisanat",
                weight: 2,
                skills: &[
                    "artisanat",
                    "design",
                    "tissage",
                    "poterie",
                    "commercialisation artisanale",
                    "menuiserie",
                ],
                professions: &[("artisan", "artisane"), ("designer", "designer")],
                activities: &[
                    "la structuration d'une filière artisanale",
                    "la formation de tisserandes",
                    "la création d'un atelier de menuiserie",
                ],
            },
        ],
        beneficiaries: &[
            "des coopératives et des micro-entrepreneurs",
            "des groupements de femmes commerçantes",
            "des artisans de la ville",
        ],
        partners: &[
            "la Coopérative des artisans",
            "la Caisse d'épargne mutuelle",
            "l'Incubateur",
            "l'Association des femmes commerçantes",
        ],
        hosts: &[
            "la Pépinière d'entreprises",
            "la Couveuse d'entreprises",
            "l'Office de tourisme",
        ],
        company_words: &["Finance", "Conseil", "Gestion", "Expertise"],
        association_names: &[
            "Entreprendre Ensemble",
            "Microcrédit Solidaire",
            "Commerce Équitable",
        ],
    },
    Parent {
        key: "numerique",
        weight: 6,
        general: &[
            "transformation numérique",
            "formation aux outils numériques",
            "cybersécurité",
        ],
        children: &[
            Child {
                key: "informatique",
                weight: 4,
                skills: &[
                    "développement web",
                    "bases de données",
                    "administration systèmes",
                    "maintenance informatique",
                    "systèmes d'information",
                    "logiciels libres",
                ],
                professions: &[
                    ("ingénieur logiciel", "ingénieure logiciel"),
                    ("administrateur systèmes", "administratrice systèmes"),
                ],
                activities: &[
                    "l'informatisation de la gestion d'un hôpital",
                    "la création d'un site web associatif",
                    "la mise en place d'un réseau informatique scolaire",
                ],
            },
            Child {
                key: "telecommunications",
                weight: 2,
                skills: &[
                    "réseaux",
                    "télécommunications",
                    "fibre optique",
                    "radio communautaire",
                    "connectivité rurale",
                ],
                professions: &[
                    ("ingénieur télécoms", "ingénieure télécoms"),
                    ("technicien réseaux", "technicienne réseaux"),
                ],
                activities: &[
                    "la connexion à internet d'un centre de santé",
                    "l'installation d'une radio communautaire",
                    "le déploiement d'un réseau wifi communautaire",
                ],
            },
        ],
        beneficiaries: &[
            "des associations et des écoles",
            "les services de la mairie",
            "des jeunes en formation",
        ],
        partners: &[
            "le Centre multimédia communautaire",
            "la Radio communautaire",
            "l'Association Jeunes et Numérique",
        ],
        hosts: &["le Tiers-lieu numérique", "le Fab lab", "la Médiathèque"],
        company_words: &["Numérique", "Informatique", "Réseaux", "Digital"],
        association_names: &["Connexions Solidaires", "Numérique Partagé"],
    },
    Parent {
        key: "social",
        weight: 7,
        general: &[
            "travail social",
            "accompagnement social",
            "animation de réseaux",
            "médiation",
        ],
        children: &[
            Child {
                key: "genre",
                weight: 2,
                skills: &[
                    "égalité femmes-hommes",
                    "autonomisation des femmes",
                    "lutte contre les violences",
                    "leadership féminin",
                    "approche genre",
                ],
                professions: &[
                    ("chargé de mission égalité", "chargée de mission égalité"),
                    ("juriste", "juriste"),
                ],
                activities: &[
                    "la prise en compte du genre dans un programme agricole",
                    "l'accompagnement d'associations de femmes",
                    "la prévention des violences faites aux femmes",
                ],
            },
            Child {
                key: "handicap",
                weight: 2,
                skills: &[
                    "inclusion des personnes handicapées",
                    "rééducation",
                    "kinésithérapie",
                    "appareillage orthopédique",
                    "accessibilité",
                    "éducation inclusive",
                ],
                professions: &[
                    ("kinésithérapeute", "kinésithérapeute"),
                    ("ergothérapeute", "ergothérapeute"),
                    ("orthoprothésiste", "orthoprothésiste"),
                ],
                activities: &[
                    "la création d'un service de rééducation",
                    "la formation des enseignants à l'éducation inclusive",
                    "le diagnostic d'accessibilité de bâtiments publics",
                ],
            },
            Child {
                key: "jeunesse",
                weight: 3,
                skills: &[
                    "animation jeunesse",
                    "éducation populaire",
                    "insertion des jeunes",
                    "sport et éducation",
                    "engagement citoyen",
                    "protection de l'enfance",
                ],
                professions: &[
                    ("éducateur spécialisé", "éducatrice spécialisée"),
                    ("animateur socioculturel", "animatrice socioculturelle"),
                ],
                activities: &[
                    "la création d'un centre de jeunes",
                    "la formation d'animateurs jeunesse",
                    "l'insertion des jeunes déscolarisés",
                ],
            },
        ],
        beneficiaries: &[
            "des associations de femmes et de jeunes",
            "des familles en situation de handicap",
            "les jeunes du quartier",
        ],
        partners: &[
            "l'Association des femmes",
            "le Centre social",
            "l'Association des personnes handicapées",
            "la Maison des jeunes",
        ],
        hosts: &[
            "le Centre social",
            "la Maison des jeunes et de la culture",
            "la Mission locale",
        ],
        company_words: &["Solidarités", "Inclusion", "Services"],
        association_names: &[
            "Jeunesse et Partage",
            "Handi Partage",
            "Femmes d'Ici et d'Ailleurs",
        ],
    },
    Parent {
        key: "culture",
        weight: 3,
        general: &["médiation culturelle", "gestion de projets culturels"],
        children: &[Child {
            key: "patrimoine",
            weight: 1,
            skills: &[
                "restauration du patrimoine",
                "conservation préventive",
                "muséographie",
                "inventaire du patrimoine",
                "architecture de terre",
            ],
            professions: &[
                ("architecte du patrimoine", "architecte du patrimoine"),
                ("conservateur", "conservatrice"),
            ],
            activities: &[
                "la restauration d'un bâtiment en terre crue",
                "la création d'un musée communautaire",
                "l'inventaire du patrimoine bâti",
            ],
        }],
        beneficiaries: &[
            "les acteurs culturels locaux",
            "la commune et ses habitants",
        ],
        partners: &[
            "le Musée communautaire",
            "l'Association de sauvegarde du patrimoine",
            "le Centre culturel",
        ],
        hosts: &["le Musée", "le Service du patrimoine", "le Centre culturel"],
        company_words: &["Patrimoine", "Architecture", "Restauration"],
        association_names: &["Patrimoines Partagés", "Cultures Croisées"],
    },
];
