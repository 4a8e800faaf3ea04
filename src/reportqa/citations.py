"""Where an answer's words come from: the passage, its section and printed page, a link to the PDF page, the
quoted sentence or table row (and cell), and the same passage in the other edition."""

from dataclasses import dataclass

from reportqa.chunk import Chunk
from reportqa.config import Settings
from reportqa.editions import linked_chunk, matching_sentence
from reportqa.index import LoadedIndex
from reportqa.text import sentences


@dataclass(frozen=True)
class EditionLink:
    """The same passage in the other edition of the report."""

    edition: str
    page: str
    physical_page: int
    url: str
    quote: str


@dataclass(frozen=True)
class Citation:
    n: int
    document: str
    edition: str
    section: str
    section_title: str
    page: str
    physical_page: int
    quote: str
    url: str
    kind: str = "prose"
    other_edition: EditionLink | None = None
    # For a table row: "Tableau 8.3 : Interventions, Incendies, 2023" (table, row, the column asked about).
    table_cell: str = ""
    chunk_id: str = ""
    # The cell itself in the passage's table (0-based row and column), when one cell is cited.
    row: int = -1
    column: int = -1

    @property
    def section_label(self) -> str:
        """ "8.2 Interventions", or "" for a passage outside any section."""
        return f"{self.section} {self.section_title}".strip()

    @property
    def place(self) -> str:
        """ "Rapport d'activité 2023 (fr), 8.2 Interventions, p. 14"; without the section when there is none."""
        section = f"{self.section_label}, " if self.section_label else ""
        return f"{self.document} ({self.edition}), {section}p. {self.page}"


def row_line(chunk: Chunk, row: int) -> str:
    """One table row as a quotable line naming its table: "Tableau 8.4 : … — Total | 2022: 3 327 | 2023: 3 994"."""
    assert chunk.table is not None
    table = chunk.table
    cells = [
        f"{table.header[c]}: {cell}" if c < len(table.header) and table.header[c] else cell
        for c, cell in enumerate(table.rows[row][1:], 1)
    ]
    caption = table.caption or chunk.section_label
    return f"{caption} — {' | '.join([table.rows[row][0], *cells])}"


def sentences_of(chunk: Chunk) -> list[str]:
    """Sentences of a prose passage; for a table, one quotable line per row, each naming its table."""
    if chunk.table is not None:
        return [row_line(chunk, r) for r in range(len(chunk.table.rows))]
    return sentences(chunk.text)


def document_url(chunk: Chunk, settings: Settings) -> str:
    suffix = ".md" if chunk.kind == "announcement" else ".pdf"
    anchor = "" if chunk.kind == "announcement" else f"#page={chunk.physical_page}"
    return f"{settings.public_url}/documents/{chunk.doc_id}{suffix}{anchor}"


def _link(chunk: Chunk, quote: str, index: LoadedIndex, settings: Settings) -> EditionLink | None:
    other = linked_chunk(chunk, index.chunks.values())
    if other is None:
        return None
    same = matching_sentence(quote, sentences_of(other)) or ""  # no sentence stating the same figures: none
    return EditionLink(other.edition, other.page, other.physical_page, document_url(other, settings), same)


def table_cell(chunk: Chunk, row: int, column: int | None) -> str:
    """The cell a row answers: table, row and column ("Tableau 8.3 : Interventions, Incendies, 2023")."""
    if chunk.table is None:
        return ""
    caption = chunk.table.caption or chunk.section_label
    header = chunk.table.header
    name = header[column] if column is not None and column < len(header) else ""
    return ", ".join(part for part in (caption, chunk.table.rows[row][0], name) if part)


def _row_quoted(chunk: Chunk, quote: str) -> int | None:
    lines = sentences_of(chunk)
    return next((r for r, line in enumerate(lines) if line in quote), None)


def citation(
    n: int,
    chunk: Chunk,
    quote: str,
    settings: Settings,
    index: LoadedIndex | None = None,
    years: set[str] | None = None,
    cell: tuple[int, int] | None = None,
) -> Citation:
    """Cite a passage; for a table, `cell` (row, column) names the cell, else the row quoted and the year asked."""
    cell_name = ""
    if chunk.table is not None:
        if cell is None and (row := _row_quoted(chunk, quote)) is not None:
            asked = [c for c, name in enumerate(chunk.table.header) if c and name in (years or set())]
            cell = (row, asked[0]) if asked else None
            cell_name = table_cell(chunk, row, None)
        if cell is not None:
            cell_name = table_cell(chunk, *cell)
    return Citation(
        n=n,
        document=chunk.doc_title,
        edition=chunk.edition,
        section=chunk.section_number,
        # An announcement's only "section" is its own title: naming it twice says nothing.
        section_title="" if chunk.section_title == chunk.doc_title else chunk.section_title,
        page=chunk.page,
        physical_page=chunk.physical_page,
        quote=quote,
        url=document_url(chunk, settings),
        kind=chunk.kind,
        other_edition=_link(chunk, quote, index, settings) if index is not None else None,
        table_cell=cell_name,
        chunk_id=chunk.chunk_id,
        row=cell[0] if cell else -1,
        column=cell[1] if cell else -1,
    )
