"""An answer as server-sent events, for the API's stream and the widget."""

import json
import logging
from collections.abc import Iterator
from dataclasses import asdict

from reportqa.answer.generate import Event, Reset, Started, Token
from reportqa.config import Language
from reportqa.errors import TimedOut
from reportqa.messages.refusals import ANSWER_FAILED, TIMED_OUT

log = logging.getLogger(__name__)

STREAM_WORDS = 4
DONE_KEYS = (
    "answer",
    "refused",
    "mode",
    "model",
    "notice",
    "fallback_reason",
    "guard_failures",
    "answer_id",
    "timings_ms",
)


def _event(name: str, data: object) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _word_tokens(text: str) -> Iterator[str]:
    words = text.split(" ")
    for start in range(0, len(words), STREAM_WORDS):
        piece = " ".join(words[start : start + STREAM_WORDS])
        yield _event("token", piece + (" " if start + STREAM_WORDS < len(words) else ""))


def answer_events(events: Iterator[Event]) -> Iterator[str]:
    """Server-sent events: meta, the answer in pieces (token; a generated answer as the model writes it, and
    `reset` when a draft is set aside), then the citations, then done with the final answer and which path gave it.
    The tokens since the last reset always add up to the final answer."""
    languages: list[Language] = []
    try:
        yield from _answer_events(events, languages)
    except TimedOut:  # the time limit stopped the work between two stages
        yield _event("error", {"detail": TIMED_OUT[languages[0] if languages else "en"]})
    except Exception as error:  # the index or the vector store failed mid-answer: the client gets a last event
        log.warning("an answer stream failed: %s", type(error).__name__)
        yield _event("error", {"detail": ANSWER_FAILED[languages[0] if languages else "en"]})


def _answer_events(events: Iterator[Event], languages: list[Language]) -> Iterator[str]:
    streamed = ""
    for event in events:
        if isinstance(event, Started):
            languages.append(event.language)
            yield _event("meta", asdict(event))
        elif isinstance(event, Token):
            streamed += event.text
            yield _event("token", event.text)
        elif isinstance(event, Reset):
            streamed = ""
            yield _event("reset", {"reason": event.reason})
        else:
            data = event.to_dict()
            if streamed != event.answer:
                if streamed:
                    yield _event("reset", {"reason": "the final answer is formatted differently"})
                yield from _word_tokens(event.answer)
            yield _event("citations", {"citations": data["citations"], "see_also": data["see_also"]})
            yield _event("done", {key: data[key] for key in DONE_KEYS})
