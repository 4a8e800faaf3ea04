"""Written answers from a chat model, held to the cited text: streamed, checked by the guard, retried once with a
stricter prompt, and replaced by the extractive answer when the model fails, is slow or cannot be trusted."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reportqa.answer.citations import Citation, citation, sentences_of
from reportqa.answer.extractive import Answer, Prepared, Rewriter, extractive_answer, prepare
from reportqa.answer.guard import MARKER_GROUP, cited_part, is_refusal, markers, problems
from reportqa.answer.llm import model_name
from reportqa.answer.prompts import Excerpt, answer_messages, rewrite_messages, system_rules
from reportqa.answer.rewrite import standalone_question
from reportqa.config import Language, Settings
from reportqa.errors import TimedOut
from reportqa.index import LoadedIndex
from reportqa.language.detect import detect_language, edition_for
from reportqa.language.numbers import figures_in, years_in
from reportqa.language.terms import content_terms, sentences
from reportqa.messages.answers import EDITION_NAMES, GENERATED_EDITION_NOTICE, GENERATED_NOTICE, LLM_FALLBACK, REFUSAL

if TYPE_CHECKING:  # the chat-model stack is imported only when a model is configured
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)

MAX_EXCERPTS = 4
# Further passages join the cited ones when their retrieval score is within this of the best.
EXCERPT_MARGIN = 0.05
MAX_REWRITE_CHARS = 300
# Follow-ups are short; a long question is taken as standalone without asking the model.
MAX_FOLLOW_UP_WORDS = 12


@dataclass(frozen=True)
class Started:
    """What was understood, before any token: the language, the question searched, and which path answers."""

    question: str
    standalone_question: str
    language: Language
    mode: Literal["extractive", "llm"]


@dataclass(frozen=True)
class Token:
    """A piece of the answer as the model writes it."""

    text: str


@dataclass(frozen=True)
class Reset:
    """Discard what was streamed so far: the guard rejected it, or the model failed."""

    reason: str


Event = Started | Token | Reset | Answer


class _Timeout(Exception):
    pass


def _stream(chat: BaseChatModel, messages: list[BaseMessage], deadline: float) -> Iterator[str]:
    for chunk in chat.stream(messages):
        if time.monotonic() > deadline:
            raise _Timeout
        if isinstance(chunk.content, str) and chunk.content:
            yield chunk.content


def rewrite_follow_up(chat: BaseChatModel) -> Rewriter:
    """A follow-up made standalone by the model; the rule-based rewrite when it fails or returns nonsense."""

    def rewrite(question: str, earlier: list[str], language: Language) -> str:
        by_rule = standalone_question(question, earlier)
        if not earlier or len(question.split()) > MAX_FOLLOW_UP_WORDS:
            return by_rule
        try:
            reply = chat.invoke(rewrite_messages(question, earlier, language))  # the client has the timeout
        except Exception as error:  # any provider failure: the rule-based rewrite still works offline
            log.warning("follow-up rewrite failed: %s", type(error).__name__)
            return by_rule
        lines = [line for line in str(reply.content).splitlines() if line.strip()]
        text = " ".join(lines[0].split()).strip("\"'« »") if len(lines) == 1 else ""
        return text if _plausible_rewrite(text, question, earlier, language) else by_rule

    return rewrite


def _plausible_rewrite(text: str, question: str, earlier: list[str], language: Language) -> bool:
    """A rewrite is a short question in the asker's language about the conversation's subject, not a ramble."""
    if not 0 < len(text) <= MAX_REWRITE_CHARS or detect_language(text, fallback=language) != language:
        return False
    edition = edition_for(language) or "fr"
    context = content_terms(" ".join([question, *earlier]), edition)
    return bool(content_terms(text, edition) & context)


def _excerpts(extractive: Answer) -> list[Excerpt]:
    """The passages the extractive answer quotes, then the next best of the same edition."""
    chunks = {hit.chunk.chunk_id: hit.chunk for hit in extractive.hits}
    chosen = [chunks[c.chunk_id] for c in extractive.citations if c.chunk_id in chunks]
    edition = chosen[0].edition if chosen else None
    best = max((hit.score for hit in extractive.hits), default=0.0)
    for hit in extractive.hits:
        if len(chosen) >= MAX_EXCERPTS:
            break
        taken = {chunk.chunk_id for chunk in chosen}
        if hit.chunk.edition == edition and hit.score >= best - EXCERPT_MARGIN and hit.chunk.chunk_id not in taken:
            chosen.append(hit.chunk)
    return [Excerpt(n, chunk) for n, chunk in enumerate(chosen, 1)]


def _quote(excerpt: Excerpt, citing: list[str], language: Language) -> str:
    """The excerpt's sentences (or table rows) that state the figures the answer took from it, else the one
    sharing most words with the sentences that cite it."""
    used = set().union(*(figures_in(s, language) for s in citing)) - years_in(" ".join(citing))
    candidates = sentences_of(excerpt.chunk)
    stating = [s for s in candidates if figures_in(s, "fr") & used]
    if stating:
        return " … ".join(stating[:2])
    words = content_terms(" ".join(citing), excerpt.chunk.edition)
    return max(candidates, key=lambda s: len(content_terms(s, excerpt.chunk.edition) & words), default="")


def _renumbered(text: str, order: list[int]) -> str:
    """Markers renumbered 1, 2, … in order of first appearance, "[1, 2]" written "[1][2]"."""
    new = {old: n for n, old in enumerate(order, 1)}

    def swap(match: re.Match[str]) -> str:
        return "".join(f"[{new[int(n)]}]" for n in re.findall(r"\d+", match.group(0)) if int(n) in new)

    return MARKER_GROUP.sub(swap, text)


def _generated_answer(
    text: str, excerpts: list[Excerpt], prepared: Prepared, extractive: Answer, settings: Settings, index: LoadedIndex
) -> Answer:
    language = prepared.language
    by_n = {e.n: e for e in excerpts}
    if is_refusal(text, language):
        return replace(extractive, answer=REFUSAL[language], refused=True, citations=[], see_also=extractive.citations)
    order = [n for n in markers(text) if n in by_n]
    asked_years = years_in(prepared.searched)
    citations: list[Citation] = []
    for new_n, old_n in enumerate(order, 1):
        citing = [s for s in sentences(text) if old_n in markers(s)]
        excerpt = by_n[old_n]
        quote = _quote(excerpt, citing, language)
        citations.append(citation(new_n, excerpt.chunk, quote, settings, index, asked_years))
    answer = _renumbered(text.strip(), order)
    notice = GENERATED_NOTICE[language]
    if edition_for(language) is None:
        edition = EDITION_NAMES[language][citations[0].edition]  # type: ignore[index]
        answer = f"{GENERATED_EDITION_NOTICE[language].format(edition=edition)}\n\n{answer}"
    return replace(extractive, answer=answer, refused=False, citations=citations, see_also=[], notice=notice)


def stream_answer(
    index: LoadedIndex,
    question: str,
    settings: Settings,
    chat: BaseChatModel | None,
    language: Language | None = None,
    history: list[str] | None = None,
    check: Callable[[], None] = lambda: None,
) -> Iterator[Event]:
    """Answer one question; with a chat model, its tokens as they come, then the final `Answer` (always last).
    `check` is called between stages and between tokens: it raises (the time limit passed) to stop the work."""
    rewriter = rewrite_follow_up(chat) if chat is not None else None
    prepared = prepare(index, question, settings, language, history, rewriter, check)
    extractive = extractive_answer(index, prepared, settings)
    check()
    # No model, or nothing in the report to write from (a refusal, a personal case): the model is not asked.
    if chat is None or extractive.refused:
        yield Started(prepared.question, prepared.searched, prepared.language, "extractive")
        yield extractive
        return
    yield Started(prepared.question, prepared.searched, prepared.language, "llm")
    language = prepared.language
    excerpts = _excerpts(extractive)
    given = {e.n: e.evidence() for e in excerpts}
    deadline = time.monotonic() + settings.llm_timeout
    name = model_name(chat)
    rejected: list[str] = []
    guard_failures = 0
    for attempt in range(2):
        text, reason = "", ""
        try:
            for piece in _stream(chat, answer_messages(prepared.searched, language, excerpts, rejected), deadline):
                check()
                text += piece
                yield Token(piece)
        except TimedOut:  # the check stopped the work (the time limit passed): nothing more is done
            raise
        except Exception as error:  # a provider's failure of any kind: the extractive answer is given instead
            timed_out = isinstance(error, _Timeout | TimeoutError) or "Timeout" in type(error).__name__
            reason = f"the model took longer than {settings.llm_timeout:g} s" if timed_out else ""
            reason = reason or f"the model failed ({type(error).__name__})"
        if not reason:
            text = text if is_refusal(text, language) else cited_part(text)
            rejected = problems(text, given, language, system_rules(language))
            if not rejected:
                answer = _generated_answer(text, excerpts, prepared, extractive, settings, index)
                yield _finished(replace(answer, mode="llm", model=name, guard_failures=guard_failures), prepared)
                return
            guard_failures += 1
            reason = "the guard rejected the answer: " + "; ".join(rejected)
            log.info("guard rejected a draft (attempt %d): %s", attempt + 1, reason)
        if text:
            yield Reset(reason)
        if guard_failures <= attempt:
            break  # the model failed or timed out: no second try
    fallback = replace(
        extractive, model=name, notice=LLM_FALLBACK[language], fallback_reason=reason, guard_failures=guard_failures
    )
    yield _finished(fallback, prepared)


def _finished(answer: Answer, prepared: Prepared) -> Answer:
    total = round((time.perf_counter() - prepared.started) * 1000, 1)
    timings = {"retrieve": prepared.retrieve_ms, "answer": round(total - prepared.retrieve_ms, 1), "total": total}
    return replace(answer, timings_ms=timings)


def final_answer(events: Iterator[Event]) -> Answer:
    """The answer at the end of a stream (for callers that do not show tokens)."""
    answers = [event for event in events if isinstance(event, Answer)]
    return answers[-1]
