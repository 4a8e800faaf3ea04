"""Out-of-sample layouts: how well a report laid out by another tool is read, against its record of figures.

A layout folder (samples/layouts/<name>/, written by scripts/make_layout_corpus.py) holds a French and a Dutch
edition, `figures.json` (every figure: value, year, section, table, row, printed page) and `gold.jsonl` (the gold
questions with that layout's pages). Nothing is calibrated on these folders; they are only reported.
"""

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reportqa.chunk import chunk_document
from reportqa.config import Settings
from reportqa.errors import IndexBuildError
from reportqa.index import Progress
from reportqa.index.figures import Fact, extract_facts
from reportqa.ingest import SourceDocument, load_document
from reportqa_eval.evaluate import run_evaluation

LAYOUTS_DIR = Path("samples/layouts")
SAMPLE = "sample"  # the sample report the thresholds were calibrated on, reported beside the others


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


@dataclass(frozen=True)
class StructureScores:
    cells: int
    cell_recall: float  # recorded table cells found as facts with the right row, column, value and printed page
    sections: int
    section_recall: float  # recorded sections found with their number and title, starting on the recorded page
    prose_figures: int
    prose_page_accuracy: float  # figures stated in prose whose sentence is cited to the recorded page
    missed: list[str]


def layout_names(base: Path = LAYOUTS_DIR) -> list[str]:
    """The sample first, then every layout folder with a figures record."""
    found = sorted(p.name for p in base.iterdir() if (p / "figures.json").is_file()) if base.is_dir() else []
    return [SAMPLE, *found]


def read_layout(folder: Path, cache_dir: Path | None = None) -> tuple[dict[str, Any], dict[str, SourceDocument]]:
    record = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    documents = {lang: load_document(folder / name, cache_dir) for lang, name in record["files"].items()}
    return record, documents


def structure_scores(record: dict[str, Any], documents: dict[str, SourceDocument]) -> StructureScores:
    facts: dict[str, list[Fact]] = {}
    for lang, document in documents.items():
        facts[lang] = [f for f in extract_facts(chunk_document(document)) if f.kind == "cell"]
    missed: list[str] = []
    cells = found_cells = 0
    prose = found_prose = 0
    for figure in record["figures"]:
        for lang, document in documents.items():
            if figure["source"] == "table":
                cells += 1
                row = _squeeze(figure[f"row_{lang}"])
                hit = any(
                    _squeeze(f.row) == row
                    and f.column.strip() == str(figure["year"])
                    and abs(f.value - figure["value"]) < 1e-6
                    and f.page == figure[f"page_{lang}"]
                    for f in facts[lang]
                )
                found_cells += hit
                if not hit:
                    missed.append(f"cell {lang} {figure['id']} p. {figure[f'page_{lang}']}")
            elif f"sentence_{lang}" in figure or len(figure.get(f"text_{lang}", "")) > 20:
                prose += 1
                sentence = _squeeze(figure.get(f"sentence_{lang}") or figure[f"text_{lang}"])
                hit = any(sentence in _squeeze(b.text) and b.page == figure[f"page_{lang}"] for b in document.blocks)
                found_prose += hit
                if not hit:
                    missed.append(f"sentence {lang} {figure['id']} p. {figure[f'page_{lang}']}")
    sections = found_sections = 0
    for number, entry in record["sections"].items():
        for lang, document in documents.items():
            sections += 1
            first = next((b for b in document.blocks if b.section_number == number), None)
            hit = (
                first is not None
                and _squeeze(first.section_title) == _squeeze(entry[f"title_{lang}"])
                and first.page == entry[f"page_{lang}"]
            )
            found_sections += hit
            if not hit:
                where = f"{first.section_title!r} p. {first.page}" if first else "absent"
                missed.append(f"section {lang} {number} {entry[f'title_{lang}']!r} p. {entry[f'page_{lang}']}: {where}")
    return StructureScores(
        cells,
        round(found_cells / cells, 3) if cells else 1.0,
        sections,
        round(found_sections / sections, 3) if sections else 1.0,
        prose,
        round(found_prose / prose, 3) if prose else 1.0,
        missed,
    )


def evaluate_layouts(
    settings: Settings, names: list[str], base: Path = LAYOUTS_DIR, progress: Progress | None = None
) -> list[dict[str, Any]]:
    """One row per layout: how its structure was read, and the gold set answered over it (fresh index each)."""
    rows = []
    for name in names:
        folder = base / name if name != SAMPLE else Path("samples/report")
        gold = folder / "gold.jsonl" if name != SAMPLE else Path("eval/gold.jsonl")
        if not (folder / "figures.json").is_file():
            raise IndexBuildError(f"{folder} has no figures.json (make it with scripts/make_layout_corpus.py)")
        record, documents = read_layout(folder, settings.parse_cache_dir)
        structure = structure_scores(record, documents)
        report = run_evaluation(settings.model_copy(update={"docs_dir": folder}), gold, None, progress)
        overall: dict[str, Any] = report["overall"]  # type: ignore[assignment]
        splits: dict[str, Any] = report["splits"]  # type: ignore[assignment]
        # The test split first: the dev questions are those weights were chosen on, in any layout.
        test = splits["test"]["answers"] if "test" in splits else None
        rows.append({"layout": name, "structure": asdict(structure), "test": test, "answers": overall["answers"]})
    return rows


def format_layout_report(rows: list[dict[str, Any]]) -> str:
    def f(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    header = (
        f"{'layout':<12}{'cells':>7}{'cellR':>7}{'sectR':>7}{'proseP':>8}{'test acc':>10}{'test cite':>11}"
        f"{'acc':>7}{'cite':>7}{'refuse':>8}{'falseR':>8}"
    )
    lines = [header]
    for row in rows:
        s, a, t = row["structure"], row["answers"], row.get("test") or {}
        lines.append(
            f"{row['layout']:<12}{s['cells']:>7}{f(s['cell_recall']):>7}{f(s['section_recall']):>7}"
            f"{f(s['prose_page_accuracy']):>8}{f(t.get('accuracy')):>10}{f(t.get('citation_accuracy')):>11}"
            f"{f(a['accuracy']):>7}{f(a['citation_accuracy']):>7}{f(a['refusal_accuracy']):>8}"
            f"{f(a['false_refusals']):>8}"
        )
    lines.append("(test: the test split alone; acc, cite, refuse, falseR: every question, dev included)")
    for row in rows:
        for missed in row["structure"]["missed"][:5]:
            lines.append(f"  {row['layout']}: missed {missed}")
    return "\n".join(lines)
