"""Opening the live build; a missing or damaged one is an IndexBuildError (and `ensure_index` rebuilds it)."""

import json
from pathlib import Path

from reportqa.chunk import Chunk
from reportqa.config import Settings
from reportqa.deployment import deployment_for
from reportqa.embed import make_embedder
from reportqa.errors import IndexBuildError
from reportqa.index.build import build_index, word_weights
from reportqa.index.figures import FactStore
from reportqa.index.lexical import LexicalIndex
from reportqa.index.loaded import LoadedIndex
from reportqa.index.manifest import Manifest, current_build, is_stale
from reportqa.index.progress import Progress
from reportqa.index.statements import StatementVectors
from reportqa.index.vectors import PassageVectors
from reportqa.language.glossary import use_deployment


def open_index(settings: Settings, vectors_later: bool = False) -> LoadedIndex:
    """The live index; IndexBuildError when there is none or it is damaged (half-written, parts missing).
    `vectors_later`: Chroma is opened at the first question or by `index.vectors.open()`, not now."""
    current = current_build(settings.index_dir)
    if current is None:
        raise IndexBuildError(f"No index in {settings.index_dir}; run `reportqa ingest` first")
    use_deployment(deployment_for(settings))  # the subject's terms, from the file beside the documents
    try:
        index = _load(settings, current, vectors_later)
    except Exception as error:  # any unreadable part (JSON, SQLite, Chroma, BM25 files) means a damaged index
        raise IndexBuildError(f"The index in {current} is damaged ({type(error).__name__}: {error})") from None
    return index


def _load(settings: Settings, current: Path, vectors_later: bool = False) -> LoadedIndex:
    manifest = Manifest.read(current / "manifest.json")
    with open(current / "chunks.jsonl", encoding="utf-8") as lines:
        chunks = {c.chunk_id: c for c in map(Chunk.from_json, lines)}
    embedder = make_embedder(settings.embeddings)
    vectors = PassageVectors(settings, current, manifest.chunks)
    if not vectors_later:
        vectors.open()
    elif not settings.chroma_url and not (current / "chroma" / "chroma.sqlite3").is_file():
        raise FileNotFoundError(f"{current / 'chroma'} is missing")
    weights = current / "idf.json"  # absent from builds made before it was written
    idf = json.loads(weights.read_text("utf-8")) if weights.is_file() else word_weights(list(chunks.values()))
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


def ensure_index(settings: Settings, progress: Progress | None = None) -> LoadedIndex:
    """Open the index, building it first when it is missing, damaged or stale."""
    if not is_stale(settings):
        try:
            return open_index(settings)
        except IndexBuildError:
            pass  # damaged: rebuilt below
    build_index(settings, progress)
    return open_index(settings)
