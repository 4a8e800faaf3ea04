"""When the report does not say: the one rule that decides between answering and refusing, used by the answer
path and by calibration alike."""

from collections.abc import Set as AbstractSet
from typing import NamedTuple

from reportqa.config import Language
from reportqa.language.detect import edition_for


class Evidence(NamedTuple):
    """How well the best sentence (or table row) found answers the question."""

    passage_score: float  # cosine similarity of the question and the passage it stands in
    coverage: float  # weighted share of the question's words in the sentence and its heading
    years_ok: bool  # it states the year the question asks about
    sentence_score: float  # cosine similarity of the question and the sentence or row itself


class Thresholds(NamedTuple):
    min_score: float
    min_coverage: float
    min_sentence_score: float
    min_crosslingual_score: float = 0.0  # English and German questions: the sentence's closeness in meaning


NO_EVIDENCE = Evidence(0.0, 0.0, False, 0.0)


def coverage(question_terms: AbstractSet[str], evidence_terms: AbstractSet[str], idf: dict[str, float]) -> float:
    """Share of the question's weight the evidence covers; rare words weigh more, unknown words the most."""
    unknown = max(idf.values(), default=1.0)
    total = sum(idf.get(term, unknown) for term in question_terms)
    return sum(idf.get(term, unknown) for term in question_terms & evidence_terms) / total if total else 0.0


def suffices(evidence: Evidence, language: Language, thresholds: Thresholds) -> bool:
    """Refuse on missing evidence, not only on a weak match: the passage must be close to the question and name
    the year asked about, and the sentence must either cover enough of the question's rare words or, for a
    paraphrase, be very close to the question in meaning (French and Dutch questions), or be close to it in
    meaning (English and German ones, whose words the report does not use)."""
    if not evidence.years_ok or evidence.passage_score < thresholds.min_score:
        return False
    if edition_for(language) is None:
        return evidence.sentence_score >= thresholds.min_crosslingual_score
    return evidence.coverage >= thresholds.min_coverage or evidence.sentence_score >= thresholds.min_sentence_score
