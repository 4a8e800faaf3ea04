"""What a source document becomes once read: its blocks (paragraphs, tables, footnotes, charts) placed in their
section and on their printed page. Plain data, with no PDF library behind it, so that answering never loads one."""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from reportqa.config import Edition

BlockKind = Literal["prose", "table", "footnote", "chart"]
DocumentKind = Literal["report", "announcement"]
# Bumped whenever reading changes what a document becomes, so cached parses are not reused across versions.
# 2: rows of years alone are not data; 3: footnote markers kept out of table cells; 4: headers set on several lines,
# wrapped captions whole, no control characters, cells of two figures split
INGEST_VERSION = "layout-4"
PageProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    source: str = ""


@dataclass(frozen=True)
class Block:
    """A paragraph, a table, a footnote or a chart's caption, placed in its section and on its page."""

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

    def to_json(self) -> str:
        data = asdict(self)
        data["path"] = str(self.path)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, path: Path) -> "SourceDocument":
        data = json.loads(text)
        data["path"] = path
        data["blocks"] = [
            Block(**{**b, "table": Table(**b["table"]) if b.get("table") else None}) for b in data["blocks"]
        ]
        return cls(**data)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_id(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"


def source_files(docs_dir: Path) -> list[Path]:
    """Every PDF and Markdown file under docs_dir that reportqa reads, in a stable order."""
    if not docs_dir.is_dir():
        return []
    return sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.suffix.lower() in (".pdf", ".md"))
