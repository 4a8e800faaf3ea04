"""The reports laid out by other tools (samples/layouts: Chromium, reportlab, LibreOffice Writer) are read against
their records of figures: every table cell with its row, column and printed page, every section, every sentence."""

import re
from pathlib import Path

import pytest

from reportqa.ingest import load_document
from reportqa_eval.layouts import LAYOUTS_DIR, layout_names, read_layout, structure_scores

REPO = Path(__file__).resolve().parent.parent
LAYOUTS = [name for name in layout_names(REPO / LAYOUTS_DIR) if name != "sample"]


def test_the_corpus_has_the_three_layouts() -> None:
    assert set(LAYOUTS) >= {"chromium", "reportlab", "writer"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_recorded_cell_section_and_sentence_is_found(layout: str, parse_cache: Path) -> None:
    record, documents = read_layout(REPO / LAYOUTS_DIR / layout, parse_cache)
    scores = structure_scores(record, documents)
    assert scores.cells >= 800 and scores.sections >= 80
    assert scores.cell_recall >= 0.98, scores.missed[:10]
    assert scores.section_recall >= 0.95, scores.missed[:10]
    assert scores.prose_page_accuracy >= 0.95, scores.missed[:10]
    for document in documents.values():
        assert sum(b.kind == "footnote" for b in document.blocks) >= 2  # set apart, not quoted in prose
        assert not any(b.kind == "prose" and b.text[:2] in ("1 ", "2 ") for b in document.blocks)


def test_a_chart_is_one_captioned_passage_not_a_table_of_axis_labels(parse_cache: Path) -> None:
    _, documents = read_layout(REPO / LAYOUTS_DIR / "reportlab", parse_cache)
    french = documents["fr"]
    charts = [b for b in french.blocks if b.kind == "chart"]
    assert [c.text.split(" (")[0] for c in charts] == ["Graphique 5.1 : Attestations délivrées par année"]
    assert not any(b.table and b.table.header[:1] == ["2021"] for b in french.blocks)


def test_an_unchanged_pdf_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = REPO / LAYOUTS_DIR / "chromium" / "rapport-2023-chromium-fr.pdf"
    pages: list[tuple[int, int]] = []
    first = load_document(source, tmp_path, lambda done, total: pages.append((done, total)))
    assert pages == [(n, first.page_count) for n in range(1, first.page_count + 1)]  # page by page, in order

    def no_parse(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr("reportqa.ingest.load_pdf", no_parse)
    again = load_document(source, tmp_path)
    assert again.blocks == first.blocks and again.edition == "fr"


def test_a_row_of_years_alone_is_never_table_data(parse_cache: Path) -> None:
    """A chart's axis under a table (the sample's Dutch table 5.1) or a header repeated below the data is not a
    row: "2021 | 2022 | 2023" read as one answered "2022" for the 2021 certificates."""
    sample = REPO / "samples" / "report"
    documents = [load_document(path, parse_cache) for path in sorted(sample.glob("*.pdf"))]
    for layout in LAYOUTS:
        documents += list(read_layout(REPO / LAYOUTS_DIR / layout, parse_cache)[1].values())
    dutch = next(d for d in documents if d.path.name == "activiteitenverslag-2023-voorbeeld-nl.pdf")
    certificates = next(b.table for b in dutch.blocks if b.table and b.table.caption.startswith("Tabel 5.1"))
    assert certificates is not None and [row[0] for row in certificates.rows] == ["Afgegeven attesten"]
    for document in documents:
        for block in document.blocks:
            for row in block.table.rows if block.table else []:
                cells = [cell.strip() for cell in row if cell.strip()]
                assert len(cells) < 2 or not all(re.fullmatch(r"(19|20)\d\d", cell) for cell in cells), row


def test_the_layout_report_gives_the_test_split_before_every_question() -> None:
    from reportqa_eval.layouts import format_layout_report

    structure = {"cells": 10, "cell_recall": 1.0, "section_recall": 1.0, "prose_page_accuracy": 1.0, "missed": []}
    every = {"accuracy": 0.97, "citation_accuracy": 0.98, "refusal_accuracy": 0.9, "false_refusals": 0.01}
    test = {"accuracy": 0.93, "citation_accuracy": 0.95}
    report = format_layout_report([{"layout": "writer", "structure": structure, "test": test, "answers": every}])
    header, row = report.splitlines()[:2]
    assert header.index("test acc") < header.index(" acc ") and "0.93" in row and row.index("0.93") < row.index("0.97")
