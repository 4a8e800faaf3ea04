"""What a person sends, checked in one place before any work starts, whichever way it comes (the CLI, the JSON API,
the chat): the question (or claim), each earlier turn of the conversation and their number, a feedback comment, and
every string a Gradio call carries. A refusal is a `Refused` error with its
HTTP status and a message in the asker's language; nothing a client sends can reach the pipeline as a 500."""

import re
from collections.abc import Mapping

from reportqa.config import Language, Settings
from reportqa.errors import ReportQAError
from reportqa.messages.refusals import BAD_REQUEST, BAD_TEXT, EMPTY_QUESTION, TOO_LONG, TOO_MANY_TURNS, TURN_TOO_LONG

# Lone surrogates (not text: they cannot be encoded), the null byte and the control characters other than tab and
# line breaks.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# An earlier answer sent back by a client is longer than a question (quotes, citations); it is never searched.
ANSWER_TURN_FACTOR = 8
MAX_COMMENT_CHARS = 500  # a feedback comment
MAX_DEPTH = 8


class Refused(ReportQAError):
    """A request refused before any work: `status` (4xx) and `message(language)`."""

    def __init__(
        self, status: int, messages: Mapping[Language, str], retry_after: int | None = None, **values: object
    ) -> None:
        super().__init__(messages["en"].format(**values))
        self.status = status
        self.retry_after = retry_after
        self.messages = messages
        self.values = values

    def message(self, language: Language) -> str:
        return self.messages[language].format(**self.values)


def printable(text: str) -> str:
    """The text without what `text` refuses (to tell its language in a refusal)."""
    return _INVALID.sub(" ", text)


def text(value: object, limit: int, too_long: Mapping[Language, str] = TOO_LONG) -> str:
    """A string a person could have typed, at most `limit` characters."""
    if not isinstance(value, str):
        raise Refused(422, BAD_REQUEST, problem=f"a text was expected, not {type(value).__name__}")
    if _INVALID.search(value):
        raise Refused(422, BAD_TEXT)
    if len(value) > limit:
        raise Refused(413, too_long, limit=limit)
    return value


def question(value: object, settings: Settings) -> str:
    """A question or a claim: text, at most REPORTQA_MAX_QUESTION_CHARS characters."""
    return text(value, settings.max_question_chars)


def asked(value: object, settings: Settings) -> str:
    """A question or a claim that says something (the CLI's, where nothing else refuses a blank one): refused when
    empty or blank, then checked as `question`."""
    if isinstance(value, str) and not value.strip():
        raise Refused(422, EMPTY_QUESTION)
    return question(value, settings)


def comment(value: object) -> str:
    """A feedback comment: text, at most MAX_COMMENT_CHARS characters."""
    return text(value, MAX_COMMENT_CHARS)


def history(turns: list[tuple[str, str]], settings: Settings) -> list[str]:
    """The conversation so far as (role, text), oldest first: at most REPORTQA_MAX_HISTORY_TURNS turns, a user's turn
    no longer than a question (an assistant's, sent back by a client, `ANSWER_TURN_FACTOR` times that, and never
    searched). Returns the user's questions, which are all the pipeline reads."""
    if len(turns) > settings.max_history_turns:
        raise Refused(413, TOO_MANY_TURNS, limit=settings.max_history_turns)
    questions = []
    for role, content in turns:
        limit = settings.max_question_chars * (1 if role == "user" else ANSWER_TURN_FACTOR)
        checked = text(content, limit, TURN_TOO_LONG)
        if role == "user":
            questions.append(checked)
    return questions


def payload(value: object, settings: Settings, limit_factor: int = 1, depth: int = 0) -> None:
    """Every string and list in a Gradio call's data: the chat sends a question, a choice of language or a figure
    search, never a long text nor a long list (the conversation is kept on the server). An event's own data (the
    cell a visitor clicked) may hold a sentence of the report: `limit_factor` times a question."""
    if depth > MAX_DEPTH:
        raise Refused(422, BAD_REQUEST, problem="the data is nested too deep")
    if isinstance(value, str):
        text(value, settings.max_question_chars * limit_factor)
    elif isinstance(value, list | dict):
        if len(value) > settings.max_history_turns:
            raise Refused(413, TOO_MANY_TURNS, limit=settings.max_history_turns)
        items = [x for pair in value.items() for x in pair] if isinstance(value, dict) else value
        for item in items:
            payload(item, settings, limit_factor, depth + 1)
