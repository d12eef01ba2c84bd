"""Helpers shared by the reference-data generators (stdlib only)."""

import gettext
import json
import shutil
import subprocess
import sys
from pathlib import Path

ISO_CODES_JSON_DIR = Path("/usr/share/iso-codes/json")
LOCALE_DIR = Path("/usr/share/locale")
REFERENCE_DIR = Path(__file__).resolve().parent.parent
# The date the committed files were generated; pass --date when regenerating so
# that the same inputs always give byte-identical output.
DEFAULT_DATE = "2026-11-27"


def fail(message: str) -> "None":
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def iso_codes_version(override: "str | None") -> str:
    """The Debian iso-codes package version the JSON and .mo files come from."""
    if override:
        return override
    if shutil.which("dpkg-query") is None:
        fail("dpkg-query not found: pass --iso-codes-version explicitly")
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not out:
        fail("iso-codes is not installed (apt-get install iso-codes)")
    return out


def load_iso_json(json_dir: Path, standard: str) -> list:
    path = json_dir / f"iso_{standard}.json"
    if not path.is_file():
        fail(f"{path} not found (apt-get install iso-codes)")
    with path.open(encoding="utf-8") as f:
        return json.load(f)[standard]


def french_catalog(locale_dir: Path, domain: str) -> dict:
    """The msgid -> msgstr map of one iso-codes translation domain in French."""
    try:
        translation = gettext.translation(domain, localedir=str(locale_dir), languages=["fr"])
    except FileNotFoundError:
        fail(f"no French translations for domain {domain!r} under {locale_dir}")
    # _catalog is the parsed .mo file; reading it directly lets us tell a missing
    # translation apart from one that equals its msgid (gettext() cannot).
    catalog = {k: v for k, v in translation._catalog.items() if isinstance(k, str) and k}
    if not catalog:
        fail(f"French catalog for domain {domain!r} is empty")
    return catalog


def write_json(path: Path, document: dict) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
