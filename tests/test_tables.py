"""Reading a table's cells as printed: footnote markers, wrapped headers and labels, captions without a number,
tables carried over to the next page."""

from pathlib import Path

import pymupdf

from reportqa.ingest import load_document
from reportqa.tables import table_from_words
from reportqa.words import Word


def _ruled_page(pdf: pymupdf.Document, title: str | None, rows: list[tuple[str, str, str]]) -> pymupdf.Page:
    page = pdf.new_page()
    if title:  # a page that opens a table has text above it; the page it is carried over to starts with it
        page.insert_text((72, 60), "Le rapport décrit les décisions prises pendant l'année.", fontsize=11)
        page.insert_text((72, 100), title, fontsize=10, fontname="hebo")
    top = 110
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            page.insert_text((80 + 150 * column, top + 20 + 30 * row), text, fontsize=11)
    bottom = top + 30 * len(rows)
    for y in range(top, bottom + 1, 30):
        page.draw_line((72, y), (522, y))
    for x in (72, 222, 372, 522):
        page.draw_line((x, top), (x, bottom))
    return page


def test_a_marker_a_caption_without_number_and_a_table_carried_over(tmp_path: Path) -> None:
    path = tmp_path / "rapport-2024-fr.pdf"
    with pymupdf.open() as pdf:
        first = _ruled_page(
            pdf,
            "Licences octroyées par région, 2023-2024",
            [("Région", "2023", "2024"), ("Nord", "48", ""), ("Sud", "1 204", "1 316")],
        )
        # "18" with its note marker raised after it, in one line of text as a word processor writes it.
        first.insert_htmlbox((380, 152, 470, 170), '<span style="font-size:11pt">18<sup>1</sup></span>')
        first.insert_htmlbox((72, 225, 400, 240), '<span style="font-size:8pt"><sup>1</sup> Chiffre provisoire.</span>')
        _ruled_page(pdf, None, [("Région", "2023", "2024"), ("Total", "1 252", "1 334")])
        pdf.save(path)
    tables = [(block.page, block.table) for block in load_document(path).blocks if block.table is not None]
    assert len(tables) == 2
    (_, first_table), (_, carried) = tables
    assert first_table.caption == "Licences octroyées par région, 2023-2024"
    assert first_table.rows[0] == ["Nord", "48", "18"]  # not "181": the marker is no digit of the figure
    assert carried.caption == first_table.caption  # the page after repeats the header, not the caption
    assert carried.rows == [["Total", "1 252", "1 334"]]


def _words(*placed: tuple[float, float, str]) -> list[Word]:
    """Words at (x, top) in a 9 pt font, each character 5 pt wide."""
    return [Word(x, y, x + 5 * len(text), y + 9, text) for x, y, text in placed]


def test_a_header_cell_wrapped_over_two_lines_stays_in_its_column() -> None:
    # "Évolution (%)" is set on two lines across the middle of the header row; "Jugements frappés d'appel" wraps too
    # and is wider than its column's figures.
    words = _words(
        (70, 30, "Année"),
        (240, 25, "Jugements"), (290, 25, "frappés"), (330, 25, "d'appel"),
        (240, 36, "en"), (255, 36, "recours"),
        (400, 25, "Évolution"), (400, 36, "(%)"),
        (70, 52, "2022"), (240, 52, "1 682"), (400, 52, "-16,2"),
        (70, 69, "2023"), (240, 69, "2 386"), (400, 69, "+41,9"),
    )
    grid = table_from_words(words)
    assert grid is not None
    assert grid[0] == ["Année", "Jugements frappés d'appel en recours", "Évolution (%)"]
    assert grid[1:] == [["2022", "1 682", "-16,2"], ["2023", "2 386", "+41,9"]]


def test_a_label_wrapped_beside_its_figures_is_one_row() -> None:
    words = _words(
        (240, 5, "2022"), (300, 5, "2023"),
        (70, 27, "Durée"), (100, 27, "moyenne"), (140, 27, "(en"),
        (240, 32, "156"), (300, 32, "300"),
        (70, 38, "jours)"),
        (70, 54, "Affaires"), (240, 54, "9 462"), (300, 54, "11 153"),
    )
    grid = table_from_words(words)
    assert grid == [["", "2022", "2023"], ["Durée moyenne (en jours)", "156", "300"], ["Affaires", "9 462", "11 153"]]
