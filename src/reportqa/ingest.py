"""Read source documents (report PDFs, Markdown announcements) into pages, sections, prose and tables."""

import hashlib
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import pymupdf

from reportqa.config import Edition
from reportqa.errors import DocumentError
from reportqa.lang import detect_language

BlockKind = Literal["prose", "table"]
DocumentKind = Literal["report", "announcement"]

# Header and footer bands, as a share of the page height: text there is running furniture, not body.
MARGIN_BAND = 0.075
_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{1,118})$")
_PAGE_NUMBER = re.compile(r"^(?:p\.?\s*|page\s+|pagina\s+)?(\d{1,4}|[ivxlc]{1,6})(?:\s*/\s*\d+)?$", re.I)
_TOC_TITLES = re.compile(r"^(table des mati[èe]res|sommaire|inhoud|inhoudstafel|inhoudsopgave|contents)$", re.I)
_CAPTION = re.compile(r"^(tableau|tabel|table|figure|figuur|graphique|grafiek)\s+\d", re.I)
_SAMPLE_MARK = re.compile(r"fictif|fictie|fictitious", re.I)


@dataclass(frozen=True)
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Block:
    """A paragraph or a table, placed in its section and on its page."""

    kind: BlockKind
    text: str
    section_number: str
    section_title: str
    page: str
    physical_page: int
    table: Table | None = None


@dataclass
class SourceDocument:
    doc_id: str
    path: Path
    title: str
    edition: Edition
    kind: DocumentKind
    sha256: str
    page_count: int
    english_title: str = ""
    is_sample: bool = False
    blocks: list[Block] = field(default_factory=list)
    # What the reader should know about how the file was read: pages read by OCR, or skipped.
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    text: str
    y0: float
    y1: float
    size: float
    bold: bool
    x0: float
    x1: float


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_id(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"


def source_files(docs_dir: Path) -> list[Path]:
    """Every PDF and Markdown file under docs_dir that reportqa reads, in a stable order."""
    if not docs_dir.is_dir():
        return []
    return sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".md"))


def load_document(path: Path) -> SourceDocument:
    """Read one file; raises DocumentError with a message naming the file and the problem."""
    if path.stat().st_size == 0:
        raise DocumentError(str(path), "the file is empty")
    if path.suffix.lower() == ".pdf":
        return _load_pdf(path)
    return _load_markdown(path)


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


def _page_lines(page: pymupdf.Page, textpage: pymupdf.TextPage | None = None) -> list[_Line]:
    flags = pymupdf.TEXT_DEHYPHENATE | pymupdf.TEXT_PRESERVE_LIGATURES
    lines: list[_Line] = []
    for block in page.get_text("dict", flags=flags, textpage=textpage)["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = " ".join("".join(s["text"] for s in line["spans"]).replace("\u00ad", "").split())
            main = max(spans, key=lambda s: len(s["text"]))
            bold = bool(main["flags"] & 16) or "bold" in main["font"].lower()
            x0, y0, x1, y1 = line["bbox"]
            previous = lines[-1] if lines else None
            # Justified text can come out one word per "line": words on one baseline, close together, are one line.
            if previous and abs(previous.y0 - y0) < 2 and 0 <= x0 - previous.x1 < 3 * main["size"]:
                lines[-1] = replace(previous, text=f"{previous.text} {text}", x1=x1)
                continue
            lines.append(_Line(text, y0, y1, round(main["size"], 1), bold, x0, x1))
    return lines


def _is_toc_page(lines: list[_Line]) -> bool:
    if any(_TOC_TITLES.match(line.text) for line in lines[:5]):
        return True
    numbered = sum(1 for line in lines if _HEADING.match(line.text) or re.search(r"\.{4,}", line.text))
    return (len(lines) >= 6 and numbered / len(lines) > 0.6) or (len(lines) >= 2 and numbered == len(lines))


def _printed_label(page: pymupdf.Page, furniture: list[_Line]) -> str | None:
    """The PDF page label, else the number printed in the footer or header; None when neither exists."""
    label = page.get_label()
    if label:
        return str(label)
    for line in sorted(furniture, key=lambda ln: -ln.y0):  # footer first, then header
        match = _PAGE_NUMBER.match(line.text) or re.search(r"(?:^|\s|\|)(\d{1,4})$", line.text)
        if match:
            return match.group(1)
    return None


def _complete_labels(labels: list[str | None]) -> list[str]:
    """Unnumbered front matter (cover, contents) gets i, ii, iii; any other unnumbered page its physical number."""
    first_numbered = next((i for i, label in enumerate(labels) if label), len(labels))
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    return [
        label or (romans[i] if i < first_numbered and i < len(romans) else str(i + 1)) for i, label in enumerate(labels)
    ]


def _outline_headings(pdf: pymupdf.Document) -> list[tuple[int, str, str]]:
    """(physical page index, number, title) from the PDF outline."""
    headings = []
    for _level, title, page_no, *_ in pdf.get_toc(simple=False):
        title = " ".join(str(title).split())
        match = _HEADING.match(title)
        number, name = (match.group(1), match.group(2)) if match else ("", title)
        if page_no >= 1:
            headings.append((page_no - 1, number, name))
    return headings


def _body_size(pages: list[list[_Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _inside(line: _Line, boxes: list[pymupdf.Rect]) -> bool:
    middle = (line.y0 + line.y1) / 2
    return any(box.y0 - 1 <= middle <= box.y1 + 1 for box in boxes)


def _extract_tables(page: pymupdf.Page, lines: list[_Line]) -> list[tuple[pymupdf.Rect, Table]]:
    found: list[tuple[pymupdf.Rect, Table]] = []
    # Ruled tables only. PyMuPDF 2's layout-model gate (use_layout) costs ~0.25 s a page and found the same
    # 35 tables per edition of the sample report; the two-row, two-column minimum below filters stray boxes.
    for table in page.find_tables(use_layout=False).tables:
        # Cell text read by clipping: table.extract() drops spaces and shifts thousands separators here.
        rows = [
            [" ".join(page.get_text("text", clip=pymupdf.Rect(cell)).split()) if cell else "" for cell in row.cells]
            for row in table.rows
        ]
        rows = [row for row in rows if any(row)]
        if len(rows) < 2 or len(rows[0]) < 2:
            continue
        box = pymupdf.Rect(table.bbox)
        above = [ln for ln in lines if ln.y1 <= box.y0 + 1 and box.y0 - ln.y1 < 40]
        caption = next((ln.text for ln in reversed(above) if _CAPTION.match(ln.text)), "")
        found.append((box, Table(caption=caption, header=rows[0], rows=rows[1:])))
    return found


def _paragraphs(lines: list[_Line]) -> Iterator[list[_Line]]:
    group: list[_Line] = []
    for line in lines:
        # A paragraph ends at a vertical gap, or where the text jumps back up (the next column).
        gap = line.y0 - group[-1].y1 if group else 0.0
        if group and (gap > line.size * 0.5 or gap < -line.size):
            yield group
            group = []
        group.append(line)
    if group:
        yield group


def _join_lines(lines: list[_Line]) -> str:
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


def _load_pdf(path: Path) -> SourceDocument:
    pdf = _open_pdf(path)
    try:
        return _read_pdf(pdf, path)
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


def _read_scanned_pages(pdf: pymupdf.Document, all_lines: list[list[_Line]]) -> list[str]:
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
        all_lines[n] = _page_lines(page, textpage)
    return [f"{_page_list(scanned)} scanned: read by OCR (Tesseract); check figures against the page"]


def _read_pdf(pdf: pymupdf.Document, path: Path) -> SourceDocument:
    all_lines = [_page_lines(pdf[number]) for number in range(pdf.page_count)]
    notes = _read_scanned_pages(pdf, all_lines)
    if not any(all_lines):
        hint = "" if tessdata() else f"; {OCR_HINT}"
        raise DocumentError(str(path), f"the PDF has no text layer (scanned pages?){hint}")
    body_size = _body_size(all_lines)
    outline = _outline_headings(pdf)

    pages: list[tuple[str | None, list[_Line], list[tuple[pymupdf.Rect, Table]], bool]] = []
    furniture_text: list[str] = []
    for number, lines in enumerate(all_lines):
        page = pdf[number]
        height = page.rect.height
        furniture = [ln for ln in lines if ln.y1 < height * MARGIN_BAND or ln.y0 > height * (1 - MARGIN_BAND)]
        furniture_text += [ln.text for ln in furniture]
        body = [ln for ln in lines if ln not in furniture]
        tables = _extract_tables(page, body)
        pages.append((_printed_label(page, furniture), body, tables, _is_toc_page(body)))

    title = (pdf.metadata or {}).get("title") or path.stem
    edition = _edition_of(path, " ".join(ln.text for _, body, _, _ in pages[:6] for ln in body))
    document = SourceDocument(
        doc_id=document_id(path),
        path=path,
        title=title,
        edition=edition,
        kind="report",
        sha256=file_sha256(path),
        page_count=pdf.page_count,
        is_sample=any(_SAMPLE_MARK.search(text) for text in furniture_text),
        notes=notes,
    )

    outline_by_page: dict[int, list[tuple[str, str]]] = {}
    for page_index, heading_number, name in outline:
        outline_by_page.setdefault(page_index, []).append((heading_number, name))

    walker = _SectionWalker(document, bool(outline), body_size)
    labels = _complete_labels([label for label, _, _, _ in pages])
    for index, (_, body, tables, is_toc) in enumerate(pages):
        label = labels[index]
        if not is_toc:
            walker.read_page(index + 1, label, body, tables, outline_by_page.get(index, []))
    return document


class _SectionWalker:
    """Walks the body lines in reading order, tracking the current section, and emits blocks."""

    def __init__(self, document: SourceDocument, outline_present: bool, body_size: float) -> None:
        self.document = document
        self.outline_present = outline_present
        self.body_size = body_size
        self.section = ("", document.title)
        self.page = ("1", 1)
        self.prose: list[_Line] = []

    def read_page(
        self,
        physical: int,
        label: str,
        body: list[_Line],
        tables: list[tuple[pymupdf.Rect, Table]],
        expected_headings: list[tuple[str, str]],
    ) -> None:
        self.page = (label, physical)
        boxes = [box for box, _ in tables]
        pending = sorted(tables, key=lambda item: item[0].y0)
        for line in body:
            while pending and pending[0][0].y0 <= line.y0:
                self._add_table(pending.pop(0)[1])
            if _inside(line, boxes):
                continue
            heading = _match_heading(
                line, expected_headings, outline_present=self.outline_present, body_size=self.body_size
            )
            if heading:
                self._flush()
                self.section = heading
            else:
                self.prose.append(line)
        self._flush()
        for _box, table in pending:
            self._add_table(table)

    def _add_table(self, table: Table) -> None:
        self._flush()
        self.document.blocks.append(Block("table", render_table(table), *self.section, *self.page, table))

    def _flush(self) -> None:
        for paragraph in _paragraphs(self.prose):
            text = _join_lines(paragraph)
            if _CAPTION.match(text) and text.startswith(("Tableau", "Tabel", "Table")):
                continue  # a table caption: kept with its table
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


def _match_heading(
    line: _Line, expected: list[tuple[str, str]], *, outline_present: bool, body_size: float
) -> tuple[str, str] | None:
    """The (number, title) this line starts, from the outline if there is one, else from its numbering and font."""
    if outline_present:
        squeezed = line.text.replace(" ", "").lower()
        for number, name in expected:
            if squeezed == f"{number}{name}".replace(" ", "").lower() or squeezed == name.replace(" ", "").lower():
                expected.remove((number, name))
                return number, name
        return None
    match = _HEADING.match(line.text)
    if match and (line.size >= body_size + 1 or line.bold) and not line.text.rstrip().endswith((".", ",", ";")):
        return match.group(1), match.group(2)
    return None


def render_table(table: Table) -> str:
    """A table as text for indexing: the caption, then one line per row with its column headers."""
    lines = [table.caption] if table.caption else []
    for row in table.rows:
        cells = [f"{head}: {cell}" if head else cell for head, cell in zip(table.header[1:], row[1:], strict=False)]
        lines.append(f"{row[0]} | " + " | ".join(cells))
    return "\n".join(lines)
