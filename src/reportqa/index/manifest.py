"""What a build holds and was made from (manifest.json), which build is live, and whether it is stale."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from reportqa.chunk import CHUNKER_VERSION, Chunk
from reportqa.config import Settings
from reportqa.document import INGEST_VERSION, SourceDocument, file_sha256, source_files
from reportqa.index.statements import KEYS as STATEMENT_KEYS
from reportqa.language.terms import TERMS_VERSION


@dataclass
class DocumentInfo:
    doc_id: str
    title: str
    edition: str
    kind: str
    file: str
    pages: int
    chunks: int
    tables: int
    is_sample: bool = False
    english_title: str = ""
    notes: list[str] = field(default_factory=list)
    sha256: str = ""  # the file indexed, kept in the build as files/<sha256><suffix> (snapshots.py)


@dataclass
class Manifest:
    files: dict[str, str]
    embedder: str
    embedder_id: str
    chunker_version: str
    terms_version: str = ""  # how words were stemmed for the lexical index (text.TERMS_VERSION)
    ingest_version: str = ""  # how the PDFs were read (document.INGEST_VERSION)
    documents: list[DocumentInfo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    chunks: int = 0
    pages: int = 0
    tables: int = 0
    embedded: int = 0
    seconds: float = 0.0
    built_at: str = ""

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        data = json.loads(path.read_text(encoding="utf-8"))
        data["documents"] = [DocumentInfo(**d) for d in data.get("documents", [])]
        return cls(**data)

    def has_report(self) -> bool:
        return any(d.kind == "report" for d in self.documents)


def current_build(index_dir: Path) -> Path | None:
    link = index_dir / "current"
    if not link.exists():
        return None
    target = link.resolve()
    required = (
        target / "manifest.json",
        target / "chunks.jsonl",
        target / "bm25" / "ids.json",
        target / "facts.sqlite",
        target / STATEMENT_KEYS,
    )
    if not all(path.is_file() for path in required):
        return None  # damaged or half-written: treated as missing, so it is rebuilt
    return target


def source_hashes(docs_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(docs_dir)): file_sha256(p) for p in source_files(docs_dir)}


def read_manifest(settings: Settings) -> Manifest | None:
    current = current_build(settings.index_dir)
    if current is None:
        return None
    try:
        return Manifest.read(current / "manifest.json")
    except (ValueError, TypeError, KeyError):
        return None


def is_stale(settings: Settings) -> bool:
    """True when the index is missing, damaged, or built from other files, embedder, reader, chunker or stems."""
    manifest = read_manifest(settings)
    return (
        manifest is None
        or manifest.files != source_hashes(settings.docs_dir)
        or manifest.embedder != settings.embeddings
        or manifest.chunker_version != CHUNKER_VERSION
        or manifest.terms_version != TERMS_VERSION
        or manifest.ingest_version != INGEST_VERSION
        or not (settings.index_dir / "current" / "positions.sqlite").is_file()  # a build made before the viewer
    )


def describe(document: SourceDocument, chunks: list[Chunk], docs_dir: Path) -> DocumentInfo:
    own = [c for c in chunks if c.doc_id == document.doc_id]
    return DocumentInfo(
        doc_id=document.doc_id,
        title=document.title,
        edition=document.edition,
        kind=document.kind,
        file=str(document.path.relative_to(docs_dir)),
        pages=document.page_count,
        chunks=len(own),
        tables=sum(1 for c in own if c.kind == "table"),
        is_sample=document.is_sample,
        english_title=document.english_title,
        notes=document.notes,
        sha256=document.sha256,
    )
