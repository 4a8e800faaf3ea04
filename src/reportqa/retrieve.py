"""Find the passages that answer a question: dense search in Chroma, preferring the asker's edition."""

from dataclasses import dataclass

from reportqa.chunk import Chunk
from reportqa.config import Language
from reportqa.index import LoadedIndex
from reportqa.lang import edition_for

# A passage from the other edition must beat the asker's edition by this much to rank above it.
OTHER_EDITION_PENALTY = 0.02


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # cosine similarity of question and passage, before the edition preference
    rank_score: float


def retrieve(index: LoadedIndex, question: str, language: Language, k: int = 8) -> list[Hit]:
    """The k best passages, best first; unknown ids (an index being swapped) are skipped."""
    if not index.chunks:
        return []
    vector = index.embedder.embed_query(question).tolist()
    # langchain-chroma returns cosine distances here (lower is closer).
    found = index.store.similarity_search_by_vector_with_relevance_scores(vector, k=min(k * 2, len(index.chunks)))
    preferred = edition_for(language)
    hits = []
    for document, distance in found:
        score = 1.0 - distance
        chunk = index.chunks.get(str(document.id))
        if chunk is None:
            continue
        penalty = OTHER_EDITION_PENALTY if preferred and chunk.edition != preferred else 0.0
        hits.append(Hit(chunk=chunk, score=float(score), rank_score=float(score) - penalty))
    hits.sort(key=lambda hit: hit.rank_score, reverse=True)
    return hits[:k]
