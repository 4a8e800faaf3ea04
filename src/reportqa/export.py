"""Figures as a spreadsheet reads them: semicolon-separated, numbers as numbers (no thousands separator, a
decimal comma, the report's own precision), a unit column, the year and the page."""

import csv
import tempfile
from pathlib import Path

from reportqa.index.figures import Fact
from reportqa.language.numbers import printed_decimals

# Columns of the figures export, as keys of the page's words (ui.PAGE_TEXT).
EXPORT_KEYS = ["value", "unit", "year", "row", "column", "where", "edition", "section", "page", "source"]


def csv_number(value: float, decimals: int = 0) -> str:
    """A number a French or Dutch spreadsheet reads as a number: "46913", "22,0", "-3,5" (never "46913,0" for a
    count, never a thousands separator, which a spreadsheet would read as text)."""
    text = f"{value:.{decimals}f}" if decimals > 0 else f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def fact_number(fact: Fact) -> str:
    """The fact's value at the precision the report printed it ("22,0 %" stays 22,0)."""
    return csv_number(fact.value, printed_decimals(fact.text))


def export_row(fact: Fact, link: str) -> list[str]:
    """One figure as a row of the export, in EXPORT_KEYS order."""
    return [
        fact_number(fact),
        fact.unit,
        str(fact.year) if fact.year is not None else "",
        fact.row,
        fact.column,
        fact.table if fact.kind == "cell" else fact.text,
        fact.edition.upper(),
        f"{fact.section} {fact.section_title}".strip(),
        fact.page,
        link,
    ]


def write_csv(header: list[str], rows: list[list[str]], name: str = "figures") -> str:
    """The file a French or Dutch spreadsheet opens as it is: semicolons, a byte-order mark (Excel then reads
    UTF-8), one header line."""
    path = Path(tempfile.mkdtemp(prefix="reportqa-figures-")) / f"{name}.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)
