#!/usr/bin/env python3
"""Generate data/reference/departements.json: French départements and their region.

Source: Debian's iso-codes (ISO 3166-2 subdivisions of FR). Each metropolitan and
overseas département becomes one entry with its code as written in addresses
("31", "2A", "971"); Paris, listed by ISO 3166-2 as the special-status collectivity
FR-75C, keeps its département code "75". Run from the repository root:

    python3 data/reference/generate/departements.py > data/reference/departements.json
"""
import json
import subprocess
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-2.json"


def main() -> int:
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    with open(ISO, encoding="utf-8") as f:
        subdivisions = [s for s in json.load(f)["3166-2"] if s["code"].startswith("FR-")]
    names = {s["code"][3:]: s["name"] for s in subdivisions}
    out = []
    for s in subdivisions:
        code = s["code"][3:]
        if s["type"] in ("Metropolitan department", "Overseas department"):
            parent = s.get("parent")
        elif code == "75C":
            code, parent = "75", "IDF"
        else:
            continue
        # Overseas départements are their own region (parent GP, MQ, …): name it after itself.
        region_name = names.get(parent, s["name"])
        out.append({"code": code, "name": s["name"], "region": parent, "region_name": region_name})
    out.sort(key=lambda d: (len(d["code"]) > 2, d["code"]))
    if len(out) != 101:
        print(f"expected 101 départements, got {len(out)}", file=sys.stderr)
        return 1
    doc = {
        "source": f"Subdivisions ISO 3166-2:FR d'après Debian iso-codes {version} ; produit par data/reference/generate/departements.py",
        "date": "2026-11-27",
        "occitanie": sorted(d["code"] for d in out if d["region"] == "OCC"),
        "departements": out,
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
