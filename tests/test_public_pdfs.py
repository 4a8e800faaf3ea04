"""Real PDFs made by other producers (samples/public-pdfs, from pdfplumber's test folders): the printed page and
section of passages, and table cells, as read off the rendered pages by hand, not from our output."""

import re
from pathlib import Path

import pytest

from reportqa.ingest import Block, SourceDocument, load_document

PUBLIC = Path(__file__).resolve().parent.parent / "samples" / "public-pdfs"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _passage(document: SourceDocument, words: str) -> Block:
    return next(b for b in document.blocks if words in _squeeze(b.text))


def _cell(document: SourceDocument, row_label: str, column: str, page: str) -> str:
    """The cell at (row, column) of the first table on the printed page that has that row."""
    for block in document.blocks:
        if block.table is None or block.page != page:
            continue
        header = block.table.header
        for row in block.table.rows:
            if _squeeze(row[0]) == row_label and column in header:
                return row[header.index(column)]
    raise AssertionError(f"no cell {row_label!r} / {column!r} on p. {page}")


@pytest.fixture(scope="module")
def read(parse_cache: Path):  # type: ignore[no-untyped-def]
    def load(name: str) -> SourceDocument:
        return load_document(PUBLIC / name, parse_cache)

    return load


def test_word_export_table_with_header_cells(read) -> None:  # type: ignore[no-untyped-def]
    document = read("word365_structure.pdf")
    table = next(b for b in document.blocks if b.table is not None)
    assert table.table.header == ["En-tête 1", "En-tête 2", "En-tête 3"]
    assert _cell(document, "Ligne 1", "En-tête 2", "1") == "Alouette"
    assert _cell(document, "Ligne 1", "En-tête 3", "1") == "Farfadet"
    assert _cell(document, "Linge 2", "En-tête 2", "1") == "Belette"
    assert _cell(document, "Linge 2", "En-tête 3", "1") == "Bibitte"
    assert table.table.rows[0][0] == "Ligne 1"
    for words in ("Lorem ipsum dolor sit amet", "Liste numérotée", "Lorem ipsum dolor"):
        assert _passage(document, words).page == "1"


def test_municipal_minutes_numbered_sections_over_two_pages(read) -> None:  # type: ignore[no-untyped-def]
    document = read("2023-06-20-PV.pdf")
    opening = _passage(document, "La séance est ouverte à 16h00.")
    assert (opening.section_number, opening.section_title, opening.page) == ("1", "Ouverture de la séance", "1")
    resolution = _passage(document, "Résolution DM-2023-001")
    assert (resolution.section_number, resolution.page) == ("4", "1")
    approval = _passage(document, "D’APPROUVER la demande de démolition partielle")
    assert (approval.section_number, approval.page) == ("4", "2")
    closing = _passage(document, "La séance est levée à 16h05.")
    assert (closing.section_number, closing.page) == ("5", "2")


def test_government_printer_page_numbers_and_footnotes(read) -> None:  # type: ignore[no-untyped-def]
    document = read("federal-register-2020-17221.pdf")
    # The Federal Register prints its own page numbers in the running header: 47698 on the first page.
    assert _passage(document, "resulting in 189 fatalities").page == "47699"
    assert {b.page for b in document.blocks if b.physical_page == 1} == {"47698"}
    assert {b.page for b in document.blocks if b.physical_page == 15} == {"47712"}
    note = _passage(document, "Preliminary KNKT.18.10.35.04 Aircraft Accident Investigation Report")
    assert note.kind == "footnote" and note.page == "47699"
    assert "Federal Register / Vol. 85" not in " ".join(b.text for b in document.blocks if b.physical_page > 1)
    # The cost table: a header over three rows, dot leaders, wrapped cells.
    assert _cell(document, "AFM revisions", "Cost per product", "47702") == "$85"
    assert _cell(document, "AFM revisions", "Cost on U.S. operators", "47702") == "$6,205."
    assert _cell(document, "Stabilizer wiring change", "Parts cost", "47703") == "Up to $3,790"
    assert _cell(document, "AOA sensor system test", "Cost on U.S. operators", "47703") == "$248,200."
    assert _cell(document, "AOA sensor system test", "Labor cost", "47703") == "40 work-hours × $85 per hour = $3,400."


def test_ruled_table_across_pages(read) -> None:  # type: ignore[no-untyped-def]
    document = read("ca-warn-report.pdf")
    assert _cell(document, "06/22/2015", "Company", "1") == "Maxim Integrated Product"
    assert _cell(document, "06/22/2015", "City", "1") == "San Jose"
    assert _cell(document, "06/22/2015", "No. Of", "1") == "150"
    assert _cell(document, "06/22/2015", "Layoff/Closure", "1") == "Closure Permanent"
    assert _cell(document, "06/22/2015", "Effective", "1") == "03/25/2016"
    assert len({b.page for b in document.blocks if b.table is not None}) == 16


def test_dense_table_ruled_every_few_rows(read) -> None:  # type: ignore[no-untyped-def]
    document = read("nics-background-checks-2015-11.pdf")
    assert _cell(document, "Alabama", "Permit", "1") == "18,870"
    assert _cell(document, "Alabama", "Handgun", "1") == "23,022"
    assert _cell(document, "Alabama", "Long Gun", "1") == "22,650"
    assert _cell(document, "Alabama", "Totals", "1") == "71,137"
    assert _cell(document, "Alaska", "Permit", "1") == "209"
    assert _cell(document, "Alaska", "Totals", "1") == "7,095"
    # "Page 1 of 205" in the footer: the page is 1, not 205.
    assert {b.page for b in document.blocks} == {"1"}


def test_table_whose_borders_are_curves(read) -> None:  # type: ignore[no-untyped-def]
    document = read("table-curves-example.pdf")
    table = next(b for b in document.blocks if b.table is not None)
    assert table.table.caption == "Table 2: Tabulated adverse reactions"
    assert table.page == "13"  # printed in the footer; the PDF has one page
    column = table.table.header[1]
    assert _cell(document, "Anaemia", column, "13") == "Common"
    assert _cell(document, "Haemoptysis", column, "13") == "Rare"
    assert _cell(document, "Thrombocytopenia", table.table.header[3], "13") == "Common"
    assert _cell(document, "Epistaxis", table.table.header[2], "13") == "Common"
    assert _cell(document, "Angioedema", table.table.header[3], "13") == "Not known"
    assert _passage(document, "very rare (< 1/10,000)").page == "13"


def _row(document: SourceDocument, first_cell: str) -> list[str]:
    for block in document.blocks:
        for row in block.table.rows if block.table else []:
            if _squeeze(row[0]) == first_cell:
                return [_squeeze(cell) for cell in row if cell]
    raise AssertionError(f"no row {first_cell!r}")


def _row_starting(document: SourceDocument, words: str) -> list[str]:
    for block in document.blocks:
        for row in block.table.rows if block.table else []:
            if _squeeze(row[0]).startswith(words):
                return [_squeeze(cell) for cell in row if cell]
    raise AssertionError(f"no row starting {words!r}")


def test_rotated_wide_table_without_ruled_rows(read) -> None:  # type: ignore[no-untyped-def]
    document = read("senate-expenditures.pdf")  # the page is shown rotated; its body rows have no rules
    assert _row(document, "DHAW20190001") == [
        "DHAW20190001",
        "05/03/2019",
        "CITIBANK - TRAVEL CBA CARD",
        "03/04/2019",
        "03/06/2019",
        "STAFF TRANSPORTATION AIRFARE FOR E JOHNSON KANSAS CITY TO WASHINGTON DC AND RETURN",  # a wrapped cell
        "920.68",
    ]
    assert _row(document, "DHAW20190003")[-1] == "737.94"
    assert {b.page for b in document.blocks} == {"1"}


def test_two_column_paper_with_roman_numbered_outline(read) -> None:  # type: ignore[no-untyped-def]
    document = read("issue-982-example.pdf")
    introduction = _passage(document, "According to [Gad06] creativity is")
    assert (introduction.section_number, introduction.section_title, introduction.page) == ("I", "Introduction", "1")
    discussion = _passage(document, "What does these examples mean for our understanding of creativity?")
    assert (discussion.section_number, discussion.section_title, discussion.page) == ("VI", "Discussion", "5")
    audio = _passage(document, "Common machine learning tasks which involve audio data")
    assert (audio.section_number, audio.page) == ("V", "4")
    figure = _passage(document, "Fig. 1: Neural networks are based on simple units")
    assert figure.kind == "chart" and figure.page == "1"  # a figure is one captioned passage, not its labels


def test_text_page_laid_out_in_boxes(read) -> None:  # type: ignore[no-untyped-def]
    document = read("la-precinct-bulletin-2014-p1.pdf")
    assert {b.page for b in document.blocks} == {"1"}  # "PAGE 1" in the top right corner
    # Each candidate's party and votes follow the name in its row (the party may share the name's cell, and the
    # row goes on with the other boxes' lines on the same baseline: columns laid out with spaces inside one ruled
    # box are not told apart there).
    for candidate, party, votes in (
        ("NEEL KASHKARI", "REP", "247"),
        ("EDMUND G BROWN", "DEM", "69"),
        ("GAVIN NEWSOM", "DEM", "64"),
        ("KAMALA D HARRIS", "DEM", "68"),
        ("TOM LACKEY", "REP", "249"),
    ):
        row = _row_starting(document, candidate)
        assert " ".join(row).split()[: len(candidate.split()) + 2] == [*candidate.split(), party, votes]
