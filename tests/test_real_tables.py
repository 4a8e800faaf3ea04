"""Tables of a real report laid out in InDesign by its publisher (the Rekenhof audit in the bench's real reports, a
calibration report since its tables were mended on it): a caption wrapped over two lines, a control character
printed before a caption's title, a header set on several lines, and a ruled header over figures with no rule
between their columns."""

from pathlib import Path

import pymupdf
import pytest

from reportqa.ingest import layout
from reportqa.tables import PlacedTable

REKENHOF = next((Path(__file__).resolve().parent.parent / "samples" / "bench" / "real" / "rekenhof").glob("*.pdf"))


@pytest.fixture(scope="module")
def tables() -> dict[int, list[PlacedTable]]:
    found: dict[int, list[PlacedTable]] = {}
    with pymupdf.open(REKENHOF) as pdf:
        for physical in (26, 27, 49):
            page = pdf[physical - 1]
            items = layout.read_page(page, layout.page_lines(page), use_layout=True).items
            found[physical] = [item for item in items if isinstance(item, PlacedTable)]
    return found


def test_a_caption_wrapped_over_two_lines_is_read_whole_without_control_characters(
    tables: dict[int, list[PlacedTable]],
) -> None:
    caption = tables[26][0].table.caption
    assert caption.startswith("Tabel 2 – Evolutie van de kostprijs") and caption.endswith("(in miljoen euro)")
    assert all(c.isprintable() for c in caption)


def test_figures_with_no_rule_between_their_columns_are_two_cells(tables: dict[int, list[PlacedTable]]) -> None:
    table = tables[27][0].table
    assert table.header == ["Jaar", "Vrijstellingen", "Begunstigde ondernemingen"]
    assert table.rows[1] == ["2019", "199.422", "142.534"]


def test_a_header_on_several_lines_names_each_column_whole(tables: dict[int, list[PlacedTable]]) -> None:
    table = tables[49][0].table
    assert table.header[2] == "Aantal productieve dossiers"
    assert table.header[3] == "Bedrag van de wijzigingen (in euro)"
    assert table.rows[0] == ["Ploegen- en nachtarbeid", "20", "13", "1.809.744"]


def test_a_name_over_a_line_of_years_is_not_read_into_one_year(tables: dict[int, list[PlacedTable]]) -> None:
    """ "Aantal vrijstellingen" spans the years 2018 to 2021: each column stays a year."""
    assert tables[27][1].table.header == ["Vrijstelling", "2018", "2019", "2020", "2021"]
