"""The JSON bodies the API takes; their lengths and characters are checked by `reportqa.inputs`, so that a
refusal is in the asker's language."""

from typing import Literal

from pydantic import BaseModel, Field

from reportqa.inputs import MAX_COMMENT_CHARS


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class FeedbackRequest(BaseModel):
    answer_id: str = Field(min_length=1, max_length=64)
    rating: Literal["up", "down"]
    comment: str = Field("", max_length=MAX_COMMENT_CHARS)
    session: str = Field("", max_length=64)


class CheckRequest(BaseModel):
    claim: str = Field(min_length=1)  # its length and characters: `inputs.question`
    lang: Literal["auto", "fr", "nl", "en", "de"] = "auto"


class AskRequest(BaseModel):
    question: str = Field(min_length=1)
    lang: Literal["auto", "fr", "nl", "en", "de"] = "auto"
    # Earlier turns, oldest first: plain strings are the user's questions (at most REPORTQA_MAX_HISTORY_TURNS,
    # checked by `inputs.history` so that the refusal is in the asker's language).
    history: list[str | Turn] = Field(default_factory=list)
    # The client's random conversation id; kept (as a keyed hash) only when the operator turned analytics on.
    session: str = Field("", max_length=64)

    def turns(self) -> list[tuple[str, str]]:
        return [("user", turn) if isinstance(turn, str) else (turn.role, turn.content) for turn in self.history]
