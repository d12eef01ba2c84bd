#!/usr/bin/env python3
"""Check data/reference/{themes,countries,languages}.json against their contracts.

Usage:
    python3 validate.py

Exits non-zero and lists every problem found.
"""

import json
import re
import sys
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent

# The "Theme keys" table of docs/data-format.md: these keys are part of the users'
# contract and must stay, under these parents.
CONTRACT_THEMES = {
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
MAX_EXTRA_THEMES = 8
THEME_FIELDS = ["key", "parent", "label_fr", "label_en", "synonyms_fr", "synonyms_en"]
# Codes the engine's examples and users rely on.
REQUIRED_LANGUAGES = {"fr", "en", "es", "pt", "ar", "wo", "ln", "sw", "mg", "ff", "bm",
                      "ha", "yo", "km", "vi", "ht"}
REQUIRED_COUNTRIES = {"FR", "CD", "SN", "BF", "BJ", "MG", "MA", "TN", "CM", "VN", "LB",
                      "ML", "NE", "TG", "HT", "KH"}

problems: list = []


def check(condition: bool, message: str) -> None:
    if not condition:
        problems.append(message)


def load(name: str) -> dict:
    with (REFERENCE_DIR / name).open(encoding="utf-8") as f:
        doc = json.load(f)
    check(list(doc)[:2] == ["source", "date"], f"{name}: must start with source and date")
    check(bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(doc.get("date")))), f"{name}: bad date")
    return doc


def check_themes() -> None:
    themes = load("themes.json")["themes"]
    seen: dict = {}
    for i, t in enumerate(themes):
        key = t.get("key")
        check(list(t) == THEME_FIELDS, f"themes[{i}] {key}: fields must be {THEME_FIELDS}")
        check(bool(re.fullmatch(r"[a-z][a-z_]*", str(key))), f"themes[{i}]: bad key {key!r}")
        check(key not in seen, f"themes: duplicate key {key}")
        parent = t.get("parent")
        if parent is not None:
            check(parent in seen, f"themes: {key}'s parent {parent} must come before it")
            check(seen.get(parent, {}).get("parent") is None,
                  f"themes: {key}'s parent {parent} must be a top-level theme")
        seen[key] = t
        for lang, low, high in (("fr", 3, 8), ("en", 2, 5)):
            syns = t.get(f"synonyms_{lang}", [])
            check(low <= len(syns) <= high,
                  f"themes: {key} has {len(syns)} synonyms_{lang}, want {low}-{high}")
            check(len(set(syns)) == len(syns), f"themes: {key} repeats a synonym_{lang}")
            for s in syns:
                check(s == s.lower() and s == s.strip() and s,
                      f"themes: {key} synonym {s!r} must be lowercase and trimmed")
        check(bool(t.get("label_fr")) and bool(t.get("label_en")), f"themes: {key} needs labels")
    for parent, children in CONTRACT_THEMES.items():
        check(parent in seen and seen[parent]["parent"] is None,
              f"themes: contract key {parent} missing or not top-level")
        for child in children:
            check(child in seen and seen[child]["parent"] == parent,
                  f"themes: contract key {child} missing or not under {parent}")
    contract = set(CONTRACT_THEMES) | {c for cs in CONTRACT_THEMES.values() for c in cs}
    extra = sorted(set(seen) - contract)
    check(len(extra) <= MAX_EXTRA_THEMES, f"themes: too many keys beyond the contract: {extra}")
    print(f"themes.json: {len(themes)} themes ({len(contract)} contract keys, extra: {extra})")


def check_region(where: str, region: "dict | None") -> None:
    if region is None:
        return
    check(list(region) == ["m49", "name_en", "name_fr"], f"{where}: bad region fields")
    check(bool(re.fullmatch(r"\d{3}", str(region.get("m49")))), f"{where}: bad m49 code")


def check_countries() -> None:
    countries = load("countries.json")["countries"]
    fields = ["code", "alpha3", "numeric", "name_en", "name_fr", "region", "subregion"]
    codes = [c.get("code") for c in countries]
    check(len(countries) == 249, f"countries: {len(countries)} entries, want 249")
    check(codes == sorted(set(codes)), "countries: codes must be unique and sorted")
    check(REQUIRED_COUNTRIES <= set(codes),
          f"countries: missing {sorted(REQUIRED_COUNTRIES - set(codes))}")
    no_region = []
    for c in countries:
        where = f"countries {c.get('code')}"
        check(list(c) == fields, f"{where}: fields must be {fields}")
        check(bool(re.fullmatch(r"[A-Z]{2}", str(c.get("code")))), f"{where}: bad code")
        check(bool(re.fullmatch(r"[A-Z]{3}", str(c.get("alpha3")))), f"{where}: bad alpha3")
        check(bool(re.fullmatch(r"\d{3}", str(c.get("numeric")))), f"{where}: bad numeric")
        check(bool(c.get("name_en")) and bool(c.get("name_fr")), f"{where}: needs names")
        check_region(where, c.get("region"))
        check_region(where, c.get("subregion"))
        check((c.get("region") is None) == (c.get("subregion") is None),
              f"{where}: region and subregion must be both set or both null")
        if c.get("subregion") is None:
            no_region.append(c.get("code"))
    print(f"countries.json: {len(countries)} countries; without M49 region: {no_region}")


def check_languages() -> None:
    languages = load("languages.json")["languages"]
    codes = [lang.get("code") for lang in languages]
    check(codes == sorted(set(codes)), "languages: codes must be unique and sorted")
    check(REQUIRED_LANGUAGES <= set(codes),
          f"languages: missing {sorted(REQUIRED_LANGUAGES - set(codes))}")
    same = []
    for lang in languages:
        where = f"languages {lang.get('code')}"
        check(list(lang) == ["code", "alpha3", "name_en", "name_fr"], f"{where}: bad fields")
        check(bool(re.fullmatch(r"[a-z]{2}", str(lang.get("code")))), f"{where}: bad code")
        check(bool(re.fullmatch(r"[a-z]{3}", str(lang.get("alpha3")))), f"{where}: bad alpha3")
        check(bool(lang.get("name_en")) and bool(lang.get("name_fr")), f"{where}: needs names")
        if lang.get("name_fr") == lang.get("name_en"):
            same.append(lang.get("code"))
    print(f"languages.json: {len(languages)} languages; French name equal to English: {same}")


def main() -> None:
    check_themes()
    check_countries()
    check_languages()
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
