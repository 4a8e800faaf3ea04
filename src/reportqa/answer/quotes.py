"""Quoted answers: the best sentences or table rows of the retrieved passages, each with its citation (for
questions that do not ask for a figure; those are answered by figure_answer)."""

import re
from dataclasses import dataclass, replace

from reportqa.answer.citations import Citation, citation, sentences_of
from reportqa.answer.editions import linked_chunk, matching_sentence
from reportqa.answer.evidence import Evidence, coverage
from reportqa.answer.retrieve import Hit
from reportqa.chunk import Chunk
from reportqa.config import Edition, Language, Settings
from reportqa.index import LoadedIndex
from reportqa.language.detect import edition_for
from reportqa.language.glossary import asked_terms
from reportqa.language.numbers import is_year, numbers_in, years_in
from reportqa.language.terms import content_terms

MAX_SENTENCES = 3
# Sentences within this much of the best one join the answer.
SENTENCE_MARGIN = 0.06
LEXICAL_WEIGHT = 0.15
# A further sentence must share at least this share of the best sentence's words with the question.
MIN_RELATIVE_OVERLAP = 0.75
# A sentence whose words are mostly those of one already quoted says the same thing again (the report and its
# announcement, or a foreword and its chapter, often do): it is left out.
SAME_THING = 0.7
# A sentence from the other edition must beat the asker's edition by this much (cosine) to be quoted.
OTHER_EDITION_PENALTY = 0.02
# A table row whose label the question does not name (a month, a nationality) when the question is general.
UNASKED_ROW_PENALTY = 0.03
# How many of the best sentences are embedded to compare them with the question itself.
EVIDENCE_SENTENCES = 3
_PERCENT = re.compile(r"pour ?cent|pourcentage|%|procent|percent|prozent|taux|graad|rate", re.I)
_QUANTITY = re.compile(r"\b(combien|nombre|hoeveel|aantal|how many|how much|number|wie viele|wieviel|anzahl)\b", re.I)


@dataclass(frozen=True)
class _Candidate:
    hit: Hit
    text: str
    score: float
    overlap: float  # weighted share of the question's words found in the sentence and its heading
    following: str = ""  # the next sentence of the same passage, which often carries the figure
    years_ok: bool = True


def _candidates(question: str, hits: list[Hit], idf: dict[str, dict[str, float]]) -> list[_Candidate]:
    wants_quantity = bool(_QUANTITY.search(question))
    wants_percent = bool(_PERCENT.search(question))
    asked_years = years_in(question)
    candidates = []
    for hit in hits:
        edition = hit.chunk.edition
        terms = asked_terms(question, edition)
        heading = content_terms(hit.chunk.section_label, edition)
        sentences = sentences_of(hit.chunk)
        for position, sentence in enumerate(sentences):
            following = sentences[position + 1] if position + 1 < len(sentences) else ""
            share = coverage(terms, content_terms(sentence, edition) | heading, idf.get(edition, {}))
            bonus = 0.03 if wants_quantity and _states_quantity(sentence) else 0.0
            if wants_percent and "%" in sentence:
                bonus += 0.05
            # A year the question asks about must stand in the sentence: "en 2015" is not answered by 2023.
            years_ok = not asked_years or bool(asked_years & years_in(f"{sentence} {following}"))
            base = hit.score - (0.0 if hit.preferred else OTHER_EDITION_PENALTY)
            if hit.chunk.table is not None and not _row_is_asked(hit.chunk.table.rows[position][0], terms, edition):
                base -= UNASKED_ROW_PENALTY
            score = base + LEXICAL_WEIGHT * share + bonus - (0.0 if years_ok else 0.1)
            candidates.append(_Candidate(hit, sentence, score, share, following, years_ok))
    return sorted(candidates, key=lambda c: c.score, reverse=True)


_TOTAL_ROW = re.compile(r"^(total|totaal)\b", re.IGNORECASE)


def _row_is_asked(label: str, question_terms: set[str], edition: Edition) -> bool:
    """A table row answers a question that names its label ("Afghanistan", "mars"), or a general one if it is
    the total: every row shares the caption's words, so the caption alone must not pick a breakdown row."""
    return bool(_TOTAL_ROW.match(label)) or bool(content_terms(label, edition) & question_terms)


def _quantities(sentence: str) -> set[str]:
    """The figures a sentence states: not years, nor the table number of a row's "Tableau 8.3 : … — " prefix."""
    row = sentence.partition(" — ")[2] or sentence
    return {number for number in numbers_in(row) if not is_year(number)}


def _states_quantity(sentence: str) -> bool:
    return bool(_quantities(sentence))


def _sentence_similarity(question: str, candidates: list[_Candidate], index: LoadedIndex) -> float:
    """The best cosine similarity between the question and the top sentences themselves (not their passages)."""
    top = candidates[:EVIDENCE_SENTENCES]
    if not top:
        return 0.0
    vectors = index.sentence_vectors([c.text for c in top])
    return float((vectors @ index.query_vector(question)).max())


def _in_own_edition(chosen: list[_Candidate], language: Language, index: LoadedIndex) -> list[_Candidate]:
    """Quote the asker's edition when it states the same figures as the passages found in the other one."""
    own = edition_for(language)
    if own is None or all(c.hit.chunk.edition == own for c in chosen):
        return chosen
    swapped = []
    for candidate in chosen:
        linked = linked_chunk(candidate.hit.chunk, index.chunks.values())
        sentence = matching_sentence(candidate.text, sentences_of(linked)) if linked else None
        if linked is None or sentence is None:
            return chosen
        hit = Hit(linked, candidate.hit.score, candidate.hit.rank_score, True)
        swapped.append(replace(candidate, hit=hit, text=sentence, following=""))
    return swapped


def _said_by(candidate: "_Candidate", chosen: list["_Candidate"]) -> int | None:
    """Which chosen sentence already says what the candidate says, if one does."""
    words = content_terms(candidate.text, candidate.hit.chunk.edition)
    for position, earlier in enumerate(chosen):
        said = content_terms(earlier.text, earlier.hit.chunk.edition)
        if words and said and len(words & said) / min(len(words), len(said)) >= SAME_THING:
            return position
    return None


def best_evidence(question: str, hits: list[Hit], index: LoadedIndex) -> tuple[list["_Candidate"], Evidence]:
    """The candidate sentences, best first, and the evidence for the best one."""
    candidates = _candidates(question, hits, index.idf)
    if not candidates:
        return [], Evidence(hits[0].score if hits else 0.0, 0.0, False, 0.0)
    best = candidates[0]
    sentence_score = _sentence_similarity(question, candidates, index)
    return candidates, Evidence(best.hit.score, best.overlap, best.years_ok, sentence_score)


def quote(
    question: str, language: Language, candidates: list["_Candidate"], settings: Settings, index: LoadedIndex
) -> tuple[str, list[Citation]]:
    """The best sentences (one edition, figures not repeated) with their markers, and their citations."""
    best = candidates[0]
    chosen = [best]
    # The same statement found in another document (the announcement and the report): cited beside the first,
    # not quoted twice.
    echoes: dict[int, list[_Candidate]] = {}
    stated = _quantities(best.text)
    for candidate in candidates[1:]:
        if len(chosen) == MAX_SENTENCES or candidate.score < best.score - SENTENCE_MARGIN:
            break
        if (earlier := _said_by(candidate, chosen)) is not None:
            if candidate.hit.chunk.doc_id != chosen[earlier].hit.chunk.doc_id:
                echoes.setdefault(earlier, []).append(candidate)
            continue
        figures = _quantities(candidate.text)
        if (
            candidate.overlap > 0
            and candidate.overlap >= MIN_RELATIVE_OVERLAP * best.overlap
            and candidate.hit.chunk.edition == best.hit.chunk.edition
            and not (figures and figures <= stated)  # the same figures again, from the table or the prose
        ):
            chosen.append(candidate)
            stated |= figures
    swapped = _in_own_edition(chosen, language, index)
    wants_quantity = bool(_QUANTITY.search(question))
    numbers: dict[str, int] = {}
    quotes: dict[int, list[str]] = {}
    chunks: dict[int, Chunk] = {}
    parts = []
    for position, candidate in enumerate(swapped):
        n = numbers.setdefault(candidate.hit.chunk.chunk_id, len(numbers) + 1)
        chunks[n] = candidate.hit.chunk
        said = quotes.setdefault(n, [])
        texts = [candidate.text]
        # "Les conseillers ... . Au total, ils ont mené près de 4 000 entretiens": the figure
        # often stands in the sentence after the one that names the subject.
        if wants_quantity and not _states_quantity(candidate.text) and _states_quantity(candidate.following):
            texts.append(candidate.following)
        markers = f"[{n}]"
        for echo in echoes.get(position, []) if swapped is chosen else []:
            if echo.hit.chunk.edition == candidate.hit.chunk.edition:
                m = numbers.setdefault(echo.hit.chunk.chunk_id, len(numbers) + 1)
                chunks[m] = echo.hit.chunk
                quotes.setdefault(m, []).append(echo.text)
                markers += f"[{m}]"
        for text in texts:
            if text not in said:
                said.append(text)
                parts.append(f"{text} {markers}")
    years = years_in(question)
    citations = [citation(n, chunks[n], " … ".join(quotes[n]), settings, index, years) for n in sorted(chunks)]
    return " ".join(parts), citations
