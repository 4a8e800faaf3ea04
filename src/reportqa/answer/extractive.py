"""The path of a question: its language, the personal-case redirect, the follow-up made standalone, retrieval,
then one of two answers: a figure in one sentence (figure_answer) or quoted sentences (quotes); or a refusal
when the report does not say (evidence)."""

import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Literal

from reportqa.answer.asked import is_figure_question, kind_asked
from reportqa.answer.cells import CellAnswer, cell_answer
from reportqa.answer.citations import Citation, citation, sentences_of, view_url
from reportqa.answer.evidence import NO_EVIDENCE, Evidence, Thresholds, suffices
from reportqa.answer.figure_answer import busiest_month, figure_answer, is_busiest_month_question
from reportqa.answer.figure_statements import best_statement
from reportqa.answer.frame import Frame, question_frame
from reportqa.answer.policy import is_personal_case
from reportqa.answer.quotes import best_evidence, quote
from reportqa.answer.retrieve import Hit, retrieve
from reportqa.answer.rewrite import standalone_question, with_report_year
from reportqa.answer.section_answer import is_section_question, section_answer
from reportqa.config import Language, Settings
from reportqa.deployment import deployment_for, official_help
from reportqa.index import LoadedIndex
from reportqa.language.detect import detect_language, edition_for
from reportqa.language.glossary import names_a_term, unknown_names
from reportqa.language.numbers import asked_years, years_in
from reportqa.language.spelling import corrected
from reportqa.language.terms import caption_title
from reportqa.messages.answers import EDITION_NAMES, EDITION_NOTICE, NEAREST, PERSONAL_CASE, REFUSAL

__all__ = ["Answer", "Citation", "Prepared", "answer_question", "extractive_answer", "prepare"]
SEE_ALSO = 3
# The share of what is counted a table row must name to answer a plain value no sentence answered (calibrated on
# the calibration reports, docs/benchmarks.md).
VALUE_MIN_WORDS = 0.5
# A refusal points to passages only when they are this close to the question (cosine): below, they would be
# "closest" without being about the question at all, and nothing is shown.
SEE_ALSO_MIN_SCORE = 0.86


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
    evidence: Evidence = field(default=NO_EVIDENCE, repr=False)
    # Figures the answer computed from the cells it cites (a change, a share), said to be computed in its text.
    computed: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        for internal in ("hits", "evidence", "computed"):
            data.pop(internal)
        for key in ("citations", "see_also"):  # each citation's page, its sentence or cells highlighted
            cited = getattr(self, key)
            for shown, c in zip(data[key], cited, strict=True):
                shown["view"] = view_url(c, self.language, cited)
        return data


@dataclass(frozen=True)
class Composed:
    text: str
    refused: bool
    citations: list[Citation]
    see_also: list[Citation]
    evidence: Evidence
    computed: tuple[str, ...] = ()


def thresholds(settings: Settings) -> Thresholds:
    return Thresholds(
        settings.min_score, settings.min_coverage, settings.min_sentence_score, settings.min_crosslingual_score
    )


def report_year(index: LoadedIndex) -> int | None:
    """The latest year a report's title names ("Rapport d'activité 2023")."""
    years = [int(y) for d in index.manifest.documents if d.kind == "report" for y in years_in(d.title)]
    return max(years, default=None)


def _refusal(language: Language, hits: list[Hit], settings: Settings, evidence: Evidence) -> Composed:
    see_also = []
    relevant = [hit for hit in hits if hit.score >= SEE_ALSO_MIN_SCORE][:SEE_ALSO]
    for n, hit in enumerate(relevant, 1):
        lines = sentences_of(hit.chunk)
        see_also.append(citation(n, hit.chunk, lines[0] if lines else hit.chunk.text, settings))
    return Composed(REFUSAL[language], True, [], see_also, evidence)


def _naming_the_nearest(composed: Composed, question: str, language: Language, index: LoadedIndex) -> Composed:
    """A refusal that has passages to point to says what the report has nearest the question: the table or section
    of the statement (a row, a sentence with a figure) closest to it in meaning."""
    if not composed.refused or not composed.see_also:
        return composed
    edition = edition_for(language)
    similarities = index.statements.similarities(index.query_vector(question))
    in_edition: dict[str, float] = {}  # each passage as close as its closest statement
    for key, similarity in similarities.items():
        chunk = index.chunks.get(key.rpartition(":")[0])
        if chunk is not None and (edition is None or chunk.edition == edition):
            in_edition[chunk.chunk_id] = max(similarity, in_edition.get(chunk.chunk_id, similarity))
    if not in_edition:
        return composed
    nearest = index.chunks[max(in_edition, key=in_edition.__getitem__)]
    what = caption_title(nearest.table.caption) if nearest.table is not None else ""
    what = what or nearest.section_title or nearest.doc_title
    page = nearest.page or str(nearest.physical_page)
    return replace(composed, text=f"{composed.text} {NEAREST[language].format(what=what, page=page)}")


def compose(
    question: str,
    language: Language,
    hits: list[Hit],
    settings: Settings,
    index: LoadedIndex,
    frame: Frame | None = None,
) -> Composed:
    """A figure in one sentence, quoted sentences, or a refusal with the closest passages."""
    if edition_for(language) is not None and unknown_names(question, index.idf, index.vocabulary.report_words()):
        return _refusal(language, hits, settings, NO_EVIDENCE)
    if is_section_question(question) and not is_figure_question(question):
        return _section(question, language, hits, settings, index)  # weighs every passage, not only the hits
    if not hits:  # nothing was searched (an English or German question naming nothing the report is about)
        return _refusal(language, hits, settings, NO_EVIDENCE)
    frame = frame or question_frame(question, language)
    # A change, a share, a month or a total is an operation over cells: the table's shape answers it first.
    if frame.operation != "value" or frame.months:
        if (cell := cell_answer(frame, index, settings)) is not None:
            return _from_cells(cell, language)
    # A value is answered by the path that weighs sentences and rows against each other; a table cell found by
    # meaning alone, where that path refuses, was a wrong figure more often than a right one on the calibration
    # reports (docs/benchmarks.md).
    composed = _composed(question, language, hits, settings, index)
    if not composed.refused and not frame.answered_by(composed.text):
        return _refusal(language, hits, settings, composed.evidence)
    if composed.refused and frame.operation == "value" and frame.answered_by(""):
        # Where no sentence answers, a row whose caption, label and header use most of what is counted (peoples and
        # the asker's preamble aside) answers; meaning alone names a row of the same table for what the report lacks.
        if (cell := cell_answer(frame, index, settings, min_words=VALUE_MIN_WORDS)) is not None:
            return _from_cells(cell, language)
    return composed


def _from_cells(cell: CellAnswer, language: Language) -> Composed:
    markers = "".join(f"[{c.n}]" for c in cell.citations)
    composed = _with_notice(f"{cell.text} {markers}", cell.citations, language, NO_EVIDENCE)
    return replace(composed, computed=cell.computed)


def _section(question: str, language: Language, hits: list[Hit], settings: Settings, index: LoadedIndex) -> Composed:
    found = section_answer(question, language, index)
    if isinstance(found, Evidence):
        return _refusal(language, hits, settings, found)
    lines = sentences_of(found.chunk)
    cited = citation(1, found.chunk, lines[0] if lines else found.chunk.section_label, settings, index)
    return _with_notice(f"{found.text} [1]", [cited], language, found.evidence)


def _composed(question: str, language: Language, hits: list[Hit], settings: Settings, index: LoadedIndex) -> Composed:
    if is_busiest_month_question(question) and (busiest := busiest_month(question, language, hits, index, settings)):
        return _with_notice(f"{busiest.text} [1]", [busiest.citation], language, busiest.evidence)
    candidates, evidence = ([], NO_EVIDENCE) if is_figure_question(question) else best_evidence(question, hits, index)
    computed: tuple[str, ...] = ()
    # A figure question, or one whose best answer is a table row: the figure in one sentence, never a raw row.
    if not candidates or candidates[0].hit.chunk.table is not None:
        statement, evidence = best_statement(question, language, hits, index, thresholds(settings))
        if statement is None:
            return _refusal(language, hits, settings, evidence)
        answer = figure_answer(statement, language, index, settings, asked_years(question))
        text, citations, computed = f"{answer.text} [1]", [answer.citation], answer.computed
    elif suffices(evidence, language, thresholds(settings)):
        text, citations = quote(question, language, candidates, settings, index)
        if (kind := kind_asked(question)) is not None and not kind(text):
            # Asked what something costs, how long or what share, quoted sentences that state none of it do not say.
            return _refusal(language, hits, settings, evidence)
    else:
        return _refusal(language, hits, settings, evidence)
    return replace(_with_notice(text, citations, language, evidence), computed=computed)


def _with_notice(text: str, citations: list[Citation], language: Language, evidence: Evidence) -> Composed:
    """An English or German asker is told which edition the answer comes from."""
    if edition_for(language) is None:
        edition = EDITION_NAMES[language][citations[0].edition]  # type: ignore[index]
        text = f"{EDITION_NOTICE[language].format(edition=edition)}\n\n{text}"
    return Composed(text, False, citations, [], evidence)


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
    check: Callable[[], None] = lambda: None,
) -> Prepared:
    """The question understood and searched; `check` is called between stages (it raises to stop the work)."""
    started = time.perf_counter()
    question = " ".join(question.split())
    language = language or detect_language(question, fallback=_language_of_history(history))
    deployment = deployment_for(settings)
    if is_personal_case(question, deployment.case_nouns, deployment.case_events):
        return Prepared(question, question, language, [], True, started, 0.0)
    earlier = history or []
    check()
    searched = (rewriter or (lambda q, h, _: standalone_question(q, h)))(question, earlier, language)
    searched = with_report_year(searched, report_year(index), language)
    check()
    if (edition := edition_for(language)) is not None:
        searched = corrected(searched, edition, index.vocabulary.known_words(), index.vocabulary.report_words())
    check()
    hits = retrieve(index, searched, language, k=settings.top_k, mode=settings.retrieval)
    check()
    if edition_for(language) is None and not _close_enough(hits, " ".join([*earlier, question]), settings):
        # An English or German question's words cannot be weighed against French or Dutch passages: one that names
        # no term the report uses must be close to a passage in meaning, or it gets none ("the weather in Brussels").
        hits = []
    return Prepared(question, searched, language, hits, False, started, _ms_since(started))


def _close_enough(hits: list[Hit], asked: str, settings: Settings) -> bool:
    return names_a_term(asked) or any(hit.score >= settings.min_unnamed_score for hit in hits)


def _ms_since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def extractive_answer(index: LoadedIndex, prepared: Prepared, settings: Settings) -> Answer:
    """Quotes from the retrieved passages, a refusal, or the personal-case redirect."""
    question, language = prepared.question, prepared.language
    if prepared.personal_case:
        elapsed = _ms_since(prepared.started)
        timings = {"retrieve": 0.0, "answer": elapsed, "total": elapsed}
        redirect = PERSONAL_CASE[language].format(help=official_help(deployment_for(settings), language))
        return Answer(question, question, language, redirect, True, [], timings)
    frame = question_frame(question, language, prepared.searched)
    composed = compose(prepared.searched, language, prepared.hits, settings, index, frame)
    composed = _naming_the_nearest(composed, prepared.searched, language, index)
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
        evidence=composed.evidence,
        computed=composed.computed,
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
