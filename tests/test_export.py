"""The figures export: a CSV a spreadsheet reads as numbers, with unit, year and page, round-tripping to the record."""

import csv
import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from reportqa.export import EXPORT_KEYS, csv_number
from reportqa.index.figures import Fact
from reportqa.messages import page as texts
from reportqa.web.ui import figures


def read_number(text: str) -> float | None:
    """A number as a spreadsheet reads the export back: "22,0" -> 22.0; "" -> None."""
    return float(text.replace(",", ".")) if text.strip() else None


def _fact(n: int, value: float, text: str, unit: str = "", year: int | None = 2023, kind: str = "cell") -> Fact:
    return Fact(
        fact_id=f"c:r{n}",
        chunk_id="c",
        doc_id="rapport-fr",
        document="Rapport",
        edition="fr",
        kind=kind,
        section="4.2",
        section_title="Retours",
        page="14",
        physical_page=16,
        value=value,
        unit=unit,
        year=year,
        text=text,
        table="Tableau 4.2 : Retours",
        table_number="4.2",
        row=f"ligne {n}",
        column=str(year) if year else "part",
        row_index=n,
        column_index=1,
    )


FACTS = [
    _fact(0, 46913.0, "46 913"),
    _fact(1, 61842.0, "61.842"),
    _fact(2, 214907.0, "214907"),
    _fact(3, 22.0, "22,0 %", unit="%"),
    _fact(4, 12.5, "12,5 %", unit="%", year=None),
    _fact(5, 3.25, "3,25"),
]


class _Service:
    """What figures_table reads of the service: the chunk behind a fact (none here) and the settings."""

    settings = SimpleNamespace(public_url="")

    def chunk(self, chunk_id: str) -> None:
        return None


@pytest.mark.parametrize(
    ("value", "decimals", "written"),
    [(46913.0, 0, "46913"), (22.0, 1, "22,0"), (12.5, 0, "12,5"), (-3.5, 1, "-3,5"), (1234567.0, 0, "1234567")],
)
def test_numbers_are_written_as_a_spreadsheet_reads_them(value: float, decimals: int, written: str) -> None:
    assert csv_number(value, decimals) == written


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_csv_round_trips_into_the_numbers_of_the_record(language: texts.PageLanguage) -> None:
    table = figures.figures_table(FACTS, _Service(), language)  # type: ignore[arg-type]
    raw = Path(figures.export_csv(table)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    words = texts.PAGE_TEXT[language]
    assert rows[0] == [words[key] for key in EXPORT_KEYS]
    header = rows[0]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert len(records) == len(FACTS)
    for fact, record in zip(FACTS, records, strict=True):
        assert read_number(record[words["value"]]) == fact.value
        assert record[words["unit"]] == fact.unit
        assert record[words["year"]] == (str(fact.year) if fact.year else "")
        assert record[words["page"]] == "14"
    values = [record[words["value"]] for record in records]
    assert values[:3] == ["46913", "61842", "214907"]  # counts without ",0", all alike within one table
    assert values[3] == "22,0"  # the report's precision


def test_the_figures_tab_keeps_the_reports_precision() -> None:
    table = figures.figures_table(FACTS, _Service(), "fr")  # type: ignore[arg-type]
    shown = figures.shown_figures(table, FACTS, "fr")
    assert list(shown.columns) == [texts.PAGE_TEXT["fr"][key] for key in texts.FIGURE_KEYS]
    assert list(shown["valeur"]) == ["46\u00a0913", "61\u00a0842", "214\u00a0907", "22,0 %", "12,5 %", "3,25"]


def test_an_opened_table_exports_counts_without_a_decimal() -> None:
    frame = figures.table_frame(FACTS[:4])
    path = figures.export_csv(frame, "table")
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Tableau 4.2 : Retours"
    assert [row[1] for row in rows[1:]] == ["46913", "61842", "214907", "22,0"]
