"""Figures as facts: every number in a table cell or a sentence, with where it stands, in an SQLite database
built with the index (and swapped with it), for the Figures view and claim checking."""

import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.language.numbers import is_year, normalize_numbers, numbers_with_years, parse_number
from reportqa.language.terms import sentences, table_number, tokens


@dataclass(frozen=True)
class Fact:
    fact_id: str
    chunk_id: str
    doc_id: str
    document: str
    edition: Edition
    kind: str  # cell | sentence
    section: str
    section_title: str
    page: str
    physical_page: int
    value: float
    unit: str  # % or "" (a count: persons, files, decisions as the row says)
    year: int | None
    text: str  # the cell as printed, or the sentence
    table: str = ""  # caption, for a cell
    table_number: str = ""  # "4.2", to link the editions
    row: str = ""
    column: str = ""
    row_index: int = -1
    column_index: int = -1

    @property
    def label(self) -> str:
        """Where the figure stands, as a citation: table, row, column, page; or section and page."""
        if self.kind == "cell":
            return f"{self.table}, {self.row}, {self.column}, p. {self.page}"
        return f"{self.section} {self.section_title}, p. {self.page}".strip()


def _cell_facts(chunk: Chunk) -> Iterable[Fact]:
    table = chunk.table
    if table is None:
        return
    number = table_number(table.caption)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row[1:], 1):
            parsed = parse_number(cell)
            column = table.header[c] if c < len(table.header) else ""
            if parsed is None:
                continue
            # Years as columns, or as rows ("2023 | 412 | 9,1 %"): a cell is for its column's year, else its row's.
            year = int(column) if is_year(column.strip()) else int(row[0]) if is_year(row[0].strip()) else None
            yield Fact(
                f"{chunk.chunk_id}:r{r}c{c}",
                chunk.chunk_id,
                chunk.doc_id,
                chunk.doc_title,
                chunk.edition,
                "cell",
                chunk.section_number,
                chunk.section_title,
                chunk.page,
                chunk.physical_page,
                parsed[0],
                "%" if parsed[1] else "",
                year,
                cell,
                table.caption or chunk.section_label,
                number or "",
                row[0],
                column,
                r,
                c,
            )


def _sentence_facts(chunk: Chunk) -> Iterable[Fact]:
    if chunk.table is not None:
        return
    for s, sentence in enumerate(sentences(chunk.text)):
        for n, (number, year) in enumerate(numbers_with_years(sentence)):
            parsed = parse_number(number)
            if parsed is None or (is_year(number.strip()) and not parsed[1]):
                continue
            yield Fact(
                f"{chunk.chunk_id}:s{s}n{n}",
                chunk.chunk_id,
                chunk.doc_id,
                chunk.doc_title,
                chunk.edition,
                "sentence",
                chunk.section_number,
                chunk.section_title,
                chunk.page,
                chunk.physical_page,
                parsed[0],
                "%" if parsed[1] else "",
                year,
                sentence.strip(),
            )


def extract_facts(chunks: Iterable[Chunk]) -> list[Fact]:
    return [fact for chunk in chunks for fact in (*_cell_facts(chunk), *_sentence_facts(chunk))]


_COLUMNS = [f.name for f in fields(Fact)]


def write_facts(facts: list[Fact], path: Path) -> None:
    with sqlite3.connect(path) as db:
        quoted = ", ".join(f'"{column}"' for column in _COLUMNS)  # "table", "row", "column" are SQL words
        db.execute(f"CREATE TABLE facts ({quoted}, terms TEXT)")
        db.executemany(
            f"INSERT INTO facts VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
            [(*asdict(f).values(), " ".join(_terms(f))) for f in facts],
        )
        db.execute("CREATE INDEX facts_chunk ON facts (chunk_id)")
    path.chmod(0o444)  # read-only once built, like the rest of a build


def _terms(fact: Fact) -> set[str]:
    words = f"{fact.table} {fact.row} {fact.section_title} {fact.text if fact.kind == 'sentence' else ''}"
    return set(tokens(normalize_numbers(words), fact.edition))


class FactStore:
    """Read access to a build's facts (one SQLite connection per thread is opened on demand)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _query(self, sql: str, parameters: Iterable[object] = ()) -> list[Fact]:
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
            rows = db.execute(sql, tuple(parameters)).fetchall()
        return [Fact(**dict(zip(_COLUMNS, row[: len(_COLUMNS)], strict=True))) for row in rows]

    def in_chunks(self, chunk_ids: list[str]) -> list[Fact]:
        if not chunk_ids:
            return []
        marks = ", ".join("?" * len(chunk_ids))
        return self._query(f"SELECT * FROM facts WHERE chunk_id IN ({marks})", chunk_ids)

    def table(self, chunk_id: str) -> list[Fact]:
        return self._query("SELECT * FROM facts WHERE chunk_id = ? AND kind = 'cell'", [chunk_id])

    def stating(
        self, value: float, edition: Edition, section: str, year: int | None, kind: str = "sentence"
    ) -> list[Fact]:
        """Sentences (or cells) of a section that state a value for a year (or for no year in particular)."""
        sql = (
            "SELECT * FROM facts WHERE kind = ? AND edition = ? AND section = ? AND value = ? "
            "AND (year IS NULL OR year = ?) ORDER BY year IS NULL, physical_page"
        )
        return self._query(sql, [kind, edition, section, value, year])

    def with_value(self, value: float) -> list[Fact]:
        """Every cell and sentence that states this value, in either edition."""
        return self._query("SELECT * FROM facts WHERE value = ? ORDER BY physical_page", [value])

    def search(self, words: str, edition: Edition | None = None, limit: int = 200) -> list[Fact]:
        """Facts whose table, row or sentence has all the words (stemmed, in either edition's language)."""
        found: dict[str, Fact] = {}
        for language in (edition,) if edition else ("fr", "nl"):
            terms = sorted(set(tokens(words, language)))
            if not terms:
                continue
            where = " AND ".join("(' ' || terms || ' ') LIKE ?" for _ in terms)
            sql = f"SELECT * FROM facts WHERE edition = ? AND {where} ORDER BY physical_page LIMIT ?"
            for fact in self._query(sql, [language, *(f"% {t} %" for t in terms), limit]):
                found.setdefault(fact.fact_id, fact)
        return list(found.values())[:limit]
