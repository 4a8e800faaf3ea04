"""Read source documents (report PDFs, Markdown announcements) into pages, sections, prose, tables, footnotes
and charts.

PDF pages are read through the layout engine (`layout`); what it does not do is here: printed page labels
(`pagelabels`), sections from the outline or numbered headings (`headings`, `sections`), footnotes set apart, and
the cache of parsed documents by content hash. `markdown` reads the announcements, `pdf` the report.
"""

from pathlib import Path

from reportqa.document import (
    INGEST_VERSION,
    Block,
    PageProgress,
    SourceDocument,
    Table,
    document_id,
    file_sha256,
    source_files,
)
from reportqa.errors import DocumentError
from reportqa.ingest.markdown import load_markdown
from reportqa.ingest.pdf import load_pdf, tessdata

__all__ = ["Block", "SourceDocument", "Table", "load_document", "source_files", "file_sha256", "tessdata"]


def load_document(path: Path, cache_dir: Path | None = None, progress: PageProgress | None = None) -> SourceDocument:
    """Read one file; raises DocumentError with a message naming the file and the problem.

    With cache_dir, a PDF already parsed (same content, same reader version) is not parsed again.
    """
    if path.stat().st_size == 0:
        raise DocumentError(str(path), "the file is empty")
    if path.suffix.lower() != ".pdf":
        return load_markdown(path)
    cached = cache_dir / f"{file_sha256(path)}-{INGEST_VERSION}.json" if cache_dir else None
    if cached is not None and cached.is_file():
        try:
            document = SourceDocument.from_json(cached.read_text(encoding="utf-8"), path)
            document.doc_id = document_id(path)
            return document
        except (ValueError, TypeError, KeyError):
            cached.unlink(missing_ok=True)  # unreadable cache entry: parse again
    document = load_pdf(path, progress)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_text(document.to_json(), encoding="utf-8")
        partial.replace(cached)
    return document
