"""The product knows languages; the documents know their subject. No word of the sample report's subject (its
procedures, its bodies, its centres, its acronyms) is in the package: they come from the deployment file beside the
documents (docs/deployment.json)."""

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "reportqa"
SUBJECT_WORDS = re.compile(
    r"asile|asiel|asyl|visa|visum|ICAM|dublin|9ter|9bis|CGRA|CGVS|éloignement|verwijdering|vreemdeling|étranger"
    r"|regularis|régularis|\bOQT\b|\bBGV\b|\bMENA\b|NBMV|dofi|immigration|expuls|refoul|migra|réfugi|refugee"
    r"|vluchteling|schengen|rapatri|repatri|uitzetting|abschieb|deport|centre fermé|gesloten centr|Vottem|Merksplas"
    r"|Zaventem|gedwongen|retours? forcé|ausländer",
    re.IGNORECASE,
)
# Peoples and countries are words of the languages (the issue names nationalities among them).
LANGUAGE_DATA = {"countries.json"}


def _package_files() -> list[Path]:
    kept = {".py", ".json", ".js", ".css", ".html"}
    return sorted(p for p in PACKAGE.rglob("*") if p.suffix in kept and p.name not in LANGUAGE_DATA)


@pytest.mark.parametrize("path", _package_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_word_of_the_reports_subject_is_in_the_package(path: Path) -> None:
    found = [
        f"{number}: {line.strip()[:100]}"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if SUBJECT_WORDS.search(line)
    ]
    assert not found, "\n".join(found)


def test_the_check_finds_a_subject_word() -> None:
    assert SUBJECT_WORDS.search("Combien de demandes d'asile ?") and SUBJECT_WORDS.search("ICAM-coaches")
    assert not SUBJECT_WORDS.search("Combien de voyageurs en 2023 ? Hoeveel aanvragen werden ingediend?")
