"""Report PDFs: pages read by the layout engine, scanned pages by OCR when Tesseract is there, running headers and
footers set apart, printed page labels, the edition, then the sections walked page by page."""

import re
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pymupdf

from reportqa.config import Edition
from reportqa.document import PageProgress, SourceDocument, document_id, file_sha256
from reportqa.errors import DocumentError
from reportqa.ingest.headings import is_toc_page, outline_entries
from reportqa.ingest.layout import Line, PageItem, page_lines, read_pages, upright
from reportqa.ingest.pagelabels import is_running, printed_labels, running_lines
from reportqa.ingest.sections import NOTE_START, SectionWalker
from reportqa.language.detect import detect_language

_SAMPLE_MARK = re.compile(r"fictif|fictie|fictitious", re.I)
OCR_LANGUAGES = "fra+nld"
OCR_DPI = 300
OCR_HINT = "to read them, install Tesseract: apt install tesseract-ocr tesseract-ocr-fra tesseract-ocr-nld"


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


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _edition_of(path: Path, sample_text: str) -> Edition:
    name = path.stem.lower()
    if re.search(r"(^|[_\-. ])(fr|french|francais)($|[_\-. ])", name):
        return "fr"
    if re.search(r"(^|[_\-. ])(nl|dutch|nederlands)($|[_\-. ])", name):
        return "nl"
    language = detect_language(sample_text[:3000], fallback="fr")
    return "nl" if language == "nl" else "fr"


def load_pdf(path: Path, progress: PageProgress | None) -> SourceDocument:
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
        footnotes = [ln for ln in structure.furniture if not is_running(ln, running) and NOTE_START.match(ln.text)]
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
    outline = outline_entries(pdf)
    walker = SectionWalker(document, outline, _body_size(body_lines))
    for index, body in enumerate(bodies):
        if not is_toc_page(body_lines[index]):
            walker.read_page(index, labels[index], body)
    return document
