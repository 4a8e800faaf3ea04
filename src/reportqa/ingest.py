"""Read source documents (report PDFs, Markdown announcements) into pages, sections, prose, tables, footnotes
and charts.

PDF pages are read through the layout engine (`layout.py`); what it does not do is here: printed page labels
(`pagelabels.py`), sections from the outline or numbered headings, footnotes set apart, and the cache of parsed
documents by content hash.
"""

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pymupdf

from reportqa.config import Edition
from reportqa.document import (
    INGEST_VERSION,
    Block,
    BlockKind,
    DocumentKind,
    PageProgress,
    SourceDocument,
    Table,
    document_id,
    file_sha256,
    source_files,
)
from reportqa.errors import DocumentError
from reportqa.lang import detect_language
from reportqa.layout import (
    CAPTION,
    FURNITURE_REGIONS,
    HEADING_REGIONS,
    Line,
    PageItem,
    PlacedChart,
    PlacedTable,
    page_lines,
    read_pages,
    upright,
)
from reportqa.pagelabels import is_running, printed_labels, running_lines

__all__ = ["Block", "SourceDocument", "Table", "load_document", "source_files", "file_sha256", "tessdata"]

_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{1,118})$")
# Outline entries may also be numbered in roman numerals and letters ("III-A Google DeepDream", "IV. Results").
_OUTLINE_NUMBER = re.compile(r"^([IVXLC]{1,6}(?:[.-](?:\d{1,2}|[A-Z]))*)\.?\s+(\S.{1,118})$")
_TOC_TITLES = re.compile(r"^(table des mati[èe]res|sommaire|inhoud|inhoudstafel|inhoudsopgave|contents)$", re.I)
_SAMPLE_MARK = re.compile(r"fictif|fictie|fictitious", re.I)
# A footnote starts with its number: "(1) ", "1 ", or glued to the text as some word processors print it ("1Y compris").
_NOTE_START = re.compile(r"^\(?\d{1,3}\)?(\s|(?=[A-ZÀ-Ý]))")
CHART_NOTE = {
    "fr": "graphique dans le rapport (les valeurs se lisent sur le graphique)",
    "nl": "grafiek in het verslag (de waarden staan op de grafiek)",
}


def load_document(path: Path, cache_dir: Path | None = None, progress: PageProgress | None = None) -> SourceDocument:
    """Read one file; raises DocumentError with a message naming the file and the problem.

    With cache_dir, a PDF already parsed (same content, same reader version) is not parsed again.
    """
    if path.stat().st_size == 0:
        raise DocumentError(str(path), "the file is empty")
    if path.suffix.lower() != ".pdf":
        return _load_markdown(path)
    cached = cache_dir / f"{file_sha256(path)}-{INGEST_VERSION}.json" if cache_dir else None
    if cached is not None and cached.is_file():
        try:
            document = SourceDocument.from_json(cached.read_text(encoding="utf-8"), path)
            document.doc_id = document_id(path)
            return document
        except (ValueError, TypeError, KeyError):
            cached.unlink(missing_ok=True)  # unreadable cache entry: parse again
    document = _load_pdf(path, progress)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_text(document.to_json(), encoding="utf-8")
        partial.replace(cached)
    return document


# --- Markdown -------------------------------------------------------------------------------------------


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip().strip("\"'")
    return fields, text[end + 4 :].lstrip("\n")


def _load_markdown(path: Path) -> SourceDocument:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(str(path), f"not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    meta, body = _front_matter(raw)
    title = meta.get("title") or path.stem
    edition = meta.get("language") or detect_language(body)
    if edition not in ("fr", "nl"):
        raise DocumentError(str(path), f"language must be fr or nl, not {edition!r}")
    kind: DocumentKind = "announcement" if meta.get("kind", "announcement") == "announcement" else "report"
    document = SourceDocument(
        doc_id=document_id(path),
        path=path,
        title=title,
        edition=edition,  # type: ignore[arg-type]
        kind=kind,
        sha256=file_sha256(path),
        page_count=1,
        english_title=meta.get("english_title", ""),
    )
    number, section_title = "", title
    for paragraph in re.split(r"\n\s*\n", body):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        heading = re.match(r"^#{1,6}\s+(.*)$", paragraph)
        if heading:
            numbered = _HEADING.match(heading.group(1))
            number, section_title = (numbered.group(1), numbered.group(2)) if numbered else ("", heading.group(1))
            continue
        document.blocks.append(Block("prose", paragraph, number, section_title, "1", 1))
    return document


OCR_LANGUAGES = "fra+nld"
OCR_DPI = 300
OCR_HINT = "to read them, install Tesseract: apt install tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld"

# --- PDF ------------------------------------------------------------------------------------------------


def _open_pdf(path: Path) -> pymupdf.Document:
    try:
        pdf = pymupdf.open(path)
    except Exception as error:  # PyMuPDF raises several types for damaged files
        raise DocumentError(str(path), f"not a readable PDF ({error})") from None
    if pdf.needs_pass:
        raise DocumentError(str(path), "the PDF is encrypted; provide an unencrypted copy")
    if pdf.page_count == 0:
        raise DocumentError(str(path), "the PDF has no pages")
    return pdf


def _is_toc_page(lines: list[Line]) -> bool:
    if any(_TOC_TITLES.match(line.text) for line in lines[:5]):
        return True
    numbered = sum(1 for line in lines if _HEADING.match(line.text) or re.search(r"\.{4,}", line.text))
    return (len(lines) >= 6 and numbered / len(lines) > 0.6) or (len(lines) >= 2 and numbered == len(lines))


def heading_key(text: str) -> tuple[str, str]:
    """(number, title) compared loosely: "2.  Méthodologie", "2 Méthodologie" and "2. MÉTHODOLOGIE" are one."""
    text = " ".join(text.split()).strip()
    match = _HEADING.match(text)
    number, title = (match.group(1), match.group(2)) if match else ("", text)
    # Spaces and punctuation are ignored: outlines written by some tools drop the space at a line break.
    return number.rstrip("."), re.sub(r"[\W_]+", "", title).casefold()


@dataclass(frozen=True)
class _OutlineEntry:
    page_index: int  # -1: the outline gives no page
    number: str
    title: str


def _outline(pdf: pymupdf.Document) -> list[_OutlineEntry]:
    entries = []
    for _level, title, page_no, *_ in pdf.get_toc(simple=False):
        title = " ".join(str(title).split())
        match = _HEADING.match(title) or _OUTLINE_NUMBER.match(title)
        number, name = (match.group(1).rstrip("."), match.group(2).strip()) if match else ("", title)
        entries.append(_OutlineEntry(page_no - 1 if page_no >= 1 else -1, number, name))
    return entries


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _paragraphs(lines: list[Line]) -> Iterator[list[Line]]:
    group: list[Line] = []
    for line in lines:
        # A paragraph ends at a vertical gap, where the text jumps back up (the next column), or at a new region.
        gap = line.y0 - group[-1].y1 if group else 0.0
        new_region = bool(group) and line.region_index >= 0 and line.region_index != group[-1].region_index
        if group and (gap > line.size * 0.5 or gap < -line.size or (new_region and gap > line.size * 0.2)):
            yield group
            group = []
        group.append(line)
    if group:
        yield group


def _join_lines(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and line.text[:1].islower():
            text = text[:-1] + line.text
        else:
            text = f"{text} {line.text}" if text else line.text
    return text


def _edition_of(path: Path, sample_text: str) -> Edition:
    name = path.stem.lower()
    if re.search(r"(^|[_\-. ])(fr|french|francais)($|[_\-. ])", name):
        return "fr"
    if re.search(r"(^|[_\-. ])(nl|dutch|nederlands)($|[_\-. ])", name):
        return "nl"
    language = detect_language(sample_text[:3000], fallback="fr")
    return "nl" if language == "nl" else "fr"


def _load_pdf(path: Path, progress: PageProgress | None) -> SourceDocument:
    pdf = _open_pdf(path)
    try:
        return _read_pdf(pdf, path, progress or (lambda done, total: None))
    except DocumentError:
        raise
    except Exception as error:
        raise DocumentError(str(path), f"could not be read ({type(error).__name__}: {error})") from None
    finally:
        pdf.close()


def tessdata() -> str | None:
    """Tesseract's language data folder when Tesseract is installed with French and Dutch, else None."""
    if shutil.which("tesseract") is None:
        return None
    try:
        folder = Path(pymupdf.get_tessdata())
    except Exception:  # PyMuPDF raises when it finds no tessdata folder
        return None
    has_languages = all((folder / f"{language}.traineddata").is_file() for language in ("fra", "nld"))
    return str(folder) if has_languages else None


def _page_list(indexes: list[int]) -> str:
    numbers = [str(index + 1) for index in indexes]
    return f"page {numbers[0]} is" if len(numbers) == 1 else f"pages {', '.join(numbers)} are"


def _read_scanned_pages(pdf: pymupdf.Document, all_lines: list[list[Line]]) -> list[str]:
    """Pages that are images without text: read by OCR when Tesseract is installed, else reported as skipped."""
    scanned = [n for n, lines in enumerate(all_lines) if not lines and pdf[n].get_images()]
    if not scanned:
        return []
    folder = tessdata()
    if folder is None:
        return [f"{_page_list(scanned)} scanned without text: skipped ({OCR_HINT})"]
    for n in scanned:
        page = pdf[n]  # held: the OCR text page refers to it
        textpage = page.get_textpage_ocr(language=OCR_LANGUAGES, dpi=OCR_DPI, full=True, tessdata=folder)
        all_lines[n] = page_lines(page, textpage)
    return [f"{_page_list(scanned)} scanned: read by OCR (Tesseract); check figures against the page"]


def _split_band(items: list[PageItem], running: set[tuple[str, int]]) -> tuple[list[Line], list[PageItem]]:
    """The running header and footer lines at the page's top and bottom edges, and the body without them."""
    lines = sorted((item for item in items if isinstance(item, Line)), key=lambda ln: ln.y0)
    band: list[Line] = []
    for edge in (lines, lines[::-1]):
        for line in edge:
            if line in band or not is_running(line, running):
                break
            band.append(line)
    # Text above the first or below the last table or chart is not body if it is part of the band.
    return band, [item for item in items if not (isinstance(item, Line) and item in band)]


def _read_pdf(pdf: pymupdf.Document, path: Path, progress: PageProgress) -> SourceDocument:
    upright(pdf)
    all_lines = [page_lines(pdf[number]) for number in range(pdf.page_count)]
    notes = _read_scanned_pages(pdf, all_lines)
    if not any(all_lines):
        hint = "" if tessdata() else f"; {OCR_HINT}"
        raise DocumentError(str(path), f"the PDF has no text layer (scanned pages?){hint}")
    running = running_lines(all_lines)
    bands: list[list[Line]] = []
    bodies: list[list[PageItem]] = []
    for structure in read_pages(path, pdf, all_lines, progress):
        band, body = _split_band(structure.items, running)
        # The layout engine can take a footnote at the foot of the page for the footer: a line that does not
        # repeat across pages and starts with a note number is a footnote.
        footnotes = [ln for ln in structure.furniture if not is_running(ln, running) and _NOTE_START.match(ln.text)]
        bands.append([ln for ln in structure.furniture if ln not in footnotes] + band)
        bodies.append(body + [replace(ln, region="footnote") for ln in sorted(footnotes, key=lambda ln: ln.y0)])

    body_lines = [[item for item in body if isinstance(item, Line)] for body in bodies]
    labels = printed_labels(
        [str(pdf[n].get_label() or "") for n in range(pdf.page_count)],
        bands,
        [[line.text for line in lines[:4]] for lines in body_lines],
    )
    title = (pdf.metadata or {}).get("title") or path.stem
    edition = _edition_of(path, " ".join(ln.text for lines in body_lines[:6] for ln in lines))
    document = SourceDocument(
        doc_id=document_id(path),
        path=path,
        title=title,
        edition=edition,
        kind="report",
        sha256=file_sha256(path),
        page_count=pdf.page_count,
        is_sample=any(_SAMPLE_MARK.search(line.text) for band in bands for line in band),
        notes=notes,
    )
    outline = _outline(pdf)
    walker = _SectionWalker(document, outline, _body_size(body_lines))
    for index, body in enumerate(bodies):
        if not _is_toc_page(body_lines[index]):
            walker.read_page(index, labels[index], body)
    return document


class _SectionWalker:
    """Walks a page's body in reading order, tracking the current section, and emits blocks."""

    def __init__(self, document: SourceDocument, outline: list[_OutlineEntry], body_size: float) -> None:
        self.document = document
        self.outline = outline
        # Outline entries with a page are matched on that page; the others by their number wherever they appear.
        self.pending = [entry for entry in outline if entry.page_index >= 0]
        self.unplaced = {entry.number for entry in outline if entry.page_index < 0 and entry.number}
        self.known_numbers = {entry.number for entry in outline if entry.number}
        self.body_size = body_size
        self.section = ("", document.title)
        self.page = ("1", 1)
        self.prose: list[Line] = []
        self.note: list[Line] = []

    def read_page(self, index: int, label: str, items: list[PageItem]) -> None:
        self.page = (label, index + 1)
        position = 0
        while position < len(items):
            item = items[position]
            position += 1
            if isinstance(item, PlacedTable):
                self._flush()
                table = self._continued(item.table)
                self._emit("table", render_table(table), table)
                continue
            if isinstance(item, PlacedChart):
                self._flush()
                note = CHART_NOTE[self.document.edition]
                self._emit("chart", f"{item.caption} ({note})")
                continue
            if self._is_note(item):
                self._flush_prose()
                self.note.append(item)
                continue
            if self.note and item.size <= self.note[-1].size + 0.2 and not item.starts_with_marker:
                if item.region_index == self.note[-1].region_index or item.y0 - self.note[-1].y1 < item.size:
                    self.note.append(item)
                    continue
            self._flush_note()
            text = item.text
            # A heading wrapped over two lines of one region is read as one.
            while (
                item.region in HEADING_REGIONS
                and position < len(items)
                and isinstance(items[position], Line)
                and items[position].region_index == item.region_index  # type: ignore[union-attr]
            ):
                text = f"{text} {items[position].text}"  # type: ignore[union-attr]
                position += 1
            heading = self._heading(index, replace(item, text=text))
            if heading:
                self._flush()
                self.section = heading
            else:
                self.prose.append(replace(item, text=text))
        self._flush()

    def _is_note(self, line: Line) -> bool:
        if line.region == "footnote":
            return not self.note or line.starts_with_marker or bool(_NOTE_START.match(line.text))
        small = line.size <= self.body_size - 1.5
        return line.starts_with_marker or (small and bool(_NOTE_START.match(line.text)) and line.region != "table")

    def _heading(self, index: int, line: Line) -> tuple[str, str] | None:
        """The (number, title) this line starts: from the outline where it has the line's page, else from its
        numbering and its look (a heading region, a larger or bold font)."""
        if line.region in ("caption", "footnote", "list-item") or line.region in FURNITURE_REGIONS:
            return None
        key = heading_key(line.text)
        for entry in self.pending:
            if entry.page_index > index:
                break
            same_title = key[1] == heading_key(entry.title)[1]
            if key == heading_key(f"{entry.number} {entry.title}") or (not key[0] and same_title):
                self.pending.remove(entry)
                match = _HEADING.match(line.text)
                return entry.number, match.group(2).strip() if match else entry.title
        match = _HEADING.match(line.text)
        if not match or line.text.rstrip().endswith((".", ",", ";")):
            return None
        looks_like_heading = line.region in HEADING_REGIONS or line.size >= self.body_size + 1 or line.bold
        number = match.group(1).rstrip(".")
        if self.outline and number in self.known_numbers and number not in self.unplaced:
            return None  # the outline places this heading elsewhere: the line is not it
        return (number, match.group(2).strip()) if looks_like_heading else None

    def _continued(self, table: Table) -> Table:
        """A table carried over to the next page repeats its header, not its caption: it takes the caption of the
        table it continues (the block before it, its notes aside, on the page before, with the same header)."""
        last = next((block for block in reversed(self.document.blocks) if block.kind != "footnote"), None)
        if table.caption or last is None or last.table is None or last.physical_page != self.page[1] - 1:
            return table
        if [cell.strip() for cell in last.table.header] != [cell.strip() for cell in table.header]:
            return table
        return replace(table, caption=last.table.caption)

    def _emit(self, kind: BlockKind, text: str, table: Table | None = None) -> None:
        self.document.blocks.append(Block(kind, text, *self.section, *self.page, table))

    def _flush(self) -> None:
        self._flush_note()
        self._flush_prose()

    def _flush_note(self) -> None:
        if self.note:
            self._emit("footnote", re.sub(r"^(\(?\d{1,3}\)?)(?=\S)", r"\1 ", _join_lines(self.note)))
            self.note = []

    def _flush_prose(self) -> None:
        for paragraph in _paragraphs(self.prose):
            text = _join_lines(paragraph)
            if CAPTION.match(text) and text.startswith(("Tableau", "Tabel", "Table")):
                continue  # a table caption without its table (the table was not read): not a passage
            last = self.document.blocks[-1] if self.document.blocks else None
            place = (*self.section, self.page[0])
            if (
                last is not None
                and last.kind == "prose"
                and text[:1].islower()
                and (last.section_number, last.section_title, last.page) == place
            ):
                # A sentence carried over to the next column.
                self.document.blocks[-1] = replace(last, text=f"{last.text} {text}")
            else:
                self.document.blocks.append(Block("prose", text, *self.section, *self.page))
        self.prose.clear()


def render_table(table: Table) -> str:
    """A table as text for indexing: the caption, then one line per row with its column headers."""
    lines = [table.caption] if table.caption else []
    for row in table.rows:
        cells = [f"{head}: {cell}" if head else cell for head, cell in zip(table.header[1:], row[1:], strict=False)]
        lines.append(f"{row[0]} | " + " | ".join(cells))
    return "\n".join(lines)
