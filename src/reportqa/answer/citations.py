"""Where an answer's words come from: the passage, its section and printed page, a link to the PDF page, the
quoted sentence or table row (and cell), and the same passage in the other edition."""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from reportqa.answer.editions import linked_chunk, matching_sentence
from reportqa.chunk import Chunk
from reportqa.config import Settings
from reportqa.index import LoadedIndex
from reportqa.language.terms import sentences


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
    # What the viewer highlights on the page (positions.py): "s2" (the passage's sentences quoted), "r1c2" (cells).
    doc_id: str = ""
    doc_version: str = ""
    marks: tuple[str, ...] = ()

    @property
    def section_label(self) -> str:
        """ "8.2 Interventions", or "" for a passage outside any section."""
        return f"{self.section} {self.section_title}".strip()

    @property
    def place(self) -> str:
        """ "Rapport d'activité 2023 (fr), 8.2 Interventions, p. 14"; without the section when there is none."""
        section = f"{self.section_label}, " if self.section_label else ""
        return f"{self.document} ({self.edition}), {section}p. {self.page}"


def view_url(citation: Citation, language: str, cited: Sequence[Citation] = ()) -> str:
    """The viewer of a citation's page (/view/<document id>/<physical page>), its sentence or cell highlighted in
    the page's language; a figure computed from several cells of one table (cited together) highlights each."""
    if citation.kind == "announcement" or not citation.doc_id:
        return ""
    marks = list(citation.marks)
    for other in cited:
        if other.chunk_id == citation.chunk_id and other.physical_page == citation.physical_page:
            marks += [m for m in other.marks if m not in marks]
    root = citation.url.split("/documents/", 1)[0]  # REPORTQA_PUBLIC_URL, as in the citation's own link
    return page_view_url(
        root, citation.doc_id, citation.physical_page, citation.doc_version, citation.chunk_id, marks, language
    )


def page_view_url(
    root: str, doc_id: str, page: int, version: str, chunk_id: str, marks: Sequence[str], language: str
) -> str:
    """/view/<document id>/<physical page>?v=<version>&chunk=<passage>&m=<marks>&lang=<language>."""
    query = {"v": version, "chunk": chunk_id, "m": ",".join(marks), "lang": language}
    return f"{root}/view/{doc_id}/{page}?{urlencode({k: v for k, v in query.items() if v})}"


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
    """The document at the cited page, in the version the passage was read from (served while an index built
    from it is live)."""
    suffix = ".md" if chunk.kind == "announcement" else ".pdf"
    version = f"?v={chunk.doc_version}" if chunk.doc_version else ""
    anchor = "" if chunk.kind == "announcement" else f"#page={chunk.physical_page}"
    return f"{settings.public_url}/documents/{chunk.doc_id}{suffix}{version}{anchor}"


def marks_for(chunk: Chunk, quote: str, cell: tuple[int, int] | None = None) -> tuple[str, ...]:
    """What to highlight on the page: the cell cited, else the row quoted, else the passage's sentences that the
    quote holds (a quote of several sentences joined by " … " names each)."""
    if chunk.kind == "announcement":
        return ()
    table = chunk.table
    if table is not None:
        if cell is not None and cell[0] >= 0 and cell[1] >= 0:
            return (f"r{cell[0]}c{cell[1]}",)
        row = _row_quoted(chunk, quote)
        return tuple(f"r{row}c{c}" for c in range(len(table.rows[row]))) if row is not None else ()
    said = " ".join(quote.split())
    return tuple(f"s{n}" for n, sentence in enumerate(sentences(chunk.text)) if " ".join(sentence.split()) in said)


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
        doc_id=chunk.doc_id,
        doc_version=chunk.doc_version,
        marks=marks_for(chunk, quote, cell),
    )
