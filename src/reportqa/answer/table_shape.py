"""Where a table keeps its years, months, total and shares: its shape, read from its labels, never its words."""

import re
from dataclasses import dataclass

from reportqa.chunk import Chunk
from reportqa.language.numbers import MONTH_NAMES, is_year, months_named

_TOTAL_LABEL = re.compile(r"^\s*(?:total|totaal|totale|gesamt|insgesamt|ensemble)\b", re.IGNORECASE)
_PERCENT_HEADER = re.compile(r"%|\bpart\b|\baandeel\b|\bshare\b|\banteil\b|\bpourcentage\b|\bprocent\b", re.I)
_CHANGE_HEADER = re.compile(
    r"évolution|variation|différence|evolutie|verschil|change|difference|veränderung|unterschied|^\s*[Δ∆]", re.I
)
_LANGUAGES = ("fr", "nl", "en", "de")  # the order of MONTH_NAMES
# "jan.", "fév.", "sept", "okt.": a month's first three or four letters, in any of the languages.
_ABBREVIATIONS = {
    name[:length]: number
    for names in MONTH_NAMES
    for number, name in enumerate(names.split(), 1)
    if name != "_"
    for length in (3, 4)
}


def is_total(label: str) -> bool:
    return bool(_TOTAL_LABEL.match(label))


def month_name(number: int, language: str) -> str:
    """The month's name in the asker's language ("novembre", "november", "November")."""
    name = MONTH_NAMES[_LANGUAGES.index(language)].split()[number - 1]
    name = "may" if name == "_" else name
    return name.capitalize() if language in ("en", "de") else name


def names_nothing(label: str) -> bool:
    """A row label that says nothing of what is counted: a year, a month, or nothing."""
    text = label.strip()
    return not text or is_year(text) or len(months_named(text)) == 1 and len(text) < 14


@dataclass(frozen=True)
class Shape:
    """Where a table keeps its years, months, total and shares."""

    year_columns: dict[int, int]
    year_rows: dict[int, int]
    month_rows: dict[int, int]
    month_columns: dict[int, int]
    total_row: int | None
    percent_columns: list[int]
    change_columns: list[int]


def shape(chunk: Chunk) -> Shape:
    assert chunk.table is not None
    header, rows = chunk.table.header, chunk.table.rows

    def single_month(text: str) -> int | None:
        named = months_named(text.rstrip("."))
        return next(iter(named)) if len(named) == 1 and len(text) < 14 else None

    year_columns = {int(h.strip()): c for c, h in enumerate(header) if c and is_year(h.strip())}
    year_rows = {int(r[0].strip()): i for i, r in enumerate(rows) if r and is_year(r[0].strip())}
    month_rows = {m: i for i, r in enumerate(rows) if r and (m := single_month(r[0])) is not None}
    month_columns = {m: c for c, h in enumerate(header) if c and (m := month_abbreviation(h)) is not None}
    total_row = next((i for i, r in enumerate(rows) if r and is_total(r[0])), None)
    percent_columns = [
        c for c, h in enumerate(header) if c and _PERCENT_HEADER.search(h) and not _CHANGE_HEADER.search(h)
    ]
    change_columns = [c for c, h in enumerate(header) if c and _CHANGE_HEADER.search(h)]
    return Shape(year_columns, year_rows, month_rows, month_columns, total_row, percent_columns, change_columns)




def month_abbreviation(header: str) -> int | None:
    """The month a column header names: "jan.", "fév.", "sept", "okt." as well as whole names."""
    text = header.strip().rstrip(".").casefold()
    if not text or text[0].isdigit():
        return None
    named = months_named(text)
    if len(named) == 1:
        return next(iter(named))
    return _ABBREVIATIONS.get(text) if 3 <= len(text) <= 4 else None


def _names_nothing(label: str) -> bool:
    """A row label that says nothing of what is counted: a year, a month, or nothing."""
    text = label.strip()
    return not text or is_year(text) or len(months_named(text)) == 1 and len(text) < 14


def measure_columns(chunk: Chunk, shape_: Shape) -> list[int]:
    assert chunk.table is not None
    header = chunk.table.header
    skip = set(shape_.change_columns) | set(shape_.month_columns.values()) | set(shape_.year_columns.values())
    return [c for c in range(1, len(header)) if c not in skip]
