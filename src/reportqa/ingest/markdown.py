"""Markdown announcements: optional front matter (title, language, kind, english_title), `#` headings, paragraphs."""

import re
from pathlib import Path

from reportqa.document import Block, DocumentKind, SourceDocument, document_id, file_sha256
from reportqa.errors import DocumentError
from reportqa.ingest.headings import HEADING
from reportqa.language.detect import detect_language


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


def load_markdown(path: Path) -> SourceDocument:
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
            numbered = HEADING.match(heading.group(1))
            number, section_title = (numbered.group(1), numbered.group(2)) if numbered else ("", heading.group(1))
            continue
        document.blocks.append(Block("prose", paragraph, number, section_title, "1", 1))
    return document
