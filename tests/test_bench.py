"""The bench itself: generated reports with their records and questions; real reports, questions from their pages."""

import json
import re
from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from bench_questions import generate

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "samples" / "bench"
GENERATED = sorted(p for p in BENCH.iterdir() if (p / "figures.json").is_file())
REAL = sorted(p for p in (BENCH / "real").iterdir() if (p / "questions.jsonl").is_file())
KINDS = {
    "value",
    "prose",
    "change",
    "change_pct",
    "share",
    "month",
    "busiest_month",
    "total",
    "section",
    "claim_true",
    "claim_false",
    "not_covered",
    "off_topic",
}
MIGRATION = {"migration_stats", "reception", "parliament"}


def _record(folder: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((folder / "figures.json").read_text(encoding="utf-8"))


def _questions(folder: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines()]


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def test_the_bench_spans_subjects_languages_tools_and_both_splits() -> None:
    records = [_record(folder) for folder in GENERATED]
    other = [r for r in records if r["subject"] not in MIGRATION]
    assert len(records) >= 18
    assert len(other) >= 16 and len({r["subject"] for r in other}) >= 8
    assert len([r for r in records if r["subject"] in MIGRATION]) >= 2
    assert {r["tool"] for r in records} == {"reportlab", "chromium", "fpdf2"}
    assert {len(r["languages"]) for r in records} == {1, 2}
    assert Counter(r["split"] for r in records)["test"] >= 12
    assert all(15 <= pages <= 40 for r in records for pages in r["pages"].values())


@pytest.mark.parametrize("folder", GENERATED, ids=lambda p: p.name)
def test_each_generated_report_has_every_kind_and_its_figures_on_their_pages(folder: Path) -> None:
    record, questions = _record(folder), _questions(folder)
    assert len(questions) >= 40
    assert KINDS <= {q["kind"] for q in questions}
    assert {q["lang"] for q in questions} >= set(record["languages"])
    facts = {f["id"]: f for f in record["facts"]}
    documents = {lang: pymupdf.open(folder / name) for lang, name in record["files"].items()}
    for question in questions:
        if not question["answerable"] or question["kind"] == "section":
            continue
        assert question["pages"] and all(question["pages"][lang] for lang in record["languages"]), question["id"]
        for fact_id in question["facts"]:
            fact = facts[fact_id]
            for lang, document in documents.items():
                for physical in fact["physical"][lang]:
                    text = _compact(document[physical - 1].get_text())
                    assert _compact(fact["display"][lang]) in text, (question["id"], lang, physical)


@pytest.mark.parametrize("folder", GENERATED, ids=lambda p: p.name)
def test_questions_are_generated_from_the_record_alone(folder: Path) -> None:
    """`make_bench.py --questions` rewrites them from figures.json: the file is what the generator writes."""
    assert generate(_record(folder)) == _questions(folder)


def test_computed_answers_agree_with_the_cells_they_come_from() -> None:
    for folder in GENERATED:
        facts = {f["id"]: f for f in _record(folder)["facts"]}
        for q in _questions(folder):
            cells = [facts[i] for i in q["facts"]]
            if q["kind"] == "change":
                assert q["value"] == pytest.approx(abs(cells[1]["value"] - cells[0]["value"]), abs=0.051), q["id"]
            if q["kind"] == "busiest_month":
                same_year = [
                    f
                    for f in facts.values()
                    if f.get("month") and f["year"] == q["year"] and f["metric"] == cells[0]["metric"]
                ]
                assert cells[0]["value"] == max(f["value"] for f in same_year)
            if q["kind"] == "claim_false":
                assert q["verdict"] == "contradicted" and q["value"] == cells[0]["value"]
                assert re.sub(r"\D", "", q["question"]).find(re.sub(r"\D", "", q["expected"][0])) == -1


@pytest.mark.parametrize("folder", REAL, ids=lambda p: p.name)
def test_each_real_report_has_questions_from_its_pages(folder: Path) -> None:
    """At least 15 questions, a fifth the report cannot answer, and every expected figure on its page."""
    questions = _questions(folder)
    document = pymupdf.open(next(folder.glob("*.pdf")))
    assert len(questions) >= 15
    assert sum(not q["answerable"] for q in questions) >= 0.2 * len(questions)
    language = next(iter(q["pages"] for q in questions if q["answerable"]))
    for q in questions:
        assert set(q) >= {"id", "lang", "kind", "question", "answerable", "expected", "pages", "physical"}
        if not q["answerable"]:
            assert not q["expected"] and not q["pages"]
            continue
        assert q["pages"].keys() == language.keys() and q["pages"][next(iter(language))], q["id"]
        if q["kind"] == "section":
            assert q["sections"], q["id"]
            continue
        figure = _compact(q["expected"][0])
        assert any(figure in _compact(document[p - 1].get_text()) for p in q["physical"]), (q["id"], q["expected"][0])
