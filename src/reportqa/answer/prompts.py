"""What the chat model is told, in the asker's language: answer from numbered excerpts only, cite [n], copy
figures exactly, refuse in a fixed sentence. Excerpts and questions are wrapped as data, never instructions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportqa.chunk import Chunk
from reportqa.config import Language
from reportqa.messages.answers import REFUSAL
from reportqa.messages.prompts import ANSWER_RULES, EARLIER_LABEL, QUESTION_LABEL, REMINDER, REWRITE_RULES, STRICTER

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage


@dataclass(frozen=True)
class Excerpt:
    n: int
    chunk: Chunk

    def heading(self) -> str:
        chunk = self.chunk
        return f"{chunk.doc_title} ({chunk.edition.upper()}), {chunk.section_label}, p. {chunk.page}"

    def text(self) -> str:
        """What the model reads."""
        return f"{self.heading()}\n{self.chunk.text}"

    def evidence(self) -> str:
        """What the guard checks the answer's figures against: the passage, not its heading (a page number or a
        section number is not a figure of the report)."""
        return self.chunk.text


def _as_data(text: str) -> str:
    """Document or user text with its brackets made round, so that only our [n] numbers an excerpt."""
    return text.replace("[", "(").replace("]", ")")


def system_rules(language: Language) -> str:
    return ANSWER_RULES[language].format(refusal=REFUSAL[language])


def answer_messages(
    question: str, language: Language, excerpts: list[Excerpt], rejected: list[str] | None = None
) -> list[BaseMessage]:
    """The prompt: rules in the asker's language, the numbered excerpts and the question as data, then the rules
    again in one line (small models follow what they read last). After a rejected answer (`rejected` says why),
    a stricter reminder is added."""
    rules = system_rules(language)
    reminder = REMINDER[language].format(refusal=REFUSAL[language])
    if rejected:
        stricter = STRICTER[language].format(problems="; ".join(rejected[:3]), count=len(excerpts))
        rules, reminder = f"{rules}\n{stricter}", f"{stricter}\n{reminder}"
    blocks = [f"[{e.n}] {_as_data(e.text())}" for e in excerpts]
    body = "\n\n".join([*blocks, f"{QUESTION_LABEL[language]}: {_as_data(question)}", reminder])
    from langchain_core.messages import HumanMessage, SystemMessage  # only when a chat model is used

    return [SystemMessage(rules), HumanMessage(body)]


def rewrite_messages(question: str, earlier: list[str], language: Language) -> list[BaseMessage]:
    earlier_label, new_label = EARLIER_LABEL[language]
    listed = "\n".join(f"- {q}" for q in earlier[-3:])
    asked = f"{earlier_label}:\n{listed}\n{new_label}: {question}"
    from langchain_core.messages import HumanMessage, SystemMessage

    return [SystemMessage(REWRITE_RULES[language]), HumanMessage(asked)]
