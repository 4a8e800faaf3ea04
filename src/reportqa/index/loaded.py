"""A live index in memory: its chunks, vectors, lexical index, facts and statement vectors, with the caches a
question reads (its vector, the sentences an answer weighs); what the report's words teach the language side is
its `vocabulary`."""

import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from reportqa.chunk import Chunk
from reportqa.embed import Embedder
from reportqa.index.figures import FactStore
from reportqa.index.lexical import LexicalIndex
from reportqa.index.manifest import Manifest
from reportqa.index.statements import StatementVectors, statement_text
from reportqa.index.vectors import PassageVectors
from reportqa.language.vocabulary import ReportVocabulary

QUERY_CACHE = 64  # question vectors kept (a follow-up and its rewrite are embedded once each)
# Sentence vectors kept: an answer that quotes prose weighs its best sentences themselves, and embedding three
# sentences costs more than the rest of the answer; the same sections' sentences come back question after question.
SENTENCE_CACHE = 4096  # 384 floats each: 6 MB


@dataclass
class LoadedIndex:
    manifest: Manifest
    chunks: dict[str, Chunk]
    # The passages' vectors, queried with Chroma's own client: langchain-chroma's wrapper costs 0.6 s of imports in
    # every process for two calls, a third of a one-shot `ask`.
    vectors: PassageVectors
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
    # What the language side reads from the report's words (headings, compounds, words a misspelling may be).
    vocabulary: ReportVocabulary = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.vocabulary = ReportVocabulary(self.chunks, self.idf)

    def statement_text(self, key: str) -> str:
        """The text of a statement (a row with its cells, or a sentence), read once per index."""
        text = self._statement_texts.get(key)
        if text is None:
            chunk = self.chunks.get(key.rpartition(":")[0])
            text = statement_text(chunk, key) if chunk is not None else ""
            self._statement_texts[key] = text  # one str per key: a race writes the same value twice
        return text

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
