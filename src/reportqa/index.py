"""The persisted index: Chroma vectors, the chunks, and a manifest, built aside and swapped in atomically.

Layout of index_dir:
    current -> builds/<build id>     a symlink, replaced in one rename when a build completes
    builds/<build id>/manifest.json  written last: a build without it is incomplete and ignored
    builds/<build id>/chunks.jsonl
    builds/<build id>/chroma/
    builds/<build id>/bm25/           the lexical index, one BM25 model per edition
    builds/<build id>/facts.sqlite    every figure of a table cell or sentence, for claims and the Figures view
    builds/<build id>/positions.sqlite  where each sentence and table cell stands on its page, for the viewer
    builds/<build id>/files/<sha256>.pdf   the documents as indexed, so citations open the file they came from
    builds/<build id>/idf.json        each edition's word weights (computing them was 0.03 s of every start)
    parsed/<sha256>-<reader version>.json   each PDF as read (pages, sections, tables), reused while it is unchanged
"""

import contextlib
import fcntl
import json
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings

from reportqa.chunk import CHUNKER_VERSION, Chunk, chunk_document
from reportqa.config import Edition, Settings
from reportqa.deployment import deployment_for
from reportqa.document import INGEST_VERSION, SourceDocument, file_sha256, source_files
from reportqa.embed import Embedder, make_embedder
from reportqa.errors import DocumentError, IndexBuildError
from reportqa.figures import FactStore, extract_facts, write_facts
from reportqa.glossary import alias_terms, compound_terms, glossary_terms, name_words, use_deployment
from reportqa.lexical import LexicalIndex
from reportqa.positions import locate, write_positions
from reportqa.snapshots import keep_files
from reportqa.statements import KEYS as STATEMENT_KEYS
from reportqa.statements import StatementVectors, statement_text, write_statement_vectors
from reportqa.text import TERMS_VERSION, inverse_document_frequencies

COLLECTION = "reportqa"
EMBED_BATCH = 32
QUERY_CACHE = 64  # question vectors kept (a follow-up and its rewrite are embedded once each)
# Sentence vectors kept: an answer that quotes prose weighs its best sentences themselves, and embedding three
# sentences costs more than the rest of the answer; the same sections' sentences come back question after question.
SENTENCE_CACHE = 4096  # 384 floats each: 6 MB
Progress = Callable[[str, float], None]


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


@dataclass
class LoadedIndex:
    manifest: Manifest
    chunks: dict[str, Chunk]
    # The passages' vectors, queried with Chroma's own client: langchain-chroma's wrapper costs 0.6 s of imports in
    # every process for two calls, a third of a one-shot `ask`.
    vectors: chromadb.Collection
    embedder: Embedder
    path: Path
    lexical: LexicalIndex
    facts: FactStore
    statements: StatementVectors
    # Per edition: how rare each stemmed term is, to weigh the words an answer shares with the question.
    idf: dict[str, dict[str, float]] = field(default_factory=dict)
    _queries: "VectorCache" = field(default_factory=lambda: VectorCache(QUERY_CACHE), repr=False)
    _sentences: "VectorCache" = field(default_factory=lambda: VectorCache(SENTENCE_CACHE), repr=False)
    _statement_texts: dict[str, str] = field(default_factory=dict, repr=False)
    _heading_terms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _compounds: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _compound_vocabularies: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _report_words: frozenset[str] | None = field(default=None, repr=False)
    _known_words: frozenset[str] | None = field(default=None, repr=False)

    def statement_text(self, key: str) -> str:
        """The text of a statement (a row with its cells, or a sentence), read once per index."""
        text = self._statement_texts.get(key)
        if text is None:
            chunk = self.chunks.get(key.rpartition(":")[0])
            text = statement_text(chunk, key) if chunk is not None else ""
            self._statement_texts[key] = text  # one str per key: a race writes the same value twice
        return text

    def heading_terms(self, edition: Edition) -> frozenset[str]:
        """The words of the edition's section headings and their other names ("CPAS" for "Centre public d'action
        sociale"): what the report's sections are about."""
        terms = self._heading_terms.get(edition)
        if terms is None:
            labels = {c.section_label for c in self.chunks.values() if c.edition == edition}
            terms = frozenset(t for label in labels for t in alias_terms(label, edition) if not t.isdigit())
            self._heading_terms[edition] = terms
        return terms

    def report_words(self) -> frozenset[str]:
        """The lowercase words of both editions: what a misspelt word of a question may be (`spelling.corrected`)."""
        if self._report_words is None:
            texts = (c.embedding_text().lower() for c in self.chunks.values())
            self._report_words = frozenset(w for text in texts for w in re.findall(r"\w+", text))
        return self._report_words

    def known_words(self) -> frozenset[str]:
        """The report's words and the glossary's: a question's other words may be misspelt."""
        if self._known_words is None:
            self._known_words = self.report_words() | name_words()  # a race builds the same set twice
        return self._known_words

    def compound_vocabulary(self, edition: Edition) -> frozenset[str]:
        """The words a Dutch compound's parts may be: the edition's own and the glossary's."""
        vocabulary = self._compound_vocabularies.get(edition)
        if vocabulary is None:
            vocabulary = frozenset(self.idf.get(edition, {})) | glossary_terms(edition)
            self._compound_vocabularies[edition] = vocabulary
        return vocabulary

    def caption_compounds(self, caption: str, edition: Edition) -> frozenset[str]:
        """The parts of a caption's Dutch compounds that are words of the edition ("Subsidieaanvragen": subsidie,
        aanvraag): a question's separate words name what a caption says in one. Kept per caption (the report's
        captions are few; a question's words are not kept)."""
        if edition != "nl":
            return frozenset()
        terms = self._compounds.get(caption)
        if terms is None:
            terms = compound_terms(caption, self.compound_vocabulary(edition))
            self._compounds[caption] = terms  # one frozenset per caption: a race writes the same value twice
        return terms

    def query_vector(self, text: str) -> np.ndarray:
        """The question's vector, embedded once per question (retrieval and figure matching both use it)."""
        vector = self._queries.get(text)
        if vector is None:
            vector = self._queries.put(text, self.embedder.embed_query(text))
        return vector

    def sentence_vectors(self, texts: list[str]) -> np.ndarray:
        """The passage vectors of these sentences, each embedded once per process (the missing ones in a batch)."""
        found = {text: self._sentences.get(text) for text in texts}
        missing = [text for text, vector in found.items() if vector is None]
        if missing:
            for text, vector in zip(missing, self.embedder.embed_passages(missing), strict=True):
                found[text] = self._sentences.put(text, vector)
        return np.asarray([found[text] for text in texts])


class VectorCache:
    """Vectors by text, the oldest forgotten past `size`. Safe across the server's worker threads: the cache is
    only changed under its lock."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._vectors)

    def get(self, text: str) -> np.ndarray | None:
        return self._vectors.get(text)

    def put(self, text: str, vector: np.ndarray) -> np.ndarray:
        with self._lock:
            while len(self._vectors) >= self.size:
                self._vectors.pop(next(iter(self._vectors)))
            self._vectors[text] = vector
        return vector


def _current(index_dir: Path) -> Path | None:
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


def _source_hashes(docs_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(docs_dir)): file_sha256(p) for p in source_files(docs_dir)}


def read_manifest(settings: Settings) -> Manifest | None:
    current = _current(settings.index_dir)
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
        or manifest.files != _source_hashes(settings.docs_dir)
        or manifest.embedder != settings.embeddings
        or manifest.chunker_version != CHUNKER_VERSION
        or manifest.terms_version != TERMS_VERSION
        or manifest.ingest_version != INGEST_VERSION
        or not (settings.index_dir / "current" / "positions.sqlite").is_file()  # a build made before the viewer
    )


def _client(path: Path) -> chromadb.ClientAPI:
    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))


def _vector_store(settings: Settings, build_dir: Path) -> tuple[chromadb.ClientAPI, str]:
    """Where a build's vectors live: in the build folder (in-process Chroma, the default), or on the Chroma server
    at REPORTQA_CHROMA_URL in a collection named after the build (so a rebuild never touches the live one)."""
    if not settings.chroma_url:
        return _client(build_dir / "chroma"), COLLECTION
    url = urlsplit(settings.chroma_url)
    client = chromadb.HttpClient(
        host=url.hostname or "127.0.0.1",
        port=url.port or (443 if url.scheme == "https" else 8000),
        ssl=url.scheme == "https",
        settings=ChromaSettings(anonymized_telemetry=False),
    )
    return client, f"{COLLECTION}-{build_dir.name}"


def _drop_vectors(settings: Settings, build_dir: Path) -> None:
    """Remove a discarded build's collection from the Chroma server (its folder holds everything else)."""
    if settings.chroma_url:
        client, name = _vector_store(settings, build_dir)
        with contextlib.suppress(Exception):  # already gone
            client.delete_collection(name)


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _previous_vectors(settings: Settings, embedder_id: str, ids: list[str]) -> dict[str, list[float]]:
    """Vectors of unchanged chunks from the live index, so a rebuild embeds only what is new."""
    current = _current(settings.index_dir)
    if current is None or not ids:
        return {}
    try:
        if Manifest.read(current / "manifest.json").embedder_id != embedder_id:
            return {}  # never mix vectors from two embedders
        client, name = _vector_store(settings, current)
        collection = client.get_collection(name)
        found = collection.get(ids=ids, include=["embeddings"])
    except Exception:
        return {}
    embeddings = found["embeddings"] if found["embeddings"] is not None else []
    return {i: list(map(float, v)) for i, v in zip(found["ids"], embeddings, strict=True)}


def _previous_statements(settings: Settings, embedder_id: str) -> StatementVectors | None:
    current = _current(settings.index_dir)
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


def build_index(settings: Settings, progress: Progress | None = None) -> Manifest:
    """Read docs_dir, chunk, embed and write a new index; the live one keeps serving until the swap."""
    report = progress or (lambda message, fraction: None)
    started = time.perf_counter()
    from reportqa.ingest import load_document  # the PDF reader (and its layout model) only when building

    with _build_lock(settings.index_dir):
        embedder = make_embedder(settings.embeddings)
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

        previous = read_manifest(settings)
        if not documents and previous is not None and previous.documents:
            problems = "; ".join(errors) or f"{settings.docs_dir} has no PDF or Markdown file"
            raise IndexBuildError(f"No readable document ({problems}); the previous index is kept")
        chunks = [chunk for document in documents for chunk in chunk_document(document)]
        build_dir = settings.index_dir / "builds" / f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        build_dir.mkdir(parents=True)
        try:
            embedded = _write_vectors(settings, embedder, chunks, build_dir, report)
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
            (build_dir / "idf.json").write_text(json.dumps(_word_weights(chunks)), encoding="utf-8")
            manifest = Manifest(
                files={str(p.relative_to(settings.docs_dir)): file_sha256(p) for p in files},
                embedder=settings.embeddings,
                embedder_id=embedder.embedder_id,
                chunker_version=CHUNKER_VERSION,
                terms_version=TERMS_VERSION,
                ingest_version=INGEST_VERSION,
                documents=[_describe(d, chunks, settings.docs_dir) for d in documents],
                errors=errors,
                chunks=len(chunks),
                pages=sum(d.page_count for d in documents),
                tables=sum(1 for c in chunks if c.kind == "table"),
                embedded=embedded,
                seconds=round(time.perf_counter() - started, 2),
                built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            )
            (build_dir / "manifest.json").write_text(
                json.dumps(asdict(manifest), ensure_ascii=False, indent=1), encoding="utf-8"
            )
        except Exception as error:
            _drop_vectors(settings, build_dir)
            shutil.rmtree(build_dir, ignore_errors=True)
            raise IndexBuildError(f"The index build failed, the previous index is kept: {error}") from error
        _swap(settings, build_dir)
        report("Index ready", 1.0)
        return manifest


def _write_vectors(
    settings: Settings, embedder: Embedder, chunks: list[Chunk], build_dir: Path, report: Progress
) -> int:
    client, name = _vector_store(settings, build_dir)
    collection = client.create_collection(name, configuration={"hnsw": {"space": "cosine"}})
    reused = _previous_vectors(settings, embedder.embedder_id, [c.chunk_id for c in chunks])
    fresh = [c for c in chunks if c.chunk_id not in reused]
    vectors = dict(reused)
    for start in range(0, len(fresh), EMBED_BATCH):
        batch = fresh[start : start + EMBED_BATCH]
        report(f"Embedding {start + len(batch)}/{len(fresh)} passages", 0.3 + 0.65 * start / len(fresh))
        for chunk, vector in zip(batch, embedder.embed_passages([c.embedding_text() for c in batch]), strict=True):
            vectors[chunk.chunk_id] = vector.tolist()
    for start in range(0, len(chunks), 1000):
        batch = chunks[start : start + 1000]
        collection.add(
            ids=[c.chunk_id for c in batch],
            embeddings=[vectors[c.chunk_id] for c in batch],  # type: ignore[arg-type]
            documents=[c.embedding_text() for c in batch],
            metadatas=[c.metadata() for c in batch],  # type: ignore[arg-type]
        )
    return len(fresh)


def _positions(documents: list[SourceDocument], chunks: list[Chunk]) -> list[tuple[str, str, str]]:
    """Every PDF passage's sentences and cells placed on its page (positions.py), each PDF opened once."""
    rows = []
    for document in documents:
        if document.path.suffix.lower() == ".pdf":
            rows += locate(document.path, [c for c in chunks if c.doc_id == document.doc_id])
    return rows


def _describe(document: SourceDocument, chunks: list[Chunk], docs_dir: Path) -> DocumentInfo:
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


def _swap(settings: Settings, build_dir: Path) -> None:
    index_dir = settings.index_dir
    link = index_dir / "current"
    temporary = index_dir / f".current-{uuid.uuid4().hex[:6]}"
    temporary.symlink_to(build_dir.relative_to(index_dir))
    previous = link.resolve() if link.exists() else None
    os.replace(temporary, link)  # atomic: readers see the old build or the new one, never a mix
    # Keep the build just replaced (a running app may still read it); remove anything older.
    for old in (index_dir / "builds").iterdir():
        if old not in (build_dir, previous):
            _drop_vectors(settings, old)
            shutil.rmtree(old, ignore_errors=True)


def open_index(settings: Settings) -> LoadedIndex:
    """The live index; IndexBuildError when there is none or it is damaged (half-written, parts missing)."""
    current = _current(settings.index_dir)
    if current is None:
        raise IndexBuildError(f"No index in {settings.index_dir}; run `reportqa ingest` first")
    use_deployment(deployment_for(settings))  # the subject's terms, from the file beside the documents
    try:
        index = _load(settings, current)
    except Exception as error:  # any unreadable part (JSON, SQLite, Chroma, BM25 files) means a damaged index
        raise IndexBuildError(f"The index in {current} is damaged ({type(error).__name__}: {error})") from None
    return index


def _load(settings: Settings, current: Path) -> LoadedIndex:
    manifest = Manifest.read(current / "manifest.json")
    with open(current / "chunks.jsonl", encoding="utf-8") as lines:
        chunks = {c.chunk_id: c for c in map(Chunk.from_json, lines)}
    embedder = make_embedder(settings.embeddings)
    client, name = _vector_store(settings, current)
    vectors = client.get_collection(name)  # raises when the collection is missing: a damaged index, not an empty one
    if (stored := vectors.count()) != manifest.chunks:
        raise ValueError(f"{stored} vectors for {manifest.chunks} chunks")
    weights = current / "idf.json"  # absent from builds made before it was written
    idf = json.loads(weights.read_text("utf-8")) if weights.is_file() else _word_weights(list(chunks.values()))
    return LoadedIndex(
        manifest=manifest,
        chunks=chunks,
        vectors=vectors,
        embedder=embedder,
        path=current,
        lexical=LexicalIndex.load(current / "bm25"),
        facts=FactStore(current / "facts.sqlite"),
        statements=StatementVectors.load(current),
        idf=idf,
    )


def _word_weights(chunks: list[Chunk]) -> dict[str, dict[str, float]]:
    return {
        edition: inverse_document_frequencies([c.embedding_text() for c in chunks if c.edition == edition], edition)
        for edition in ("fr", "nl")
    }


def ensure_index(settings: Settings, progress: Progress | None = None) -> LoadedIndex:
    """Open the index, building it first when it is missing, damaged or stale."""
    if not is_stale(settings):
        try:
            return open_index(settings)
        except IndexBuildError:
            pass  # damaged: rebuilt below
    build_index(settings, progress)
    return open_index(settings)
