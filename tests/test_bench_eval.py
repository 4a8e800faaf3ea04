"""Scoring the bench: what counts as a figure, a wrong figure, a right citation; and one real run on a report."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportqa.answer.citations import Citation
from reportqa.answer.extractive import Answer
from reportqa.cli import main
from reportqa_eval.bench import BenchQuestion, find_reports, score, stated_figures, states_expected

REPO = Path(__file__).resolve().parent.parent


def _answer(text: str, refused: bool = False, page: str = "7", edition: str = "fr", section: str = "3") -> Answer:
    citation = Citation(1, "doc", edition, section, "Titre", page, 9, "quote", "/documents/x#page=9")
    return Answer(text, text, "fr", text, refused, [] if refused else [citation], {})


def _question(**changes: object) -> BenchQuestion:
    fields: dict[str, object] = {
        "id": "r-fr-001",
        "report": "r",
        "split": "test",
        "lang": "fr",
        "kind": "value",
        "question": "Combien en 2024 ?",
        "answerable": True,
        "expected": ["4 632", "4.632"],
        "pages": {"fr": ["7"], "nl": ["7"]},
        "sections": ["3"],
    }
    fields.update(changes)
    return BenchQuestion(**fields)  # type: ignore[arg-type]


def test_years_markers_and_references_are_not_figures() -> None:
    text = "Le tableau 4.2 (« Demandes, 2021-2023 ») indique 4 632 en 2024, p. 12 [1]. Graphique 6 : voir section 3.1."
    assert stated_figures(text) == {"4632"}


def test_a_right_figure_on_the_right_page_scores_answer_and_citation() -> None:
    scored = score(_question(), _answer("En 2024, 4 632 demandes [1]."), 0.1)
    assert scored.correct and scored.cited_right and not scored.wrong_figure


def test_another_figure_is_a_wrong_figure_and_a_refusal_is_not() -> None:
    assert score(_question(), _answer("En 2024, 4 623 demandes [1]."), 0.1).wrong_figure
    refused = score(_question(), _answer("Le rapport ne contient pas d'information à ce sujet.", refused=True), 0.1)
    assert refused.refused and not refused.wrong_figure and not refused.correct


def test_the_figure_of_another_year_does_not_answer() -> None:
    scored = score(_question(), _answer("En 2023, 4 632 demandes [1]."), 0.1)
    assert not scored.correct and scored.wrong_figure


@pytest.mark.parametrize(
    ("answer", "expected", "years", "right"),
    [
        ("Le tableau 2.1 (« Indicateurs, 2021-2023 ») indique 79,8 pour « Taux » en 2021.", "79,8", 2021, True),
        ("Avec 81,2 % en 2023 (87,9 % en 2022), les taux sont en baisse.", "87,9", 2022, True),
        ("Avec 81,2 % en 2023 (87,9 % en 2022), les taux sont en baisse.", "87,9", 2023, False),
        ("Visas | 2022: 3 327 | 2023: 3 994", "3 327", 2023, False),
        ("Visas | 2022: 3 327 | 2023: 3 994", "3.994", 2023, True),
        ("En 2023, 4 632 demandes [1].", "4.632", 2022, False),
        ("Le tableau 4.1 indique 4 pour X en 2024.", "4,1", 2024, False),
        ("In 2021 bedroeg het 3,9 miljard euro, tegenover 2,9 miljard euro in 2017.", "2,9", 2021, False),
    ],
)
def test_a_figure_counts_for_the_year_its_sentence_gives(answer: str, expected: str, years: int, right: bool) -> None:
    """A caption's range ("2021-2023") is no year a figure is for; "… en 2021" after the figure is."""
    assert states_expected(answer, [expected], {years}) is right


def test_a_citation_in_the_other_edition_or_page_is_not_the_right_one() -> None:
    assert not score(_question(), _answer("En 2024, 4 632 [1].", edition="nl"), 0.1).cited_right
    assert not score(_question(), _answer("En 2024, 4 632 [1].", page="8"), 0.1).cited_right


def test_a_real_report_is_cited_by_its_pdf_page_and_its_label_apart() -> None:
    """Real reports record the physical page (printed numbers are missing on some, restart per part on others)."""
    item = _question(physical=[9], pages={"fr": ["6"]})
    wrong_label = score(item, _answer("En 2024, 4 632 [1].", page="9"), 0.1)
    assert wrong_label.cited_right and not wrong_label.label_right
    assert score(item, _answer("En 2024, 4 632 [1].", page="6"), 0.1).label_right


def test_any_figure_answered_to_an_unanswerable_question_is_wrong() -> None:
    item = _question(answerable=False, expected=[], pages={}, sections=[], kind="not_covered")
    assert score(item, _answer("On compte 812 postes en 2024 [1]."), 0.1).wrong_figure
    assert not score(item, _answer("Le rapport traite des postes [1]."), 0.1).wrong_figure


def test_reports_are_listed_test_first_then_real_then_calibration() -> None:
    splits = [report.split for report in find_reports(REPO / "samples" / "bench")]
    assert splits == sorted(splits, key=("test", "real", "calibration").index)
    assert {"test", "real", "calibration"} <= set(splits)


@pytest.mark.slow
def test_the_bench_runs_end_to_end_on_a_generated_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI's subset: one calibration report, its first questions, through `reportqa eval --bench --json`."""
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["eval", "--bench", "--report", "energy-a", "--limit", "24", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    (row,) = report["reports"]
    assert row["report"] == "energy-a" and row["questions"] == 24
    for metric in ("answer", "citation", "false_refusal", "wrong_figure"):
        assert row[metric] is not None and 0.0 <= row[metric] <= 1.0
    assert report["by_kind"]["calibration"].keys() >= {"value", "prose", "month"}
    assert all(f["id"].startswith("energy-a-") for f in report["failures"])
