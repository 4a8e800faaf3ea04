"""The lexical index read with numpy alone scores as bm25s does, and finds the passage holding the words."""

from pathlib import Path

import bm25s
import numpy as np

from reportqa.chunk import Chunk
from reportqa.index.lexical import LexicalIndex, WordScores
from reportqa.language.terms import tokens

PASSAGES = [
    "Retours forcés : 3 327 en 2022 et 3 994 en 2023.",
    "Les demandes de visa de court séjour ont augmenté en 2023.",
    "Le centre fermé de Merksplas et les retours volontaires.",
    "Demandes d'asile ultérieures et premières demandes en 2023.",
]


def test_word_scores_read_from_disk_are_bm25s_own(tmp_path: Path) -> None:
    model = bm25s.BM25()
    model.index([tokens(p, "fr") for p in PASSAGES], show_progress=False)
    model.save(str(tmp_path / "fr"), show_progress=False)
    scores = WordScores.load(tmp_path / "fr")
    for question in ("retours forcés 2023", "demandes demandes visa", "centre fermé retours volontaires"):
        words = [t for t in tokens(question, "fr") if t in scores.vocabulary]
        assert np.allclose(scores.of(words), model.get_scores(words), atol=1e-5)
    assert scores.of([]).tolist() == [0.0] * len(PASSAGES)


def test_a_question_finds_the_passage_that_holds_its_words(tmp_path: Path) -> None:
    chunks = [
        Chunk(f"fr-{n}", "report-fr", "Rapport", "fr", "prose", "8.2", "Retours", "13", 16, text)
        for n, text in enumerate(PASSAGES)
    ]
    LexicalIndex.build(chunks, tmp_path / "bm25")
    found = LexicalIndex.load(tmp_path / "bm25").search("Combien de retours forcés en 2022 ?", k=2)
    assert found[0][0] == "fr-0"
    assert LexicalIndex.load(tmp_path / "bm25").search("Quelque chose de tout à fait autre", k=2) == []
