#!/usr/bin/env python3
"""Writes the EXPLOR sample dataset (associations, experts, offers, needs).

Deterministic: no randomness, no clock; every record is written out below (experts'
bios are composed from per-profession phrases, with a few written whole). Standard
library only. Run from anywhere:

    python3 data/sample/generate.py && python3 data/sample/check.py

The output follows docs/data-format.md exactly (canonical JSON shape, no extra
fields). All people, companies and e-mail addresses are fictitious; public bodies
(communautés d'agglomération, CHU, ...) are named as employers only.
"""

import json
import pathlib
import re
import unicodedata

OUT = pathlib.Path(__file__).resolve().parent
YEAR = "2027"


# ---------------------------------------------------------------- helpers

def gender(text, sex):
    """Resolves `{masculine|feminine}` markers for sex 'm' or 'f'."""
    return re.sub(r"\{([^{}|]*)\|([^{}|]*)\}",
                  lambda m: m.group(1) if sex == "m" else m.group(2), text)


def cap(s):
    return s[:1].upper() + s[1:]


def langs(spec):
    """'fr:C2 en:B1' -> [{'code': 'fr', 'level': 'C2'}, ...]"""
    out = []
    for item in spec.split():
        code, level = item.split(":")
        out.append({"code": code, "level": level})
    return out


def day(md):
    """'03-01' -> '2027-03-01' (full dates pass through)."""
    return md if len(md) == 10 else f"{YEAR}-{md}"


def windows(spec):
    """'03-01/05-31 10-15/11-30' -> [{'from': ..., 'to': ...}, ...]"""
    out = []
    for item in spec.split():
        a, b = item.split("/")
        out.append({"from": day(a), "to": day(b)})
    return out


def window(spec):
    (w,) = windows(spec)
    return w


def slug(name):
    name = name.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z\- ]", "", s)
    return s


# ---------------------------------------------------------------- countries (bios)

# code -> "in" form used in bios
COUNTRY_IN = {
    "SN": "au Sénégal", "CD": "en RDC", "CG": "au Congo-Brazzaville", "CM": "au Cameroun",
    "BF": "au Burkina Faso", "ML": "au Mali", "NE": "au Niger", "MR": "en Mauritanie",
    "MA": "au Maroc", "TN": "en Tunisie", "DZ": "en Algérie", "BJ": "au Bénin",
    "TG": "au Togo", "GN": "en Guinée", "GW": "en Guinée-Bissau", "CI": "en Côte d'Ivoire",
    "GA": "au Gabon", "TD": "au Tchad", "MG": "à Madagascar", "KM": "aux Comores",
    "MZ": "au Mozambique", "AO": "en Angola", "CV": "au Cap-Vert", "BR": "au Brésil",
    "PE": "au Pérou", "BO": "en Bolivie", "HT": "en Haïti", "DO": "en République dominicaine",
    "VN": "au Vietnam", "KH": "au Cambodge", "LA": "au Laos", "TH": "en Thaïlande",
    "SG": "à Singapour", "NP": "au Népal", "LB": "au Liban", "FR": "en France",
}


def places(codes):
    parts = [COUNTRY_IN[c] for c in codes]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " et " + parts[-1]


# ---------------------------------------------------------------- associations

def contact(name, email, phone):
    return {"name": name, "email": email, "phone": phone}


ASSOCIATIONS = [
    # the data-format.md example, verbatim
    {"id": "asso-eau-vive", "name": "Eau Vive Occitanie", "department": "31",
     "network_member": True, "field_experience_years": 8, "mecenat_eligible": True,
     "contact": contact("Jeanne Roux", "contact@eauvive.example", "+33 5 61 00 00 00")},
    {"id": "asso-terres-solidaires-gers", "name": "Terres Solidaires du Gers", "department": "32",
     "network_member": True, "field_experience_years": 15, "mecenat_eligible": True,
     "contact": contact("Bernard Lannes", "contact@terres-solidaires-gers.example", "+33 5 62 00 00 11")},
    {"id": "asso-soleil-partage", "name": "Soleil Partagé", "department": "82",
     "network_member": True, "field_experience_years": 6, "mecenat_eligible": True,
     "contact": contact("Agathe Mouysset", "bureau@soleil-partage.example", "+33 5 63 00 00 12")},
    {"id": "asso-sante-sud-roussillon", "name": "Santé Sud Roussillon", "department": "66",
     "network_member": True, "field_experience_years": 22, "mecenat_eligible": True,
     "contact": contact("Dr Paul Sirvent", "secretariat@sante-sud-roussillon.example", "+33 4 68 00 00 13")},
    {"id": "asso-cartables-pour-tous", "name": "Cartables pour Tous", "department": "34",
     "network_member": True, "field_experience_years": 11, "mecenat_eligible": True,
     "contact": contact("Odile Ramond", "contact@cartables-pour-tous.example", "+33 4 67 00 00 14")},
    {"id": "asso-lozere-madagascar", "name": "Lozère Madagascar Solidarité", "department": "48",
     "network_member": True, "field_experience_years": 18, "mecenat_eligible": True,
     "contact": contact("Francis Boulet", "lozere.madagascar@example.org", "+33 4 66 00 00 15")},
    {"id": "asso-aveyron-benin", "name": "Aveyron Bénin Coopération", "department": "12",
     "network_member": True, "field_experience_years": 25, "mecenat_eligible": True,
     "contact": contact("Monique Vernhet", "contact@aveyron-benin.example", "+33 5 65 00 00 16")},
    {"id": "asso-tarn-senegal", "name": "Tarn Sénégal Partage", "department": "81",
     "network_member": True, "field_experience_years": 14, "mecenat_eligible": False,
     "contact": contact("Abdoulaye Gueye", "tarn.senegal@example.org", "+33 5 63 00 00 17")},
    {"id": "asso-ariege-andes", "name": "Ariège Andes Solidarité", "department": "09",
     "network_member": True, "field_experience_years": 9, "mecenat_eligible": True,
     "contact": contact("Lucía Ramírez", "hola@ariege-andes.example", "+33 5 61 00 00 18")},
    {"id": "asso-pont-vietnam", "name": "Pont Occitanie Vietnam", "department": "31",
     "network_member": True, "field_experience_years": 12, "mecenat_eligible": True,
     "contact": contact("Hoa Pham", "contact@pont-occitanie-vietnam.example", "+33 5 61 00 00 19")},
    {"id": "asso-haiti-avenir", "name": "Haïti Avenir Languedoc", "department": "11",
     "network_member": True, "field_experience_years": 13, "mecenat_eligible": True,
     "contact": contact("Régine Bastien", "haiti.avenir@example.org", "+33 4 68 00 00 20")},
    {"id": "asso-cevennes-sahel", "name": "Cévennes Sahel", "department": "30",
     "network_member": True, "field_experience_years": 30, "mecenat_eligible": True,
     "contact": contact("Henri Chabrol", "cevennes.sahel@example.org", "+33 4 66 00 00 21")},
    {"id": "asso-quercy-cameroun", "name": "Quercy Cameroun Entraide", "department": "46",
     "network_member": True, "field_experience_years": 10, "mecenat_eligible": True,
     "contact": contact("Sylvie Lacoste", "contact@quercy-cameroun.example", "+33 5 65 00 00 22")},
    {"id": "asso-bigorre-atlas", "name": "Bigorre Atlas Solidarité", "department": "65",
     "network_member": True, "field_experience_years": 7, "mecenat_eligible": True,
     "contact": contact("Mohamed Ouali", "bigorre.atlas@example.org", "+33 5 62 00 00 23")},
    {"id": "asso-narbonne-mediterranee", "name": "Narbonne Méditerranée Solidarités", "department": "11",
     "network_member": True, "field_experience_years": 5, "mecenat_eligible": False,
     "contact": contact("Leïla Mansouri", "contact@narbonne-solidarites.example", "+33 4 68 00 00 24")},
    {"id": "asso-castres-afrique", "name": "Castres Coopération Afrique centrale", "department": "81",
     "network_member": True, "field_experience_years": 16, "mecenat_eligible": True,
     "contact": contact("Jean-Pierre Alquier", "ccac@example.org", "+33 5 63 00 00 25")},
    {"id": "asso-moissac-togo", "name": "Moissac Togo Amitié", "department": "82",
     "network_member": True, "field_experience_years": 20, "mecenat_eligible": True,
     "contact": contact("Yves Delbreil", "moissac.togo@example.org", "+33 5 63 00 00 26")},
    {"id": "asso-pont-catalan-cambodge", "name": "Pont Catalan Cambodge", "department": "66",
     "network_member": True, "field_experience_years": 8, "mecenat_eligible": True,
     "contact": contact("Núria Planas", "contact@pont-catalan-cambodge.example", "+33 4 68 00 00 27")},
    {"id": "asso-cedres-occitanie", "name": "Les Cèdres d'Occitanie", "department": "34",
     "network_member": True, "field_experience_years": 4, "mecenat_eligible": True,
     "contact": contact("Georges Khoury", "cedres.occitanie@example.org", "+33 4 67 00 00 28")},
    # only the required fields: defaults apply (member, 0 years, not eligible, no contact)
    {"id": "asso-iles-littoraux", "name": "Îles et Littoraux Solidaires", "department": "34"},
    # young collective, not (yet) a member of the network
    {"id": "asso-petits-ponts", "name": "Les Petits Ponts", "department": "32",
     "network_member": False, "field_experience_years": 1, "mecenat_eligible": False},
]


# ---------------------------------------------------------------- employers

def company(id_, name):
    return {"id": id_, "name": name, "kind": "company"}


def local(id_, name):
    return {"id": id_, "name": name, "kind": "local_authority"}


def public(id_, name):
    return {"id": id_, "name": name, "kind": "public_body"}


EMP = {e["id"]: e for e in [
    company("co-elec-sud", "Élec Sud"),
    company("co-aqualis", "Aqualis Environnement"),
    company("co-occitalis", "Occitalis Numérique"),
    company("co-coop-gasconne", "Coopérative agricole Gasconne"),
    company("co-aerotech", "Aérotech Midi"),
    company("co-credit-midi", "Crédit Solidaire du Midi"),
    company("co-batir-occitanie", "Bâtir Occitanie"),
    company("co-clinique-garrigues", "Clinique des Garrigues"),
    company("co-valoreco", "Valoréco Occitanie"),
    company("co-fabre-associes", "Fabre & Associés"),
    company("co-laiterie-causses", "Laiterie des Grands Causses"),
    company("co-soleil-catalan", "Soleil Catalan Énergies"),
    company("co-tamwil-sud", "Tamwil Sud Microfinance"),
    local("ca-muretain", "Communauté d'agglomération Le Muretain Agglo"),
    local("ca-grand-montauban", "Communauté d'agglomération du Grand Montauban"),
    local("ca-grand-narbonne", "Communauté d'agglomération du Grand Narbonne"),
    local("toulouse-metropole", "Toulouse Métropole"),
    local("montpellier-3m", "Montpellier Méditerranée Métropole"),
    local("nimes-metropole", "Nîmes Métropole"),
    local("ville-albi", "Ville d'Albi"),
    local("ville-rodez", "Ville de Rodez"),
    local("ville-tarbes", "Ville de Tarbes"),
    local("cd-gers", "Conseil départemental du Gers"),
    local("cd-aveyron", "Conseil départemental de l'Aveyron"),
    local("cd-lozere", "Conseil départemental de la Lozère"),
    local("region-occitanie", "Région Occitanie / Pyrénées-Méditerranée"),
    local("trifyl", "Trifyl (syndicat départemental des déchets du Tarn)"),
    public("chu-toulouse", "CHU de Toulouse"),
    public("chu-montpellier", "CHU de Montpellier"),
    public("chu-nimes", "CHU de Nîmes"),
    public("inrae-occitanie", "INRAE Occitanie-Toulouse"),
    public("agence-eau-ag", "Agence de l'eau Adour-Garonne"),
    public("univ-toulouse3", "Université Toulouse III – Paul Sabatier"),
    public("rectorat-toulouse", "Rectorat de l'académie de Toulouse"),
    # employers abroad (reciprocity experts)
    local("mairie-abomey", "Mairie d'Abomey"),
    local("ville-saint-louis-sn", "Ville de Saint-Louis (Sénégal)"),
    public("ormva-tafilalet", "Office régional de mise en valeur agricole du Tafilalet"),
    public("hopital-laquintinie", "Hôpital Laquintinie de Douala"),
    public("hoi-an-patrimoine", "Centre de conservation du patrimoine de Hội An"),
]}

# how an employer is introduced in a bio ("à la", "au", "chez" ...)
def employer_phrase(emp):
    name = emp["name"]
    low = name.lower()
    if low.startswith(("communauté", "région", "ville", "mairie", "clinique", "coopérative", "laiterie")):
        return f"à la {name}"
    if emp["kind"] == "company" or low.startswith("trifyl"):
        return f"chez {name}"
    if low.startswith(("communauté", "région", "ville", "mairie")):
        return f"à la {name}"
    if low.startswith(("conseil", "chu", "centre", "rectorat")):
        return f"au {name}"
    if low.startswith(("agence", "université", "office", "inrae", "hôpital")):
        return f"à l'{name}"
    return f"à {name}"


# ---------------------------------------------------------------- professions

# t: title, does: present activity, did: past activity (retirees); {m|f} markers.
ARCH = {
    "dechets_ing": dict(
        t="{ingénieur|ingénieure} déchets", themes=["dechets"],
        skills=["diagnostic déchets", "caractérisation", "valorisation", "plan de prévention des déchets",
                "compostage", "tri sélectif"],
        does="{il|elle} conduit les études de gisement et l'optimisation de la collecte et du traitement des déchets ménagers",
        did="{il|elle} a conduit des études de gisement et organisé la collecte et le traitement des déchets ménagers"),
    "dechets_tech": dict(
        t="{technicien|technicienne} collecte et tri", themes=["dechets"],
        skills=["collecte", "tri sélectif", "compostage", "sensibilisation au tri", "gestion de déchetterie"],
        does="{il|elle} organise les tournées de collecte et anime des campagnes de sensibilisation au tri auprès des habitants",
        did="{il|elle} a organisé des tournées de collecte, géré une déchetterie et animé de nombreuses campagnes de sensibilisation au tri"),
    "energie_pv": dict(
        t="{technicien|technicienne} photovoltaïque", themes=["energie"],
        skills=["photovoltaïque", "dimensionnement solaire", "installation solaire", "maintenance",
                "stockage batterie"],
        does="{il|elle} dimensionne, installe et met en service des centrales solaires en toiture et en site isolé",
        did="{il|elle} a installé et entretenu des centrales solaires en toiture et en site isolé"),
    "energie_ing": dict(
        t="{ingénieur|ingénieure} en génie électrique", themes=["energie"],
        skills=["génie électrique", "mini-réseaux", "photovoltaïque", "stockage batterie",
                "distribution basse tension"],
        does="{il|elle} conçoit des réseaux de distribution et des systèmes hybrides solaire-batteries",
        did="{il|elle} a conçu des réseaux de distribution électrique et des centrales hybrides pour des sites isolés"),
    "eau_ing": dict(
        t="{ingénieur hydraulicien|ingénieure hydraulicienne}", themes=["eau_assainissement"],
        skills=["adduction d'eau potable", "forage", "qualité de l'eau", "gestion des services d'eau",
                "assainissement autonome"],
        does="{il|elle} conçoit et suit des réseaux d'adduction d'eau potable pour des communes rurales",
        did="{il|elle} a conçu et exploité des réseaux d'eau potable en milieu rural"),
    "assainissement": dict(
        t="{technicien|technicienne} assainissement", themes=["eau_assainissement", "hygiene"],
        skills=["assainissement autonome", "gestion des boues de vidange", "latrines", "station d'épuration",
                "hygiène"],
        does="{il|elle} contrôle les installations d'assainissement et accompagne les communes dans la gestion des boues de vidange",
        did="{il|elle} a contrôlé des installations d'assainissement et exploité des stations d'épuration"),
    "irrigation": dict(
        t="{ingénieur agronome|ingénieure agronome}", themes=["irrigation", "agriculture"],
        skills=["irrigation goutte-à-goutte", "gestion collective de l'eau", "pompage solaire",
                "conduite de l'irrigation", "économies d'eau"],
        does="{il|elle} travaille sur l'efficience de l'irrigation et la gestion collective de la ressource en eau",
        did="{il|elle} a travaillé sur l'efficience de l'irrigation et accompagné des associations d'irrigants"),
    "agroeco": dict(
        t="agronome", themes=["agroecologie"],
        skills=["agroécologie", "agroforesterie", "fertilité des sols", "compostage", "semences paysannes", "zaï"],
        does="{il|elle} accompagne des groupements de producteurs dans la transition agroécologique",
        did="{il|elle} a accompagné des groupements de producteurs vers des pratiques agroécologiques"),
    "elevage": dict(
        t="vétérinaire", themes=["elevage"],
        skills=["santé animale", "vaccination", "gestion des pâturages", "élevage laitier",
                "formation d'auxiliaires d'élevage"],
        does="{il|elle} suit des élevages bovins et ovins et forme des éleveurs à la prévention sanitaire",
        did="{il|elle} a suivi des élevages bovins et ovins en zone de montagne et formé des auxiliaires d'élevage"),
    "transfo": dict(
        t="{ingénieur|ingénieure} agroalimentaire", themes=["transformation_alimentaire"],
        skills=["transformation des produits agricoles", "hygiène alimentaire (HACCP)", "conditionnement",
                "séchage solaire", "gestion de coopérative"],
        does="{il|elle} met au point des procédés de transformation et des plans de maîtrise sanitaire",
        did="{il|elle} a mis au point des procédés de transformation et des plans de maîtrise sanitaire"),
    "medecin": dict(
        t="médecin généraliste", themes=["soins_primaires", "sante"],
        skills=["soins primaires", "organisation de dispensaire", "formation d'agents de santé",
                "médicaments essentiels", "santé communautaire"],
        does="{il|elle} exerce en maison de santé pluriprofessionnelle et forme des internes",
        did="{il|elle} a exercé en zone rurale et formé de nombreux internes à la médecine de premier recours"),
    "sage_femme": dict(
        t="sage-femme", themes=["sante_maternelle"],
        skills=["suivi de grossesse", "accouchement", "soins néonatals", "formation de matrones",
                "planification familiale"],
        does="{il|elle} exerce en salle de naissance et coordonne la formation continue de l'équipe obstétricale",
        did="{il|elle} a exercé en maternité et encadré la formation des étudiantes sages-femmes"),
    "infirmier": dict(
        t="{infirmier hygiéniste|infirmière hygiéniste}", themes=["hygiene", "soins_primaires"],
        skills=["prévention des infections", "hygiène hospitalière", "lavage des mains",
                "gestion des déchets de soins", "éducation à la santé"],
        does="{il|elle} anime l'équipe opérationnelle d'hygiène et forme les soignants à la prévention des infections",
        did="{il|elle} a animé une équipe d'hygiène hospitalière et mené des campagnes de prévention en milieu scolaire"),
    "nutrition": dict(
        t="{diététicien|diététicienne} nutritionniste", themes=["nutrition"],
        skills=["dépistage de la malnutrition", "éducation nutritionnelle", "alimentation du jeune enfant",
                "enquête alimentaire"],
        does="{il|elle} prend en charge la dénutrition et conçoit des programmes d'éducation nutritionnelle",
        did="{il|elle} a pris en charge la dénutrition en pédiatrie et conçu des programmes d'éducation nutritionnelle"),
    "biomedical": dict(
        t="{ingénieur biomédical|ingénieure biomédicale}", themes=["sante"],
        skills=["maintenance biomédicale", "gestion des équipements", "formation de techniciens",
                "achats d'équipements"],
        does="{il|elle} gère le parc d'équipements médicaux et la formation des techniciens de maintenance",
        did="{il|elle} a géré le parc d'équipements médicaux d'un hôpital et formé des techniciens de maintenance"),
    "enseignant": dict(
        t="{professeur|professeure} des écoles", themes=["education_base"],
        skills=["pédagogie active", "formation d'enseignants", "apprentissage de la lecture",
                "classes multiniveaux", "matériel pédagogique"],
        does="{il|elle} enseigne en classe multiniveau et accueille des enseignants stagiaires",
        did="{il|elle} a enseigné en classe multiniveau puis formé des enseignants débutants"),
    "conseiller_peda": dict(
        t="{conseiller|conseillère} pédagogique", themes=["education_base", "formation_professionnelle"],
        skills=["formation d'enseignants", "pédagogie active", "apprentissage de la lecture",
                "ingénierie de formation"],
        does="{il|elle} conçoit et anime la formation continue des enseignants du premier degré",
        did="{il|elle} a conçu et animé la formation continue des enseignants du premier degré"),
    "formateur_pro": dict(
        t="{formateur|formatrice} en électricité", themes=["formation_professionnelle", "energie"],
        skills=["ingénierie de formation", "électricité du bâtiment", "référentiels métiers", "apprentissage",
                "habilitation électrique"],
        does="{il|elle} conçoit des parcours qualifiants et forme des apprentis aux métiers de l'électricité",
        did="{il|elle} a conçu des parcours qualifiants et formé des centaines d'apprentis électriciens"),
    "alpha": dict(
        t="{formateur|formatrice} en alphabétisation", themes=["alphabetisation"],
        skills=["alphabétisation fonctionnelle", "français langue étrangère", "formation de formateurs",
                "supports pédagogiques"],
        does="{il|elle} anime des ateliers d'alphabétisation pour adultes et forme des formateurs bénévoles",
        did="{il|elle} a animé des ateliers d'alphabétisation pour adultes et formé des formateurs bénévoles"),
    "handicap": dict(
        t="{éducateur spécialisé|éducatrice spécialisée}", themes=["handicap", "education"],
        skills=["éducation inclusive", "accompagnement du handicap", "formation d'enseignants",
                "langue des signes", "réadaptation à base communautaire"],
        does="{il|elle} accompagne la scolarisation d'enfants en situation de handicap en milieu ordinaire",
        did="{il|elle} a accompagné la scolarisation d'enfants en situation de handicap en milieu ordinaire"),
    "etat_civil": dict(
        t="responsable du service état civil", themes=["etat_civil", "administration_publique"],
        skills=["état civil", "numérisation des registres", "formation des agents", "archivage", "recensement"],
        does="{il|elle} dirige le service population et a mené la dématérialisation des registres",
        did="{il|elle} a dirigé un service population et mené la dématérialisation des registres d'état civil"),
    "finances": dict(
        t="{directeur|directrice} des finances", themes=["finances_locales"],
        skills=["budget communal", "fiscalité locale", "recouvrement", "contrôle de gestion",
                "comptabilité publique"],
        does="{il|elle} prépare et exécute le budget de la collectivité et pilote la stratégie fiscale",
        did="{il|elle} a préparé et exécuté les budgets de plusieurs collectivités et réorganisé le recouvrement"),
    "admin": dict(
        t="{directeur général|directrice générale} des services", themes=["administration_publique", "gouvernance"],
        skills=["organisation des services", "gestion des ressources humaines", "intercommunalité",
                "conduite du changement", "coopération décentralisée"],
        does="{il|elle} coordonne les services et accompagne les élus dans la conduite des projets de territoire",
        did="{il|elle} a dirigé les services de plusieurs communes et suivi des coopérations décentralisées"),
    "urbaniste": dict(
        t="urbaniste", themes=["urbanisme"],
        skills=["planification urbaine", "SIG", "adressage", "document d'urbanisme", "concertation"],
        does="{il|elle} élabore des documents de planification et des projets d'aménagement de quartiers",
        did="{il|elle} a élaboré des documents de planification et conduit des projets de quartiers"),
    "genie_civil": dict(
        t="{ingénieur|ingénieure} en génie civil", themes=["urbanisme", "eau_assainissement"],
        skills=["voirie et réseaux divers", "drainage pluvial", "conduite de travaux", "construction en terre",
                "métré"],
        does="{il|elle} conduit des chantiers de voirie et de réseaux pour des collectivités",
        did="{il|elle} a conduit des chantiers de voirie et de réseaux pour des collectivités"),
    "entrepreneuriat": dict(
        t="{conseiller|conseillère} en création d'entreprise", themes=["entrepreneuriat"],
        skills=["plan d'affaires", "incubation", "accompagnement de porteurs de projet", "étude de marché",
                "formation à la gestion"],
        does="{il|elle} accompagne des porteurs de projet, de l'idée au premier financement",
        did="{il|elle} a accompagné des centaines de porteurs de projet, de l'idée au premier financement"),
    "microfinance": dict(
        t="{chargé|chargée} d'affaires bancaires", themes=["microfinance"],
        skills=["microcrédit", "analyse financière", "gestion du risque", "épargne solidaire",
                "gouvernance des mutuelles"],
        does="{il|elle} instruit des demandes de crédit de TPE et suit un portefeuille de financements solidaires",
        did="{il|elle} a instruit des crédits de TPE et dirigé une agence bancaire"),
    "comptable": dict(
        t="{expert-comptable|experte-comptable}", themes=["entrepreneuriat", "microfinance"],
        skills=["comptabilité", "gestion associative", "audit", "contrôle interne"],
        does="{il|elle} accompagne des associations, des coopératives et des TPE dans leur gestion",
        did="{il|elle} a accompagné des associations, des coopératives et des TPE dans leur gestion"),
    "tourisme": dict(
        t="{chargé|chargée} de développement touristique", themes=["tourisme_solidaire"],
        skills=["écotourisme", "hébergement chez l'habitant", "commercialisation", "formation de guides",
                "itinéraires de randonnée"],
        does="{il|elle} monte des offres de tourisme rural avec des hébergeurs et des guides locaux",
        did="{il|elle} a monté des offres de tourisme rural avec des hébergeurs et des guides locaux"),
    "hotellerie": dict(
        t="{formateur|formatrice} en hôtellerie-restauration", themes=["tourisme_solidaire", "formation_professionnelle"],
        skills=["formation hôtelière", "accueil client", "hygiène en restauration", "ingénierie de formation"],
        does="{il|elle} forme des jeunes aux métiers de l'accueil, de la cuisine et du service en salle",
        did="{il|elle} a formé des jeunes aux métiers de l'accueil, de la cuisine et du service en salle"),
    "artisanat": dict(
        t="designer textile", themes=["artisanat"],
        skills=["tissage", "design produit", "commercialisation équitable", "gestion de coopérative",
                "teinture végétale"],
        does="{il|elle} conçoit des collections avec des ateliers d'artisans et les aide à accéder à de nouveaux marchés",
        did="{il|elle} a conçu des collections avec des ateliers d'artisans et formé des couturières"),
    "informatique": dict(
        t="{ingénieur|ingénieure} logiciel", themes=["informatique"],
        skills=["développement web", "bases de données", "logiciel libre", "systèmes d'information hospitaliers",
                "gestion de projet informatique"],
        does="{il|elle} conçoit des applications métier et accompagne leur déploiement auprès des utilisateurs",
        did="{il|elle} a conçu des applications métier et dirigé des projets de systèmes d'information"),
    "telecom": dict(
        t="{ingénieur|ingénieure} réseaux et télécoms", themes=["telecommunications", "informatique"],
        skills=["réseaux radio", "liaisons VSAT", "fibre optique", "cybersécurité", "réseaux locaux"],
        does="{il|elle} déploie des réseaux d'entreprise et des liaisons sans fil longue distance",
        did="{il|elle} a déployé des réseaux de télécommunications et des liaisons satellitaires"),
    "patrimoine": dict(
        t="architecte du patrimoine", themes=["patrimoine", "urbanisme"],
        skills=["restauration du bâti ancien", "inventaire patrimonial", "matériaux traditionnels",
                "plan de sauvegarde"],
        does="{il|elle} conduit des diagnostics et des projets de restauration de bâtiments anciens",
        did="{il|elle} a conduit des diagnostics et des restaurations de bâtiments anciens"),
    "genre": dict(
        t="{chargé|chargée} de mission égalité femmes-hommes", themes=["genre"],
        skills=["approche genre", "prévention des violences faites aux femmes",
                "autonomisation économique des femmes", "animation de groupes de parole"],
        does="{il|elle} forme les professionnels à l'approche genre et accompagne des collectifs de femmes",
        did="{il|elle} a formé des professionnels à l'approche genre et accompagné des collectifs de femmes"),
    "jeunesse": dict(
        t="{animateur|animatrice} jeunesse", themes=["jeunesse"],
        skills=["animation socioculturelle", "projets de jeunes", "éducation populaire",
                "gestion d'équipement jeunesse", "citoyenneté"],
        does="{il|elle} dirige un espace jeunes et accompagne les projets portés par les 15-25 ans",
        did="{il|elle} a dirigé un espace jeunes et accompagné les projets des 15-25 ans"),
    "climat": dict(
        t="{chargé|chargée} de mission climat", themes=["climat"],
        skills=["plan climat", "adaptation au changement climatique", "vulnérabilité côtière", "bilan carbone"],
        does="{il|elle} conduit des plans climat et des études de vulnérabilité pour des collectivités littorales",
        did="{il|elle} a piloté des plans climat et des études de vulnérabilité"),
    "biodiversite": dict(
        t="écologue", themes=["biodiversite"],
        skills=["restauration de mangrove", "inventaire faune-flore", "gestion d'aires protégées",
                "suivi écologique"],
        does="{il|elle} réalise des inventaires naturalistes et des plans de gestion d'espaces protégés",
        did="{il|elle} a réalisé des inventaires naturalistes et des plans de gestion d'espaces protégés"),
    "maintenance_aero": dict(
        t="{technicien|technicienne} de maintenance aéronautique", themes=["formation_professionnelle"],
        skills=["maintenance industrielle", "ingénierie de formation", "qualité", "habilitation électrique"],
        does="{il|elle} assure la maintenance de lignes d'assemblage et le tutorat des apprentis",
        did="{il|elle} a assuré la maintenance de lignes d'assemblage et le tutorat des apprentis"),
    "inspection": dict(
        t="{inspecteur|inspectrice} de l'enseignement élémentaire", themes=["education_base", "jeunesse"],
        skills=["formation d'enseignants", "éducation à la citoyenneté", "pédagogie active", "animation de débats"],
        does="{il|elle} encadre les écoles d'une circonscription et forme les directeurs",
        did="{il|elle} a encadré les écoles d'une circonscription et formé des centaines d'enseignants"),
}

# third sentence of a bio: motivation / way of working (picked by expert number)
CLOSINGS = [
    "Attaché{|e} au transfert de compétences, {il|elle} privilégie des outils simples que les équipes locales peuvent s'approprier.",
    "{Il|Elle} souhaite mettre son expérience au service d'un projet porté par un partenaire de terrain.",
    "Habitué{|e} au travail avec les élus et les services techniques, {il|elle} sait animer des ateliers participatifs.",
    "{Il|Elle} apprécie les missions courtes et bien cadrées, avec un livrable concret à la clé.",
    "{Il|Elle} reste disponible pour accompagner à distance la mise en œuvre des recommandations après la mission.",
    "Pédagogue, {il|elle} encadre régulièrement des stagiaires et de jeunes professionnels.",
    "{Il|Elle} est {bénévole|bénévole} depuis plusieurs années dans une association de solidarité internationale de sa ville.",
    "{Il|Elle} attache une grande importance à l'écoute des besoins exprimés par les partenaires locaux.",
    "Rigoureu{x|se} et curieu{x|se}, {il|elle} aime travailler en binôme avec un homologue local.",
    "{Il|Elle} a suivi la formation au départ proposée par le réseau et souhaite s'engager sur une première mission EXPLOR.",
    "Son approche repose sur le diagnostic partagé et la co-construction des solutions.",
    "{Il|Elle} privilégie les solutions sobres, adaptées aux moyens et aux contraintes du terrain.",
]


# ---------------------------------------------------------------- experts

def consent(scheme, status, valid_from=None, valid_to=None):
    s = {"mc": "mecenat_competences", "cs": "conge_solidaire", "md": "mise_a_disposition",
         "no": "none"}[scheme]
    st = {"g": "granted", "p": "pending", "r": "refused", "n": "not_required"}[status]
    c = {"scheme": s, "status": st}
    if valid_from:
        c["valid_from"] = valid_from
    if valid_to:
        c["valid_to"] = valid_to
    return c


Y27 = ("2027-01-01", "2027-12-31")
NONE = consent("no", "n")


def expert_phone(num, country):
    n = int(num)
    prefixes = {"SN": "+221 77 000 00", "CD": "+243 81 000 00", "BF": "+226 70 00 00",
                "MA": "+212 6 00 00 00", "TN": "+216 20 000 0", "BJ": "+229 97 00 00",
                "CM": "+237 6 70 00 00", "MG": "+261 32 00 000", "VN": "+84 90 000 00",
                "HT": "+509 34 00 00", "ML": "+223 70 00 00"}
    if country == "FR":
        return f"+33 6 00 00 {n // 100:02d} {n % 100:02d}"
    return f"{prefixes[country]} {n % 100:02d}"


EXPERTS = []


def E(num, name, sex, status, arch, home, years, countries, lang, avail, maxd, *,
      employer=None, cons="omit", cost=None, missions=None, skills=None, themes=None,
      bio=None, email="auto", phone="auto", past="", title=None):
    """Declares one expert; `home` is 'DEPT:City' in France or 'CC:City' abroad."""
    a = ARCH[arch]
    where, city = home.split(":")
    if where.isdigit():
        home_d = {"country": "FR", "department": where, "city": city}
        country = "FR"
    else:
        home_d = {"country": where, "city": city}
        country = where
    first, last = name.split(" ", 1)
    rec = {"id": f"exp-{num}", "name": name}
    if email == "auto":
        if employer and EMP[employer]["kind"] == "company" and country == "FR":
            dom = employer.removeprefix("co-") + ".example"
            email = f"{slug(first)[0]}.{slug(last).replace(' ', '-')}@{dom}"
        else:
            email = f"{slug(first).replace(' ', '-')}.{slug(last).replace(' ', '-')}@example.org"
    if email:
        rec["email"] = email
    if phone == "auto":
        phone = expert_phone(num, country)
    if phone:
        rec["phone"] = phone
    rec["home"] = home_d
    rec["status"] = status
    if employer:
        rec["employer"] = dict(EMP[employer])
    if cons != "omit":
        rec["consent"] = cons
    rec["themes"] = themes or list(a["themes"])
    if skills is None:
        pool = a["skills"]
        k = int(num)
        skills = pool[:2] + [pool[2 + k % (len(pool) - 2)]]
        if k % 3 == 0 and len(pool) > 3:
            extra = pool[2 + (k + 1) % (len(pool) - 2)]
            if extra not in skills:
                skills.append(extra)
    if skills:
        rec["skills"] = skills
    if bio is None:
        bio = make_bio(int(num), sex, status, a, employer, country, city, years, countries, past, title,
                       missions or 0)
    if bio:
        rec["bio"] = gender(bio, sex)
    rec["languages"] = langs(lang)
    if countries:
        rec["countries"] = countries.split()
    rec["availability"] = windows(avail)
    rec["max_mission_days"] = maxd
    if cost is not None:
        rec["daily_cost_eur"] = cost
    if missions is not None:
        rec["missions_done"] = missions
    EXPERTS.append(rec)


def make_bio(n, sex, status, a, employer, country, city, years, countries, past, title=None, missions=0):
    title = gender(title or a["t"], sex)
    # a title that already says "consultant" needs no "indépendant"
    indep = "" if "consultant" in title else " {indépendant|indépendante}"
    if status == "retired":
        s1 = f"{{Ancien|Ancienne}} {title}{past} ({years} ans de carrière), {a['did']}."
    elif status == "independent":
        at = f" à {city}" if country != "FR" else ""
        s1 = f"{cap(title)}{indep}{at} depuis {years} ans, {a['does']}."
    else:
        s1 = f"{cap(title)} {employer_phrase(EMP[employer])} depuis {years} ans, {a['does']}."
    codes = countries.split() if countries else []
    abroad = [c for c in codes if c != country and c != "FR"]
    if country != "FR":
        if "FR" in codes and abroad:
            s2 = f"{{Déjà venu|Déjà venue}} en France pour des échanges professionnels, {{il|elle}} a aussi travaillé {places(abroad)}."
        elif "FR" in codes:
            s2 = "{Il|Elle} est déjà {venu|venue} en France pour des échanges professionnels."
        elif abroad:
            s2 = f"{{Il|Elle}} a aussi travaillé {places(abroad)}."
        else:
            s2 = "Ce serait sa première mission hors de son pays."
    elif not abroad:
        s2 = ("{Il|Elle} n'a pas encore d'expérience à l'international "
              "et souhaite effectuer une première mission bien encadrée.")
    else:
        variants = [
            "{Il|Elle} a déjà effectué des missions courtes {p}.",
            "{Il|Elle} est {intervenu|intervenue} {p} dans le cadre de projets associatifs et de coopération décentralisée.",
            "Plusieurs séjours professionnels {p} l'ont {familiarisé|familiarisée} avec les contextes de coopération.",
            "Son expérience de terrain {p} lui a appris à travailler avec des partenaires aux moyens limités.",
        ]
        s2 = variants[n % len(variants)].replace("{p}", places(abroad))
    k = (n * 5) % len(CLOSINGS)
    if k == 9 and (country != "FR" or missions):
        k = 10  # "first EXPLOR mission, pre-departure training": only for newcomers from France
    s3 = CLOSINGS[k]
    return " ".join([s1, s2, s3])


# --- the roster. Status mix: employees, public agents, independents, retirees;
# --- foreign experts are exp-0089..0100, exp-0104, exp-0105.

E("0001", "Laurent Vidal", "m", "retired", "medecin", "31:Toulouse", 35, "BF ML NE",
  "fr:C2 en:B1", "02-01/04-30 10-01/12-15", 15, missions=5)
E("0002", "Camille Roussel", "f", "employee", "informatique", "31:Toulouse", 9, "VN SN",
  "fr:C2 en:C1", "09-01/11-30", 12, employer="co-occitalis", cons=consent("mc", "g", *Y27),
  cost=380, missions=1,
  skills=["développement web", "systèmes d'information hospitaliers", "bases de données", "formation des utilisateurs"])
E("0003", "Pierre Lacombe", "m", "public_agent", "urbaniste", "31:Toulouse", 14, "TG BJ",
  "fr:C2 en:B2", "04-01/06-30", 14, employer="toulouse-metropole", cons=consent("md", "g"),
  cost=330, missions=2,
  skills=["planification urbaine", "SIG", "adressage", "gestion foncière"])
E("0004", "Aïcha Benyahia", "f", "independent", "irrigation", "34:Montpellier", 11, "MA TN DZ",
  "fr:C2 ar:C1 en:B2", "03-15/06-15 10-01/11-30", 12, cons=NONE, missions=3,
  skills=["irrigation goutte-à-goutte", "gestion collective de l'eau", "économies d'eau", "pompage solaire"])
E("0005", "Jean-Marc Soulié", "m", "retired", "etat_civil", "12:Rodez", 32, "BJ SN",
  "fr:C2 en:A2", "02-15/05-31 09-15/11-30", 15, missions=4, past=" de la Ville de Rodez")
E("0006", "Fatou Diop", "f", "employee", "eau_ing", "34:Montpellier", 8, "SN ML",
  "fr:C2 en:B2 wo:B2", "09-01/12-20", 14, employer="co-aqualis", cons=consent("mc", "g", *Y27),
  cost=360, missions=1,
  skills=["adduction d'eau potable", "assainissement autonome", "gestion des services d'eau", "qualité de l'eau"])
# Worked example 1: the obvious match for need-kin-dechets.
E("0007", "Hélène Bousquet", "f", "public_agent", "dechets_ing", "31:Muret", 15, "CD CG CM",
  "fr:C2 en:B1 ln:A2", "03-01/05-31 10-15/11-30", 15, employer="ca-muretain",
  cons=consent("md", "g", *Y27), cost=290, missions=2,
  themes=["dechets", "climat"],
  skills=["diagnostic déchets", "caractérisation", "valorisation", "compostage", "sensibilisation au tri"],
  bio=("Ingénieure déchets à la Communauté d'agglomération Le Muretain Agglo depuis 15 ans, elle pilote "
       "les campagnes de caractérisation des ordures ménagères et la création de plateformes de compostage "
       "et de valorisation. Après deux ans de volontariat à Kinshasa auprès d'une ONG de pré-collecte, elle "
       "parle un peu lingala et a réalisé des diagnostics de filière au Congo-Brazzaville et au Cameroun. "
       "Son agglomération est prête à la mettre à disposition pour une mission de dix jours."))
E("0008", "Olivier Marty", "m", "employee", "maintenance_aero", "31:Blagnac", 18, "MA SN",
  "fr:C2 en:C1", "10-01/12-15", 14, employer="co-aerotech", cons=consent("mc", "g", *Y27),
  cost=450, missions=0,
  skills=["maintenance industrielle", "ingénierie de formation", "électricité", "qualité"])
E("0009", "Sandrine Cazals", "f", "public_agent", "sage_femme", "31:Toulouse", 16, "CM BF",
  "fr:C2 en:B1", "02-01/04-15", 15, employer="chu-toulouse",
  cons=consent("md", "g", "2027-01-15", "2027-12-15"), cost=280, missions=3)
E("0010", "Mathieu Rigal", "m", "independent", "agroeco", "46:Cahors", 12, "BF SN PE",
  "fr:C2 es:C1 en:B1", "02-01/03-31 05-01/07-31", 15, cons=NONE, missions=4,
  skills=["agroécologie", "agroforesterie", "fertilité des sols", "caféiculture"])
E("0011", "Nathalie Escande", "f", "retired", "enseignant", "30:Uzès", 38, "HT SN",
  "fr:C2 en:A2 ht:A2", "10-01/12-15", 15, missions=6)
E("0012", "Youssef Amrani", "m", "employee", "genie_civil", "81:Albi", 10, "MA TG",
  "fr:C2 ar:C2 en:B1", "04-01/06-15", 12, employer="co-batir-occitanie",
  cons=consent("cs", "g", "2027-03-01", "2027-08-31"), cost=340, missions=0)
E("0013", "Sylvie Puech", "f", "public_agent", "etat_civil", "12:Rodez", 19, "BJ",
  "fr:C2 en:A2", "03-01/04-30", 12, employer="ville-rodez", cons=consent("md", "g", *Y27),
  cost=260, missions=1,
  skills=["état civil", "numérisation des registres", "formation des agents", "archivage"])
E("0014", "Bruno Calmettes", "m", "retired", "telecom", "81:Castres", 37, "CD CI GA",
  "fr:C2 en:B2 sw:A1", "03-01/05-31", 10, cons=NONE, missions=3, past=" d'un opérateur national")
E("0015", "Émilie Rouquette", "f", "employee", "sage_femme", "34:Montpellier", 7, "MG",
  "fr:C2 en:B1", "02-01/03-31", 14, employer="co-clinique-garrigues",
  cons=consent("mc", "p", *Y27), cost=310, missions=0)
E("0016", "Kévin Mendy", "m", "independent", "jeunesse", "33:Bordeaux", 9, "SN GN GW",
  "fr:C2 en:B1 pt:B1 wo:A2", "10-01/10-31", 10, cons=NONE, missions=1,
  bio=("Formateur indépendant en éducation populaire depuis 9 ans, il accompagne des collectivités et des "
       "associations qui ouvrent des lieux d'accueil pour les jeunes. Il a animé des chantiers de jeunes au "
       "Sénégal, en Guinée et en Guinée-Bissau. Installé à Bordeaux, il garde des liens étroits avec plusieurs "
       "associations toulousaines."))
E("0017", "Anne-Laure Teisseire", "f", "public_agent", "finances", "32:Auch", 21, "BJ BF",
  "fr:C2 en:B1", "09-15/11-30", 12, employer="cd-gers", cons=consent("md", "p", *Y27),
  cost=380, missions=2)
E("0018", "Guillaume Astruc", "m", "employee", "telecom", "31:Labège", 11, "CD CM",
  "fr:C2 en:C1", "03-15/05-31", 10, employer="co-occitalis", cons=consent("mc", "g", *Y27),
  cost=420, missions=1,
  skills=["réseaux radio", "liaisons VSAT", "réseaux locaux", "cybersécurité"])
E("0019", "Marie-Christine Baylac", "f", "retired", "alpha", "65:Tarbes", 40, "CD CG ML",
  "fr:C2 ln:A2", "10-01/12-15", 15, missions=5)
E("0020", "Rachid Haddad", "m", "public_agent", "admin", "34:Montpellier", 17, "LB TN",
  "fr:C2 ar:C2 en:C1", "05-01/06-30 09-01/10-31", 10, employer="region-occitanie",
  title="{chargé|chargée} de mission coopération internationale",
  cons=consent("md", "g", "2027-01-01", "2027-06-30"), cost=400, missions=2,
  themes=["administration_publique"],
  skills=["organisation des services", "coopération décentralisée", "conduite du changement",
          "gestion des ressources humaines"])
E("0021", "Isabelle Fourcade", "f", "independent", "tourisme", "65:Bagnères-de-Bigorre", 13, "MA BO NP",
  "fr:C2 es:B2 en:B2", "09-15/11-30", 12, missions=2,
  title="{consultant|consultante} en tourisme responsable")
E("0022", "Damien Cabanes", "m", "employee", "dechets_tech", "30:Nîmes", 10, "TG BJ",
  "fr:C2 en:B1", "09-15/12-15", 10, employer="co-valoreco", cons=consent("mc", "g", *Y27),
  cost=270, missions=1,
  skills=["collecte", "tri sélectif", "gestion des marchés publics de collecte", "compostage"])
# weaker dechets candidate: consent pending, no CD experience
E("0023", "Stéphane Lapeyre", "m", "public_agent", "dechets_ing", "82:Montauban", 12, "BF",
  "fr:C2 en:B1", "03-01/05-31", 12, employer="ca-grand-montauban", cons=consent("md", "p"),
  cost=300, missions=0,
  skills=["diagnostic déchets", "collecte", "redevance incitative"])
# refused consent
E("0024", "Claire Pujol", "f", "public_agent", "biomedical", "34:Montpellier", 13, "TN MA",
  "fr:C2 en:B2 ar:A2", "03-01/05-15", 10, employer="chu-montpellier",
  cons=consent("md", "r", *Y27), cost=390, missions=1)
E("0025", "François Sabatier", "m", "retired", "biomedical", "34:Béziers", 36, "TN SN MG",
  "fr:C2 en:B1", "03-01/04-15", 12, cons=NONE, missions=4, past=" hospitalier")
E("0026", "Julie Barthe", "f", "employee", "transfo", "32:Auch", 8, "BF ML",
  "fr:C2 en:B1", "10-01/11-30", 12, employer="co-coop-gasconne",
  cons=consent("mc", "g", "2027-09-01", "2027-12-31"), cost=300, missions=0,
  skills=["transformation des produits agricoles", "hygiène alimentaire (HACCP)", "transformation du karité",
          "gestion de coopérative"])
E("0027", "Alain Cassagne", "m", "retired", "agroeco", "32:Condom", 40, "BF NE ML",
  "fr:C2 en:A2", "02-01/03-31 09-15/10-31", 12, missions=6,
  skills=["agroécologie", "zaï", "fertilité des sols", "semences paysannes"])
E("0028", "Sophie Delmas", "f", "public_agent", "irrigation", "31:Castanet-Tolosan", 15, "MA TN SN",
  "fr:C2 en:C1 ar:A1", "04-01/05-31", 10, employer="inrae-occitanie", cons=consent("md", "g"),
  cost=420, missions=1)
E("0029", "Nicolas Ferrand", "m", "independent", "patrimoine", "34:Lodève", 20, "VN KH LB",
  "fr:C2 en:B2", "03-01/04-30 09-01/09-30", 12, cons=NONE, missions=2)
E("0030", "Mélanie Gros", "f", "public_agent", "patrimoine", "81:Albi", 9, "MA",
  "fr:C2 en:B1", "03-01/04-30", 10, employer="ville-albi", cons=consent("md", "g", *Y27),
  cost=280, missions=0,
  bio=("Chargée de la valorisation du patrimoine à la Ville d'Albi depuis 9 ans, elle suit les chantiers de "
       "restauration de la cité épiscopale inscrite au patrimoine mondial. Elle a participé à un échange avec "
       "la médina de Fès au Maroc. Elle souhaite partager l'expérience d'un site UNESCO géré par une ville moyenne."),
  skills=["inventaire patrimonial", "plan de sauvegarde", "médiation du patrimoine"])
E("0031", "Thierry Bonnafous", "m", "employee", "energie_pv", "66:Perpignan", 12, "SN MR",
  "fr:C2 es:B2 en:B1 wo:A1", "03-15/06-15", 10, employer="co-soleil-catalan",
  cons=consent("cs", "g", "2027-03-01", "2027-06-30"), cost=310, missions=1,
  skills=["photovoltaïque", "pompage solaire", "dimensionnement solaire", "maintenance"])
E("0032", "Virginie Mas", "f", "retired", "nutrition", "66:Céret", 35, "MG BF",
  "fr:C2 en:B1 mg:A2", "09-15/11-30", 15, cons=NONE, missions=3, past=" hospitalière")
E("0033", "Patrick Séguier", "m", "retired", "elevage", "48:Mende", 38, "ML NE MR",
  "fr:C2 en:B1 bm:A1", "11-01/12-15", 12, missions=5)
E("0034", "Lucie Vergnes", "f", "public_agent", "biodiversite", "48:Florac", 10, "SN MG",
  "fr:C2 en:B2", "03-01/04-30", 10, employer="cd-lozere", cons=consent("md", "g", *Y27),
  cost=290, missions=0)
E("0035", "Arnaud Pradel", "m", "employee", "microfinance", "31:Toulouse", 14, "TN SN MA",
  "fr:C2 en:C1 ar:A1", "09-01/10-31", 8, employer="co-credit-midi",
  cons=consent("mc", "g", "2027-09-01", "2027-12-31"), cost=480, missions=1)
E("0036", "Dominique Rivière", "f", "retired", "admin", "31:Saint-Gaudens", 40, "BJ BF LB",
  "fr:C2 en:B1", "05-01/06-30 09-15/11-30", 12, cons=NONE, missions=3)
E("0037", "Inês Ferreira", "f", "employee", "eau_ing", "34:Castelnau-le-Lez", 6, "MZ AO CV",
  "fr:C2 pt:C2 en:B2", "09-01/11-30", 14, employer="co-aqualis", cons=consent("mc", "g", *Y27),
  cost=340, missions=1)
E("0038", "Hugo Marcel", "m", "employee", "formateur_pro", "31:Colomiers", 11, "SN",
  "fr:C2 en:B2", "10-15/12-15", 14, employer="co-aerotech", cons=consent("mc", "g", *Y27),
  cost=360, missions=0,
  skills=["ingénierie de formation", "électricité", "câblage", "habilitation électrique"])
E("0039", "Christine Lafon", "f", "public_agent", "informatique", "31:Toulouse", 16, "VN KH",
  "fr:C2 en:C1", "09-01/10-31", 10, employer="univ-toulouse3", cons=consent("md", "g", *Y27),
  cost=350, missions=0,
  skills=["systèmes d'information", "bases de données", "logiciel libre", "gestion de projet informatique"])
E("0040", "Éric Maury", "m", "independent", "energie_pv", "11:Limoux", 15, "BF MG ML",
  "fr:C2 en:B1", "02-01/05-31", 15, missions=5,
  skills=["photovoltaïque", "installation solaire", "mini-réseaux", "formation de techniciens"])
E("0041", "Agnès Combes", "f", "retired", "handicap", "11:Carcassonne", 36, "HT",
  "fr:C2 en:B1 ht:A1", "02-15/04-30", 12, cons=NONE, missions=2)
# The data-format.md example expert, verbatim (an Élec Sud employee).
EXPERTS.append({
    "id": "exp-0042",
    "name": "Claire Martin",
    "email": "claire.martin@example.org",
    "phone": "+33 6 00 00 00 00",
    "home": {"country": "FR", "department": "34", "city": "Montpellier"},
    "status": "employee",
    "employer": {"id": "co-elec-sud", "name": "Élec Sud", "kind": "company"},
    "consent": {"scheme": "mecenat_competences", "status": "granted",
                "valid_from": "2027-01-01", "valid_to": "2027-12-31"},
    "themes": ["dechets", "energie"],
    "skills": ["diagnostic déchets", "compostage", "SIG"],
    "bio": ("Ingénieure environnement, 12 ans d'expérience en gestion des déchets et en études d'impact "
            "de centrales solaires chez Élec Sud. Elle a participé à des diagnostics de décharges à Kinshasa "
            "et à Dakar. Elle cartographie volontiers les flux sous SIG pour appuyer les décisions locales."),
    "languages": [{"code": "fr", "level": "C2"}, {"code": "en", "level": "B2"}],
    "countries": ["CD", "SN"],
    "availability": [{"from": "2027-03-01", "to": "2027-04-30"}],
    "max_mission_days": 15,
    "daily_cost_eur": 350,
    "missions_done": 2,
})
E("0043", "Benoît Rey", "m", "public_agent", "assainissement", "31:Toulouse", 20, "SN BF MG",
  "fr:C2 en:B2 wo:A1", "11-01/12-20", 12, employer="agence-eau-ag", cons=consent("md", "g", *Y27),
  cost=430, missions=2,
  bio=("Chargé d'interventions à l'Agence de l'eau Adour-Garonne depuis 20 ans, il instruit les projets "
       "d'assainissement des petites communes et finance des actions de coopération au titre de la loi Oudin-Santini. "
       "Il a suivi sur le terrain des projets d'assainissement au Sénégal, au Burkina Faso et à Madagascar. "
       "Il connaît bien les filières de gestion des boues de vidange."),
  skills=["assainissement autonome", "gestion des boues de vidange", "station d'épuration", "montage de projets"])
E("0044", "Samira Bensaïd", "f", "independent", "genre", "34:Montpellier", 12, "TN MA",
  "fr:C2 ar:C2 en:B2", "04-15/06-30 10-01/11-30", 10, cons=NONE, missions=2,
  title="{consultant|consultante} en égalité femmes-hommes")
E("0045", "Gilles Azéma", "m", "retired", "tourisme", "09:Foix", 38, "PE BO",
  "fr:C2 es:B2 en:A2", "09-01/11-30", 15, missions=3, past=" d'un office de tourisme pyrénéen")
E("0046", "Céline Vaissière", "f", "public_agent", "infirmier", "30:Nîmes", 14, "CM BJ",
  "fr:C2 en:B1", "10-01/10-31", 8, employer="chu-nimes", cons=consent("md", "g"),
  cost=250, missions=1)
E("0047", "Romain Delort", "m", "employee", "dechets_ing", "30:Alès", 7, "MA",
  "fr:C2 en:B2", "09-15/11-15", 10, employer="co-valoreco", cons=consent("mc", "g", *Y27),
  cost=330, missions=0,
  skills=["diagnostic déchets", "valorisation", "gestion de marché", "compostage"])
# dechets agent whose only window is 8 days: too short for the 10-day Kinshasa mission
E("0048", "Valérie Costes", "f", "public_agent", "dechets_tech", "81:Gaillac", 11, "SN",
  "fr:C2 en:A2", "04-12/04-19", 8, employer="trifyl", cons=consent("md", "g", *Y27),
  cost=255, missions=0)
# dechets retiree who accepts at most 8 days
E("0049", "Jacques Rességuier", "m", "retired", "dechets_tech", "12:Villefranche-de-Rouergue", 40, "TG",
  "fr:C2", "03-15/04-15", 8, cons=NONE, missions=1, past=" d'un syndicat intercommunal")
# lives outside Occitanie (Paris): the engine flags it
E("0050", "Mireille Albert", "f", "independent", "dechets_ing", "75:Paris", 16, "CI CD",
  "fr:C2 en:C1", "03-01/05-31", 10, missions=2,
  skills=["économie circulaire", "valorisation", "plan de prévention des déchets"],
  bio=("Consultante indépendante en économie circulaire depuis 16 ans, elle accompagne des collectivités "
       "dans leurs plans de prévention des déchets. Elle est intervenue en Côte d'Ivoire et en RDC pour des "
       "bailleurs internationaux. Basée à Paris, elle se déplace volontiers en région."))
E("0051", "Karine Sicard", "f", "public_agent", "jeunesse", "65:Tarbes", 12, "GN SN",
  "fr:C2 en:B1", "10-11/10-31", 7, employer="ville-tarbes", cons=consent("md", "g"),
  cost=260, missions=1)
E("0052", "Antoine Girard", "m", "employee", "informatique", "31:Toulouse", 5, "",
  "fr:C2 en:C1", "09-01/11-30", 12, employer="co-occitalis", cons=consent("cs", "p"),
  cost=350, missions=0)
E("0053", "Laure Nguyen", "f", "employee", "medecin", "34:Montpellier", 10, "VN MA",
  "fr:C2 en:B2 vi:B2", "10-01/11-30", 10, employer="co-clinique-garrigues",
  cons=consent("mc", "g", *Y27), cost=550, missions=1,
  bio=("Médecin urgentiste à la Clinique des Garrigues depuis 10 ans, elle coordonne la formation aux gestes "
       "d'urgence des équipes soignantes. Elle a effectué des missions courtes au Vietnam et au Maroc. "
       "Elle s'intéresse à l'organisation des soins de premier recours dans les zones rurales enclavées."),
  skills=["soins primaires", "urgences", "formation d'agents de santé", "organisation de dispensaire"])
E("0054", "Michel Carrère", "m", "retired", "finances", "65:Lourdes", 40, "BJ SN MG",
  "fr:C2 en:A2", "09-15/11-30", 12, cons=NONE, missions=4, past=" municipales")
E("0055", "Pascale Andrieu", "f", "retired", "enseignant", "82:Moissac", 39, "HT BF",
  "fr:C2 ht:A1", "10-01/12-15", 15, missions=3)
E("0056", "Vincent Lagarde", "m", "public_agent", "climat", "34:Montpellier", 10, "CV SN TN",
  "fr:C2 pt:B2 en:C1", "04-01/06-30", 10, employer="montpellier-3m", cons=consent("md", "g", *Y27),
  cost=370, missions=1)
E("0057", "Élodie Causse", "f", "independent", "biodiversite", "34:Sète", 11, "SN MG GN",
  "fr:C2 en:B2 wo:A1", "03-01/04-30", 12, cons=NONE, missions=2)
E("0058", "Franck Ortega", "m", "independent", "hotellerie", "66:Perpignan", 18, "KH LA TH",
  "fr:C2 en:C1 es:C1", "10-01/12-15", 14, missions=2)
E("0059", "Brigitte Laval", "f", "retired", "sage_femme", "46:Figeac", 39, "CM BF TG",
  "fr:C2 en:B1", "02-01/04-15", 15, cons=NONE, missions=6)
E("0060", "Sébastien Poujol", "m", "employee", "transfo", "12:Millau", 12, "ML MA",
  "fr:C2 en:B1", "10-15/12-15", 12, employer="co-laiterie-causses",
  cons=consent("cs", "g", "2027-10-01", "2027-12-31"), cost=290, missions=0,
  themes=["transformation_alimentaire", "elevage"],
  skills=["transformation laitière", "hygiène alimentaire (HACCP)", "collecte du lait", "gestion de coopérative"])
E("0061", "Martine Delsol", "f", "retired", "artisanat", "81:Gaillac", 37, "TN MA BF",
  "fr:C2 ar:A1", "04-15/06-30", 12, missions=2, past=" et formatrice en couture")
E("0062", "Paulo Teixeira", "m", "independent", "climat", "31:Toulouse", 13, "CV MZ BR",
  "fr:C2 pt:C2 en:C1", "04-01/05-15 09-01/09-30", 12, cons=NONE, missions=3,
  title="{consultant|consultante} en adaptation au changement climatique",
  skills=["adaptation au changement climatique", "vulnérabilité côtière", "plan climat",
          "gestion des risques"])
E("0063", "Jean Rouzaud", "m", "retired", "elevage", "12:Rodez", 40, "MG ML",
  "fr:C2 mg:A1", "11-01/12-15", 10, missions=2,
  bio=("Ancien technicien d'élevage à la chambre d'agriculture de l'Aveyron, il a conseillé pendant 40 ans "
       "des éleveurs ovins du Lévézou et du Ségala. Il est intervenu à Madagascar et au Mali sur l'amélioration "
       "des races locales et l'alimentation du bétail en saison sèche. Il aime transmettre sur le terrain, "
       "au milieu des troupeaux."),
  skills=["gestion des pâturages", "alimentation du bétail", "élevage ovin"])
E("0064", "Anaïs Bardou", "f", "public_agent", "nutrition", "31:Toulouse", 9, "MG",
  "fr:C2 en:B2 mg:A1", "09-15/11-15", 12, employer="chu-toulouse", cons=consent("md", "g", *Y27),
  cost=260, missions=0)
# lives outside Occitanie (Marseille)
E("0065", "Yannick Le Goff", "m", "independent", "eau_ing", "13:Marseille", 14, "MA TN MZ",
  "fr:C2 en:B2 pt:B1", "09-01/11-30", 12, missions=2,
  skills=["hydrogéologie", "forage", "qualité de l'eau", "adduction d'eau potable"])
E("0066", "Christelle Maurel", "f", "employee", "genie_civil", "81:Castres", 9, "TG BJ",
  "fr:C2 en:B1", "04-01/06-15", 12, employer="co-batir-occitanie",
  cons=consent("mc", "g", "2027-04-01", "2027-10-31"), cost=347.25, missions=0,
  themes=["urbanisme"], skills=["voirie et réseaux divers", "drainage pluvial", "conduite de travaux", "adressage"])
# consent expires on 2027-07-31 although the autumn window is later
E("0067", "Régis Bastide", "m", "public_agent", "assainissement", "30:Nîmes", 16, "SN MR",
  "fr:C2 en:B1 wo:A1", "06-01/08-31 11-01/12-15", 12, employer="nimes-metropole",
  cons=consent("md", "g", "2027-01-01", "2027-07-31"), cost=310, missions=1)
E("0068", "Delphine Guiraud", "f", "independent", "entrepreneuriat", "82:Castelsarrasin", 14, "BJ SN CM",
  "fr:C2 en:B2", "03-01/05-15 10-01/11-30", 12, cons=NONE, missions=3)
E("0069", "Lionel Cros", "m", "retired", "formateur_pro", "30:Bagnols-sur-Cèze", 40, "SN MA GN",
  "fr:C2 en:A2 wo:A1", "10-15/12-15", 15, missions=4, past=" pour adultes")
E("0070", "Nadège Faure", "f", "public_agent", "conseiller_peda", "31:Toulouse", 22, "HT SN",
  "fr:C2 en:B1 ht:A1", "10-15/12-15", 14, employer="rectorat-toulouse",
  cons=consent("md", "g", "2027-09-01", "2027-12-31"), cost=300, missions=1)
E("0071", "Gérard Pélissier", "m", "retired", "medecin", "32:Fleurance", 42, "MA TN ML",
  "fr:C2 ar:A2 en:A2", "10-01/11-30", 12, cons=NONE, missions=5)
# one 10-day availability window plus a longer one
E("0072", "Amandine Leclerc", "f", "employee", "informatique", "31:Toulouse", 7, "SN",
  "fr:C2 en:C1", "09-06/09-15 10-18/11-26", 12, employer="co-occitalis",
  cons=consent("mc", "g", *Y27), cost=400, missions=0,
  skills=["systèmes d'information hospitaliers", "bases de données", "interopérabilité", "formation des utilisateurs"])
# refused consent (congé solidaire)
E("0073", "Thibault Mercadier", "m", "employee", "maintenance_aero", "31:Blagnac", 12, "MA",
  "fr:C2 en:C1", "10-01/12-15", 14, employer="co-aerotech", cons=consent("cs", "r"),
  cost=430, missions=0)
E("0074", "Corinne Boyer", "f", "retired", "genre", "34:Lunel", 36, "CM SN",
  "fr:C2 en:B1", "10-01/11-30", 12, cons=NONE, missions=3)
E("0075", "Emmanuel Taillefer", "m", "public_agent", "entrepreneuriat", "11:Narbonne", 13, "TN MA",
  "fr:C2 en:B2 ar:A1", "04-15/06-30", 10, employer="ca-grand-narbonne", cons=consent("md", "g"),
  cost=330, missions=0,
  bio=("Développeur économique à la Communauté d'agglomération du Grand Narbonne depuis 13 ans, il anime "
       "la pépinière d'entreprises et le réseau des artisans du territoire. Il a accompagné des échanges avec "
       "des coopératives d'artisanes en Tunisie et au Maroc. Il souhaite appuyer la structuration commerciale "
       "de petites unités de production."),
  themes=["entrepreneuriat", "artisanat"],
  skills=["incubation", "plan d'affaires", "commercialisation", "accompagnement de porteurs de projet"])
E("0076", "Sabine Lautier", "f", "independent", "artisanat", "09:Saint-Girons", 15, "TN MA PE",
  "fr:C2 es:B2 en:B1 ar:A2", "04-15/06-30", 12, missions=2)
E("0077", "Maxime Rouanet", "m", "employee", "agroeco", "32:Mirande", 10, "BF SN",
  "fr:C2 en:B1", "10-01/12-10", 12, employer="co-coop-gasconne",
  cons=consent("mc", "g", "2027-09-01", "2027-12-31"), cost=280, missions=1,
  skills=["agroécologie", "fertilité des sols", "conseil technique", "semences paysannes"])
E("0078", "Josiane Bénazet", "f", "retired", "alpha", "09:Pamiers", 38, "CD SN MA",
  "fr:C2 en:A2 ln:A1", "10-01/11-30", 15, cons=NONE, missions=3)
E("0079", "Hervé Galinier", "m", "public_agent", "finances", "12:Rodez", 18, "BJ MG",
  "fr:C2 en:A2", "09-15/11-30", 10, employer="cd-aveyron", cons=consent("md", "p", *Y27),
  cost=320, missions=1)
E("0080", "Aurélie Dumas", "f", "independent", "informatique", "31:Ramonville-Saint-Agne", 12, "VN SN BF",
  "fr:C2 en:C1", "09-01/11-30", 12, cons=NONE, missions=1,
  skills=["logiciel libre", "développement web", "bases de données", "formation des utilisateurs"])
# one exactly-10-day window in May
E("0081", "Florian Teulié", "m", "public_agent", "urbaniste", "31:Balma", 11, "TG BF MG",
  "fr:C2 en:B2", "05-03/05-12 09-01/10-31", 10, employer="toulouse-metropole",
  cons=consent("md", "g", *Y27), cost=310, missions=1,
  skills=["SIG", "adressage", "planification urbaine", "cartographie participative"])
E("0082", "Geneviève Carles", "f", "retired", "infirmier", "46:Gourdon", 38, "CM HT MG",
  "fr:C2 en:A2", "10-01/10-31", 10, missions=4)
E("0083", "Mickaël Brunet", "m", "employee", "comptable", "12:Rodez", 9, "BJ TN",
  "fr:C2 en:B1", "03-01/05-31 09-01/10-31", 10, employer="co-fabre-associes",
  cons=consent("cs", "g", "2027-02-01", "2027-11-30"), cost=420, missions=0)
E("0084", "Océane Lartigue", "f", "public_agent", "biodiversite", "31:Toulouse", 8, "SN CV",
  "fr:C2 en:C1 pt:A2", "03-01/04-30", 10, employer="region-occitanie", cons=consent("md", "g", *Y27),
  cost=340, missions=0, themes=["biodiversite", "climat"],
  skills=["restauration de mangrove", "gestion d'aires protégées", "adaptation au changement climatique"])
# minimal record: only the required fields (plus the département)
EXPERTS.append({
    "id": "exp-0085",
    "name": "Rémi Gasc",
    "home": {"country": "FR", "department": "48"},
    "status": "retired",
    "themes": ["eau_assainissement"],
    "languages": [{"code": "fr", "level": "C2"}],
    "availability": [{"from": "2027-09-01", "to": "2027-11-30"}],
    "max_mission_days": 12,
})
E("0086", "Laetitia Marchal", "f", "employee", "infirmier", "34:Montpellier", 9, "CM MA",
  "fr:C2 en:B2", "10-01/10-21", 8, employer="co-clinique-garrigues",
  cons=consent("mc", "g", *Y27), cost=260, missions=0)
E("0087", "Serge Alibert", "m", "retired", "patrimoine", "30:Alès", 42, "LB MA",
  "fr:C2 ar:A1", "05-01/06-30", 15, cons=NONE, missions=2,
  bio=("Ancien compagnon tailleur de pierre, il a dirigé pendant 42 ans une entreprise de restauration de "
       "monuments historiques dans les Cévennes. Il a formé des artisans au Liban et au Maroc à la taille et "
       "aux mortiers de chaux. Il aime transmettre les gestes sur le chantier."),
  skills=["restauration du bâti ancien", "taille de pierre", "matériaux traditionnels"])
E("0088", "Noémie Carbonel", "f", "public_agent", "jeunesse", "81:Albi", 6, "SN",
  "fr:C2 en:B1 wo:A2", "10-10/10-30", 7, employer="ville-albi", cons=consent("md", "g", *Y27),
  cost=250, missions=0)

# --- foreign experts (reciprocity)
E("0089", "Aminata Sow", "f", "retired", "inspection", "SN:Thiès", 34, "SN ML FR",
  "fr:C2 wo:C2 en:B1", "11-01/12-20", 15, cons=NONE, missions=1)
E("0090", "Ousmane Ndiaye", "m", "public_agent", "assainissement", "SN:Saint-Louis", 15, "SN MR FR",
  "fr:C2 wo:C2 en:B1", "05-01/06-30 11-01/12-15", 12, employer="ville-saint-louis-sn",
  cons=consent("md", "g", *Y27), missions=1)
E("0091", "Patrick Mbuyi Kalonji", "m", "independent", "urbaniste", "CD:Kinshasa", 14, "CD CG FR",
  "fr:C2 ln:C2 sw:B1 en:B1", "04-01/06-30", 14, cons=NONE, missions=1)
E("0092", "Issouf Ouédraogo", "m", "independent", "agroeco", "BF:Ouahigouya", 12, "BF NE ML",
  "fr:C2 en:A2", "09-01/11-30", 15, missions=2,
  skills=["zaï", "agroécologie", "agroforesterie", "fertilité des sols"])
E("0093", "Hassan El Idrissi", "m", "public_agent", "irrigation", "MA:Errachidia", 19, "MA TN FR",
  "fr:C1 ar:C2 en:B1", "05-01/07-15", 10, employer="ormva-tafilalet", cons=consent("md", "g", *Y27),
  missions=1,
  skills=["gestion collective de l'eau", "khettaras", "irrigation goutte-à-goutte", "économies d'eau"])
E("0094", "Khadija Aït Lahcen", "f", "independent", "tourisme", "MA:Marrakech", 10, "MA",
  "fr:C1 ar:C2 en:B2 es:A2", "10-01/11-30", 10, cons=NONE, missions=0,
  title="guide et {consultant|consultante} en tourisme responsable")
E("0095", "Mounir Ben Salah", "m", "employee", "microfinance", "TN:Sfax", 12, "TN MA",
  "fr:C1 ar:C2 en:B2", "03-01/04-30 09-01/10-15", 10, employer="co-tamwil-sud",
  cons=consent("cs", "g", *Y27), cost=180, missions=0)
E("0096", "Bernadette Hounkpatin", "f", "public_agent", "etat_civil", "BJ:Abomey", 17, "BJ TG",
  "fr:C2 en:A2", "03-01/06-30", 12, employer="mairie-abomey", cons=consent("md", "g", *Y27),
  missions=0)
E("0097", "Solange Ngo Biyong", "f", "public_agent", "sage_femme", "CM:Douala", 15, "CM TD",
  "fr:C2 en:B2", "03-15/05-15", 12, employer="hopital-laquintinie",
  cons=consent("md", "g", "2027-02-01", "2027-06-30"), missions=0)
# exactly 10 days available
E("0098", "Hery Rakotomalala", "m", "independent", "agroeco", "MG:Antsirabe", 11, "MG KM",
  "fr:C1 mg:C2 en:B1", "10-01/10-10", 10, missions=0,
  skills=["agroforesterie", "agroécologie", "semences paysannes", "riziculture"])
E("0099", "Trần Minh Đức", "m", "independent", "informatique", "VN:Hanoï", 10, "VN SG FR",
  "vi:C2 en:C1 fr:B1", "04-15/06-15", 14, cons=NONE, missions=1,
  skills=["développement web", "applications mobiles", "bases de données", "logiciel libre"])
E("0100", "Nguyễn Thị Lan", "f", "public_agent", "patrimoine", "VN:Hội An", 13, "VN FR",
  "vi:C2 fr:B2 en:B2", "09-01/10-31", 10, employer="hoi-an-patrimoine", cons=consent("md", "g"),
  missions=1)

# --- Worked example 2: Élec Sud employees (exp-0042 above is one too)
E("0101", "Julien Escudié", "m", "employee", "energie_pv", "34:Lunel", 9, "BF ML",
  "fr:C2 en:B1", "02-15/06-30", 12, employer="co-elec-sud", cons=consent("mc", "g", *Y27),
  cost=320, missions=1,
  skills=["photovoltaïque", "mini-réseaux", "installation solaire", "maintenance"],
  bio=("Technicien photovoltaïque chez Élec Sud depuis 9 ans, il installe et met en service des centrales "
       "solaires et des mini-réseaux en site isolé. Il a participé à l'électrification d'un centre de santé "
       "au Burkina Faso et d'une école au Mali. Il sait former des techniciens locaux à la maintenance "
       "préventive."))
E("0102", "Nadia Belkacem", "f", "employee", "energie_ing", "30:Nîmes", 14, "MG MA",
  "fr:C2 en:C1 ar:B2", "03-01/06-15 10-01/11-15", 12, employer="co-elec-sud",
  cons=consent("mc", "g", "2027-01-01"), cost=410, missions=2,
  skills=["génie électrique", "mini-réseaux", "photovoltaïque", "stockage batterie", "dimensionnement solaire"],
  bio=("Ingénieure en génie électrique chez Élec Sud depuis 14 ans, elle conçoit des mini-réseaux "
       "photovoltaïques avec stockage pour des villages non raccordés. Elle a mené des études de "
       "dimensionnement à Madagascar et au Maroc. Elle veille à ce que les comités villageois puissent gérer "
       "eux-mêmes la tarification et l'entretien."))
E("0103", "Thomas Roques", "m", "employee", "energie_ing", "34:Sète", 6, "SN",
  "fr:C2 en:B2", "03-01/05-31", 10, employer="co-elec-sud", cons=consent("mc", "p", *Y27),
  cost=295.5, missions=0,
  skills=["génie électrique", "distribution basse tension", "photovoltaïque"])
E("0104", "Wilner Jean-Baptiste", "m", "independent", "handicap", "HT:Jacmel", 11, "HT DO",
  "fr:C1 ht:C2 en:B1 es:B1", "02-01/03-31", 10, cons=NONE, missions=0)
E("0105", "Mamadou Coulibaly", "m", "retired", "elevage", "ML:Bamako", 36, "ML BF SN",
  "fr:C2 bm:C2 en:A2", "09-01/12-15", 15, missions=1,
  bio=("Vétérinaire retraité des services de l'élevage du Mali, il a consacré 36 ans de carrière à la santé "
       "des troupeaux transhumants du delta intérieur du Niger. Il a formé des générations d'auxiliaires "
       "d'élevage au Mali, au Burkina Faso et au Sénégal. Il souhaite partager son expérience du pastoralisme "
       "avec des éleveurs d'Occitanie."),
  skills=["santé animale", "vaccination", "formation d'auxiliaires d'élevage", "pastoralisme"])


# ---------------------------------------------------------------- offers

def offer(id_, co_id, co_name, turnover, title, description, themes, skills, lang, countries,
          experts, headcount, win, maxd, covers):
    o = {"id": id_, "company": {"id": co_id, "name": co_name}}
    if turnover is not None:
        o["company"]["turnover_eur"] = turnover
    o["title"] = title
    if description:
        o["description"] = description
    o["themes"] = themes
    o["skills"] = skills
    if lang:
        o["languages"] = langs(lang)
    if countries is not None:
        o["countries"] = countries.split()
    if experts is not None:
        o["experts"] = experts
    o["headcount"] = headcount
    o["window"] = window(win)
    o["max_mission_days"] = maxd
    if covers is not None:
        o["covers_remaining_costs"] = covers
    return o


OFFERS = [
    # Worked example 2, as in data-format.md
    offer("off-elec-2027", "co-elec-sud", "Élec Sud", 45000000, "Électrification rurale solaire",
          "Nos techniciens conçoivent des mini-réseaux photovoltaïques pour des bâtiments et des villages "
          "isolés. Élec Sud souhaite que ses salariés volontaires contribuent, en mécénat de compétences, à "
          "l'électrification de communautés reculées : dimensionnement, accompagnement de l'installation, "
          "formation des techniciens locaux à l'exploitation et à la maintenance.",
          ["energie"], ["photovoltaïque", "mini-réseaux", "génie électrique"], "fr:C2 en:B1", "",
          ["exp-0101", "exp-0102"], 3, "02-01/06-30", 12, True),
    offer("off-aqualis-eau-2027", "co-aqualis", "Aqualis Environnement", 18500000,
          "Eau potable et assainissement en milieu rural",
          "Bureau d'études montpelliérain spécialisé dans l'eau, Aqualis met deux ingénieurs à disposition à "
          "l'automne pour des diagnostics de réseaux d'eau potable et des schémas d'assainissement. La "
          "lusophonie de l'une d'entre elles ouvre les projets en Afrique lusophone.",
          ["eau_assainissement"],
          ["adduction d'eau potable", "assainissement autonome", "qualité de l'eau", "gestion des services d'eau"],
          "fr:C2 en:B2", "SN MZ MA", ["exp-0006", "exp-0037"], 2, "09-01/12-20", 14, False),
    offer("off-occitalis-numerique", "co-occitalis", "Occitalis Numérique", 126000000,
          "Systèmes d'information pour la santé et l'éducation",
          "Entreprise de services numériques toulousaine, Occitalis propose des ingénieurs pour cadrer, "
          "déployer ou auditer des systèmes d'information de structures de santé, d'écoles et "
          "d'associations, ainsi que leur connectivité. Priorité aux solutions libres et maintenables localement.",
          ["informatique", "telecommunications"],
          ["développement web", "systèmes d'information hospitaliers", "bases de données", "réseaux radio"],
          "fr:C2 en:C1", "", ["exp-0002", "exp-0018", "exp-0072"], 3, "03-01/11-30", 12, True),
    offer("off-gasconne-agri", "co-coop-gasconne", "Coopérative agricole Gasconne", 310000000,
          "Agroécologie et transformation des produits agricoles",
          "La coopérative mobilise des conseillers agronomiques et une ingénieure qualité après les récoltes "
          "pour appuyer des organisations paysannes : pratiques agroécologiques, gouvernance coopérative, "
          "transformation et conditionnement des produits.",
          ["agroecologie", "transformation_alimentaire"],
          ["agroécologie", "fertilité des sols", "transformation des produits agricoles", "gestion de coopérative"],
          "fr:C2", "BF ML SN", ["exp-0026", "exp-0077"], 2, "10-01/12-15", 12, False),
    offer("off-aerotech-formation", "co-aerotech", "Aérotech Midi", 840000000,
          "Formation professionnelle aux métiers techniques",
          "Aérotech Midi ouvre son programme de mécénat de compétences à ses techniciens formateurs : appui à "
          "des centres de formation professionnelle (électricité, maintenance industrielle, démarche qualité), "
          "conception de référentiels et formation de formateurs.",
          ["formation_professionnelle"],
          ["ingénierie de formation", "maintenance industrielle", "électricité", "qualité"],
          "fr:C2 en:B2", "", ["exp-0008", "exp-0038"], 4, "01-15/12-15", 14, True),
    # no turnover, covers_remaining_costs omitted (default false)
    offer("off-credit-midi-microfinance", "co-credit-midi", "Crédit Solidaire du Midi", None,
          "Microfinance et gestion financière",
          "Un chargé d'affaires expérimenté peut appuyer une institution de microfinance ou une mutuelle "
          "d'épargne : procédures de crédit, analyse du portefeuille à risque, formation des agents.",
          ["microfinance", "finances_locales"], ["microcrédit", "analyse financière", "gestion du risque"],
          "fr:C2", "TN SN BJ", ["exp-0035"], 1, "09-01/11-30", 8, None),
    offer("off-batir-urbanisme", "co-batir-occitanie", "Bâtir Occitanie", 62000000,
          "Voirie, drainage et aménagement urbain",
          "Entreprise de travaux publics albigeoise, Bâtir Occitanie met à disposition des conducteurs de "
          "travaux et ingénieurs pour des projets d'aménagement de quartiers, de drainage pluvial et de "
          "voirie en matériaux locaux.",
          ["urbanisme", "eau_assainissement"],
          ["voirie et réseaux divers", "drainage pluvial", "conduite de travaux"],
          "fr:C2", "TG BJ MA", ["exp-0066"], 2, "04-01/10-31", 12, True),
    # names an employee whose consent is still pending (exp-0015)
    offer("off-garrigues-sante", "co-clinique-garrigues", "Clinique des Garrigues", 41000000,
          "Santé de la mère et de l'enfant, hygiène hospitalière",
          "La clinique propose des sages-femmes, des infirmières hygiénistes et des médecins pour des "
          "missions de formation dans des maternités et des centres de santé partenaires.",
          ["sante_maternelle", "hygiene", "soins_primaires"],
          ["suivi de grossesse", "prévention des infections", "soins primaires", "formation"],
          "fr:C2 en:B1", "CM MA MG", ["exp-0015", "exp-0053", "exp-0086"], 2, "02-01/11-30", 10, False),
    offer("off-valoreco-dechets", "co-valoreco", "Valoréco Occitanie", 27000000,
          "Gestion des déchets et économie circulaire",
          "Opérateur de collecte et de tri dans le Gard, Valoréco prête deux salariés à l'automne pour "
          "organiser la collecte, le tri et le compostage de marchés, de quartiers ou de petites villes.",
          ["dechets"], ["collecte", "tri sélectif", "compostage", "diagnostic déchets"],
          "fr:C2", "", ["exp-0022", "exp-0047"], 2, "09-15/12-15", 10, True),
    # minimal offer: no description, no named experts
    offer("off-pyrenees-evasion", "co-pyrenees-evasion", "Pyrénées Évasion", 3200000,
          "Tourisme de montagne responsable", None,
          ["tourisme_solidaire"], ["écotourisme", "itinéraires de randonnée", "hébergement chez l'habitant"],
          "fr:C2 es:B1", "MA BO NP", None, 1, "10-01/11-30", 10, False),
]


# ---------------------------------------------------------------- needs

def partner(name, lodging, transport, meals):
    return {"name": name, "provides_lodging": lodging, "provides_field_transport": transport,
            "meals_provided_per_day": meals}


def need(id_, asso, call, kind, title, description, theme, skills, country, city, lang, pref,
         win, duration, wanted, objectives, deliverables, local_partner, origin=None):
    n = {"id": id_, "association": asso}
    if call:
        n["call"] = call
    n["kind"] = kind
    n["title"] = title
    n["description"] = description
    n["theme"] = theme
    n["skills"] = skills
    n["country"] = country
    if city:
        n["city"] = city
    if origin:
        n["expert_origin"] = origin
    n["languages"] = langs(lang)
    if pref:
        n["preferred_languages"] = langs(pref)
    n["window"] = window(win)
    n["duration_days"] = duration
    if wanted is not None:
        n["experts_wanted"] = wanted
    if objectives:
        n["objectives"] = objectives
    if deliverables:
        n["deliverables"] = deliverables
    if local_partner:
        n["local_partner"] = local_partner
    return n


P, A = "2027-printemps", "2027-automne"

NEEDS = [
    # Worked example 1, as in data-format.md (description written out in full)
    need("need-kin-dechets", "asso-eau-vive", P, "standard",
         "Diagnostic de la filière déchets d'un quartier de Kinshasa",
         "Typologie des déchets, quantités, possibilités locales de valorisation : l'ONG Kin Propre a besoin "
         "d'un diagnostic complet avant de structurer une filière de gestion des déchets dans un quartier de la "
         "commune de Limete. L'expert conduira des campagnes de caractérisation avec les équipes de pré-collecte "
         "et rencontrera les récupérateurs informels. Le diagnostic servira de base à un projet de centre de tri "
         "et de compostage porté avec la commune.",
         "dechets", ["diagnostic déchets", "caractérisation", "valorisation"], "CD", "Kinshasa",
         "fr:B2", "ln:A2", "03-01/05-31", 10, 1,
         ["Caractériser les flux de déchets du quartier"],
         ["Rapport de diagnostic", "Restitution aux acteurs locaux"],
         partner("ONG Kin Propre", True, True, 0)),

    # --- energy (Élec Sud's offer should rank these first)
    need("need-bf-solaire-villages", "asso-soleil-partage", P, "standard",
         "Électrification solaire de trois villages de l'Oubritenga",
         "Trois villages proches de Ziniaré ne sont pas raccordés au réseau national et leurs centres de santé "
         "fonctionnent à la lampe torche la nuit. Le partenaire souhaite dimensionner un mini-réseau "
         "photovoltaïque par village, alimentant le centre de santé, l'école et quelques commerces. Les experts "
         "valideront les relevés de consommation, proposeront un dimensionnement et un devis estimatif, et "
         "formeront deux jeunes électriciens à la maintenance de premier niveau.",
         "energie", ["photovoltaïque", "mini-réseaux", "dimensionnement solaire"], "BF", "Ziniaré",
         "fr:B2", None, "02-15/05-15", 12, 2,
         ["Dimensionner un mini-réseau pour chaque village",
          "Former deux électriciens locaux à la maintenance de premier niveau"],
         ["Note de dimensionnement et devis estimatif", "Plan de maintenance", "Support de formation"],
         partner("Association Lumière pour Tous (ALT)", True, True, 2)),
    need("need-mg-minireseau-sante", "asso-lozere-madagascar", P, "standard",
         "Mini-réseau solaire pour un centre de santé rural",
         "Le centre de santé de base d'une commune rurale proche d'Antsirabe n'a qu'un groupe électrogène, "
         "utilisé quelques heures par jour faute de carburant. L'association veut le remplacer par une "
         "installation photovoltaïque avec stockage, étendue ensuite à la maternité et au logement de "
         "l'infirmier. L'expert réalisera l'étude de faisabilité technique et accompagnera le choix de "
         "l'installateur local.",
         "energie", ["photovoltaïque", "stockage batterie", "génie électrique"], "MG", "Antsirabe",
         "fr:B2", "mg:A1", "04-01/06-30", 10, 1,
         ["Évaluer les besoins électriques du centre de santé",
          "Comparer les offres des installateurs locaux"],
         ["Étude de faisabilité", "Cahier des charges pour l'installateur"],
         partner("Fikambanana Hazavana", True, False, 1)),
    need("need-sn-pompage-solaire", "asso-tarn-senegal", P, "standard",
         "Pompage solaire pour les périmètres maraîchers de femmes",
         "Un groupement de 120 maraîchères de la région de Fatick arrose encore à la main à partir de puits "
         "peu profonds. Le projet prévoit deux pompes solaires alimentant des bassins et un réseau goutte-à-goutte. "
         "L'expert vérifiera le dimensionnement proposé par le fournisseur et formera le comité de gestion au "
         "suivi technique et financier des installations.",
         "energie", ["photovoltaïque", "pompage solaire", "dimensionnement solaire"], "SN", "Fatick",
         "fr:B2", "wo:A1", "03-15/06-15", 8, 1,
         ["Valider le dimensionnement des pompes solaires", "Former le comité de gestion"],
         ["Avis technique sur le devis", "Guide de maintenance en français et en wolof"],
         partner("GIE Jappo Liggeey", True, True, 2)),

    # --- governance
    need("need-bj-etat-civil", "asso-aveyron-benin", P, "standard",
         "Modernisation de l'état civil communal d'Abomey",
         "Une part importante des naissances n'est pas déclarée dans les arrondissements ruraux de la commune. "
         "La mairie veut réorganiser les centres secondaires d'état civil et numériser les registres anciens. "
         "L'expert appuiera le diagnostic de la chaîne de déclaration et formera les agents aux bonnes pratiques "
         "de tenue et d'archivage des registres. Cette mission s'inscrit dans une coopération décentralisée "
         "ancienne entre l'Aveyron et le plateau d'Abomey.",
         "etat_civil", ["état civil", "numérisation des registres", "formation des agents"], "BJ", "Abomey",
         "fr:B2", None, "03-01/04-30", 12, 1,
         ["Diagnostiquer la chaîne de déclaration des naissances",
          "Former les agents des centres secondaires"],
         ["Rapport de diagnostic", "Guide de procédures", "Plan de numérisation des registres"],
         partner("Mairie d'Abomey", False, True, 1)),
    need("need-bj-finances-locales", "asso-aveyron-benin", A, "standard",
         "Amélioration des recettes fiscales de la commune de Bohicon",
         "La commune de Bohicon dépend fortement des transferts de l'État et souhaite mieux mobiliser ses "
         "ressources propres, notamment les taxes de marché et la taxe foncière unique. L'expert appuiera le "
         "service financier pour fiabiliser le fichier des contribuables et le circuit de recouvrement. Un plan "
         "d'action chiffré sera présenté au conseil municipal.",
         "finances_locales", ["fiscalité locale", "recouvrement", "budget communal"], "BJ", "Bohicon",
         "fr:B2", None, "09-15/11-30", 10, 1,
         ["Analyser les recettes propres des trois derniers exercices", "Proposer un plan de recouvrement"],
         ["Diagnostic financier", "Plan d'action de mobilisation des ressources"],
         partner("Mairie de Bohicon", True, True, 1)),
    need("need-lb-administration", "asso-cedres-occitanie", P, "standard",
         "Organisation des services d'une municipalité de Jbeil",
         "Une municipalité du caza de Jbeil a vu ses effectifs fondre avec la crise économique et doit "
         "réorganiser ses services techniques et administratifs. L'expert accompagnera le président du conseil "
         "municipal dans l'élaboration d'un organigramme cible et de fiches de poste. Il proposera aussi des "
         "pistes de mutualisation avec l'union des municipalités.",
         "administration_publique", ["organisation des services", "gestion des ressources humaines",
                                     "intercommunalité"], "LB", "Jbeil",
         "fr:C1", "ar:A2", "05-01/06-30", 10, 1,
         ["Établir un organigramme cible", "Identifier des pistes de mutualisation"],
         ["Organigramme et fiches de poste", "Note de recommandations"],
         partner("Municipalité de Jbeil-Byblos", False, True, 1)),
    need("need-tg-urbanisme-kpalime", "asso-moissac-togo", P, "standard",
         "Adressage et plan d'aménagement des quartiers de Kpalimé",
         "La ville de Kpalimé grandit rapidement sans plan d'ensemble, et les rues de ses quartiers n'ont ni "
         "nom ni numéro. La mairie veut lancer un programme d'adressage et un schéma d'aménagement des quartiers "
         "périphériques. L'expert formera les agents du service technique aux outils SIG libres et les aidera "
         "à préparer la concertation avec les chefs de quartier.",
         "urbanisme", ["adressage", "SIG", "planification urbaine"], "TG", "Kpalimé",
         "fr:B2", "ee:A1", "04-01/06-15", 12, 1,
         ["Lancer la démarche d'adressage", "Former le service technique au SIG"],
         ["Méthodologie d'adressage", "Premières cartes des quartiers", "Compte rendu de concertation"],
         partner("Mairie de Kpalimé", True, True, 0)),

    # --- agriculture
    need("need-ma-irrigation-goutte", "asso-bigorre-atlas", P, "standard",
         "Passage au goutte-à-goutte dans une oasis du Todgha",
         "Les agriculteurs de l'oasis irriguent par submersion à partir d'une séguia dont le débit baisse d'année "
         "en année. L'association coopérative locale veut équiper vingt exploitations en goutte-à-goutte et "
         "revoir les tours d'eau. L'expert fera le diagnostic du réseau, proposera un schéma technique et animera "
         "deux ateliers avec les irrigants.",
         "irrigation", ["irrigation goutte-à-goutte", "gestion collective de l'eau", "économies d'eau"],
         "MA", "Tinghir", "fr:B2", "ar:A1", "04-01/05-31", 10, 1,
         ["Diagnostiquer le réseau d'irrigation", "Proposer un schéma de conversion au goutte-à-goutte"],
         ["Rapport de diagnostic", "Schéma technique", "Compte rendu des ateliers"],
         partner("Coopérative Tighremt", True, True, 2)),
    need("need-bf-agroecologie-zai", "asso-terres-solidaires-gers", P, "standard",
         "Restauration des sols par le zaï et l'agroforesterie",
         "Dans la commune de Koubri, les sols sont encroûtés et les rendements de sorgho diminuent. Le partenaire "
         "forme depuis deux ans des paysans relais au zaï et aux demi-lunes. L'expert évaluera les parcelles de "
         "démonstration avant la saison des pluies et aidera à construire un module de formation à "
         "l'agroforesterie. La mission a lieu en saison sèche, seule période où les paysans sont disponibles.",
         "agroecologie", ["agroécologie", "zaï", "agroforesterie"], "BF", "Koubri",
         "fr:B2", None, "02-01/03-31", 12, 1,
         ["Évaluer les parcelles de démonstration", "Construire un module de formation à l'agroforesterie"],
         ["Rapport d'évaluation", "Module de formation"],
         partner("Association Zood Nooma", True, True, 2)),
    need("need-bf-transformation-karite", "asso-terres-solidaires-gers", A, "standard",
         "Qualité et hygiène dans une unité de transformation du karité",
         "Une union de groupements de femmes de Ouagadougou transforme chaque année près de 40 tonnes d'amandes "
         "de karité en beurre. Elle vise un débouché à l'export équitable qui exige un plan de maîtrise sanitaire. "
         "L'expert réalisera un audit de l'unité, proposera des améliorations simples du procédé et formera les "
         "responsables qualité.",
         "transformation_alimentaire",
         ["hygiène alimentaire (HACCP)", "transformation des produits agricoles", "conditionnement"],
         "BF", "Ouagadougou", "fr:B2", None, "10-01/11-30", 10, 1,
         ["Auditer l'unité de transformation", "Former les responsables qualité"],
         ["Rapport d'audit", "Plan de maîtrise sanitaire simplifié"],
         partner("Union Nununa", False, True, 1)),
    need("need-ml-elevage-segou", "asso-cevennes-sahel", A, "standard",
         "Santé animale et auxiliaires d'élevage autour de Ségou",
         "Les éleveurs transhumants de la région de Ségou perdent une part importante de leur cheptel faute de "
         "vaccination. Le partenaire a formé une première promotion d'auxiliaires d'élevage qu'il faut "
         "maintenant recycler et équiper. L'expert actualisera le module de formation et appuiera "
         "l'organisation d'une campagne de vaccination.",
         "elevage", ["santé animale", "vaccination", "formation d'auxiliaires d'élevage"], "ML", "Ségou",
         "fr:B2", "bm:A1", "11-01/12-15", 10, 1,
         ["Recycler les auxiliaires d'élevage", "Préparer la campagne de vaccination"],
         ["Module de formation actualisé", "Plan de campagne de vaccination"],
         partner("Association des éleveurs du Kala", True, True, 2)),
    need("need-pe-cafe-agroforesterie", "asso-ariege-andes", P, "standard",
         "Agroforesterie et qualité du café dans la vallée de La Convención",
         "Une coopérative de petits producteurs de café de Quillabamba veut renouveler ses plantations touchées "
         "par la rouille en introduisant des systèmes agroforestiers. L'expert visitera les parcelles, proposera "
         "des associations d'arbres adaptées et formera les techniciens de la coopérative. La mission se fera "
         "entièrement en espagnol.",
         "agroecologie", ["agroforesterie", "agroécologie", "fertilité des sols"], "PE", "Quillabamba",
         "es:B2", None, "05-01/07-31", 15, 1,
         ["Proposer des modèles agroforestiers adaptés", "Former les techniciens de la coopérative"],
         ["Rapport technique en espagnol", "Fiches techniques"],
         partner("Cooperativa Agraria Valle Sagrado", True, True, 2)),

    # --- health
    need("need-cm-maternite", "asso-quercy-cameroun", P, "standard",
         "Formation de l'équipe de la maternité de district de Bafoussam",
         "La maternité du district accueille plus de 2 000 accouchements par an avec une équipe de sages-femmes "
         "récemment recrutée. Le partenaire demande une formation pratique aux urgences obstétricales et aux "
         "soins au nouveau-né. Deux expertes, idéalement une sage-femme et un médecin ou une seconde sage-femme, "
         "animeront des ateliers en salle de naissance et formeront des formatrices relais.",
         "sante_maternelle", ["accouchement", "soins néonatals", "suivi de grossesse"], "CM", "Bafoussam",
         "fr:B2", None, "02-01/04-15", 14, 2,
         ["Renforcer la prise en charge des urgences obstétricales",
          "Former quatre formatrices relais"],
         ["Programme de formation", "Rapport de mission", "Kit pédagogique"],
         partner("Hôpital de district de Bafoussam", True, True, 1)),
    need("need-cm-hygiene-ecoles", "asso-quercy-cameroun", A, "standard",
         "Hygiène et lavage des mains dans les écoles de Dschang",
         "Les écoles primaires publiques de Dschang ont reçu des dispositifs de lavage des mains, peu utilisés. "
         "Le partenaire veut former les enseignants et les comités de gestion à l'éducation à l'hygiène. "
         "L'expert construira des séances pratiques avec les enseignants et un plan de suivi simple.",
         "hygiene", ["lavage des mains", "éducation à la santé", "prévention des infections"], "CM", "Dschang",
         "fr:B2", None, "10-01/10-20", 7, 1,
         ["Former les enseignants à l'éducation à l'hygiène"],
         ["Guide pédagogique", "Plan de suivi"],
         partner("Association Santé Menoua", True, False, 0)),
    need("need-cm-genre-cooperatives", "asso-quercy-cameroun", A, "standard",
         "Autonomisation économique des femmes de coopératives vivrières",
         "Des coopératives de productrices de la région de l'Ouest peinent à faire entendre les femmes dans "
         "leurs instances et leurs membres n'ont pas accès au crédit. Le partenaire veut intégrer l'approche "
         "genre dans son programme d'appui. L'expert animera une formation des animatrices et aidera à "
         "construire des indicateurs de suivi.",
         "genre", ["approche genre", "autonomisation économique des femmes"], "CM", "Bafoussam",
         "fr:B2", None, "10-01/11-30", 9, 1,
         ["Former les animatrices à l'approche genre", "Définir des indicateurs de suivi"],
         ["Support de formation", "Grille d'indicateurs"],
         partner("Réseau des femmes rurales de l'Ouest", True, True, 1)),
    need("need-mg-nutrition", "asso-lozere-madagascar", A, "standard",
         "Dépistage et prévention de la malnutrition infantile à Fianarantsoa",
         "Dans les quartiers périphériques de Fianarantsoa, un enfant de moins de cinq ans sur deux présente un "
         "retard de croissance. Le partenaire anime des centres de nutrition communautaires dont les animatrices "
         "ont besoin d'être formées au dépistage et aux démonstrations culinaires avec des produits locaux. "
         "L'expert révisera les outils de suivi et formera les animatrices.",
         "nutrition", ["dépistage de la malnutrition", "éducation nutritionnelle", "alimentation du jeune enfant"],
         "MG", "Fianarantsoa", "fr:B2", "mg:A2", "09-15/11-30", 12, 1,
         ["Former les animatrices au dépistage", "Réviser les outils de suivi"],
         ["Outils de suivi révisés", "Recettes à base de produits locaux", "Rapport de mission"],
         partner("Centre Fanantenana", True, True, 2)),
    need("need-ma-soins-primaires", "asso-sante-sud-roussillon", A, "standard",
         "Organisation d'un dispensaire du Haut Atlas",
         "Le dispensaire d'Asni couvre une vingtaine de douars de montagne, avec un infirmier et une sage-femme. "
         "L'association y a financé un véhicule et souhaite l'appui d'un médecin pour organiser des consultations "
         "avancées et la gestion des médicaments essentiels. L'expert accompagnera l'équipe en tournée et "
         "proposera une organisation réaliste.",
         "soins_primaires", ["soins primaires", "médicaments essentiels", "organisation de dispensaire"],
         "MA", "Asni", "fr:B2", "ar:A1", "10-01/11-30", 10, 1,
         ["Organiser les consultations avancées", "Améliorer la gestion des médicaments"],
         ["Plan d'organisation", "Outil de gestion de stock"],
         partner("Association Atlas Santé", True, True, 2)),
    # parent theme key
    need("need-tn-maintenance-biomedicale", "asso-sante-sud-roussillon", P, "standard",
         "Maintenance des équipements de l'hôpital régional de Gafsa",
         "Une partie du matériel donné à l'hôpital régional ces dernières années est hors service faute de "
         "maintenance. L'association souhaite un inventaire du parc et un plan de maintenance préventive avant "
         "tout nouvel envoi. L'expert travaillera avec les deux techniciens biomédicaux de l'hôpital et les "
         "formera aux contrôles de base.",
         "sante", ["maintenance biomédicale", "gestion des équipements", "formation de techniciens"],
         "TN", "Gafsa", "fr:B2", "ar:A2", "03-01/05-15", 10, 1,
         ["Inventorier le parc d'équipements", "Former les techniciens aux contrôles de base"],
         ["Inventaire du parc", "Plan de maintenance préventive"],
         partner("Hôpital régional de Gafsa", False, True, 1)),

    # --- education
    need("need-ht-ecole-inclusive", "asso-haiti-avenir", P, "standard",
         "Vers une école inclusive à Jacmel",
         "Une école fondamentale de Jacmel accueille depuis deux ans des enfants sourds ou porteurs de handicap "
         "moteur, sans formation spécifique des enseignants. Le partenaire demande un appui pour adapter les "
         "pratiques de classe et les locaux. L'expert formera l'équipe enseignante et proposera un plan "
         "d'aménagement à faible coût.",
         "handicap", ["éducation inclusive", "accompagnement du handicap", "formation d'enseignants"], "HT",
         "Jacmel", "fr:B2", "ht:A1", "02-15/04-30", 10, 1,
         ["Former l'équipe enseignante à l'accueil des élèves handicapés",
          "Proposer des aménagements à faible coût"],
         ["Programme de formation", "Plan d'aménagement"],
         partner("École fondamentale Sainte-Anne", True, False, 2)),
    need("need-ht-formation-enseignants", "asso-haiti-avenir", A, "standard",
         "Formation continue des enseignants du premier cycle aux Cayes",
         "Douze écoles communautaires de la périphérie des Cayes emploient des enseignants peu formés, souvent "
         "sans diplôme pédagogique. Le partenaire organise pendant les congés un cycle de formation sur "
         "l'apprentissage de la lecture et la gestion de classes multiniveaux. Trois formateurs animeront des "
         "groupes parallèles et outilleront les directeurs pour le suivi en classe.",
         "education_base", ["formation d'enseignants", "apprentissage de la lecture", "classes multiniveaux"],
         "HT", "Les Cayes", "fr:B2", "ht:A2", "10-01/12-15", 14, 3,
         ["Former une soixantaine d'enseignants", "Outiller les directeurs pour le suivi"],
         ["Modules de formation", "Grille d'observation de classe", "Rapport de mission"],
         partner("Réseau des écoles communautaires du Sud", True, True, 2)),
    need("need-sn-lycee-technique", "asso-cartables-pour-tous", A, "standard",
         "Rénovation de la filière électricité du lycée technique de Thiès",
         "Le lycée technique de Thiès a reçu des équipements neufs pour son atelier d'électricité mais les "
         "programmes n'ont pas été revus depuis quinze ans. Le proviseur souhaite un appui pour actualiser les "
         "référentiels et former les formateurs aux nouveaux équipements. Deux experts travailleront en binôme "
         "avec l'équipe pédagogique.",
         "formation_professionnelle", ["ingénierie de formation", "électricité du bâtiment", "référentiels métiers"],
         "SN", "Thiès", "fr:B2", "wo:A1", "10-15/12-15", 14, 2,
         ["Actualiser les référentiels de la filière électricité", "Former les formateurs"],
         ["Référentiels actualisés", "Plan de formation des formateurs"],
         partner("Lycée technique de Thiès", False, True, 1)),
    need("need-cd-alphabetisation", "asso-castres-afrique", A, "standard",
         "Alphabétisation fonctionnelle des femmes de Kisangani",
         "Un centre social de Kisangani accueille chaque soir une centaine de femmes commerçantes qui veulent "
         "apprendre à lire, écrire et compter. Les animatrices sont bénévoles et manquent de méthode. L'expert "
         "formera les animatrices à l'alphabétisation fonctionnelle et adaptera les supports aux activités "
         "commerciales des apprenantes.",
         "alphabetisation", ["alphabétisation fonctionnelle", "formation de formateurs", "supports pédagogiques"],
         "CD", "Kisangani", "fr:B2", "ln:A1", "10-01/12-15", 14, 1,
         ["Former les animatrices", "Adapter les supports pédagogiques"],
         ["Supports pédagogiques", "Rapport de mission"],
         partner("Centre Maman Tosalisana", True, False, 1)),
    need("need-cd-telecom-sante", "asso-castres-afrique", P, "standard",
         "Connectivité d'un réseau de centres de santé à Lubumbashi",
         "Le bureau diocésain des œuvres médicales coordonne douze centres de santé qui transmettent leurs "
         "rapports sur papier. Le projet prévoit de les relier par une liaison radio et satellitaire pour la "
         "télétransmission des données. L'expert réalisera l'étude de couverture et rédigera le cahier des charges.",
         "telecommunications", ["réseaux radio", "liaisons VSAT", "réseaux locaux"], "CD", "Lubumbashi",
         "fr:B2", "sw:A1", "03-15/05-31", 9, 1,
         ["Étudier la couverture radio", "Rédiger le cahier des charges"],
         ["Étude de couverture", "Cahier des charges"],
         partner("Bureau diocésain des œuvres médicales", True, True, 1)),
    need("need-vn-si-hopital", "asso-pont-vietnam", A, "standard",
         "Dossier patient informatisé pour un hôpital de district de Huế",
         "L'hôpital de district utilise encore des registres papier pour les consultations externes. La direction "
         "a choisi un logiciel libre de dossier patient et demande un appui pour le paramétrer et former les "
         "référents. La mission se déroule en anglais avec les informaticiens de l'hôpital.",
         "informatique", ["systèmes d'information hospitaliers", "logiciel libre", "bases de données"], "VN",
         "Huế", "en:B2", None, "09-01/11-30", 12, 1,
         ["Paramétrer le logiciel de dossier patient", "Former les référents"],
         ["Dossier de paramétrage", "Plan de déploiement", "Supports de formation en anglais"],
         partner("Hôpital de district de Phú Vang", True, True, 1)),
    # two required languages
    need("need-vn-patrimoine-hoian", "asso-pont-vietnam", P, "standard",
         "Restauration de maisons-boutiques de la vieille ville de Hội An",
         "Le centre de conservation de Hội An recense des maisons-boutiques en bois très dégradées par les crues. "
         "Il souhaite un regard extérieur sur les méthodes de restauration et la formation des charpentiers. "
         "L'expert travaillera avec les architectes du centre, en français avec la direction et en anglais avec "
         "les équipes techniques.",
         "patrimoine", ["restauration du bâti ancien", "matériaux traditionnels", "inventaire patrimonial"],
         "VN", "Hội An", "fr:B2 en:B2", None, "03-01/04-30", 10, 1,
         ["Évaluer les méthodes de restauration", "Proposer un programme de formation des charpentiers"],
         ["Rapport d'expertise", "Programme de formation"],
         partner("Centre de conservation du patrimoine de Hội An", True, True, 0)),
    need("need-kh-hotellerie", "asso-pont-catalan-cambodge", A, "standard",
         "Formation hôtelière pour une école de Siem Reap",
         "Une école de formation professionnelle accueille des jeunes issus de familles rurales pauvres et les "
         "prépare aux métiers de l'hôtellerie. Elle ouvre un restaurant d'application et souhaite revoir ses "
         "modules d'accueil et de service. L'expert formera les formateurs en anglais et aidera à mettre en place "
         "le restaurant d'application.",
         "tourisme_solidaire", ["formation hôtelière", "accueil client", "ingénierie de formation"], "KH",
         "Siem Reap", "en:B2", None, "10-01/12-15", 12, 1,
         ["Réviser les modules d'accueil et de service", "Lancer le restaurant d'application"],
         ["Modules révisés", "Procédures du restaurant d'application"],
         partner("Angkor Youth Training Centre", True, True, 2)),

    # --- economy
    need("need-tn-tisserandes", "asso-narbonne-mediterranee", P, "standard",
         "Appui à une coopérative de tisserandes de Kairouan",
         "Une coopérative d'une trentaine de tisserandes de tapis de Kairouan voit ses ventes baisser et vend "
         "surtout à des intermédiaires. Elle souhaite créer une petite collection adaptée aux boutiques "
         "équitables européennes. L'expert travaillera le design avec les artisanes et les aidera à calculer "
         "leurs prix de revient.",
         "artisanat", ["design produit", "tissage", "commercialisation équitable"], "TN", "Kairouan",
         "fr:B2", "ar:A2", "04-15/06-30", 10, 1,
         ["Concevoir une collection adaptée", "Calculer les prix de revient"],
         ["Cahier de collection", "Grille de prix"],
         partner("Coopérative Nassij", True, False, 1)),
    need("need-tn-microcredit", "asso-narbonne-mediterranee", A, "standard",
         "Procédures de crédit d'une association de microfinance de Sfax",
         "L'association de microfinance partenaire a doublé son portefeuille en trois ans et voit monter ses "
         "impayés. Elle souhaite revoir ses procédures d'octroi et de suivi des prêts. L'expert analysera le "
         "portefeuille à risque et formera les agents de crédit.",
         "microfinance", ["microcrédit", "analyse financière", "gestion du risque"], "TN", "Sfax",
         "fr:C1", None, "09-01/10-31", 8, 1,
         ["Analyser le portefeuille à risque", "Former les agents de crédit"],
         ["Rapport d'analyse", "Procédures révisées"],
         partner("Association Tamkeen", False, True, 0)),
    need("need-ma-gites-ruraux", "asso-bigorre-atlas", A, "standard",
         "Réseau de gîtes ruraux dans la vallée des Aït Bouguemez",
         "Des familles de la vallée accueillent des randonneurs mais sans organisation commune ni "
         "commercialisation. L'association villageoise veut créer un réseau de gîtes avec une charte de "
         "qualité et des circuits. L'expert accompagnera la rédaction de la charte et la mise en marché auprès "
         "d'agences de tourisme responsable.",
         "tourisme_solidaire", ["hébergement chez l'habitant", "commercialisation", "itinéraires de randonnée"],
         "MA", "Tabant", "fr:B2", "ar:A1", "10-01/11-15", 9, 1,
         ["Rédiger une charte de qualité", "Construire trois circuits"],
         ["Charte de qualité", "Fiches circuits", "Liste d'agences à démarcher"],
         partner("Association Aït Bouguemez Tourisme", True, True, 2)),
    need("need-bo-tourisme-communautaire", "asso-ariege-andes", A, "standard",
         "Tourisme communautaire autour de Sorata",
         "Trois communautés aymaras proches de Sorata souhaitent accueillir des randonneurs et partager les "
         "revenus. L'expert aidera à définir l'offre, à former des guides locaux et à fixer des règles de "
         "répartition des revenus. La mission se déroule en espagnol.",
         "tourisme_solidaire", ["écotourisme", "formation de guides", "commercialisation"], "BO", "Sorata",
         "es:B2", None, "09-01/11-30", 12, 1,
         ["Définir l'offre de tourisme communautaire", "Former des guides locaux"],
         ["Document d'offre", "Règlement de répartition des revenus"],
         partner("Red de Turismo Comunitario Illampu", True, True, 2)),

    # --- environment (water, climate, biodiversity, waste)
    need("need-sn-assainissement-saint-louis", "asso-tarn-senegal", A, "standard",
         "Gestion des boues de vidange dans un quartier de Saint-Louis",
         "Dans le quartier de Pikine à Saint-Louis, les fosses sont vidangées manuellement et les boues rejetées "
         "dans le fleuve. La commune et le partenaire veulent organiser une filière de vidange mécanique et de "
         "traitement. L'expert dimensionnera la filière et aidera à définir le modèle économique avec les "
         "vidangeurs.",
         "eau_assainissement", ["gestion des boues de vidange", "assainissement autonome", "station d'épuration"],
         "SN", "Saint-Louis", "fr:B2", "wo:A2", "11-01/12-20", 12, 1,
         ["Dimensionner la filière de vidange", "Définir le modèle économique"],
         ["Étude de filière", "Modèle économique"],
         partner("GIE Ndar Set", True, True, 1)),
    need("need-mz-eau-potable", "asso-eau-vive", A, "standard",
         "Réhabilitation d'un réseau d'eau potable à Inhambane",
         "Un petit réseau d'adduction desservant quatre bairros d'Inhambane perd plus de la moitié de l'eau "
         "produite. L'association de gestion communautaire veut un diagnostic des fuites et un plan de "
         "réhabilitation progressif. La mission se déroule en portugais avec les fontainiers.",
         "eau_assainissement", ["adduction d'eau potable", "gestion des services d'eau", "qualité de l'eau"],
         "MZ", "Inhambane", "pt:B2", None, "09-01/11-30", 12, 1,
         ["Diagnostiquer les pertes du réseau", "Planifier la réhabilitation"],
         ["Diagnostic du réseau", "Plan de réhabilitation chiffré"],
         partner("Associação de Água de Inhambane", True, True, 1)),
    need("need-cv-climat", "asso-iles-littoraux", P, "standard",
         "Plan d'adaptation au changement climatique de Tarrafal",
         "La commune de Tarrafal, sur l'île de Santiago, subit l'érosion de ses plages et la salinisation de ses "
         "puits. Elle veut un premier plan d'adaptation priorisé à présenter aux bailleurs. L'expert conduira une "
         "analyse de vulnérabilité participative avec les services municipaux, en portugais.",
         "climat", ["adaptation au changement climatique", "vulnérabilité côtière", "plan climat"], "CV",
         "Tarrafal", "pt:B2", None, "04-01/06-30", 10, 1,
         ["Analyser la vulnérabilité de la commune", "Prioriser des mesures d'adaptation"],
         ["Analyse de vulnérabilité", "Plan d'adaptation priorisé"],
         partner("Câmara Municipal do Tarrafal", False, True, 1)),
    need("need-sn-mangrove", "asso-iles-littoraux", P, "standard",
         "Restauration de la mangrove dans le delta du Saloum",
         "Les femmes cueilleuses d'huîtres de Foundiougne replantent chaque année des palétuviers avec un taux de "
         "survie faible. Le partenaire veut améliorer les techniques de plantation et mettre en place un suivi "
         "écologique simple. L'expert formera les groupements et proposera un protocole de suivi.",
         "biodiversite", ["restauration de mangrove", "suivi écologique"], "SN", "Foundiougne",
         "fr:B2", "wo:A1", "03-01/04-30", 10, 1,
         ["Améliorer les techniques de plantation", "Mettre en place un suivi écologique"],
         ["Protocole de suivi", "Rapport de mission"],
         partner("Union des GIE de femmes de Foundiougne", True, True, 2)),
    need("need-tg-dechets-marche", "asso-moissac-togo", A, "standard",
         "Gestion des déchets du grand marché d'Adawlato",
         "Le grand marché de Lomé produit chaque jour plusieurs tonnes de déchets, surtout organiques, collectés "
         "de façon irrégulière. Le partenaire veut organiser la précollecte par les commerçantes et une unité "
         "de compostage. L'expert proposera une organisation de la collecte et dimensionnera l'unité de compostage.",
         "dechets", ["collecte", "compostage", "tri sélectif"], "TG", "Lomé",
         "fr:B2", "ee:A1", "09-15/11-15", 8, 1,
         ["Organiser la précollecte", "Dimensionner l'unité de compostage"],
         ["Plan d'organisation de la collecte", "Note de dimensionnement"],
         partner("ONG Lomé Propre", True, True, 1)),

    # --- youth (non-member association, window exactly as long as the mission)
    need("need-gn-maison-des-jeunes", "asso-petits-ponts", A, "standard",
         "Projet éducatif d'une maison des jeunes à Kindia",
         "Une maison des jeunes vient d'ouvrir à Kindia grâce à un jumelage scolaire. Son comité de gestion "
         "veut construire un projet éducatif et un programme d'activités. L'expert animera trois jours d'ateliers "
         "avec les jeunes et les animateurs pendant les vacances scolaires.",
         "jeunesse", ["animation socioculturelle", "projets de jeunes", "éducation populaire"], "GN", "Kindia",
         "fr:B2", None, "10-18/10-24", 7, 1,
         ["Construire le projet éducatif"], ["Projet éducatif", "Programme d'activités"], None),

    # minimal need: no call, city, preferred languages, objectives, deliverables, experts_wanted, partner
    need("need-bj-incubateur", "asso-aveyron-benin", None, "standard",
         "Incubateur de jeunes entrepreneurs à Cotonou",
         "Une association de jeunes diplômés de Cotonou veut lancer un incubateur pour des projets de "
         "transformation agricole et de services. Elle a besoin d'un appui pour définir le parcours "
         "d'accompagnement et les critères de sélection. L'expert animera un atelier avec les futurs mentors.",
         "entrepreneuriat", ["incubation", "plan d'affaires", "accompagnement de porteurs de projet"], "BJ", None,
         "fr:B2", None, "03-01/05-15", 7, None, None, None, None),

    # --- reciprocity: missions in Occitanie, experts from abroad
    need("need-rec-albi-ecm", "asso-tarn-senegal", A, "reciprocity",
         "Une pédagogue sénégalaise dans les collèges albigeois",
         "Dans le cadre de son programme d'éducation à la citoyenneté mondiale, l'association souhaite accueillir "
         "une experte de l'éducation sénégalaise. Elle interviendra dans quatre collèges d'Albi et du Carmausin et "
         "co-animera une formation des enseignants sur les regards croisés Nord-Sud. La mission prépare un "
         "échange de classes pour 2028.",
         "education", ["éducation à la citoyenneté", "formation d'enseignants", "animation de débats"], "FR",
         "Albi", "fr:C1", None, "11-08/12-10", 10, 1,
         ["Animer des interventions dans quatre collèges", "Co-animer une formation d'enseignants"],
         ["Compte rendu des interventions", "Dossier pédagogique partagé"],
         partner("Collège Bellevue d'Albi", True, True, 1), origin="SN"),
    need("need-rec-tarbes-irrigation", "asso-bigorre-atlas", P, "reciprocity",
         "Regards marocains sur la gestion collective de l'eau en Bigorre",
         "Les associations d'irrigants de la plaine de l'Adour cherchent à mieux partager une eau qui se raréfie "
         "en été. L'association propose d'accueillir un ingénieur marocain, spécialiste des tours d'eau et des "
         "khettaras, pour des visites et des ateliers croisés. Sa mission alimentera aussi le projet d'irrigation "
         "de l'association dans le Todgha.",
         "irrigation", ["gestion collective de l'eau", "économies d'eau"], "FR", "Tarbes",
         "fr:B2", None, "05-15/06-30", 8, 1,
         ["Animer deux ateliers croisés avec des irrigants", "Documenter les pratiques de partage de l'eau"],
         ["Note de capitalisation", "Compte rendu des ateliers"],
         partner("Chambre d'agriculture des Hautes-Pyrénées", False, True, 0), origin="MA"),
    need("need-rec-toulouse-numerique", "asso-pont-vietnam", P, "reciprocity",
         "Co-développement d'une application de suivi des parrainages",
         "L'association gère plus de 300 parrainages d'élèves au Vietnam avec des tableurs partagés. Elle veut "
         "une application web libre, utilisable par ses bénévoles à Toulouse et par ses correspondants à Huế. "
         "Un développeur vietnamien viendra la concevoir avec les bénévoles, en anglais, pour qu'elle reste "
         "maintenable des deux côtés.",
         "informatique", ["développement web", "bases de données", "logiciel libre"], "FR", "Toulouse",
         "en:B2", "fr:A2", "04-01/06-30", 12, 1,
         ["Concevoir l'application avec les bénévoles", "Former les administrateurs"],
         ["Application en ligne", "Documentation technique"],
         partner("Maison des associations de Toulouse", False, False, 0), origin="VN"),
    need("need-rec-mende-agroforesterie", "asso-lozere-madagascar", A, "reciprocity",
         "Agroforesterie paysanne : un regard du Sud sur les causses lozériens",
         "Des agriculteurs lozériens engagés dans la plantation de haies et l'agroforesterie souhaitent échanger "
         "avec un praticien d'un pays partenaire. L'association propose d'accueillir un agronome africain ou "
         "malgache pour des visites de fermes et une journée d'échanges publique à Mende. Les échanges porteront sur le choix "
         "des essences, la conduite des arbres et la place de l'arbre dans l'économie de la ferme.",
         "agroecologie", ["agroforesterie", "agroécologie"], "FR", "Mende",
         "fr:B2", None, "09-15/10-31", 10, 1,
         ["Organiser des visites croisées de fermes", "Animer une journée d'échanges"],
         ["Compte rendu de la journée", "Fiches d'expérience"],
         partner("Ferme de Bramonas", True, True, 2)),
    need("need-rec-perpignan-sages-femmes", "asso-sante-sud-roussillon", P, "reciprocity",
         "Co-construction d'un module de formation avec une sage-femme camerounaise",
         "L'association prépare avec l'école de sages-femmes de Perpignan un module sur l'accouchement en "
         "contexte de ressources limitées, destiné aux volontaires qu'elle envoie en mission. Elle souhaite le "
         "co-construire avec une sage-femme camerounaise expérimentée. L'experte animera aussi une conférence "
         "publique.",
         "sante_maternelle", ["accouchement", "formation de matrones", "soins néonatals"], "FR", "Perpignan",
         "fr:B2", None, "03-01/04-30", 10, 1,
         ["Co-construire le module de formation", "Animer une conférence publique"],
         ["Module de formation", "Enregistrement de la conférence"],
         partner("Institut de formation en soins infirmiers et maïeutique de Perpignan", True, True, 1),
         origin="CM"),
]


# ---------------------------------------------------------------- write

def write(name, records):
    path = OUT / name
    with path.open("w", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {path.relative_to(OUT.parent.parent)} ({len(records)} records)")


def main():
    experts = sorted(EXPERTS, key=lambda e: e["id"])
    write("associations.json", ASSOCIATIONS)
    write("experts.json", experts)
    write("offers.json", OFFERS)
    write("needs.json", NEEDS)


if __name__ == "__main__":
    main()
