"""Lexical search: BM25 per edition over stemmed words and normalised numbers (bm25s), saved beside Chroma."""

import json
from pathlib import Path

import bm25s
import numpy as np

from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.text import tokens

EDITIONS: tuple[Edition, ...] = ("fr", "nl")


class LexicalIndex:
    """One BM25 model per edition, each with that language's stemmer; a question is searched in both."""

    def __init__(self, models: dict[Edition, bm25s.BM25], ids: dict[Edition, list[str]]) -> None:
        self._models = models
        self._ids = ids

    @classmethod
    def build(cls, chunks: list[Chunk]) -> "LexicalIndex":
        models: dict[Edition, bm25s.BM25] = {}
        ids: dict[Edition, list[str]] = {}
        for edition in EDITIONS:
            own = [c for c in chunks if c.edition == edition]
            if not own:
                continue
            model = bm25s.BM25()
            model.index([tokens(c.embedding_text(), edition) or ["∅"] for c in own], show_progress=False)
            models[edition], ids[edition] = model, [c.chunk_id for c in own]
        return cls(models, ids)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for edition, model in self._models.items():
            model.save(str(folder / edition), show_progress=False)
        (folder / "ids.json").write_text(json.dumps(self._ids), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        ids: dict[Edition, list[str]] = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        models = {edition: bm25s.BM25.load(str(folder / edition), show_progress=False) for edition in ids}
        return cls(models, ids)

    def search(self, question: str, k: int) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) best first, over both editions (scores are per edition, so only ranks mix)."""
        found: list[tuple[str, float]] = []
        for edition, model in self._models.items():
            known = [t for t in tokens(question, edition) if t in model.vocab_dict]
            if not known:
                continue
            scores = model.get_scores(known)
            for position in np.argsort(-scores)[:k]:
                if scores[position] > 0:
                    found.append((self._ids[edition][position], float(scores[position])))
        return sorted(found, key=lambda item: item[1], reverse=True)[:k]
