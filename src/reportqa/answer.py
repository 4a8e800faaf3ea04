"""Extractive answers: the best sentences or table rows of the retrieved passages, each with its citation."""

import re
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from reportqa.chunk import Chunk
from reportqa.config import Edition, Language, Settings
from reportqa.editions import linked_chunk, matching_sentence
from reportqa.glossary import translate_terms
from reportqa.index import LoadedIndex
from reportqa.lang import EDITION_NAMES, EDITION_NOTICE, PERSONAL_CASE, REFUSAL, detect_language, edition_for
from reportqa.policy import is_personal_case
from reportqa.retrieve import Hit, retrieve
from reportqa.rewrite import standalone_question
from reportqa.text import content_terms, is_year, numbers_in, sentences, years_in

MAX_SENTENCES = 3
# Sentences within this much of the best one join the answer.
SENTENCE_MARGIN = 0.06
LEXICAL_WEIGHT = 0.15
# A further sentence must share at least this share of the best sentence's words with the question.
MIN_RELATIVE_OVERLAP = 0.75
# A sentence from the other edition must beat the asker's edition by this much (cosine) to be quoted.
OTHER_EDITION_PENALTY = 0.02
# A table row whose label the question does not name (a month, a nationality) when the question is general.
UNASKED_ROW_PENALTY = 0.03
# How many of the best sentences are embedded to compare them with the question itself.
EVIDENCE_SENTENCES = 3
_PERCENT = re.compile(r"pour ?cent|pourcentage|%|procent|percent|prozent|taux|graad|rate", re.I)
_QUANTITY = re.compile(r"\b(combien|nombre|hoeveel|aantal|how many|how much|number|wie viele|wieviel|anzahl)\b", re.I)


@dataclass(frozen=True)
class EditionLink:
    """The same passage in the other edition of the report."""

    edition: str
    page: str
    physical_page: int
    url: str
    quote: str


@dataclass(frozen=True)
class Citation:
    n: int
    document: str
    edition: str
    section: str
    section_title: str
    page: str
    physical_page: int
    quote: str
    url: str
    kind: str = "prose"
    other_edition: EditionLink | None = None
    # For a table row: "Tableau 8.3 : Retours forcés, Rapatriements, 2023" (table, row, the column asked about).
    table_cell: str = ""
    chunk_id: str = ""


@dataclass
class Answer:
    question: str
    standalone_question: str  # what was searched: a follow-up made standalone with the conversation
    language: Language
    answer: str
    refused: bool
    citations: list[Citation]
    timings_ms: dict[str, float]
    see_also: list[Citation] = field(default_factory=list)
    # Which path answered: "extractive" (quotes) or "llm" (written by `model`, checked by the guard). `notice`
    # tells the asker, in their language, when the model was set aside; `fallback_reason` says why.
    mode: Literal["extractive", "llm"] = "extractive"
    model: str = ""
    notice: str = ""
    fallback_reason: str = ""
    guard_failures: int = 0  # generated drafts the guard rejected for this answer
    # Names this answer for feedback (thumbs up/down); random, says nothing about the asker.
    answer_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # For evaluation and calibration; not part of the JSON contract.
    hits: list[Hit] = field(default_factory=list, repr=False)
    evidence_score: float = 0.0  # cosine similarity of the best sentence's passage
    coverage: float = 0.0  # weighted share of the question's words in the best sentence
    years_ok: bool = False  # the best sentence names the year the question asks about
    sentence_score: float = 0.0  # cosine similarity of the question and its closest top sentence

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        for internal in ("hits", "evidence_score", "coverage", "years_ok", "sentence_score"):
            data.pop(internal)
        return data


@dataclass(frozen=True)
class _Candidate:
    hit: Hit
    text: str
    score: float
    overlap: float  # weighted share of the question's words found in the sentence and its heading
    following: str = ""  # the next sentence of the same passage, which often carries the figure
    years_ok: bool = True


def sentences_of(chunk: Chunk) -> list[str]:
    """Sentences of a prose passage; for a table, one quotable line per row, each naming its table."""
    if chunk.table is not None:
        caption = chunk.table.caption or chunk.section_label
        rows = chunk.text.splitlines()[1:] if chunk.table.caption else chunk.text.splitlines()
        return [f"{caption} — {row}" for row in rows]
    return sentences(chunk.text)


def document_url(chunk: Chunk, settings: Settings) -> str:
    suffix = ".md" if chunk.kind == "announcement" else ".pdf"
    anchor = "" if chunk.kind == "announcement" else f"#page={chunk.physical_page}"
    return f"{settings.public_url}/documents/{chunk.doc_id}{suffix}{anchor}"


def _link(chunk: Chunk, quote: str, index: LoadedIndex, settings: Settings) -> EditionLink | None:
    other = linked_chunk(chunk, index.chunks.values())
    if other is None:
        return None
    sentences = sentences_of(other)
    same = matching_sentence(quote, sentences) or (sentences[0] if sentences else other.text)
    return EditionLink(other.edition, other.page, other.physical_page, document_url(other, settings), same)


def _table_cell(chunk: Chunk, quote: str, years: set[str]) -> str:
    """The cell a table-row quote answers: table, row and the column of the year asked (else the row)."""
    if chunk.table is None:
        return ""
    label = quote.partition(" — ")[2].partition(" | ")[0]
    columns = [c for c in chunk.table.header[1:] if c in years]
    caption = chunk.table.caption or chunk.section_label
    return ", ".join(part for part in (caption, label, columns[0] if columns else "") if part)


def citation(
    n: int,
    chunk: Chunk,
    quote: str,
    settings: Settings,
    index: LoadedIndex | None = None,
    years: set[str] | None = None,
) -> Citation:
    return Citation(
        n=n,
        document=chunk.doc_title,
        edition=chunk.edition,
        section=chunk.section_number,
        section_title=chunk.section_title,
        page=chunk.page,
        physical_page=chunk.physical_page,
        quote=quote,
        url=document_url(chunk, settings),
        kind=chunk.kind,
        other_edition=_link(chunk, quote, index, settings) if index is not None else None,
        table_cell=_table_cell(chunk, quote, years or set()),
        chunk_id=chunk.chunk_id,
    )


def _coverage(question_terms: set[str], evidence_terms: set[str], idf: dict[str, float]) -> float:
    """Share of the question's weight the evidence covers; rare words weigh more, unknown words the most."""
    unknown = max(idf.values(), default=1.0)
    total = sum(idf.get(term, unknown) for term in question_terms)
    return sum(idf.get(term, unknown) for term in question_terms & evidence_terms) / total if total else 0.0


def _candidates(question: str, hits: list[Hit], idf: dict[str, dict[str, float]]) -> list[_Candidate]:
    wants_quantity = bool(_QUANTITY.search(question))
    wants_percent = bool(_PERCENT.search(question))
    asked_years = years_in(question)
    candidates = []
    for hit in hits:
        edition = hit.chunk.edition
        terms = content_terms(translate_terms(question, edition), edition)
        heading = content_terms(hit.chunk.section_label, edition)
        sentences = sentences_of(hit.chunk)
        for position, sentence in enumerate(sentences):
            following = sentences[position + 1] if position + 1 < len(sentences) else ""
            coverage = _coverage(terms, content_terms(sentence, edition) | heading, idf.get(edition, {}))
            bonus = 0.03 if wants_quantity and _states_quantity(sentence) else 0.0
            if wants_percent and "%" in sentence:
                bonus += 0.05
            # A year the question asks about must stand in the sentence: "en 2015" is not answered by 2023.
            years_ok = not asked_years or bool(asked_years & years_in(f"{sentence} {following}"))
            base = hit.score - (0.0 if hit.preferred else OTHER_EDITION_PENALTY)
            if hit.chunk.table is not None and not _row_is_asked(sentence, terms, edition):
                base -= UNASKED_ROW_PENALTY
            score = base + LEXICAL_WEIGHT * coverage + bonus - (0.0 if years_ok else 0.1)
            candidates.append(_Candidate(hit, sentence, score, coverage, following, years_ok))
    return sorted(candidates, key=lambda c: c.score, reverse=True)


_TOTAL_ROW = re.compile(r"^(total|totaal)\b", re.IGNORECASE)


def _row_is_asked(row_sentence: str, question_terms: set[str], edition: Edition) -> bool:
    """A table row answers a question that names its label ("Afghanistan", "mars"), or a general one if it is
    the total: every row shares the caption's words, so the caption alone must not pick a breakdown row."""
    label = row_sentence.partition(" — ")[2].partition(" | ")[0]
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
    vectors = index.embedder.embed_passages([c.text for c in top])
    return float((vectors @ index.embedder.embed_query(question)).max())


def _has_evidence(best: _Candidate, sentence_score: float, language: Language, settings: Settings) -> bool:
    """Refuse on missing evidence, not only on a weak match: the passage must be close to the question and name
    the year asked about, and (French and Dutch questions) the sentence must either cover enough of the question's
    rare words or, for a paraphrase, be very close to the question in meaning."""
    if not best.years_ok or best.hit.score < settings.min_score:
        return False
    if edition_for(language) is None:
        return True
    return best.overlap >= settings.min_coverage or sentence_score >= settings.min_sentence_score


@dataclass(frozen=True)
class Composed:
    text: str
    refused: bool
    citations: list[Citation]
    see_also: list[Citation]
    evidence_score: float
    coverage: float
    years_ok: bool
    sentence_score: float


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


def compose(question: str, language: Language, hits: list[Hit], settings: Settings, index: LoadedIndex) -> Composed:
    """The answer text with its citations, or a refusal with the closest passages, from the retrieved hits."""
    candidates = _candidates(question, hits, index.idf)
    best_or_none = candidates[0] if candidates else None
    sentence_score = _sentence_similarity(question, candidates, index)
    evidence = (
        (best_or_none.hit.score, best_or_none.overlap, best_or_none.years_ok, sentence_score)
        if best_or_none
        else (0.0, 0.0, False, 0.0)
    )
    if best_or_none is None or not _has_evidence(best_or_none, sentence_score, language, settings):
        see_also = []
        for n, hit in enumerate(hits[:3], 1):
            sentences = sentences_of(hit.chunk)
            see_also.append(citation(n, hit.chunk, sentences[0] if sentences else hit.chunk.text, settings))
        return Composed(REFUSAL[language], True, [], see_also, *evidence)

    best = candidates[0]
    # One edition per answer: the best passage's (the asker's own, when it has the passage).
    chosen = [best]
    stated = _quantities(best.text)
    for candidate in candidates[1:]:
        if len(chosen) == MAX_SENTENCES or candidate.score < best.score - SENTENCE_MARGIN:
            break
        figures = _quantities(candidate.text)
        if (
            candidate.overlap > 0
            and candidate.overlap >= MIN_RELATIVE_OVERLAP * best.overlap
            and candidate.hit.chunk.edition == best.hit.chunk.edition
            and not (figures and figures <= stated)  # the same figures again, from the table or the prose
        ):
            chosen.append(candidate)
            stated |= figures
    chosen = _in_own_edition(chosen, language, index)
    wants_quantity = bool(_QUANTITY.search(question))
    numbers: dict[str, int] = {}
    quotes: dict[int, list[str]] = {}
    parts = []
    for candidate in chosen:
        n = numbers.setdefault(candidate.hit.chunk.chunk_id, len(numbers) + 1)
        said = quotes.setdefault(n, [])
        texts = [candidate.text]
        # "Les accompagnateurs ICAM ... . Au total, ils ont mené près de 4 000 entretiens": the figure
        # often stands in the sentence after the one that names the subject.
        if wants_quantity and not _states_quantity(candidate.text) and _states_quantity(candidate.following):
            texts.append(candidate.following)
        for text in texts:
            if text not in said:
                said.append(text)
                parts.append(f"{text} [{n}]")
    by_n = {n: c.hit.chunk for c in chosen for n in [numbers[c.hit.chunk.chunk_id]]}
    years = years_in(question)
    citations = [citation(n, by_n[n], " … ".join(quotes[n]), settings, index, years) for n in sorted(by_n)]

    text = " ".join(parts)
    if edition_for(language) is None:
        edition = citations[0].edition
        notice = EDITION_NOTICE[language].format(edition=EDITION_NAMES[language][edition])  # type: ignore[index]
        text = f"{notice}\n\n{text}"
    return Composed(text, False, citations, [], *evidence)


def _language_of_history(history: list[str] | None) -> Language:
    """A follow-up too short to tell its language ("Et en 2022 ?") keeps the conversation's."""
    return detect_language(history[-1]) if history else "fr"


# Makes a follow-up standalone: (question, earlier questions, language) -> question to search.
Rewriter = Callable[[str, list[str], Language], str]


@dataclass(frozen=True)
class Prepared:
    """A question ready to answer: its language, what to search, and what retrieval found."""

    question: str
    searched: str
    language: Language
    hits: list[Hit]
    personal_case: bool
    started: float
    retrieve_ms: float


def prepare(
    index: LoadedIndex,
    question: str,
    settings: Settings,
    language: Language | None = None,
    history: list[str] | None = None,
    rewriter: Rewriter | None = None,
) -> Prepared:
    started = time.perf_counter()
    question = " ".join(question.split())
    language = language or detect_language(question, fallback=_language_of_history(history))
    if is_personal_case(question):
        return Prepared(question, question, language, [], True, started, 0.0)
    earlier = history or []
    searched = (rewriter or (lambda q, h, _: standalone_question(q, h)))(question, earlier, language)
    hits = retrieve(index, searched, language, k=settings.top_k, mode=settings.retrieval)
    return Prepared(question, searched, language, hits, False, started, _ms_since(started))


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def extractive_answer(index: LoadedIndex, prepared: Prepared, settings: Settings) -> Answer:
    """Quotes from the retrieved passages, a refusal, or the personal-case redirect."""
    question, language = prepared.question, prepared.language
    if prepared.personal_case:
        elapsed = _ms_since(prepared.started)
        timings = {"retrieve": 0.0, "answer": elapsed, "total": elapsed}
        return Answer(question, question, language, PERSONAL_CASE[language], True, [], timings)
    composed = compose(prepared.searched, language, prepared.hits, settings, index)
    total = _ms_since(prepared.started)
    timings = {
        "retrieve": prepared.retrieve_ms,
        "answer": round(total - prepared.retrieve_ms, 1),
        "total": total,
    }
    return Answer(
        question,
        prepared.searched,
        language,
        composed.text,
        composed.refused,
        composed.citations,
        timings,
        composed.see_also,
        hits=prepared.hits,
        evidence_score=composed.evidence_score,
        coverage=composed.coverage,
        years_ok=composed.years_ok,
        sentence_score=composed.sentence_score,
    )


def answer_question(
    index: LoadedIndex,
    question: str,
    settings: Settings,
    language: Language | None = None,
    history: list[str] | None = None,
) -> Answer:
    """Answer one question by quoting; `history` holds the user's earlier questions, oldest first."""
    return extractive_answer(index, prepare(index, question, settings, language, history), settings)
