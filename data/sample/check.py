#!/usr/bin/env python3
"""Checks the sample dataset with the explor binary, and against the sample's own brief.

    python3 data/sample/check.py [DIR] [--explor PATH]   (DIR defaults to this script's folder)

1. Contract: DIR is imported into a temporary workspace (`explor init`, then
   `explor import DIR --format json`, with EXPLOR_WORKSPACE pointing there). Any problem
   the import reports is an error: the rules of docs/data-format.md are the binary's,
   not this script's.
2. Sample brief: the coverage the sample promises (statuses, consent schemes, foreign
   experts, calls, reciprocity, the two worked examples of docs/domain.md ...), read
   from the four JSON files. These are facts about the sample, not gates.
3. Report: counts, and per need the candidates that `explor match NEED
   --include-ineligible --include-pending --format json` finds eligible, so that a need
   nobody can take is visible (a warning: some are deliberate). The worked examples
   are checked against the engine's ranking: exp-0007 first for need-kin-dechets, and
   the energy needs first for off-elec-2027.

The binary: --explor PATH, else `explor` on PATH, else target/release/explor or
target/debug/explor under the repository root (`cargo build -p explor`).
Standard library only. Exit status 1 if any error.
"""

import argparse
import atexit
import datetime as dt
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
REF = REPO / "data" / "reference"

ERRORS = []
WARNINGS = []


def err(where, msg):
    ERRORS.append(f"{where}: {msg}")


def warn(where, msg):
    WARNINGS.append(f"{where}: {msg}")


def fail(msg):
    print(f"check.py: {msg}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------- the explor binary

def parse_args():
    p = argparse.ArgumentParser(description="Checks the sample dataset with the explor binary.")
    p.add_argument("dir", nargs="?", type=pathlib.Path, default=HERE,
                   help="the dataset directory (default: this script's folder)")
    p.add_argument("--explor", metavar="PATH", type=pathlib.Path,
                   help="the explor binary (default: explor on PATH, else target/{release,debug}/explor)")
    return p.parse_args()


def find_explor(given):
    if given is not None:
        if not (given.is_file() and os.access(given, os.X_OK)):
            fail(f"--explor {given}: not an executable file")
        return given
    on_path = shutil.which("explor")
    if on_path:
        return pathlib.Path(on_path)
    for profile in ("release", "debug"):
        candidate = REPO / "target" / profile / "explor"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    fail("no explor binary: pass --explor PATH, put explor on PATH, or build it with "
         f"`cargo build -p explor` (looked for target/release/explor and target/debug/explor under {REPO})")


ARGS = parse_args()
DIR = ARGS.dir.resolve()
EXPLOR = find_explor(ARGS.explor)
WORKDIR = pathlib.Path(tempfile.mkdtemp(prefix="explor-check-"))
atexit.register(shutil.rmtree, WORKDIR, ignore_errors=True)
ENV = dict(os.environ, EXPLOR_WORKSPACE=str(WORKDIR / "workspace"))


def explor(*args):
    """Runs explor in the temporary workspace; returns the completed process."""
    try:
        return subprocess.run([str(EXPLOR), *args], env=ENV, capture_output=True, text=True)
    except OSError as e:
        fail(f"cannot run {EXPLOR}: {e}")


def explor_json(*args):
    """Runs explor with --format json and returns its output; a failure is fatal."""
    p = explor(*args, "--format", "json")
    if p.returncode != 0:
        fail(f"`explor {' '.join(args)}` exited with {p.returncode}:\n{p.stderr.strip()}")
    try:
        return json.loads(p.stdout)
    except ValueError as e:
        fail(f"`explor {' '.join(args)}` did not print JSON: {e}")


# ---------------------------------------------------------------- 1. contract: the import

p = explor("init")
if p.returncode != 0:
    fail(f"`explor init` exited with {p.returncode}:\n{p.stderr.strip()}")
p = explor("import", str(DIR), "--format", "json")
try:
    IMPORT = json.loads(p.stdout)
except ValueError:
    IMPORT = {}
if p.returncode != 0 or not IMPORT.get("ok"):
    issues = IMPORT.get("issues", [])
    print(f"the import of {DIR} reports {len(issues) or 'a'} problem(s); nothing was imported:")
    print("\n".join("  " + line for line in p.stderr.strip().splitlines()))
    sys.exit(1)
IMPORTED = {kind: c["added"] for kind, c in IMPORT["summary"].items()}


# ---------------------------------------------------------------- 2. sample brief

def load(name):
    path = DIR / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(f"{path}: cannot read ({e}); the brief checks read the four .json files")
    if not isinstance(data, list):
        fail(f"{path}: expected a JSON array")
    return data


ASSOS = load("associations.json")
EXPERTS = load("experts.json")
OFFERS = load("offers.json")
NEEDS = load("needs.json")
for kind, records in (("association", ASSOS), ("expert", EXPERTS), ("offer", OFFERS), ("need", NEEDS)):
    if IMPORTED.get(kind, 0) != len(records):
        err("import", f"{IMPORTED.get(kind, 0)} {kind}(s) imported, {len(records)} in the file")

ASSO = {a["id"]: a for a in ASSOS}
EXP = {e["id"]: e for e in EXPERTS}
OFF = {o["id"]: o for o in OFFERS}
NEED_BY_ID = {n["id"]: n for n in NEEDS}
OCCITANIE = set(json.loads((REF / "departements.json").read_text(encoding="utf-8"))["occitanie"])


def d(s):
    return dt.date.fromisoformat(s)


def wlen(w):
    return (d(w["to"]) - d(w["from"])).days + 1


def consent_of(e):
    return e.get("consent", {"scheme": "none", "status": "not_required"})


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

# Worked example 1 (docs/data-format.md need, verbatim apart from the description)
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
claire = EXP.get("exp-0042")
need_(claire is not None and claire["name"] == "Claire Martin"
      and claire["employer"]["id"] == "co-elec-sud", "exp-0042 as in data-format.md")



# ---------------------------------------------------------------- 3. the engine's answers

EVERYONE = len(EXPERTS) + len(OFFERS)
ON_THEME = 0.7  # the theme criterion: 1 same theme, 0.7 parent or child (data/reference/scoring.json)


def theme_value(candidate):
    return next((c["value"] for c in candidate["criteria"] if c["name"] == "theme"), 0.0)


def pending(candidate):
    return any(f["gate"] == "consent" for f in candidate["flags"])


MATCHES = {}
for n in NEEDS:
    m = explor_json("match", n["id"], "--include-ineligible", "--include-pending", "--top", str(EVERYONE))
    seen = [c["id"] for c in m["candidates"]] + [x["id"] for x in m["excluded"]]
    if sorted(seen) != sorted(EXP.keys() | OFF.keys()):
        err(n["id"], f"explor match lists {len(seen)} candidates and excluded, not each of the "
                     f"{EVERYONE} experts and offers once")
    MATCHES[n["id"]] = m

# Worked example 1: the engine ranks exp-0007 first.
kin_match = MATCHES.get("need-kin-dechets")
if kin_match:
    first = next((c["id"] for c in kin_match["candidates"] if not pending(c)), None)
    need_(first == KIN_EXPERT, f"{KIN_EXPERT} ranks first for need-kin-dechets (got {first})")

# Worked example 2: the energy needs the offer can take come first for it.
ELEC_NEEDS, ELEC_BARRED = [], []
if elec:
    m = explor_json("match", "--offer", "off-elec-2027", "--include-ineligible", "--top", str(len(NEEDS)))
    ranked = [x["id"] for x in m["needs"]]
    ELEC_NEEDS = [i for i in ranked if NEED_BY_ID[i]["theme"] == "energie"]
    need_(ranked[:len(ELEC_NEEDS)] == ELEC_NEEDS, f"off-elec-2027: the energy needs come first (got {ranked[:3]})")
    need_(len(ELEC_NEEDS) >= 2, "≥ 2 energy needs fit the Élec Sud offer")
    ELEC_BARRED = [(x["id"], sorted({r["gate"] for r in x["reasons"]})) for x in m["excluded"]
                   if NEED_BY_ID[x["id"]]["theme"] == "energie"]


# ---------------------------------------------------------------- report

def fmt(counter):
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items()))


print(f"sample: {DIR}")
print(f"explor: {EXPLOR}")
print(f"imported: {fmt(Counter(IMPORTED))}; no problem reported")
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
print(f"  energy needs it can take, first in its ranking: {', '.join(ELEC_NEEDS)}")
for i, gates in ELEC_BARRED:
    print(f"  energy need it cannot take: {i} ({', '.join(gates)})")

print("\neligible candidates per need (explor match: experts and offers passing every gate;")
print("on theme: the need's theme, its parent or a child; + pending: consent still pending)")
print(f"  {'need':36} {'eligible':>8} {'on theme':>8} {'pending':>9}  best three")
for n in NEEDS:
    m = MATCHES[n["id"]]
    ok = [c for c in m["candidates"] if not pending(c)]
    waiting = [c for c in m["candidates"] if pending(c)]
    on_theme = [c for c in ok if theme_value(c) >= ON_THEME]
    best = ", ".join(f"{c['id']} ({c['score']})" for c in ok[:3])
    extra = f"+{len(waiting)}" if waiting else ""
    print(f"  {n['id']:36} {len(ok):8} {len(on_theme):8} {extra:>9}  {best}".rstrip())
    if not ok:
        gates = Counter(r["gate"] for x in m["excluded"] for r in x["reasons"])
        everyone = sorted(g for g, k in gates.items() if k == EVERYONE)
        why = (f"every candidate fails {', '.join(everyone)}" if everyone
               else "most frequent gates: " + ", ".join(f"{g} {k}" for g, k in gates.most_common(3)))
        print(f"  {'':36} nobody can take it: {why}")
        warn(n["id"], f"no eligible candidate ({why})")

if kin_match:
    print("\nneed-kin-dechets: the dechets experts")
    rank = {c["id"]: (i + 1, c) for i, c in enumerate(kin_match["candidates"])}
    excluded = {x["id"]: x for x in kin_match["excluded"]}
    for e in EXPERTS:
        if "dechets" not in e["themes"]:
            continue
        if e["id"] in rank:
            i, c = rank[e["id"]]
            notes = ", ".join(f["detail"] for f in c["flags"] if f["gate"] != "travel_advice")
            verdict = f"rank {i:2}, score {c['score']:5}" + (f"  ({notes})" if notes else "")
        else:
            verdict = "excluded: " + "; ".join(f"{r['gate']}: {r['detail']}" for r in excluded[e["id"]]["reasons"])
        print(f"  {e['id']} {e['name']:22} {verdict}")

if WARNINGS:
    print(f"\n{len(WARNINGS)} warning(s)")
    for x in WARNINGS:
        print("  " + x)
if ERRORS:
    print(f"\n{len(ERRORS)} error(s)")
    for x in ERRORS:
        print("  " + x)
    sys.exit(1)
print("\nOK: no error")
