"""Figures from table cells, by the table's shape rather than by its words.

A question's frame (frame.py) says what is asked; the row it means is the table row closest to it in meaning and in
the counted words it uses; the table's shape says where the cell is (years and months as rows or columns, a total
row, a % column, several measures per row). A change is computed from the two years' cells, a share is read from a %
column or computed from a row and its total, the busiest month is the largest of the year's months; a computed figure
cites every cell it used and says so. When no table measures what is asked, there is no cell answer.
"""

import re
from dataclasses import dataclass

from reportqa.answer.citations import Citation, citation
from reportqa.answer.frame import Frame
from reportqa.answer.rows import RowFinder
from reportqa.answer.table_shape import Shape, measure_columns, month_name
from reportqa.chunk import Chunk
from reportqa.config import Language, Settings
from reportqa.index import LoadedIndex
from reportqa.language.numbers import parse_number, years_in
from reportqa.language.terms import caption_title, content_terms
from reportqa.messages.figures import CELL_BUSIEST, CELL_CHANGE, CELL_COLUMN, CELL_SHARE, CELL_VALUE, CELL_VALUE_NO_YEAR

# Below this similarity between the question and its closest table row, no table is about what is asked.
MIN_ROW_SIMILARITY = 0.80
# Among several measures of one row (capacity, occupancy, persons), the one asked must be at least this close.
MIN_COLUMN_SIMILARITY = 0.80

_FOOTNOTE_MARK = re.compile(r"(?<=\d)[¹²³⁴⁵⁶⁷⁸⁹⁰*]+$")

@dataclass(frozen=True)
class CellAnswer:
    text: str
    citations: list[Citation]
    similarity: float
    # The figures this answer computed (a difference, a change in %, a share): they stand in no cited cell.
    computed: tuple[str, ...] = ()


def _number(cell: str) -> float | None:
    parsed = parse_number(_FOOTNOTE_MARK.sub("", cell.strip()))
    if parsed is None:
        return None
    negative = cell.strip()[:1] in "-−–"
    return -parsed[0] if negative else parsed[0]


def _shown(cell: str) -> str:
    return _FOOTNOTE_MARK.sub("", cell.strip())


def _format(value: float, language: Language, decimals: int) -> str:
    text = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", "." if language in ("nl", "de") else ("," if language == "en" else " "))
    if language == "en":
        out = f"{whole}.{fraction}" if fraction else whole
    else:
        out = f"{whole},{fraction}" if fraction else whole
    return ("+" if value > 0 else "−" if value < 0 else "") + out


def _decimals(*cells: str) -> int:
    return max((len(c.strip().rpartition(",")[2]) for c in cells if re.search(r",\d+\s*%?$", c.strip())), default=0)


def _row_quote(chunk: Chunk, row: int) -> str:
    assert chunk.table is not None
    cells = chunk.table.rows[row]
    header = chunk.table.header
    parts = [f"{header[c]}: {cell}" if c < len(header) and header[c] else cell for c, cell in enumerate(cells) if c]
    return " | ".join([cells[0], *parts])


class _Finder(RowFinder):
    def cite(self, n: int, chunk: Chunk, row: int, column: int) -> Citation:
        return citation(n, chunk, _row_quote(chunk, row), self.settings, self.index, cell=(row, column))

    def answer(self, min_words: float = 0.0) -> CellAnswer | None:
        for similarity, chunk, row in self.candidates():
            if similarity < MIN_ROW_SIMILARITY or (min_words and not self.names_what_is_counted(chunk, row, min_words)):
                continue
            found = self._in_table(chunk, row, similarity)
            if found is not None and (not min_words or self.names_the_measure(chunk, found.citations[0].column)):
                return found
        return None

    def _year(self, shape_: Shape) -> int | None:
        years = list(shape_.year_columns) or list(shape_.year_rows)
        if self.frame.years:
            return self.frame.years[-1]
        return max(years) if years else None

    def _in_table(self, chunk: Chunk, row: int, similarity: float) -> CellAnswer | None:
        assert chunk.table is not None
        table = chunk.table
        s = self.shape(chunk)
        operation = self.frame.operation
        if operation == "busiest_month":
            return self._busiest(chunk, s, row, similarity)
        if operation in ("change", "change_pct"):
            return self._change(chunk, s, row, similarity)
        if operation == "share":
            return self._share(chunk, s, row, similarity)
        if operation == "total":
            if s.total_row is None:
                return None  # a total is read from a total row, never from the row that came closest
            row = s.total_row
        year = self._year(s)
        month = next(iter(self.frame.months)) if len(self.frame.months) == 1 else None
        cell = self._cell(chunk, s, row, year, month)
        if cell is None:
            return None
        r, c = cell
        value = _shown(table.rows[r][c])
        if _number(value) is None:
            return None
        label = table.rows[r][0]
        if month is not None and r in s.month_rows.values() and s.year_columns:
            label = f"{label} {year}"
        column = "" if c in s.year_columns.values() else CELL_COLUMN[self.language].format(name=table.header[c])
        template = CELL_VALUE if year is not None else CELL_VALUE_NO_YEAR
        caption = caption_title(table.caption) or chunk.section_label
        text = template[self.language].format(label=label, value=value, year=year, caption=caption, column=column)
        return CellAnswer(text, [self.cite(1, chunk, r, c)], similarity)

    def _cell(self, chunk: Chunk, s: Shape, row: int, year: int | None, month: int | None) -> tuple[int, int] | None:
        assert chunk.table is not None
        table = chunk.table
        if month is not None:
            if s.month_rows and s.year_columns:
                if month not in s.month_rows or year not in s.year_columns:
                    return None
                return s.month_rows[month], s.year_columns[year]
            if s.month_columns and s.year_rows:
                if month not in s.month_columns or year not in s.year_rows:
                    return None
                return s.year_rows[year], s.month_columns[month]
            return None
        if s.year_columns:
            if year not in s.year_columns:
                return None
            return row, s.year_columns[year]
        if s.year_rows:
            if year not in s.year_rows:
                return None
            column, _ = self.best_measure(chunk, [c for c in measure_columns(chunk, s) if c not in s.percent_columns])
            return (s.year_rows[year], column) if column is not None else None
        # A table of one year (a breakdown, entities with several measures): the caption says which.
        stated = {int(y) for y in years_in(table.caption)}
        if year is not None and stated and year not in stated:
            return None
        if year is not None and not stated and self.frame.years:
            return None
        columns = [c for c in measure_columns(chunk, s) if c not in s.percent_columns]
        column, closeness = self.best_measure(chunk, columns)
        if column is None or closeness < MIN_COLUMN_SIMILARITY:
            return None  # several measures and none of them the one asked
        return row, column

    def _two_years(self, chunk: Chunk, s: Shape, row: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if len(self.frame.years) < 2:
            return None
        a, b = self.frame.years[0], self.frame.years[-1]
        if s.year_columns and a in s.year_columns and b in s.year_columns:
            return (row, s.year_columns[a]), (row, s.year_columns[b])
        if s.year_rows and a in s.year_rows and b in s.year_rows:
            column, _ = self.best_measure(chunk, [c for c in measure_columns(chunk, s) if c not in s.percent_columns])
            if column is None:
                return None
            return (s.year_rows[a], column), (s.year_rows[b], column)
        return None

    def _change(self, chunk: Chunk, s: Shape, row: int, similarity: float) -> CellAnswer | None:
        assert chunk.table is not None
        cells = self._two_years(chunk, s, row)
        if cells is None:
            return None
        (ra, ca), (rb, cb) = cells
        old_text, new_text = _shown(chunk.table.rows[ra][ca]), _shown(chunk.table.rows[rb][cb])
        old, new = _number(old_text), _number(new_text)
        if old is None or new is None or old == 0:
            return None
        decimals = _decimals(old_text, new_text)
        diff, pct = new - old, 100 * (new - old) / abs(old)
        label = chunk.table.rows[row][0] if s.year_columns else chunk.table.header[ca]
        shown_diff = _format(round(diff, decimals), self.language, decimals)
        shown_pct = _format(round(pct, 1), self.language, 1)
        text = CELL_CHANGE[self.language].format(
            label=label,
            new=new_text,
            old=old_text,
            a=self.frame.years[0],
            b=self.frame.years[-1],
            diff=shown_diff,
            pct=shown_pct,
            caption=caption_title(chunk.table.caption) or chunk.section_label,
        )
        citations = [self.cite(1, chunk, ra, ca), self.cite(2, chunk, rb, cb)]
        return CellAnswer(text, citations, similarity, computed=(shown_diff, shown_pct))

    def _share(self, chunk: Chunk, s: Shape, row: int, similarity: float) -> CellAnswer | None:
        assert chunk.table is not None
        table = chunk.table
        if row == s.total_row:
            return None
        # A share of one row: the question names that row ("quelle part des départs concernait l'Ukraine"); a
        # share it does not name ("welk deel kreeg bescherming") is a rate the report states, not a row's share.
        label_words = content_terms(table.rows[row][0], chunk.edition)
        if not label_words & content_terms(self.frame.question, chunk.edition):
            return None
        year = self._year(s)
        stated = {int(y) for y in years_in(table.caption)}
        if self.frame.years and not s.year_columns and stated and year not in stated:
            return None
        if s.percent_columns:
            column = s.percent_columns[0]
            value = _shown(table.rows[row][column])
            if _number(value) is None:
                return None
            caption = caption_title(table.caption) or chunk.section_label
            template = CELL_VALUE if year is not None else CELL_VALUE_NO_YEAR
            text = template[self.language].format(
                label=table.rows[row][0],
                value=value,
                year=year,
                caption=caption,
                column=CELL_COLUMN[self.language].format(name=table.header[column]),
            )
            return CellAnswer(text, [self.cite(1, chunk, row, column)], similarity)
        if s.total_row is None:
            return None
        if s.year_columns:
            if year not in s.year_columns:
                return None
            column = s.year_columns[year]
        else:
            columns = measure_columns(chunk, s)
            if len(columns) != 1:
                return None
            column = columns[0]
        part_text, whole_text = _shown(table.rows[row][column]), _shown(table.rows[s.total_row][column])
        part, whole = _number(part_text), _number(whole_text)
        if part is None or not whole:
            return None
        pct = _format(round(100 * part / whole, 1), self.language, 1).lstrip("+")
        text = CELL_SHARE[self.language].format(
            label=table.rows[row][0],
            part=part_text,
            whole=whole_text,
            total=table.rows[s.total_row][0],
            year=year,
            pct=pct,
            caption=caption_title(table.caption) or chunk.section_label,
        )
        citations = [self.cite(1, chunk, row, column), self.cite(2, chunk, s.total_row, column)]
        return CellAnswer(text, citations, similarity, computed=(pct,))

    def _busiest(self, chunk: Chunk, s: Shape, row: int, similarity: float) -> CellAnswer | None:
        assert chunk.table is not None
        table = chunk.table
        year = self._year(s)
        cells: list[tuple[int, int]] = []
        if s.month_rows and s.year_columns and year in s.year_columns:
            cells = [(r, s.year_columns[year]) for r in s.month_rows.values()]
        elif s.month_columns and s.year_rows and year in s.year_rows:
            cells = [(s.year_rows[year], c) for c in s.month_columns.values()]
        values = [(v, cell) for cell in cells if (v := _number(table.rows[cell[0]][cell[1]])) is not None]
        if len(values) < 2:
            return None
        _, (r, c) = max(values)
        number = next(
            m
            for m, i in (s.month_rows.items() if s.month_rows else s.month_columns.items())
            if i == (r if s.month_rows else c)
        )
        month = month_name(number, self.language)
        text = CELL_BUSIEST[self.language].format(
            year=year,
            month=month,
            value=_shown(table.rows[r][c]),
            caption=caption_title(table.caption) or chunk.section_label,
        )
        return CellAnswer(text, [self.cite(1, chunk, r, c)], similarity)


def cell_answer(frame: Frame, index: LoadedIndex, settings: Settings, min_words: float = 0.0) -> CellAnswer | None:
    """The cell (or the cells of a computed figure) that answers the frame, or None when no table measures it.
    With `min_words`, only a row whose caption, label and header use that share of the counted words answers."""
    return _Finder(frame, index, settings).answer(min_words)
