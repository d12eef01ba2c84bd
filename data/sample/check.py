#!/usr/bin/env python3
"""Checks the sample dataset against design/data-format.md and the sample's own brief.

    python3 data/sample/check.py [DIR]      (DIR defaults to this script's folder)

1. Contract: every rule of data-format.md ("Validation" section and the field tables):
   unknown / missing fields, types, dates, windows, durations, theme keys, ISO codes,
   CEFR levels, duplicate ids, references, employer and consent rules, money.
2. Sample brief: the coverage the sample promises (statuses, consent schemes, foreign
   experts, calls, reciprocity, the two worked examples of domain.md ...).
3. Report: counts, and per need the number of experts passing the hard gates
   (theme, languages, dates, mission length, consent not refused, origin), so that a
   need nobody can take is a deliberate choice, not an accident.

Country and language codes come from data/reference/{countries,languages}.json.
Standard library only. Exit status 1 if any error.
"""

import datetime as dt
import json
import pathlib
import re
import sys
from collections import Counter
from decimal import Decimal

HERE = pathlib.Path(__file__).resolve().parent
DIR = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
REF = HERE.parent / "reference"

ERRORS = []
WARNINGS = []


def err(where, msg):
    ERRORS.append(f"{where}: {msg}")


def warn(where, msg):
    WARNINGS.append(f"{where}: {msg}")


# ---------------------------------------------------------------- reference data

# Exactly the "Theme keys" table of design/data-format.md.
THEMES = {
    "environnement": ["dechets", "energie", "eau_assainissement", "climat", "biodiversite"],
    "agriculture": ["agroecologie", "elevage", "irrigation", "transformation_alimentaire"],
    "sante": ["soins_primaires", "sante_maternelle", "nutrition", "hygiene"],
    "education": ["education_base", "formation_professionnelle", "alphabetisation"],
    "gouvernance": ["administration_publique", "finances_locales", "etat_civil", "urbanisme"],
    "economie": ["entrepreneuriat", "microfinance", "tourisme_solidaire", "artisanat"],
    "numerique": ["informatique", "telecommunications"],
    "social": ["genre", "handicap", "jeunesse"],
    "culture": ["patrimoine"],
}
PARENT = {c: p for p, cs in THEMES.items() for c in cs}
THEME_KEYS = set(THEMES) | set(PARENT)

OCCITANIE = {"09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"}
CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]


def load_codes(name, key):
    path = REF / name
    if not path.exists():
        warn(str(path), "reference file missing: codes not checked against ISO lists")
        return None
    return {x["code"] for x in json.loads(path.read_text(encoding="utf-8"))[key]}


COUNTRIES = load_codes("countries.json", "countries")
LANGUAGES = load_codes("languages.json", "languages")
DEPARTMENTS = None
if (REF / "departements.json").exists():
    DEPARTMENTS = {d["code"] for d in
                   json.loads((REF / "departements.json").read_text(encoding="utf-8"))["departements"]}


# ---------------------------------------------------------------- field checkers

def c_str(v, w):
    if not isinstance(v, str) or not v.strip():
        err(w, f"expected a non-empty string, got {v!r}")


def c_bool(v, w):
    if not isinstance(v, bool):
        err(w, f"expected a boolean, got {v!r}")


def c_int(lo, hi):
    def f(v, w):
        if isinstance(v, bool) or not isinstance(v, int):
            err(w, f"expected an integer, got {v!r}")
        elif not lo <= v <= hi:
            err(w, f"{v} outside {lo}…{hi}")
    return f


def c_money(v, w):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        err(w, f"expected a number (euros), got {v!r}")
        return
    if v < 0:
        err(w, f"negative money {v}")
    if Decimal(str(v)).as_tuple().exponent < -2:
        err(w, f"more than 2 decimals: {v}")


def parse_date(v):
    if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        return None


def c_date(v, w):
    if parse_date(v) is None:
        err(w, f"bad date {v!r} (YYYY-MM-DD)")


def c_country(v, w):
    if not isinstance(v, str) or not re.fullmatch(r"[A-Z]{2}", v) or (COUNTRIES and v not in COUNTRIES):
        err(w, f"unknown country code {v!r}")


def c_lang(v, w):
    if not isinstance(v, str) or not re.fullmatch(r"[a-z]{2}", v) or (LANGUAGES and v not in LANGUAGES):
        err(w, f"unknown language code {v!r}")


def c_cefr(v, w):
    if v not in CEFR:
        err(w, f"bad CEFR level {v!r}")


def c_theme(v, w):
    if v not in THEME_KEYS:
        err(w, f"unknown theme key {v!r}")


def c_enum(*values):
    def f(v, w):
        if v not in values:
            err(w, f"{v!r} not one of {', '.join(values)}")
    return f


def c_list(item, min_len=0):
    def f(v, w):
        if not isinstance(v, list):
            err(w, f"expected a list, got {type(v).__name__}")
            return
        if len(v) < min_len:
            err(w, f"expected at least {min_len} item(s)")
        for i, x in enumerate(v):
            item(x, f"{w}[{i}]")
    return f


def c_obj(spec):
    def f(v, w):
        check_obj(v, spec, w)
    return f


def check_obj(obj, spec, w):
    if not isinstance(obj, dict):
        err(w, f"expected an object, got {type(obj).__name__}")
        return False
    for k in obj:
        if k not in spec:
            err(w, f"unknown field {k!r}")
    for k, (required, chk) in spec.items():
        if k not in obj:
            if required:
                err(w, f"missing required field {k!r}")
            continue
        chk(obj[k], f"{w}.{k}")
    return True


R, O = True, False  # required / optional

LANG_LEVEL = c_obj({"code": (R, c_lang), "level": (R, c_cefr)})


def c_window(v, w):
    if check_obj(v, {"from": (R, c_date), "to": (R, c_date)}, w):
        a, b = parse_date(v.get("from")), parse_date(v.get("to"))
        if a and b and b < a:
            err(w, f"window end {v['to']} before start {v['from']}")


ASSOCIATION = {
    "id": (R, c_str), "name": (R, c_str), "department": (R, c_str),
    "network_member": (O, c_bool), "field_experience_years": (O, c_int(0, 100)),
    "mecenat_eligible": (O, c_bool),
    "contact": (O, c_obj({"name": (R, c_str), "email": (R, c_str), "phone": (R, c_str)})),
}
EXPERT = {
    "id": (R, c_str), "name": (R, c_str), "email": (O, c_str), "phone": (O, c_str),
    "home": (R, c_obj({"country": (R, c_country), "department": (O, c_str), "city": (O, c_str)})),
    "status": (R, c_enum("employee", "public_agent", "independent", "retired")),
    "employer": (O, c_obj({"id": (R, c_str), "name": (R, c_str),
                           "kind": (R, c_enum("company", "local_authority", "public_body"))})),
    "consent": (O, c_obj({
        "scheme": (R, c_enum("mecenat_competences", "conge_solidaire", "mise_a_disposition", "none")),
        "status": (R, c_enum("granted", "pending", "refused", "not_required")),
        "valid_from": (O, c_date), "valid_to": (O, c_date)})),
    "themes": (R, c_list(c_theme, 1)), "skills": (O, c_list(c_str)), "bio": (O, c_str),
    "languages": (R, c_list(LANG_LEVEL, 1)), "countries": (O, c_list(c_country)),
    "availability": (R, c_list(c_window, 1)), "max_mission_days": (R, c_int(1, 366)),
    "daily_cost_eur": (O, c_money), "missions_done": (O, c_int(0, 1000)),
}
OFFER = {
    "id": (R, c_str),
    "company": (R, c_obj({"id": (R, c_str), "name": (R, c_str), "turnover_eur": (O, c_money)})),
    "title": (R, c_str), "description": (O, c_str),
    "themes": (R, c_list(c_theme, 1)), "skills": (R, c_list(c_str)),
    "languages": (O, c_list(LANG_LEVEL)), "countries": (O, c_list(c_country)),
    "experts": (O, c_list(c_str)), "headcount": (R, c_int(1, 1000)),
    "window": (R, c_window), "max_mission_days": (R, c_int(1, 366)),
    "covers_remaining_costs": (O, c_bool),
}
NEED = {
    "id": (R, c_str), "association": (R, c_str), "call": (O, c_str),
    "kind": (R, c_enum("standard", "reciprocity")), "title": (R, c_str), "description": (R, c_str),
    "theme": (R, c_theme), "skills": (R, c_list(c_str)), "country": (R, c_country), "city": (O, c_str),
    "expert_origin": (O, c_country),
    "languages": (R, c_list(LANG_LEVEL)), "preferred_languages": (O, c_list(LANG_LEVEL)),
    "window": (R, c_window), "duration_days": (R, c_int(7, 15)), "experts_wanted": (O, c_int(1, 5)),
    "objectives": (O, c_list(c_str)), "deliverables": (O, c_list(c_str)),
    "local_partner": (O, c_obj({"name": (R, c_str), "provides_lodging": (R, c_bool),
                                 "provides_field_transport": (R, c_bool),
                                 "meals_provided_per_day": (R, c_int(0, 2))})),
}


# ---------------------------------------------------------------- load

def load(name):
    path = DIR / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        err(name, f"cannot read: {e}")
        return []
    if not isinstance(data, list):
        err(name, "expected a JSON array")
        return []
    return data


def where(file, i, rec):
    rid = rec.get("id") if isinstance(rec, dict) else None
    return f"{file}[{i}]" + (f" ({rid})" if rid else "")


def validate(file, records, spec):
    seen = set()
    for i, r in enumerate(records):
        w = where(file, i, r)
        check_obj(r, spec, w)
        rid = r.get("id") if isinstance(r, dict) else None
        if rid in seen:
            err(w, f"duplicate id {rid!r}")
        seen.add(rid)


ASSOS = load("associations.json")
EXPERTS = load("experts.json")
OFFERS = load("offers.json")
NEEDS = load("needs.json")
validate("associations.json", ASSOS, ASSOCIATION)
validate("experts.json", EXPERTS, EXPERT)
validate("offers.json", OFFERS, OFFER)
validate("needs.json", NEEDS, NEED)
if ERRORS:  # the structure is broken: semantic checks would only add noise
    print("\n".join(ERRORS))
    sys.exit(1)

ASSO = {a["id"]: a for a in ASSOS}
EXP = {e["id"]: e for e in EXPERTS}
OFF = {o["id"]: o for o in OFFERS}
NEED_BY_ID = {n["id"]: n for n in NEEDS}


def d(s):
    return dt.date.fromisoformat(s)


def wlen(w):
    return (d(w["to"]) - d(w["from"])).days + 1


def consent_of(e):
    return e.get("consent", {"scheme": "none", "status": "not_required"})


# ---------------------------------------------------------------- contract rules

for i, a in enumerate(ASSOS):
    w = where("associations.json", i, a)
    if DEPARTMENTS and a["department"] not in DEPARTMENTS:
        err(w, f"unknown département {a['department']!r}")

for i, e in enumerate(EXPERTS):
    w = where("experts.json", i, e)
    st = e["status"]
    if st in ("employee", "public_agent"):
        if "employer" not in e:
            err(w, f"{st} without employer")
        if "consent" not in e:
            err(w, f"{st} without consent")
    elif "employer" in e:
        err(w, f"{st} must not have an employer")
    home = e["home"]
    if "department" in home:
        if home["country"] != "FR":
            err(w, "home.department is only for France")
        elif DEPARTMENTS and home["department"] not in DEPARTMENTS:
            err(w, f"unknown département {home['department']!r}")
    c = e.get("consent")
    if c and "valid_from" in c and "valid_to" in c and d(c["valid_to"]) < d(c["valid_from"]):
        err(w, "consent valid_to before valid_from")

for i, o in enumerate(OFFERS):
    w = where("offers.json", i, o)
    for x in o.get("experts", []):
        if x not in EXP:
            err(w, f"offer names unknown expert {x!r}")

for i, n in enumerate(NEEDS):
    w = where("needs.json", i, n)
    if n["association"] not in ASSO:
        err(w, f"unknown association {n['association']!r}")
    if wlen(n["window"]) < n["duration_days"]:
        err(w, f"window of {wlen(n['window'])} days shorter than duration {n['duration_days']}")
    if n["kind"] == "reciprocity" and n["country"] != "FR":
        err(w, "reciprocity need must take place in FR")
    if n["kind"] == "standard" and n["country"] == "FR":
        err(w, "standard need must take place abroad")
    if "expert_origin" in n and n["kind"] != "reciprocity":
        err(w, "expert_origin only makes sense for reciprocity")


# ---------------------------------------------------------------- sample brief

def need_(cond, msg):
    if not cond:
        err("brief", msg)


EMAIL = re.compile(r"^[a-z0-9.\-]+@([a-z0-9\-]+\.)*(example\.org|[a-z0-9\-]+\.example)$")
PHONE_FR = re.compile(r"^\+33 [1-9] 00 00 \d\d \d\d$")
PHONE = re.compile(r"^\+\d{1,3}( \d{1,4})+$")

need_(len(ASSOS) >= 15, f"≥ 15 associations (got {len(ASSOS)})")
for a in ASSOS:
    need_(a["id"].startswith("asso-"), f"{a['id']}: association ids start with asso-")
    need_(a["department"] in OCCITANIE, f"{a['id']}: association outside Occitanie")
    if "contact" in a:
        need_(EMAIL.match(a["contact"]["email"]) is not None, f"{a['id']}: fictitious e-mail domain")
asso_depts = {a["department"] for a in ASSOS}

need_(len(EXPERTS) >= 80, f"≥ 80 experts (got {len(EXPERTS)})")
KINDS_BY_STATUS = {"employee": {"company"}, "public_agent": {"local_authority", "public_body"}}
SCHEMES_BY_STATUS = {"employee": {"mecenat_competences", "conge_solidaire"},
                     "public_agent": {"mise_a_disposition", "conge_solidaire"},
                     "independent": {"none"}, "retired": {"none"}}
foreign, outside = [], []
for e in EXPERTS:
    i, st, c, home = e["id"], e["status"], consent_of(e), e["home"]
    need_(re.fullmatch(r"exp-\d{4}", i) is not None, f"{i}: expert ids are exp-NNNN")
    if "employer" in e:
        need_(e["employer"]["kind"] in KINDS_BY_STATUS[st], f"{i}: employer kind vs status {st}")
    need_(c["scheme"] in SCHEMES_BY_STATUS[st], f"{i}: consent scheme {c['scheme']} vs status {st}")
    if c["scheme"] == "none":
        need_(c["status"] == "not_required", f"{i}: scheme none goes with status not_required")
    else:
        need_(c["status"] != "not_required", f"{i}: scheme {c['scheme']} needs a real consent status")
    need_(1 <= len(e["themes"]) <= 3, f"{i}: 1–3 themes")
    need_(1 <= len(e["availability"]) <= 3, f"{i}: 1–3 availability windows")
    for w in e["availability"]:
        need_(w["from"][:4] == "2027" and w["to"][:4] == "2027", f"{i}: availability in 2027")
        L = wlen(w)
        need_(7 <= L <= 10 or 21 <= L <= 184, f"{i}: availability window of {L} days")
    need_(7 <= e["max_mission_days"] <= 15, f"{i}: max_mission_days 7–15")
    need_(0 <= e.get("missions_done", 0) <= 6, f"{i}: missions_done 0–6")
    if "email" in e:
        need_(EMAIL.match(e["email"]) is not None, f"{i}: fictitious e-mail domain ({e['email']})")
    if "phone" in e:
        pat = PHONE_FR if home["country"] == "FR" else PHONE
        need_(pat.match(e["phone"]) is not None, f"{i}: phone {e['phone']!r}")
    if home["country"] == "FR":
        need_("department" in home, f"{i}: French expert without département")
        if home.get("department") not in OCCITANIE:
            outside.append(i)
    else:
        foreign.append(i)
    if st in ("employee", "public_agent") and home["country"] == "FR":
        cost = e.get("daily_cost_eur")
        need_(cost is None or 250 <= cost <= 600, f"{i}: daily cost {cost}")

status_count = Counter(e["status"] for e in EXPERTS)
consent_status = Counter(consent_of(e)["status"] for e in EXPERTS)
consent_scheme = Counter(consent_of(e)["scheme"] for e in EXPERTS)
consent_explicit = [e for e in EXPERTS if "consent" in e]
for s in ("employee", "public_agent", "independent", "retired"):
    need_(status_count[s] > 0, f"no expert with status {s}")
for s in ("granted", "pending", "refused", "not_required"):
    need_(any(e["consent"]["status"] == s for e in consent_explicit), f"no explicit consent status {s}")
for s in ("mecenat_competences", "conge_solidaire", "mise_a_disposition", "none"):
    need_(any(e["consent"]["scheme"] == s for e in consent_explicit), f"no explicit consent scheme {s}")
need_(any(e["status"] in ("independent", "retired") and "consent" not in e for e in EXPERTS),
      "some independents/retirees omit consent")
dated = [e for e in consent_explicit if "valid_to" in e["consent"]]
open_ended = [e for e in consent_explicit if e["consent"]["scheme"] != "none" and "valid_to" not in e["consent"]]
mid_2027 = [e["id"] for e in dated if "2027-05-01" <= e["consent"]["valid_to"] <= "2027-08-31"]
need_(dated and open_ended and len(mid_2027) >= 2, "consents: dated, open-ended, a few expiring mid-2027")
need_(len(foreign) >= 10, f"≥ 10 foreign experts (got {len(foreign)})")
need_(2 <= len(outside) <= 3, f"2–3 French experts outside Occitanie (got {outside})")
need_(sum(1 for e in EXPERTS for w in e["availability"] if wlen(w) <= 10) >= 2,
      "a few availability windows of 7–10 days")
need_(len({e["employer"]["id"] for e in EXPERTS if e["status"] == "employee"}) >= 4,
      "a handful of companies employ experts")

need_(len(OFFERS) >= 8, f"≥ 8 offers (got {len(OFFERS)})")
for o in OFFERS:
    i = o["id"]
    need_(i.startswith("off-"), f"{i}: offer ids start with off-")
    need_(1 <= o["headcount"] <= 4, f"{i}: headcount 1–4")
    need_(o["window"]["from"][:4] == "2027" and o["window"]["to"][:4] == "2027", f"{i}: window in 2027")
    for x in o.get("experts", []):
        e = EXP[x]
        need_(e.get("employer", {}).get("id") == o["company"]["id"],
              f"{i}: named expert {x} is not an employee of {o['company']['id']}")
        need_(consent_of(e)["scheme"] == "mecenat_competences", f"{i}: {x} not under mécénat de compétences")
need_(any(o.get("countries") == [] or "countries" not in o for o in OFFERS), "some offers accept any country")
need_(len({o.get("covers_remaining_costs", False) for o in OFFERS}) == 2, "covers_remaining_costs mixed")

calls = Counter(n.get("call", "(none)") for n in NEEDS)
kinds = Counter(n["kind"] for n in NEEDS)
need_countries = {n["country"] for n in NEEDS}
need_themes = {n["theme"] for n in NEEDS}
need_(len(NEEDS) >= 30, f"≥ 30 needs (got {len(NEEDS)})")
need_(len(need_countries) >= 10, "needs in ≥ 10 countries")
need_(len(need_themes) >= 10, "needs on ≥ 10 theme keys")
need_(calls["2027-printemps"] > 0 and calls["2027-automne"] > 0, "needs in both calls")
for n in NEEDS:
    i = n["id"]
    need_(i.startswith("need-"), f"{i}: need ids start with need-")
    need_(1 <= n.get("experts_wanted", 1) <= 3, f"{i}: experts_wanted 1–3")
    sentences = len(re.findall(r"[.!?](\s|$)", n["description"]))
    need_(3 <= sentences <= 5, f"{i}: description of {sentences} sentences")
    if n["kind"] == "reciprocity":
        need_("city" in n, f"{i}: reciprocity need without city")
recip = [n for n in NEEDS if n["kind"] == "reciprocity"]
need_(len(recip) >= 3, "≥ 3 reciprocity needs")
foreign_countries = {EXP[x]["home"]["country"] for x in foreign}
for n in recip:
    if "expert_origin" in n:
        need_(n["expert_origin"] in foreign_countries, f"{n['id']}: no foreign expert from {n['expert_origin']}")
        need_(ASSO[n["association"]]["department"] in OCCITANIE, f"{n['id']}: association outside Occitanie")
need_(any("expert_origin" in n for n in recip), "some reciprocity needs name an expert_origin")

# Worked example 1 (data-format.md need, verbatim apart from the description)
kin = NEED_BY_ID.get("need-kin-dechets")
need_(kin is not None, "need-kin-dechets present")
if kin:
    expected = {
        "association": "asso-eau-vive", "call": "2027-printemps", "kind": "standard",
        "title": "Diagnostic de la filière déchets d'un quartier de Kinshasa", "theme": "dechets",
        "skills": ["diagnostic déchets", "caractérisation", "valorisation"], "country": "CD",
        "city": "Kinshasa", "languages": [{"code": "fr", "level": "B2"}],
        "preferred_languages": [{"code": "ln", "level": "A2"}],
        "window": {"from": "2027-03-01", "to": "2027-05-31"}, "duration_days": 10, "experts_wanted": 1,
        "objectives": ["Caractériser les flux de déchets du quartier"],
        "deliverables": ["Rapport de diagnostic", "Restitution aux acteurs locaux"],
        "local_partner": {"name": "ONG Kin Propre", "provides_lodging": True,
                          "provides_field_transport": True, "meals_provided_per_day": 0},
    }
    for k, v in expected.items():
        need_(kin.get(k) == v, f"need-kin-dechets.{k} differs from data-format.md")
    need_(kin["description"].startswith("Typologie des déchets, quantités, possibilités locales de valorisation"),
          "need-kin-dechets.description starts as in data-format.md")
KIN_EXPERT = "exp-0007"
h = EXP.get(KIN_EXPERT)
need_(h is not None, f"{KIN_EXPERT} present")
if h:
    need_(h["status"] == "public_agent" and h["employer"]["kind"] == "local_authority"
          and "agglomération" in h["employer"]["name"], f"{KIN_EXPERT}: agent of a communauté d'agglomération")
    need_(h["consent"] == {"scheme": "mise_a_disposition", "status": "granted",
                           "valid_from": "2027-01-01", "valid_to": "2027-12-31"}, f"{KIN_EXPERT}: consent")
    need_({"diagnostic déchets", "caractérisation", "valorisation"} <= set(h["skills"]), f"{KIN_EXPERT}: skills")
    need_("dechets" in h["themes"] and "CD" in h["countries"] and h["max_mission_days"] >= 10,
          f"{KIN_EXPERT}: themes / countries / max days")
    need_({"code": "fr", "level": "C2"} in h["languages"], f"{KIN_EXPERT}: fr C2")
asso_kin = ASSO.get("asso-eau-vive")
need_(asso_kin == {"id": "asso-eau-vive", "name": "Eau Vive Occitanie", "department": "31",
                   "network_member": True, "field_experience_years": 8, "mecenat_eligible": True,
                   "contact": {"name": "Jeanne Roux", "email": "contact@eauvive.example",
                               "phone": "+33 5 61 00 00 00"}}, "asso-eau-vive as in data-format.md")

# Worked example 2
elec = OFF.get("off-elec-2027")
need_(elec is not None, "off-elec-2027 present")
ELEC_NEEDS = []
if elec:
    expected = {
        "company": {"id": "co-elec-sud", "name": "Élec Sud", "turnover_eur": 45000000},
        "title": "Électrification rurale solaire", "themes": ["energie"],
        "skills": ["photovoltaïque", "mini-réseaux", "génie électrique"],
        "languages": [{"code": "fr", "level": "C2"}, {"code": "en", "level": "B1"}], "countries": [],
        "experts": ["exp-0101", "exp-0102"], "headcount": 3,
        "window": {"from": "2027-02-01", "to": "2027-06-30"}, "max_mission_days": 12,
        "covers_remaining_costs": True,
    }
    for k, v in expected.items():
        need_(elec.get(k) == v, f"off-elec-2027.{k} differs from data-format.md")
    for x in elec["experts"]:
        need_(EXP[x]["consent"]["status"] == "granted", f"{x}: Élec Sud employee with granted consent")
    ow = elec["window"]
    for n in NEEDS:
        if n["theme"] == "energie" and n["kind"] == "standard":
            lo, hi = max(d(ow["from"]), d(n["window"]["from"])), min(d(ow["to"]), d(n["window"]["to"]))
            if (hi - lo).days + 1 >= n["duration_days"] and n["duration_days"] <= elec["max_mission_days"]:
                ELEC_NEEDS.append(n["id"])
    need_(len(ELEC_NEEDS) >= 2, "≥ 2 energy needs fit the Élec Sud offer")
claire = EXP.get("exp-0042")
need_(claire is not None and claire["name"] == "Claire Martin"
      and claire["employer"]["id"] == "co-elec-sud", "exp-0042 as in data-format.md")


# ---------------------------------------------------------------- hard gates (sanity report)

RANK = {lv: i for i, lv in enumerate(CEFR)}


def theme_ok(need_theme, expert_themes):
    for t in expert_themes:
        if t == need_theme or PARENT.get(need_theme) == t or PARENT.get(t) == need_theme:
            return True
    return False


def langs_ok(required, spoken):
    have = {x["code"]: RANK[x["level"]] for x in spoken}
    return all(have.get(x["code"], -1) >= RANK[x["level"]] for x in required)


def dates_ok(n, e):
    c = consent_of(e)
    lo0, hi0 = d(n["window"]["from"]), d(n["window"]["to"])
    if "valid_from" in c:
        lo0 = max(lo0, d(c["valid_from"]))
    if "valid_to" in c:
        hi0 = min(hi0, d(c["valid_to"]))
    for w in e["availability"]:
        lo, hi = max(lo0, d(w["from"])), min(hi0, d(w["to"]))
        if (hi - lo).days + 1 >= n["duration_days"]:
            return True
    return False


def gates(n, e):
    """Reasons why expert e cannot take need n (empty: passes)."""
    why = []
    foreign_e = e["home"]["country"] != "FR"
    if n["kind"] == "standard" and foreign_e:
        why.append("based abroad")
    if n["kind"] == "reciprocity" and (not foreign_e or n.get("expert_origin", e["home"]["country"])
                                       != e["home"]["country"]):
        why.append("origin")
    if not theme_ok(n["theme"], e["themes"]):
        why.append("theme")
    if not langs_ok(n["languages"], e["languages"]):
        why.append("languages")
    if e["max_mission_days"] < n["duration_days"]:
        why.append("too long")
    if consent_of(e)["status"] == "refused":
        why.append("consent refused")
    if not dates_ok(n, e):
        why.append("dates")
    return why


def score(n, e):
    """A crude stand-in for the engine's ranking, to eyeball the worked examples."""
    skills = set(n["skills"])
    s = 3 * len(skills & set(e.get("skills", []))) / max(1, len(skills))
    s += 1 if n["country"] in e.get("countries", []) else 0
    s += 0.5 * sum(1 for p in n.get("preferred_languages", []) if langs_ok([p], e["languages"]))
    s += 1 if consent_of(e)["status"] in ("granted", "not_required") else 0
    s += 0.5 if e["home"].get("department") in OCCITANIE or e["home"]["country"] != "FR" else 0
    return round(s, 2)


# ---------------------------------------------------------------- report

if ERRORS:
    print("ERRORS")
    print("\n".join("  " + x for x in ERRORS))
if WARNINGS:
    print("WARNINGS")
    print("\n".join("  " + x for x in WARNINGS))


def fmt(counter):
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items()))


print(f"associations: {len(ASSOS)} in {len(asso_depts)} départements ({', '.join(sorted(asso_depts))})")
print(f"experts: {len(EXPERTS)}")
print(f"  by status: {fmt(status_count)}")
print(f"  by consent status (absent = not_required): {fmt(consent_status)}")
print(f"  by consent scheme (absent = none): {fmt(consent_scheme)}")
print(f"  employers: {fmt(Counter(e['employer']['kind'] for e in EXPERTS if 'employer' in e))}")
print(f"  foreign experts: {len(foreign)} ({fmt(Counter(EXP[x]['home']['country'] for x in foreign))})")
print(f"  French experts outside Occitanie: {', '.join(outside)}")
print(f"  consents expiring mid-2027: {', '.join(mid_2027)}")
print(f"offers: {len(OFFERS)} ({sum(o['headcount'] for o in OFFERS)} missions of headcount)")
print(f"needs: {len(NEEDS)}")
print(f"  by call: {fmt(calls)}")
print(f"  by kind: {fmt(kinds)}")
print(f"  distinct countries: {len(need_countries)} ({', '.join(sorted(need_countries))})")
print(f"  distinct themes: {len(need_themes)} ({', '.join(sorted(need_themes))})")
print(f"worked example 1: need-kin-dechets -> {KIN_EXPERT}")
print(f"worked example 2: off-elec-2027 (employees named: {', '.join(elec['experts']) if elec else '-'}; "
      f"all Élec Sud employees: {', '.join(e['id'] for e in EXPERTS if e.get('employer', {}).get('id') == 'co-elec-sud')})")
print(f"  energy needs fitting the offer: {', '.join(ELEC_NEEDS)}")

print("\nhard gates per need (candidates passing; * = at least one with consent pending)")
for n in NEEDS:
    ok = [e for e in EXPERTS if not gates(n, e)]
    pend = any(consent_of(e)["status"] == "pending" for e in ok)
    top = sorted(ok, key=lambda e: (-score(n, e), e["id"]))[:3]
    tops = ", ".join(f"{e['id']} ({score(n, e)})" for e in top)
    print(f"  {n['id']:36} {len(ok):2}{'*' if pend else ' '}  {tops}")
    if not ok:
        warn(n["id"], "no expert passes the hard gates")

if kin:
    print("\nneed-kin-dechets: dechets experts")
    for e in EXPERTS:
        if theme_ok("dechets", e["themes"]):
            g = gates(kin, e)
            print(f"  {e['id']} {e['name']:22} score {score(kin, e):4}  "
                  f"{'OK' if not g else 'excluded: ' + ', '.join(g)}"
                  f"{'  (consent ' + consent_of(e)['status'] + ')' if consent_of(e)['status'] == 'pending' else ''}"
                  f"{'  (outside Occitanie)' if e['id'] in outside else ''}")
    best = sorted((e for e in EXPERTS if not gates(kin, e)), key=lambda e: (-score(kin, e), e["id"]))
    need_(best and best[0]["id"] == KIN_EXPERT, "exp-0007 ranks first for need-kin-dechets")

if ERRORS:
    print(f"\n{len(ERRORS)} error(s)")
    for x in ERRORS:
        print("  " + x)
    sys.exit(1)
print("\nOK: no error")
