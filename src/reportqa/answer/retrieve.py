"""Find the passages that answer a question: dense search in Chroma and BM25, fused by reciprocal rank,
preferring the asker's edition."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from reportqa.chunk import Chunk
from reportqa.config import Language
from reportqa.index import LoadedIndex
from reportqa.language.detect import edition_for
from reportqa.language.glossary import expand

RetrievalMode = Literal["dense", "bm25", "hybrid"]
# Reciprocal rank fusion constant (Cormack et al. use 60; haystack's joiner 61).
RRF_K = 60
# A passage from the other edition is ranked as if it came this many places lower in each list.
OTHER_EDITION_DROP = 3


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # cosine similarity of question and passage (the refusal threshold applies to it)
    rank_score: float  # the fused ranking score; only its order matters
    preferred: bool  # in the asker's edition (always true for English and German questions)


Ranking = list[tuple[str, float]]


def _dense(index: LoadedIndex, vector: list[float], k: int) -> Ranking:
    query = np.asarray([vector], dtype=np.float32)
    found = index.vectors.query(query_embeddings=query, n_results=k, include=["distances"])
    distances = found["distances"][0] if found["distances"] else []
    # The collection is built in cosine space: distance = 1 - cosine similarity.
    return [(chunk_id, 1.0 - distance) for chunk_id, distance in zip(found["ids"][0], distances, strict=True)]


def cosines(index: LoadedIndex, vector: list[float], ids: list[str]) -> dict[str, float]:
    """Cosine similarity of passages that only lexical search found (stored vectors, no re-embedding)."""
    if not ids:
        return {}
    stored = index.vectors.get(ids=ids, include=["embeddings"])
    matrix = np.asarray(stored["embeddings"], dtype=np.float32)
    return dict(zip(stored["ids"], (matrix @ np.asarray(vector, dtype=np.float32)).tolist(), strict=True))


def fuse(rankings: list[Ranking], drop: Callable[[str], int]) -> dict[str, float]:
    """Reciprocal rank fusion; `drop(id)` pushes a passage down each list (the other edition's)."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, (chunk_id, _score) in enumerate(ranking, 1):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + drop(chunk_id))
    return fused


def retrieve(
    index: LoadedIndex, question: str, language: Language, k: int = 10, mode: RetrievalMode = "hybrid"
) -> list[Hit]:
    """The k best passages, best first; unknown ids (an index being swapped) are skipped."""
    if not index.chunks:
        return []
    preferred = edition_for(language)
    question = expand(question)  # official terms in both editions' words
    vector = index.query_vector(question).tolist()
    pool = min(k * 2, len(index.chunks))
    dense = _dense(index, vector, pool) if mode != "bm25" else []
    lexical = index.lexical.search(question, pool) if mode != "dense" else []

    def is_preferred(chunk_id: str) -> bool:
        chunk = index.chunks.get(chunk_id)
        return preferred is None or (chunk is not None and chunk.edition == preferred)

    fused = fuse([r for r in (dense, lexical) if r], lambda i: 0 if is_preferred(i) else OTHER_EDITION_DROP)
    cosine = dict(dense)
    cosine.update(cosines(index, vector, [i for i in fused if i not in cosine and i in index.chunks]))
    hits = [
        Hit(index.chunks[i], cosine[i], score, is_preferred(i))
        for i, score in fused.items()
        if i in index.chunks and i in cosine
    ]
    hits.sort(key=lambda hit: hit.rank_score, reverse=True)
    return hits[:k]
