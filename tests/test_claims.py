import json
import subprocess
import sys

import pytest
from conftest import REPO

from reportqa.answer.claim import parse_claim
from reportqa.answer.claims import check_claim
from reportqa.config import Settings
from reportqa.index import LoadedIndex
from reportqa.index.figures import extract_facts
from reportqa.language.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "value", "percent", "hedge", "years"),
    [
        ("En 2023, l'Office a mené plus de 5 000 entretiens ICAM", 5000, False, "over", ["2023"]),
        ("In 2023 voerden de ICAM-coaches bijna 4.000 gesprekken", 4000, False, "about", ["2023"]),
        ("The protection rate was 45.8% in 2023", 45.8, True, "exact", ["2023"]),
        ("There were 35,507 applications in 2023", 35507, False, "exact", ["2023"]),
        ("Le taux est passé à 12,5 % en 2022", 12.5, True, "exact", ["2022"]),
        ("Moins de 300 autorisations 9ter ont été accordées en 2023", 300, False, "under", ["2023"]),
    ],
)
def test_claims_are_parsed_with_hedges_percentages_and_years(
    text: str, value: float, percent: bool, hedge: str, years: list[str]
) -> None:
    claim = parse_claim(text)
    assert (claim.value, claim.percent, claim.hedge, claim.years) == (value, percent, hedge, years)


def test_cells_parse_in_both_formats() -> None:
    assert parse_number("35 507") == (35507, False) and parse_number("35.507") == (35507, False)
    assert parse_number("12,5 %") == (12.5, True) and parse_number("12,5%") == (12.5, True)


@pytest.mark.slow
def test_every_table_cell_becomes_a_fact_with_its_place(corpus_index: LoadedIndex) -> None:
    facts = extract_facts(corpus_index.chunks.values())
    cell = next(
        f for f in facts if f.kind == "cell" and f.edition == "nl" and f.row == "Gedwongen terugkeer" and f.year == 2023
    )
    assert (cell.value, cell.table, cell.column, cell.page, cell.section) == (
        2345,
        "Tabel 2.1: Terugkeer per type",
        "2023",
        "2",
        "2.1",
    )
    assert cell.label == "Tabel 2.1: Terugkeer per type, Gedwongen terugkeer, 2023, p. 2"
    sentence = next(f for f in facts if f.kind == "sentence" and f.value == 210345 and f.edition == "fr")
    assert sentence.year == 2023 and "210 345" in sentence.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "verdict", "report_value"),
    [
        ("En 2023, il y a eu 2 345 retours forcés.", "supported", 2345),
        ("En 2023, il y a eu environ 2 300 retours forcés.", "supported", 2345),
        ("In 2023 waren er 2.500 gedwongen terugkeren.", "contradicted", 2345),
        ("En 2023, il y a eu plus de 5 000 retours forcés.", "contradicted", 2345),
        ("Les retours forcés ont augmenté entre 2022 et 2023.", "supported", 2345),
        ("De gedwongen terugkeer is tussen 2022 en 2023 gedaald.", "contradicted", 2345),
        ("En 2023, 12 000 touristes chinois ont visité la Belgique.", "not_found", None),
    ],
)
def test_claims_against_the_fixture(
    corpus_index: LoadedIndex, corpus_settings: Settings, claim: str, verdict: str, report_value: float | None
) -> None:
    result = check_claim(corpus_index, claim, corpus_settings)
    assert result.verdict == verdict and result.report_value == report_value
    if verdict != "not_found":
        assert result.evidence and result.evidence[0].section == "2.1"
        assert result.evidence[0].url.endswith("#page=4")


@pytest.mark.slow
def test_check_command_prints_the_verdict_as_json(tmp_path: object) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reportqa.cli",
            "check",
            "Les accompagnateurs ICAM ont mené près de 4 000 entretiens",
            "--json",
            "--docs",
            str(REPO / "docs"),
            "--index",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"verdict", "claim_value", "report_value", "evidence"} <= set(data)
    assert data["verdict"] == "supported" and data["claim_value"] == 4000
    assert data["evidence"][0]["edition"] == "fr" and "4 000" in data["evidence"][0]["quote"]


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The announcement says "De ICAM-coaches …" in one sentence and "In totaal voerden zij bijna 4000
        # gesprekken" in the next: the subject is in the passage, the figure in a sentence that names no year.
        ("De ICAM-coaches voerden meer dan 9.000 gesprekken.", "contradicted"),
        ("In 2023 voerden de ICAM-coaches bijna 4000 gesprekken.", "supported"),
        ("Les accompagnateurs ICAM ont mené plus de 9 000 entretiens.", "contradicted"),
        ("En 2023, les accompagnateurs ICAM ont mené près de 4 000 entretiens.", "supported"),
        ("De Dienst Vreemdelingenzaken verwerkte 500 aanvragen voor een hondenvergunning.", "not_found"),
    ],
)
def test_a_claim_whose_subject_and_figure_stand_in_two_sentences(
    corpus_index: LoadedIndex, corpus_settings: Settings, claim: str, verdict: str
) -> None:
    assert check_claim(corpus_index, claim, corpus_settings).verdict == verdict


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "report_value"),
    [("Il y a eu 9 000 retours forcés.", 2345), ("Er waren 9.000 gedwongen terugkeringen.", 2345)],
)
def test_a_claim_naming_no_year_is_set_beside_the_report_years_figure(
    corpus_index: LoadedIndex, corpus_settings: Settings, claim: str, report_value: int
) -> None:
    # The row has 2022 (2 100) and 2023 (2 345): a claim with no year is about the report's year.
    result = check_claim(corpus_index, claim, corpus_settings)
    assert result.verdict == "contradicted"
    assert result.report_value == report_value
    assert "2023" in result.evidence[0].quote


@pytest.mark.slow
def test_a_rise_or_fall_is_checked_on_the_table_row_over_the_sample_report(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A sentence naming the subject better ("… personnes ont été refoulées aux frontières") does not push the
    table's row out of the comparison; "terugkeren" is the report's "terugkeer", "tussen" is no subject word."""
    index = tmp_path_factory.getbasetemp() / "sample-index"  # shared with tests/test_cli.py (built if missing)
    command = [sys.executable, "-m", "reportqa.cli", "check", "--json", "--docs", str(REPO / "samples" / "report")]
    for claim, verdict in (
        ("Le nombre de personnes refoulées aux frontières a augmenté entre 2022 et 2023.", "supported"),
        ("Het aantal vrijwillige terugkeren is tussen 2022 en 2023 gedaald.", "contradicted"),
    ):
        result = subprocess.run([*command, "--index", str(index), claim], capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        checked = json.loads(result.stdout)
        assert checked["verdict"] == verdict and len(checked["evidence"]) == 2, checked
