//! Forms: the fields of a need, an offer and an expert's profile as people enter them,
//! and what the forms say.

/// A need's fields as an association enters them: (column, label, hint, required).
pub const NEED_FIELDS: [(&str, &str, &str, bool); 21] = [
    ("title", "Intitulé du besoin", "", true),
    (
        "description",
        "Description",
        "Le contexte, ce que l’expert fera, avec qui.",
        true,
    ),
    ("kind", "Type de mission", "", true),
    (
        "call",
        "Appel à projets",
        "Par exemple 2027-printemps (facultatif).",
        false,
    ),
    ("theme", "Thème", "", true),
    (
        "skills",
        "Compétences recherchées",
        "Séparées par « ; ».",
        true,
    ),
    ("country", "Pays", "", true),
    ("city", "Ville", "", false),
    (
        "languages",
        "Langues exigées",
        "Code et niveau, séparés par « ; » : fr:B2; en:B1.",
        true,
    ),
    (
        "preferred_languages",
        "Langues souhaitées",
        "Même forme, facultatif.",
        false,
    ),
    ("window.from", "Période possible : du", "", true),
    ("window.to", "au", "", true),
    (
        "duration_days",
        "Durée de la mission (jours)",
        "De 7 à 15 jours.",
        true,
    ),
    ("experts_wanted", "Nombre d’experts", "De 1 à 5.", false),
    ("objectives", "Objectifs", "Séparés par « ; ».", false),
    (
        "deliverables",
        "Livrables attendus",
        "Séparés par « ; ».",
        false,
    ),
    ("local_partner.name", "Partenaire local", "", false),
    (
        "local_partner.provides_lodging",
        "Le partenaire loge l’expert",
        "",
        false,
    ),
    (
        "local_partner.provides_field_transport",
        "Le partenaire assure les déplacements sur place",
        "",
        false,
    ),
    (
        "local_partner.meals_provided_per_day",
        "Repas fournis par jour",
        "De 0 à 2.",
        false,
    ),
    (
        "expert_origin",
        "Pays d’origine de l’expert (réciprocité)",
        "Code du pays, par exemple SN.",
        false,
    ),
];

/// An offer's fields as a company enters them: (column, label, hint, required). The
/// offer's id and `company.id` are the server's.
pub const OFFER_FIELDS: [(&str, &str, &str, bool); 14] = [
    ("company.name", "Nom de l’entreprise", "", true),
    (
        "company.turnover_eur",
        "Chiffre d’affaires annuel (€)",
        "Facultatif ; sert à estimer le plafond de la réduction d’impôt du mécénat.",
        false,
    ),
    ("title", "Intitulé de l’offre", "", true),
    (
        "description",
        "Description",
        "Les métiers, ce que vos salariés peuvent apporter.",
        false,
    ),
    (
        "themes",
        "Thèmes",
        "Un ou plusieurs (Ctrl ou ⌘ pour en choisir plusieurs).",
        true,
    ),
    ("skills", "Compétences prêtées", "Séparées par « ; ».", true),
    (
        "languages",
        "Langues parlées",
        "Code et niveau, séparés par « ; » : fr:C2; en:B1.",
        false,
    ),
    (
        "countries",
        "Pays souhaités",
        "Codes des pays, séparés par « ; » ; vide : tous les pays.",
        false,
    ),
    (
        "experts",
        "Salariés volontaires",
        "Identifiants des salariés inscrits, séparés par « ; » (facultatif).",
        false,
    ),
    (
        "headcount",
        "Nombre de missions possibles",
        "Votre quota sur la période.",
        true,
    ),
    ("window.from", "Période possible : du", "", true),
    ("window.to", "au", "", true),
    (
        "max_mission_days",
        "Durée de mission au plus (jours)",
        "Les missions du programme durent de 7 à 15 jours.",
        true,
    ),
    (
        "covers_remaining_costs",
        "L’entreprise prend en charge le reste des frais",
        "Au-delà de la part du réseau (50 % du voyage, plafonnée).",
        false,
    ),
];

/// The fields of their own record an expert edits: (column, label, hint, required).
/// The others (status, employer, consent, costs, missions done) are the network's and
/// the employer's, kept as they are.
pub const EXPERT_FIELDS: [(&str, &str, &str, bool); 12] = [
    ("name", "Nom et prénom", "", true),
    ("email", "Adresse e-mail", "", false),
    ("phone", "Téléphone", "", false),
    ("home.city", "Ville", "", false),
    (
        "themes",
        "Thèmes",
        "Un ou plusieurs (Ctrl ou ⌘ pour en choisir plusieurs).",
        true,
    ),
    ("skills", "Compétences", "Séparées par « ; ».", false),
    (
        "bio",
        "Présentation",
        "Votre parcours en quelques lignes.",
        false,
    ),
    (
        "languages",
        "Langues",
        "Code et niveau, séparés par « ; » : fr:C2; en:B1.",
        true,
    ),
    (
        "countries",
        "Pays connus",
        "Codes des pays, séparés par « ; » : SN; BF.",
        false,
    ),
    (
        "availability",
        "Disponibilités",
        "Périodes aaaa-mm-jj..aaaa-mm-jj séparées par « ; ».",
        true,
    ),
    (
        "max_mission_days",
        "Durée de mission au plus (jours)",
        "Les missions du programme durent de 7 à 15 jours.",
        true,
    ),
    (
        "daily_cost_eur",
        "Coût journalier (€)",
        "Facultatif.",
        false,
    ),
];

/// Yes, in a yes/no choice.
pub const YES: &str = "oui";
/// No, in a yes/no choice.
pub const NO: &str = "non";
/// A need's kind: a mission abroad.
pub const KIND_STANDARD: &str = "Expertise à l’étranger";
/// A need's kind: a reciprocity mission.
pub const KIND_RECIPROCITY: &str = "Réciprocité : accueil en Occitanie";
