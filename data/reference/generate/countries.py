#!/usr/bin/env python3
"""Generate data/reference/countries.json: every ISO 3166-1 country with its UN M49 region.

Sources:
- codes and names: Debian iso-codes (iso_3166-1.json), French names from its
  iso_3166-1 French translations;
- region and sub-region: the UN M49 geoscheme as shipped by country_converter 1.3.2
  (country_data.tsv, column UNregion), joined on the ISO alpha-3 code.

Usage:
    python3 countries.py [--tsv PATH]

PATH is country_data.tsv or the country_converter wheel; without --tsv the wheel is
fetched with `pip download country_converter==1.3.2 --no-deps`.
"""

import argparse
import csv
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
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

CC_VERSION = "1.3.2"
# sha256 of country_data.tsv inside country_converter-1.3.2-py3-none-any.whl.
CC_TSV_SHA256 = "73c5f9c3b94110d74e63ed79f2da61d589280a5301d26aa3680a78ecb1d478b9"
CC_TSV_IN_WHEEL = "country_converter/country_data.tsv"

# M49 top-level regions: English name -> (code, French name).
# French names are UNSD's own (M49 overview, French version).
REGIONS = {
    "Africa": ("002", "Afrique"),
    "Americas": ("019", "Amériques"),
    "Asia": ("142", "Asie"),
    "Europe": ("150", "Europe"),
    "Oceania": ("009", "Océanie"),
}

# The UNregion values of country_data.tsv: the M49 intermediate region where M49 has
# one (Sub-Saharan Africa and Latin America are split further), else the sub-region.
# English name -> (M49 code, UNSD French name, parent region).
SUBREGIONS = {
    "Northern Africa": ("015", "Afrique septentrionale", "Africa"),
    "Eastern Africa": ("014", "Afrique orientale", "Africa"),
    "Middle Africa": ("017", "Afrique centrale", "Africa"),
    "Southern Africa": ("018", "Afrique australe", "Africa"),
    "Western Africa": ("011", "Afrique occidentale", "Africa"),
    "Caribbean": ("029", "Caraïbes", "Americas"),
    "Central America": ("013", "Amérique centrale", "Americas"),
    "South America": ("005", "Amérique du Sud", "Americas"),
    "Northern America": ("021", "Amérique septentrionale", "Americas"),
    "Central Asia": ("143", "Asie centrale", "Asia"),
    "Eastern Asia": ("030", "Asie orientale", "Asia"),
    "South-eastern Asia": ("035", "Asie du Sud-Est", "Asia"),
    "Southern Asia": ("034", "Asie méridionale", "Asia"),
    "Western Asia": ("145", "Asie occidentale", "Asia"),
    "Eastern Europe": ("151", "Europe orientale", "Europe"),
    "Northern Europe": ("154", "Europe septentrionale", "Europe"),
    "Southern Europe": ("039", "Europe méridionale", "Europe"),
    "Western Europe": ("155", "Europe occidentale", "Europe"),
    "Australia and New Zealand": ("053", "Australie et Nouvelle-Zélande", "Oceania"),
    "Melanesia": ("054", "Mélanésie", "Oceania"),
    "Micronesia": ("057", "Micronésie", "Oceania"),
    "Polynesia": ("061", "Polynésie", "Oceania"),
}
# UNregion values for which M49 has no region at all.
NO_M49_REGION = {"Antarctica"}

# country_converter's own continent column, only used as a cross-check: the region
# itself is derived from the sub-region, as in M49's hierarchy.
CONTINENT_TO_REGION = {
    "Africa": "Africa",
    "America": "Americas",
    "Asia": "Asia",
    "Europe": "Europe",
    "Oceania": "Oceania",
    "Antarctica": None,
}

# French names iso-codes lacks. Used only when no translation is found; each
# entry says why.
FRENCH_NAME_FALLBACKS = {
    # iso-codes renamed "Turkey" to "Türkiye" and its French catalog has no msgid
    # for the new name; "Turquie" is the name used by the French administration.
    "TR": "Turquie",
}


def read_tsv_text(tsv_arg: "str | None") -> str:
    if tsv_arg is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", f"country_converter=={CC_VERSION}",
                 "--no-deps", "--only-binary=:all:", "--quiet", "-d", tmp],
                check=True,
            )
            wheels = sorted(Path(tmp).glob("country_converter-*.whl"))
            if len(wheels) != 1:
                fail(f"expected one country_converter wheel in {tmp}, found {wheels}")
            return read_tsv_text(str(wheels[0]))
    path = Path(tsv_arg)
    if not path.is_file():
        fail(f"{path} not found")
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            raw = wheel.read(CC_TSV_IN_WHEEL)
    else:
        raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != CC_TSV_SHA256:
        fail(f"{path}: sha256 {digest} is not the one of country_converter {CC_VERSION}'s "
             f"country_data.tsv ({CC_TSV_SHA256})")
    return raw.decode("utf-8")


def m49_rows_by_alpha3(tsv_text: str) -> dict:
    rows = {}
    for row in csv.DictReader(io.StringIO(tsv_text), delimiter="\t"):
        alpha3 = row["ISO3"].strip()
        if not alpha3:
            continue
        if alpha3 in rows:
            fail(f"country_data.tsv: duplicate ISO3 {alpha3}")
        rows[alpha3] = row
    return rows


def french_name(country: dict, catalog: dict, notes: list) -> str:
    candidates = [country[k] for k in ("common_name", "name") if k in country]
    for msgid in candidates:
        if msgid in catalog:
            if msgid != candidates[0]:
                notes.append(f"{country['alpha_2']}: no French for {candidates[0]!r}, "
                             f"used the translation of {msgid!r}: {catalog[msgid]!r}")
            return catalog[msgid]
    code = country["alpha_2"]
    if code in FRENCH_NAME_FALLBACKS:
        notes.append(f"{code}: no French translation in iso-codes for {candidates}, "
                     f"used the documented fallback {FRENCH_NAME_FALLBACKS[code]!r}")
        return FRENCH_NAME_FALLBACKS[code]
    fail(f"{code}: no French translation for any of {candidates}; add a documented "
         f"entry to FRENCH_NAME_FALLBACKS if iso-codes truly lacks one")


def region_of(code: str, row: dict) -> "tuple[dict | None, dict | None, str | None]":
    """(region, subregion, region English name) from a country_data.tsv row."""
    unregion = row["UNregion"].strip()
    if unregion in NO_M49_REGION:
        return None, None, None
    if unregion not in SUBREGIONS:
        fail(f"{code}: UNregion {unregion!r} is not in the SUBREGIONS table")
    sub_code, sub_fr, region_en = SUBREGIONS[unregion]
    region_code, region_fr = REGIONS[region_en]
    region = {"m49": region_code, "name_en": region_en, "name_fr": region_fr}
    subregion = {"m49": sub_code, "name_en": unregion, "name_fr": sub_fr}
    return region, subregion, region_en


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tsv", help="country_data.tsv or the country_converter wheel")
    parser.add_argument("--iso-codes-json", type=Path, default=ISO_CODES_JSON_DIR)
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR)
    parser.add_argument("--iso-codes-version", help="default: ask dpkg-query")
    parser.add_argument("--date", default=DEFAULT_DATE, help="date written in the file")
    parser.add_argument("--out", type=Path, default=REFERENCE_DIR / "countries.json")
    args = parser.parse_args()

    version = iso_codes_version(args.iso_codes_version)
    countries = load_iso_json(args.iso_codes_json, "3166-1")
    catalog = french_catalog(args.locale_dir, "iso_3166-1")
    m49 = m49_rows_by_alpha3(read_tsv_text(args.tsv))

    # Every region name the TSV uses must be known, not only those we happen to join.
    unknown = sorted({r["UNregion"].strip() for r in m49.values()}
                     - set(SUBREGIONS) - NO_M49_REGION - {""})
    if unknown:
        fail(f"country_data.tsv has UNregion values missing from SUBREGIONS: {unknown}")
    unknown_continents = sorted({r["continent"].strip() for r in m49.values()}
                                - set(CONTINENT_TO_REGION))
    if unknown_continents:
        fail(f"country_data.tsv has continent values not in CONTINENT_TO_REGION: "
             f"{unknown_continents}")

    notes: list = []
    out = []
    for country in sorted(countries, key=lambda c: c["alpha_2"]):
        code, alpha3 = country["alpha_2"], country["alpha_3"]
        row = m49.get(alpha3)
        if row is None:
            fail(f"{code} ({alpha3}) is not in country_data.tsv")
        iso2 = row["ISO2"].strip()
        # A few rows hold a regex instead of a code (e.g. GB: ^GB$|^UK$).
        if not re.fullmatch(iso2 if iso2.startswith("^") else re.escape(iso2), code):
            fail(f"{alpha3}: country_data.tsv ISO2 {iso2!r} does not match {code}")
        if row["UNcode"].strip() and int(row["UNcode"]) != int(country["numeric"]):
            notes.append(f"{code}: M49 code {row['UNcode']} differs from ISO numeric "
                         f"{country['numeric']}")
        region, subregion, region_en = region_of(code, row)
        continent_region = CONTINENT_TO_REGION[row["continent"].strip()]
        if continent_region != region_en:
            notes.append(f"{code}: region {region_en} (from sub-region "
                         f"{row['UNregion'].strip()!r}) differs from country_converter's "
                         f"continent column {row['continent'].strip()!r}")
        if subregion is None:
            notes.append(f"{code}: no M49 region (UNregion {row['UNregion'].strip()!r})")
        out.append({
            "code": code,
            "alpha3": alpha3,
            "numeric": country["numeric"],
            "name_en": country.get("common_name", country["name"]),
            "name_fr": french_name(country, catalog, notes),
            "region": region,
            "subregion": subregion,
        })

    if len(out) != 249:
        fail(f"expected the 249 ISO 3166-1 entries, got {len(out)}")
    write_json(args.out, {
        "source": (f"ISO 3166-1 d'après Debian iso-codes {version} (noms, traductions françaises) ; "
                   f"régions géographiques M49 de l'ONU d'après country_converter {CC_VERSION} "
                   f"(country_data.tsv), noms français des régions d'après l'UNSD (M49) ; "
                   f"produit par data/reference/generate/countries.py"),
        "date": args.date,
        "countries": out,
    })
    print(f"{len(out)} countries")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
