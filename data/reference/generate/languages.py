#!/usr/bin/env python3
"""Generate data/reference/languages.json: every ISO 639-1 language, English and French names.

Source: Debian iso-codes. The ISO 639-1 codes are the `alpha_2` entries of
iso_639-2.json; French names come from iso-codes' iso_639-2 French translations
(falling back to its iso_639-3 translations for the same alpha-3 code).

Usage:
    python3 languages.py
"""

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # keep the repository free of __pycache__

from common import (  # noqa: E402
    DEFAULT_DATE,
    ISO_CODES_JSON_DIR,
    LOCALE_DIR,
    REFERENCE_DIR,
    fail,
    french_catalog,
    iso_codes_version,
    load_iso_json,
    write_json,
)

# Codes whose French name is taken from the iso_639-3 catalog even though iso_639-2
# has one, because the iso_639-2 one is misleading for users. Each entry says why.
PREFER_639_3_FRENCH = {
    # iso_639-2 translates "Spanish; Castilian" as "castillan" alone; iso_639-3
    # translates "Spanish" (spa) as "espagnol", the name French speakers use.
    "es",
}

# Codes allowed to keep their English name when neither catalog translates them.
# Empty: with iso-codes 4.15 every ISO 639-1 language has a French name.
ALLOWED_WITHOUT_FRENCH: set = set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iso-codes-json", type=Path, default=ISO_CODES_JSON_DIR)
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR)
    parser.add_argument("--iso-codes-version", help="default: ask dpkg-query")
    parser.add_argument("--date", default=DEFAULT_DATE, help="date written in the file")
    parser.add_argument("--out", type=Path, default=REFERENCE_DIR / "languages.json")
    args = parser.parse_args()

    version = iso_codes_version(args.iso_codes_version)
    iso639_2 = [x for x in load_iso_json(args.iso_codes_json, "639-2") if "alpha_2" in x]
    iso639_3 = {x["alpha_3"]: x for x in load_iso_json(args.iso_codes_json, "639-3")}
    fr_639_2 = french_catalog(args.locale_dir, "iso_639-2")
    fr_639_3 = french_catalog(args.locale_dir, "iso_639-3")

    unknown = sorted(PREFER_639_3_FRENCH - {x["alpha_2"] for x in iso639_2})
    if unknown:
        fail(f"PREFER_639_3_FRENCH names codes that are not ISO 639-1: {unknown}")

    def french_from_639_3(entry: dict) -> "str | None":
        record = iso639_3.get(entry["alpha_3"])
        return fr_639_3.get(record["name"]) if record else None

    notes: list = []
    without_french: list = []
    out = []
    for entry in sorted(iso639_2, key=lambda x: x["alpha_2"]):
        code, name_en = entry["alpha_2"], entry["name"]
        if code in PREFER_639_3_FRENCH:
            name_fr = french_from_639_3(entry)
            if name_fr is None:
                fail(f"{code}: listed in PREFER_639_3_FRENCH but iso_639-3 has no French name")
            notes.append(f"{code}: French name from iso_639-3 {name_fr!r} instead of "
                         f"iso_639-2 {fr_639_2.get(name_en)!r}")
        else:
            name_fr = fr_639_2.get(name_en)
            if name_fr is None:
                name_fr = french_from_639_3(entry)
                if name_fr is not None:
                    notes.append(f"{code}: no iso_639-2 French name, used iso_639-3 {name_fr!r}")
        if name_fr is None:
            without_french.append(f"{code} ({name_en})")
            name_fr = name_en
        out.append({
            "code": code,
            "alpha3": entry["alpha_3"],
            "name_en": name_en,
            "name_fr": name_fr,
        })

    if without_french:
        listed = ", ".join(without_french)
        if not {s.split(" ")[0] for s in without_french} <= ALLOWED_WITHOUT_FRENCH:
            fail(f"no French name for: {listed}; add them to ALLOWED_WITHOUT_FRENCH "
                 f"only if iso-codes truly lacks a translation")
        print(f"warning: kept the English name (no French translation) for: {listed}")

    write_json(args.out, {
        "source": (f"Codes ISO 639-1 d'après Debian iso-codes {version} (entrées alpha_2 de "
                   f"iso_639-2.json ; alpha3 est le code ISO 639-2/T), noms français d'après ses "
                   f"traductions fr ; produit par data/reference/generate/languages.py"),
        "date": args.date,
        "languages": out,
    })
    print(f"{len(out)} languages")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
