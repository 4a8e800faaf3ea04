"""`reportqa eval --bench`: the product on many reports nothing was tuned on, scored per report and per kind.

A bench report is a folder with its PDFs and `questions.jsonl` (samples/bench/<id>/, written by
scripts/make_bench.py, or samples/bench/real/<id>/ for the real reports of other publishers, whose questions were
written by reading their pages). Each report gets its own fresh index; every question goes through the same path
as `ask` (claims through the check tab's). Measured per question:

- answer: an answerable question's answer states the expected figure for the year asked (a "which section"
  question: a citation in the expected section);
- citation: an answer given to an answerable question cites the expected page, in the asker's edition: the
  physical page when the question records it (the real reports, whose printed numbers are sometimes missing or
  restart per part), else the printed page; label: the printed page shown is the expected one;
- refusal / false refusal: unanswerable questions refused / answerable ones refused;
- wrong figure: an answer given (not refused) that states a figure and not the expected one, or any figure to a
  question the report does not answer; counted over the answers given;
- claims: the check's verdict is the expected one.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportqa.answer.claims import check_claim
from reportqa.answer.extractive import Answer
from reportqa.answer.generate import final_answer, stream_answer
from reportqa.answer.guard import without_markers
from reportqa.config import Settings
from reportqa.index import build_index, open_index
from reportqa.language.numbers import numbers_in, parse_number, years_in

BENCH_DIR = Path("samples/bench")
SPLIT_ORDER = ("test", "real", "calibration")
CLAIM_KINDS = ("claim_true", "claim_false")
# A number that names a table, a chart, a page or a section is not a figure the answer states.
_REFERENCE = re.compile(
    r"\b(?:tableau|tabel|table|tabelle|graphique|grafiek|figuur|figure|abbildung|chart|p\.|page|pagina|seite|"
    r"section|sectie|hoofdstuk|chapitre|chapter|kapitel|annexe|bijlage|annex|anhang)\s*[\w.\-–]*\d[\w.\-–]*",
    re.IGNORECASE,
)


_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])"
)
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?!\d|[.,]\d)")
_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–/]\s*(?:19|20)\d\d")
# "93,8 % en 2024", "79,8 pour « Taux » en 2021": a year the figure is said to be for, after it in its clause.
_FOR_YEAR_AFTER = re.compile(r"^[^\d|;]{0,60}?\b(?:en|in|im|for|pour|voor|au|op)\s+((?:19|20)\d\d)\b", re.I)


def _year_of(sentence: str, start: int, end: int) -> int | None:
    """The year a figure of a sentence is for: named after it ("… en 2021"), else the closest year before it that
    is no range ("En 2023, 4 632", "2022: 3 327 | 2023: 3 994"); None when the sentence ties it to none."""
    after = _FOR_YEAR_AFTER.match(sentence[end:])
    if after:
        return int(after[1])
    text = _RANGE.sub(lambda m: " " * len(m[0]), sentence[:start])
    before = _YEAR.findall(text)
    return int(before[-1]) if before else None


def states_expected(answer: str, expected: list[str], years: set[int]) -> bool:
    """The answer states an expected figure for the year asked; an expected answer in words only has to stand in it.
    Separate from the product's own year reading, so the instrument does not share the product's mistakes."""
    said = _REFERENCE.sub(" ", without_markers(answer))
    if any(not parse_number(e) and e.casefold() in said.casefold() for e in expected):
        return True
    wanted = {round(parsed[0], 6) for e in expected if (parsed := parse_number(e))}
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«‘“„'\"])|\n+", said):
        for match in _NUMBER.finditer(sentence):
            parsed = parse_number(match[0])
            if parsed is None or round(parsed[0], 6) not in wanted:
                continue
            year = _year_of(sentence, match.start(), match.end())
            if not years or year is None or year in years:
                return True
    return False


@dataclass(frozen=True)
class BenchQuestion:
    id: str
    report: str
    split: str
    lang: str
    kind: str
    question: str
    answerable: bool
    expected: list[str]
    pages: dict[str, list[str]]
    sections: list[str]
    year: int | None = None
    verdict: str = ""  # claims: "supported" or "contradicted"
    section: str = ""  # "which section" questions: the expected section number
    section_title: str = ""
    history: list[str] = field(default_factory=list)
    physical: list[int] = field(default_factory=list)  # the real reports: the PDF pages where the answer stands

    @property
    def asked_years(self) -> set[int]:
        return {self.year} if self.year else {int(y) for y in years_in(self.question)}


@dataclass
class Scored:
    item: BenchQuestion
    refused: bool
    correct: bool
    cited_right: bool
    label_right: bool
    wrong_figure: bool
    answer: str
    seconds: float


@dataclass(frozen=True)
class BenchReport:
    id: str
    split: str
    folder: Path
    documents: list[Path]
    questions: list[BenchQuestion] = field(default_factory=list)


def load_questions(path: Path, report: str, split: str) -> list[BenchQuestion]:
    fields = set(BenchQuestion.__dataclass_fields__)
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        data.setdefault("report", report)
        data["split"] = split if split == "real" else data.get("split", split)
        items.append(BenchQuestion(**{k: v for k, v in data.items() if k in fields}))
    return items


def find_reports(base: Path = BENCH_DIR) -> list[BenchReport]:
    """Every generated report (with its split from its record) and every real one (split "real", or "calibration"
    once it has been looked at)."""
    reports = []
    for folder in sorted(p for p in base.glob("*") if (p / "questions.jsonl").is_file()):
        record = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
        pdfs = [folder / name for name in record["files"].values()]
        reports.append(BenchReport(folder.name, record["split"], folder, pdfs,
                                   load_questions(folder / "questions.jsonl", folder.name, record["split"])))
    for folder in sorted(p for p in (base / "real").glob("*") if (p / "questions.jsonl").is_file()):
        pdfs = sorted(folder.glob("*.pdf"))
        # A real report whose answers were looked at and tuned on says so in its folder ("calibration").
        marked = folder / "split.txt"
        split = marked.read_text(encoding="utf-8").strip() if marked.is_file() else "real"
        reports.append(BenchReport(folder.name, split, folder, pdfs,
                                   load_questions(folder / "questions.jsonl", folder.name, split)))
    # The sample report everything was tuned on (samples/report, its gold set's test split): one calibration
    # report among many.
    sample, gold = base.parent / "report", base.parent.parent / "eval" / "gold.jsonl"
    if gold.is_file() and sample.is_dir():
        questions = [q for q in load_questions(gold, "sample", "calibration") if q.split == "test"]
        questions = [BenchQuestion(**{**q.__dict__, "split": "calibration"}) for q in questions]
        documents = sorted([*sample.glob("*.pdf"), *sample.glob("*.md")])
        reports.append(BenchReport("sample", "calibration", sample, documents, questions))
    return sorted(reports, key=lambda r: (SPLIT_ORDER.index(r.split), r.id))


def stated_figures(answer: str) -> set[str]:
    """The figures an answer states: numbers other than years, citation markers and references."""
    text = _REFERENCE.sub(" ", without_markers(answer))
    return {n for n in numbers_in(text) if not (len(n) == 4 and n.isdigit() and 1900 <= int(n) <= 2100)}


def _in_section(answer: Answer, item: BenchQuestion) -> bool:
    wanted = [s.casefold() for s in [item.section, *item.sections] if s]
    for citation in answer.citations:
        label = f"{citation.section} {citation.section_title}".casefold()
        if citation.section.casefold() in wanted or any(w and w in label for w in wanted if not w[:1].isdigit()):
            return True
    return False


def _cites_page(answer: Answer, item: BenchQuestion, by_label: bool = False) -> bool:
    for citation in answer.citations:
        if item.lang in ("fr", "nl") and item.lang in item.pages and citation.edition != item.lang:
            continue
        if item.physical and not by_label:
            if citation.physical_page in item.physical:
                return True
        elif citation.page in item.pages.get(citation.edition, []):
            return True
    return False


def score(item: BenchQuestion, answer: Answer, seconds: float) -> Scored:
    text = answer.answer
    if item.kind == "section":
        correct = not answer.refused and _in_section(answer, item)
        return Scored(item, answer.refused, correct, correct, correct, False, text, seconds)
    correct = item.answerable and not answer.refused and states_expected(text, item.expected, item.asked_years)
    cited = not answer.refused and item.answerable and _cites_page(answer, item)
    labelled = not answer.refused and item.answerable and _cites_page(answer, item, by_label=True)
    wrong = not answer.refused and not correct and bool(stated_figures(text))
    return Scored(item, answer.refused, correct, cited, labelled, wrong, text, seconds)


def _share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return round(sum(values) / len(values), 3) if values else None


def summarize(scored: list[Scored]) -> dict[str, Any]:
    asked = [s for s in scored if s.item.kind not in CLAIM_KINDS]
    claims = [s for s in scored if s.item.kind in CLAIM_KINDS]
    answerable = [s for s in asked if s.item.answerable]
    unanswerable = [s for s in asked if not s.item.answerable]
    answered = [s for s in asked if not s.refused]
    return {
        "questions": len(scored),
        "answer": _share(s.correct for s in answerable),
        "citation": _share(s.cited_right for s in answerable if not s.refused),
        "label": _share(s.label_right for s in answerable if not s.refused),
        "refusal": _share(s.refused for s in unanswerable),
        "false_refusal": _share(s.refused for s in answerable),
        "wrong_figure": _share(s.wrong_figure for s in answered),
        "wrong_figures": sum(s.wrong_figure for s in answered),
        "claims": _share(s.correct for s in claims),
    }


def run_report(report: BenchReport, settings: Settings, limit: int | None = None) -> list[Scored]:
    """Index the report's documents alone, in a scratch folder, then ask every question (or the first `limit`)."""
    questions = report.questions[:limit] if limit else report.questions
    with tempfile.TemporaryDirectory(prefix=f"reportqa-bench-{report.id}-") as scratch:
        docs = Path(scratch) / "docs"
        docs.mkdir()
        for pdf in report.documents:
            (docs / pdf.name).symlink_to(pdf.resolve())
        local = settings.model_copy(update={"docs_dir": docs, "index_dir": Path(scratch) / "index"})
        build_index(local)
        index = open_index(local)
        scored = []
        for item in questions:
            started = time.perf_counter()
            if item.kind in CLAIM_KINDS:
                verdict = check_claim(index, item.question, local).verdict
                elapsed = time.perf_counter() - started
                scored.append(Scored(item, False, verdict == item.verdict, True, True, False, verdict, elapsed))
                continue
            answer = final_answer(stream_answer(index, item.question, local, None, history=item.history))
            scored.append(score(item, answer, time.perf_counter() - started))
    return scored


def run_bench(
    settings: Settings,
    base: Path = BENCH_DIR,
    reports: Iterable[str] = (),
    splits: Iterable[str] = (),
    limit: int | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> dict[str, Any]:
    """Per report (test reports first, then the real ones, then calibration), per split, per kind."""
    wanted, split_set = set(reports), set(splits)
    chosen = [
        r for r in find_reports(base) if (not wanted or r.id in wanted) and (not split_set or r.split in split_set)
    ]
    everything: list[Scored] = []
    rows = []
    for number, report in enumerate(chosen, 1):
        if progress:
            progress(f"Report {report.id} ({number}/{len(chosen)})", number / max(len(chosen), 1))
        started = time.perf_counter()
        scored = run_report(report, settings, limit)
        everything += scored
        rows.append({"report": report.id, "split": report.split, "seconds": round(time.perf_counter() - started, 1),
                     **summarize(scored)})
    kinds = sorted({s.item.kind for s in everything})
    return {
        "measured_at": time.strftime("%Y-%m-%d %H:%M"),
        "reports": rows,
        "splits": {split: summarize([s for s in everything if s.item.split == split])
                   for split in SPLIT_ORDER if any(s.item.split == split for s in everything)},
        "by_kind": {split: {kind: summarize([s for s in everything if s.item.split == split and s.item.kind == kind])
                            for kind in kinds if any(s.item.split == split and s.item.kind == kind for s in everything)}
                    for split in SPLIT_ORDER if any(s.item.split == split for s in everything)},
        "overall": summarize(everything),
        "answers": [
            {"id": s.item.id, "kind": s.item.kind, "refused": s.refused, "correct": s.correct, "cited": s.cited_right,
             "wrong_figure": s.wrong_figure, "got": s.answer}
            for s in everything
        ],
        "failures": [
            {"id": s.item.id, "kind": s.item.kind, "question": s.item.question, "expected": s.item.expected,
             "got": s.answer[:240], "refused": s.refused, "wrong_figure": s.wrong_figure}
            for s in everything
            if (s.item.answerable and not s.correct) or (not s.item.answerable and not s.refused)
        ],
    }


def format_bench(report: dict[str, Any]) -> str:
    columns = ("answer", "citation", "label", "refusal", "false_refusal", "wrong_figure", "claims")
    header = f"{'':<22}{'split':<12}{'n':>5}" + "".join(f"{c.replace('_', ' '):>13}" for c in columns)

    def cells(summary: dict[str, Any]) -> str:
        return "".join(f"{'-' if summary[c] is None else format(summary[c], '.2f'):>13}" for c in columns)

    lines = [header]
    lines += [f"{row['report']:<22}{row['split']:<12}{row['questions']:>5}{cells(row)}" for row in report["reports"]]
    lines.append("")
    lines += [f"{'all ' + split:<22}{split:<12}{s['questions']:>5}{cells(s)}" for split, s in report["splits"].items()]
    lines.append(f"{'overall':<22}{'':<12}{report['overall']['questions']:>5}{cells(report['overall'])}")
    for split, kinds in report["by_kind"].items():
        lines += ["", f"by kind, {split}:"]
        lines += [f"  {kind:<20}{split:<12}{s['questions']:>5}{cells(s)}" for kind, s in kinds.items()]
    return "\n".join(lines)


def markdown_bench(report: dict[str, Any]) -> str:
    """The same figures as Markdown tables, for docs/benchmarks.md: per report, per split, per kind."""
    columns = ("answer", "citation", "label", "refusal", "false_refusal", "wrong_figure", "claims")

    def cells(summary: dict[str, Any]) -> str:
        return " | ".join("–" if summary[c] is None else f"{summary[c]:.2f}" for c in columns)

    head = "| {} | n | " + " | ".join(c.replace("_", " ") for c in columns) + " |"
    rule = "| --- " * (len(columns) + 2) + "|"
    lines = [head.format("report (split)"), rule]
    lines += [f"| {r['report']} ({r['split']}) | {r['questions']} | {cells(r)} |" for r in report["reports"]]
    lines += [f"| **all {split}** | {s['questions']} | {cells(s)} |" for split, s in report["splits"].items()]
    for split, kinds in report["by_kind"].items():
        lines += ["", f"By kind, {split} reports:", "", head.format("kind"), rule]
        lines += [f"| {kind} | {s['questions']} | {cells(s)} |" for kind, s in kinds.items()]
    return "\n".join(lines)
