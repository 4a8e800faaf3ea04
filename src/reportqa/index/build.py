"""Building a new index from docs/: read, chunk, embed, write every part into a build folder aside, then swap it in.
The live index keeps serving until the swap; one build at a time per index folder."""

import fcntl
import json
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from reportqa.chunk import CHUNKER_VERSION, Chunk, chunk_document
from reportqa.config import Settings
from reportqa.document import INGEST_VERSION, SourceDocument, file_sha256, source_files
from reportqa.embed import Embedder, make_embedder
from reportqa.errors import DocumentError, IndexBuildError
from reportqa.index.figures import extract_facts, write_facts
from reportqa.index.lexical import LexicalIndex
from reportqa.index.manifest import Manifest, current_build, describe, read_manifest
from reportqa.index.progress import Progress
from reportqa.index.statements import StatementVectors, write_statement_vectors
from reportqa.index.swap import swap
from reportqa.index.vectors import drop_vectors, write_vectors
from reportqa.language.terms import TERMS_VERSION, inverse_document_frequencies
from reportqa.positions import locate, write_positions
from reportqa.snapshots import keep_files


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _previous_statements(settings: Settings, embedder_id: str) -> StatementVectors | None:
    current = current_build(settings.index_dir)
    try:
        if current is None or Manifest.read(current / "manifest.json").embedder_id != embedder_id:
            return None
        return StatementVectors.load(current)
    except Exception:  # an unreadable live index: every row is embedded afresh
        return None


def _drop_stale_parses(cache: Path, keep: list[str]) -> None:
    """Parses of documents no longer in docs/ (or of an older reader) are removed."""
    if not cache.is_dir():
        return
    for entry in cache.glob("*.json"):
        if entry.name.split("-", 1)[0] not in keep or not entry.name.endswith(f"-{INGEST_VERSION}.json"):
            entry.unlink(missing_ok=True)


@dataclass(frozen=True)
class ReadDocuments:
    """What docs/ held: its files, the documents read from them, and why the others could not be read."""

    files: list[Path]
    documents: list[SourceDocument]
    errors: list[str]


def build_index(settings: Settings, progress: Progress | None = None) -> Manifest:
    """Read docs_dir, chunk, embed and write a new index; the live one keeps serving until the swap."""
    report = progress or (lambda message, fraction: None)
    started = time.perf_counter()
    with _build_lock(settings.index_dir):
        embedder = make_embedder(settings.embeddings)
        read = _read_documents(settings, report)
        previous = read_manifest(settings)
        if not read.documents and previous is not None and previous.documents:
            problems = "; ".join(read.errors) or f"{settings.docs_dir} has no PDF or Markdown file"
            raise IndexBuildError(f"No readable document ({problems}); the previous index is kept")
        chunks = [chunk for document in read.documents for chunk in chunk_document(document)]
        build_dir = settings.index_dir / "builds" / f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        build_dir.mkdir(parents=True)
        try:
            embedded = _write_parts(settings, embedder, read.documents, chunks, build_dir, report)
            manifest = _manifest(settings, embedder, read, chunks, embedded, started)
            (build_dir / "manifest.json").write_text(
                json.dumps(asdict(manifest), ensure_ascii=False, indent=1), encoding="utf-8"
            )
        except Exception as error:
            drop_vectors(settings, build_dir)
            shutil.rmtree(build_dir, ignore_errors=True)
            raise IndexBuildError(f"The index build failed, the previous index is kept: {error}") from error
        swap(settings, build_dir)
        report("Index ready", 1.0)
        return manifest


def _read_documents(settings: Settings, report: Progress) -> ReadDocuments:
    """Every PDF and Markdown file of docs/, read (a parse is reused while its file is unchanged)."""
    from reportqa.ingest import load_document  # the PDF reader (and its layout model) only when building

    documents: list[SourceDocument] = []
    errors: list[str] = []
    files = source_files(settings.docs_dir)
    for number, path in enumerate(files):
        report(f"Reading {path.name}", 0.3 * number / max(len(files), 1))

        def page_read(done: int, total: int, path: Path = path, number: int = number) -> None:
            share = (number + done / total) / max(len(files), 1)
            report(f"Reading {path.name}: page {done}/{total}", 0.3 * share)

        try:
            documents.append(load_document(path, settings.parse_cache, page_read))
        except DocumentError as error:
            errors.append(str(error))
    if settings.parse_cache_dir is None:  # the cache is this index's own: keep only what docs/ holds
        _drop_stale_parses(settings.parse_cache, [d.sha256 for d in documents])
    return ReadDocuments(files, documents, errors)


def _write_parts(
    settings: Settings,
    embedder: Embedder,
    documents: list[SourceDocument],
    chunks: list[Chunk],
    build_dir: Path,
    report: Progress,
) -> int:
    """Every part of a build but its manifest; returns how many passages were embedded afresh."""
    embedded = write_vectors(settings, embedder, chunks, build_dir, report)
    write_statement_vectors(
        embedder,
        chunks,
        build_dir,
        _previous_statements(settings, embedder.embedder_id),
        lambda done, total: report(f"Embedding figures' rows and sentences {done}/{total}", 0.95),
    )
    LexicalIndex.build(chunks, build_dir / "bm25")
    write_facts(extract_facts(chunks), build_dir / "facts.sqlite")
    report("Placing sentences and table cells on their pages", 0.97)
    write_positions(_positions(documents, chunks), build_dir / "positions.sqlite")
    current = settings.index_dir / "current"
    keep_files(documents, build_dir, current.resolve() if current.exists() else None)
    with open(build_dir / "chunks.jsonl", "w", encoding="utf-8") as out:
        out.writelines(chunk.to_json() + "\n" for chunk in chunks)
    (build_dir / "idf.json").write_text(json.dumps(word_weights(chunks)), encoding="utf-8")
    return embedded


def _manifest(
    settings: Settings, embedder: Embedder, read: ReadDocuments, chunks: list[Chunk], embedded: int, started: float
) -> Manifest:
    return Manifest(
        files={str(p.relative_to(settings.docs_dir)): file_sha256(p) for p in read.files},
        embedder=settings.embeddings,
        embedder_id=embedder.embedder_id,
        chunker_version=CHUNKER_VERSION,
        terms_version=TERMS_VERSION,
        ingest_version=INGEST_VERSION,
        documents=[describe(d, chunks, settings.docs_dir) for d in read.documents],
        errors=read.errors,
        chunks=len(chunks),
        pages=sum(d.page_count for d in read.documents),
        tables=sum(1 for c in chunks if c.kind == "table"),
        embedded=embedded,
        seconds=round(time.perf_counter() - started, 2),
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )


def _positions(documents: list[SourceDocument], chunks: list[Chunk]) -> list[tuple[str, str, str]]:
    """Every PDF passage's sentences and cells placed on its page (positions.py), each PDF opened once."""
    rows = []
    for document in documents:
        if document.path.suffix.lower() == ".pdf":
            rows += locate(document.path, [c for c in chunks if c.doc_id == document.doc_id])
    return rows


def word_weights(chunks: list[Chunk]) -> dict[str, dict[str, float]]:
    return {
        edition: inverse_document_frequencies([c.embedding_text() for c in chunks if c.edition == edition], edition)
        for edition in ("fr", "nl")
    }
