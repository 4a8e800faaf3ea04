"""Lexical search: BM25 per edition over stemmed words and normalised numbers, saved beside Chroma.

bm25s builds the index and saves it as each word's precomputed scores (a sparse matrix, one column per word). A
question's scores are the sum of its words' columns, read here with numpy alone: importing bm25s pulls in scipy,
a tenth of a one-shot `ask`, for a sum.
"""

import json
from pathlib import Path
from typing import NamedTuple

import numpy as np

from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.language.terms import tokens

EDITIONS: tuple[Edition, ...] = ("fr", "nl")


class WordScores(NamedTuple):
    """One edition's BM25 index as bm25s saves it: per word, the passages that hold it and their scores."""

    vocabulary: dict[str, int]
    scores: np.ndarray  # the scores of every (word, passage) pair, word after word
    passages: np.ndarray  # the passage of each score
    starts: np.ndarray  # where each word's scores start (the next word's start is where they end)
    passage_count: int

    @classmethod
    def load(cls, folder: Path) -> "WordScores":
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        return cls(
            json.loads((folder / "vocab.index.json").read_text(encoding="utf-8")),
            np.load(folder / "data.csc.index.npy"),
            np.load(folder / "indices.csc.index.npy"),
            np.load(folder / "indptr.csc.index.npy"),
            int(params["num_docs"]),
        )

    def of(self, words: list[str]) -> np.ndarray:
        """Each passage's BM25 score for these words (a repeated word counts again, as in bm25s)."""
        columns = [self.vocabulary[word] for word in words]
        ranges = [np.arange(self.starts[c], self.starts[c + 1]) for c in columns]
        held = np.concatenate(ranges) if ranges else np.zeros(0, dtype=int)
        summed = np.bincount(self.passages[held], weights=self.scores[held], minlength=self.passage_count)
        return summed.astype(self.scores.dtype)


class LexicalIndex:
    """One BM25 index per edition, each with that language's stemmer; a question is searched in both."""

    def __init__(self, editions: dict[Edition, WordScores], ids: dict[Edition, list[str]]) -> None:
        self._editions = editions
        self._ids = ids

    @staticmethod
    def build(chunks: list[Chunk], folder: Path) -> None:
        """Index the chunks' words with bm25s and save it in `folder`."""
        import bm25s  # building only: reading needs numpy alone

        folder.mkdir(parents=True, exist_ok=True)
        ids: dict[Edition, list[str]] = {}
        for edition in EDITIONS:
            own = [c for c in chunks if c.edition == edition]
            if not own:
                continue
            model = bm25s.BM25()
            model.index([tokens(c.embedding_text(), edition) or ["∅"] for c in own], show_progress=False)
            model.save(str(folder / edition), show_progress=False)
            ids[edition] = [c.chunk_id for c in own]
        (folder / "ids.json").write_text(json.dumps(ids), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        ids: dict[Edition, list[str]] = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        return cls({edition: WordScores.load(folder / edition) for edition in ids}, ids)

    def search(self, question: str, k: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) best first, over both editions (scores are per edition, so only ranks mix)."""
        found: list[tuple[str, float]] = []
        for edition, index in self._editions.items():
            known = [t for t in tokens(question, edition) if t in index.vocabulary]
            if not known:
                continue
            scores = index.of(known)
            for position in np.argsort(-scores)[:k]:
                if scores[position] > 0:
                    found.append((self._ids[edition][position], float(scores[position])))
        return sorted(found, key=lambda item: item[1], reverse=True)[:k]
