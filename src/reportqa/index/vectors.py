"""The passages' vectors in Chroma: in the build folder (in-process, the default) or on a Chroma server kept on a
private network (REPORTQA_CHROMA_URL); vectors of unchanged passages are taken from the live build."""

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from reportqa.chunk import Chunk
from reportqa.config import Settings
from reportqa.embed import Embedder
from reportqa.index.manifest import Manifest, current_build
from reportqa.index.progress import Progress

if TYPE_CHECKING:
    import chromadb

COLLECTION = "reportqa"
EMBED_BATCH = 32


def vector_store(settings: Settings, build_dir: Path) -> "tuple[chromadb.ClientAPI, str]":
    """Where a build's vectors live: in the build folder (in-process Chroma, the default), or on the Chroma server
    at REPORTQA_CHROMA_URL in a collection named after the build (so a rebuild never touches the live one)."""
    import chromadb  # here, not at the top: a web app serves its chat before it needs Chroma (PassageVectors)
    from chromadb.config import Settings as ChromaSettings

    if not settings.chroma_url:
        local = build_dir / "chroma"
        return chromadb.PersistentClient(
            path=str(local), settings=ChromaSettings(anonymized_telemetry=False)
        ), COLLECTION
    url = urlsplit(settings.chroma_url)
    client = chromadb.HttpClient(
        host=url.hostname or "127.0.0.1",
        port=url.port or (443 if url.scheme == "https" else 8000),
        ssl=url.scheme == "https",
        settings=ChromaSettings(anonymized_telemetry=False),
    )
    return client, f"{COLLECTION}-{build_dir.name}"


class PassageVectors:
    """A build's Chroma collection, opened and checked against the build (one vector per chunk) at its first use or
    by `open()` ahead of it. Opening it imports chromadb (0.55 s of CPU): the web app opens it once its chat is
    served, where opening it first would make the chat wait; the CLI opens it with the index."""

    def __init__(self, settings: Settings, build_dir: Path, chunks: int) -> None:
        self.settings, self.build_dir, self.chunks = settings, build_dir, chunks
        self._collection: chromadb.Collection | None = None
        self._lock = threading.Lock()

    def open(self) -> "chromadb.Collection":
        """The collection; raises when it is missing or holds another number of vectors (a damaged index)."""
        with self._lock:
            if self._collection is None:
                client, name = vector_store(self.settings, self.build_dir)
                collection = client.get_collection(name)  # raises when missing: a damaged index, not an empty one
                if (stored := collection.count()) != self.chunks:
                    raise ValueError(f"{stored} vectors for {self.chunks} chunks")
                self._collection = collection
            return self._collection

    @property
    def name(self) -> str:
        return self.open().name

    def count(self) -> int:
        return self.open().count()

    def query(self, **query: Any) -> Any:
        return self.open().query(**query)

    def get(self, **query: Any) -> Any:
        return self.open().get(**query)


def drop_vectors(settings: Settings, build_dir: Path) -> None:
    """Remove a discarded build's collection from the Chroma server (its folder holds everything else)."""
    if settings.chroma_url:
        client, name = vector_store(settings, build_dir)
        with contextlib.suppress(Exception):  # already gone
            client.delete_collection(name)


def _previous_vectors(settings: Settings, embedder_id: str, ids: list[str]) -> dict[str, list[float]]:
    """Vectors of unchanged chunks from the live index, so a rebuild embeds only what is new."""
    current = current_build(settings.index_dir)
    if current is None or not ids:
        return {}
    try:
        if Manifest.read(current / "manifest.json").embedder_id != embedder_id:
            return {}  # never mix vectors from two embedders
        client, name = vector_store(settings, current)
        collection = client.get_collection(name)
        found = collection.get(ids=ids, include=["embeddings"])
    except Exception:
        return {}
    embeddings = found["embeddings"] if found["embeddings"] is not None else []
    return {i: list(map(float, v)) for i, v in zip(found["ids"], embeddings, strict=True)}


def write_vectors(
    settings: Settings, embedder: Embedder, chunks: list[Chunk], build_dir: Path, report: Progress
) -> int:
    client, name = vector_store(settings, build_dir)
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
