"""A live index in memory: its chunks, vectors, lexical index, facts and statement vectors, with the caches a
question reads (its vector, the sentences an answer weighs) and what is derived from the report's words."""

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import chromadb
import numpy as np

from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.embed import Embedder
from reportqa.index.figures import FactStore
from reportqa.index.lexical import LexicalIndex
from reportqa.index.manifest import Manifest
from reportqa.index.statements import StatementVectors, statement_text
from reportqa.language.glossary import alias_terms, compound_terms, glossary_terms, name_words

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
