"""Tables on a PDF page, with or without ruling lines, as a header and rows of cell texts.

Ruled tables are read cell by cell from PyMuPDF's line finder (a header over several rows merged, dot leaders
dropped, wrapped cells joined); where the layout engine sees a table with no rules (a coloured header row, zebra
stripes), its rows come from the words' baselines and its columns from the gaps no row of figures crosses.
"""

import re
from dataclasses import dataclass
from typing import Any

import pymupdf

from reportqa.document import Table
from reportqa.language.numbers import is_year, without_years
from reportqa.words import Word, printed_words, text_in, words_in

Box = tuple[float, float, float, float]
Region = tuple[float, float, float, float, str]  # a box and the layout engine's class for it
_LEADER = re.compile(r"\s*\.{2,}\s*$")  # dot leaders running to the next column: "AFM revisions ......"

_FIGURE_NOT_YEAR = re.compile(r"\d")

_NUMERIC = re.compile(r"^[-+(]?\d[\d\s.,/\u00a0\u202f]*%?\)?$")  # counts, amounts, percentages, dates


@dataclass(frozen=True)
class PlacedTable:
    box: Box
    table: Table


def area(box: Box) -> float:
    return max(box[2] - box[0], 0.0) * max(box[3] - box[1], 0.0)


def overlap(a: Box, b: Box) -> float:
    """The share of the smaller box covered by the other."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return width * height / smaller if smaller > 0 else 0.0


def ruled_tables(page: pymupdf.Page, regions: list[Region]) -> list[tuple[float, PlacedTable]]:
    """Tables drawn with ruling lines, read cell by cell; a grid inside a chart is the chart's, not a table."""
    pictures = [r[:4] for r in regions if r[4] == "picture"]
    words = printed_words(page)
    layout_tables = [r[:4] for r in regions if r[4] == "table"]
    found = []
    for table in page.find_tables(use_layout=False).tables:
        box: Box = tuple(table.bbox)  # type: ignore[assignment]
        if any(overlap(box, picture) > 0.5 for picture in pictures):
            continue
        if any(overlap(box, region) > 0.5 and area(box) < 0.5 * area(region) for region in layout_tables):
            continue  # a ruled header over a borderless body: the layout engine's whole table is read instead
        # Cell texts from our words: table.extract() drops spaces, shifts thousands separators, keeps markers.
        rows = _without_empty_columns([[text_in(words, cell) for cell in row.cells] for row in table.rows])
        if any(_holds_several_rows(page, row.cells) for row in table.rows) or _holds_two_columns(rows):
            # Rules drawn every few rows or columns only: a cell holds several rows or figures, read by words instead.
            rows = table_from_words(words_in(words, box)) or []
        rows = [row for row in rows if any(row)]
        if len(rows) < 2 or len(rows[0]) < 2:
            continue
        header, body = _header_and_body(rows)
        found.append((_order_of_box(box, regions), PlacedTable(box, Table("", header, body))))
    return found


def _holds_several_rows(page: pymupdf.Page, cells: list[Any]) -> bool:
    """A cell holds three lines or more with figures: the rules are drawn every few rows only (a wrapped label
    makes several lines too, but not several lines of figures)."""
    for cell in cells:
        if cell:
            lines = page.get_text("text", clip=pymupdf.Rect(cell)).splitlines()
            if sum(1 for line in lines if re.search(r"\d", line)) >= 3:
                return True
    return False


def _holds_two_columns(rows: list[list[str]]) -> bool:
    """A cell holding two figures side by side, set apart by more than a thousands space ("193.751 141.382"): no rule
    was drawn between their columns."""
    return any(
        len(parts := cell.split()) == 2 and all(_NUMERIC.match(p) and re.search(r"[.,]", p) for p in parts)
        for row in rows[1:]
        for cell in row[1:]
    )


def _is_data_row(row: list[str]) -> bool:
    """A row with a figure in a column after the first (years alone, as in a header of years, do not count)."""
    return any(_FIGURE_NOT_YEAR.search(without_years(cell)) for cell in row[1:])


def _is_row_of_years(row: list[str]) -> bool:
    """ "2021 | 2022 | 2023": a header repeated below the data, or a chart's axis read into the table; not data."""
    cells = [cell.strip() for cell in row if cell.strip()]
    return len(cells) >= 2 and all(is_year(cell) for cell in cells)


def _header_and_body(rows: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """The header (its rows merged column by column when it spans several: "Cost on U.S." over "operators"), and
    the body, a row whose first cell is empty continuing the row above it (a wrapped cell)."""
    rows = [[_LEADER.sub("", cell) for cell in row] for row in rows]
    first_data = next((i for i, row in enumerate(rows) if _is_data_row(row)), 1)
    head_rows = rows[: max(first_data, 1)]
    header = [" ".join(row[c] for row in head_rows if row[c]).strip() for c in range(len(rows[0]))]
    body: list[list[str]] = []
    for row in rows[len(head_rows) :]:
        if body and not row[0] and any(row[1:]):
            body[-1] = [f"{above} {cell}".strip() for above, cell in zip(body[-1], row, strict=True)]
        elif not _is_row_of_years(row):
            body.append(row)
    return header, body


def _without_empty_columns(rows: list[list[str]]) -> list[list[str]]:
    """Merged cells leave grid columns that are empty in every row: they are not columns of the table."""
    width = max((len(row) for row in rows), default=0)
    kept = [c for c in range(width) if any(c < len(row) and row[c] for row in rows)]
    return [[row[c] if c < len(row) else "" for c in kept] for row in rows]


def _order_of_box(box: Box, regions: list[Region]) -> float:
    overlaps = [(overlap(box, r[:4]), i) for i, r in enumerate(regions) if r[4] == "table"]
    best = max(overlaps, default=(0.0, -1))
    if best[0] > 0.5:
        return best[1]
    for index, region in enumerate(regions):
        if region[1] >= box[1] and min(region[2], box[2]) - max(region[0], box[0]) > 0:
            return index - 0.5
    return len(regions)


def borderless_tables(page: pymupdf.Page, regions: list[Region], ruled: list[Box]) -> list[tuple[float, PlacedTable]]:
    """Tables the layout engine sees where no ruling lines are drawn (coloured header rows, zebra stripes)."""
    found = []
    words = printed_words(page) if any(region[4] == "table" for region in regions) else []
    for order, (x0, y0, x1, y1, kind) in enumerate(regions):
        box = (x0, y0, x1, y1)
        if kind != "table" or any(overlap(box, r) > 0.5 for r in ruled):
            continue
        grid = table_from_words(words_in(words, box))
        if grid is not None:
            header, body = _header_and_body(grid)  # a header set on several lines is one row of names
            found.append((float(order), PlacedTable(box, Table("", header, body))))
    return found


def _is_numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text.strip()))


def table_from_words(words: list[Word]) -> list[list[str]] | None:
    """Rows and columns of a table without rules: rows by the words' baselines, columns by the vertical gaps that
    no figure row crosses. Title lines above the header and notes below the last figure row are left out.
    None when that gives fewer than two rows or two columns."""
    if not words:
        return None
    heights = sorted(w[3] - w[1] for w in words)
    height = heights[len(heights) // 2]
    rows = _rows_of(words, height)
    # Columns come from the rows of figures when there are some: a title or a note spanning the table crosses them.
    figure_rows = [row for row in rows if sum(_is_numeric(w[4]) for w in row) >= 2]
    gaps = _column_gaps([w for row in (figure_rows if len(figure_rows) >= 2 else rows) for w in row], height)
    if not gaps or len(rows) < 2:
        return None
    grid = []
    for row in rows:
        cells = [""] * (len(gaps) + 1)
        for phrase in _phrases(_in_reading_order(row, height), height):
            column = sum(1 for gap in gaps if (phrase[0].x0 + phrase[-1].x1) / 2 > gap)
            cells[column] = " ".join([cells[column], *(word.text for word in phrase)]).strip()
        grid.append(cells)
    grid = _join_wrapped_labels(_header_lines_joined(grid, rows, height))
    numeric = [i for i, row in enumerate(grid) if any(_is_numeric(c) and not is_year(c) for c in row[1:])]
    if numeric:
        first = max(numeric[0] - 1, 0)  # the header row is the one just above the first row of figures
        grid = grid[first : numeric[-1] + 1]
    return grid if len(grid) >= 2 else None


def _header_lines_joined(grid: list[list[str]], rows: list[list[Word]], height: float) -> list[list[str]]:
    """A header set on several lines ("Aantal" over "productieve" over "dossiers"), the lines packed as closely as
    a paragraph's right above the first row of figures, is one row: each column's name is all its lines."""
    first = next((i for i, row in enumerate(grid) if any(_is_numeric(c) and not is_year(c) for c in row[1:])), None)
    if first is None or first < 2 or sum(is_year(c) for c in grid[first - 1]) >= 2:
        return grid  # a line of years is the header; a name above them spans them all ("Aantal vrijstellingen")
    top = first - 1
    while top > 0 and min(w[1] for w in rows[top]) - max(w[3] for w in rows[top - 1]) < 0.5 * height:
        top -= 1
    if top == first - 1:
        return grid
    header = [" ".join(row[c] for row in grid[top:first] if row[c]) for c in range(len(grid[0]))]
    return [*grid[:top], header, *grid[first:]]


def _rows_of(words: list[Word], height: float) -> list[list[Word]]:
    """Words in rows: a word joins the row whose height it overlaps by a quarter of a line. A cell wrapped over two
    lines sits across the middle of its row ("Evolution" over "(%)" beside "2023"), so the row is one band."""
    rows: list[list[Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w[1], w[0])):
        if rows and min(bottom, word[3]) - max(top, word[1]) > 0.25 * height:
            rows[-1].append(word)
            bottom = max(bottom, word[3])
        else:
            rows.append([word])
            top, bottom = word[1], word[3]
    return rows


def _in_reading_order(row: list[Word], height: float) -> list[Word]:
    """A row's words line by line, left to right within a line."""
    lines: list[list[Word]] = []
    for word in sorted(row, key=lambda w: (w[1] + w[3]) / 2):
        middle = (word[1] + word[3]) / 2
        if lines and abs(middle - (lines[-1][0][1] + lines[-1][0][3]) / 2) < 0.5 * height:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [word for line in lines for word in sorted(line, key=lambda w: w[0])]


def _phrases(words: list[Word], height: float) -> list[list[Word]]:
    """Runs of words a word space apart on one line: a header cell wider than its column's figures is placed as a
    whole, by its middle, not word by word across the gap between two columns."""
    phrases: list[list[Word]] = []
    for word in words:
        last = phrases[-1][-1] if phrases else None
        if last is not None and abs(word.y0 - last.y0) < 0.5 * height and 0 <= word.x0 - last.x1 <= 0.9 * height:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases


def _column_gaps(words: list[Word], height: float) -> list[float]:
    """x positions between columns: ranges covered by no word, wider than a word space."""
    spans = sorted((w[0], w[2]) for w in words)
    gaps: list[float] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach > 0.9 * height:
            gaps.append((start + reach) / 2)
        reach = max(reach, end)
    return gaps


def _join_wrapped_labels(grid: list[list[str]]) -> list[list[str]]:
    """A row label wrapped over two lines leaves a row with only its first cell: join it to the row it belongs to."""
    joined: list[list[str]] = []
    for row in grid:
        lone_label = bool(row[0]) and not any(row[1:])
        if joined and lone_label and row[0][:1].islower():
            joined[-1][0] = f"{joined[-1][0]} {row[0]}"
        elif joined and not row[0] and any(row[1:]) and joined[-1][0] and not any(joined[-1][1:]):
            joined[-1] = [joined[-1][0], *row[1:]]
        else:
            joined.append(list(row))
    return joined
