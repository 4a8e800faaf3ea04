"""The input checks every surface uses (the CLI, the JSON API, the chat): one place, one wording per language."""

import pytest

from reportqa import inputs
from reportqa.config import Settings
from reportqa.messages.refusals import EMPTY_QUESTION, TOO_LONG


def _settings() -> Settings:
    return Settings(max_question_chars=20, _env_file=None)  # type: ignore[call-arg]


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_a_blank_question_is_refused_in_the_askers_language(blank: str) -> None:
    with pytest.raises(inputs.Refused) as refused:
        inputs.asked(blank, _settings())
    assert refused.value.status == 422
    assert refused.value.message("nl") == EMPTY_QUESTION["nl"] and str(refused.value) == EMPTY_QUESTION["en"]


def test_a_question_too_long_is_refused_with_its_limit() -> None:
    with pytest.raises(inputs.Refused) as refused:
        inputs.asked("x" * 21, _settings())
    assert refused.value.status == 413 and refused.value.message("fr") == TOO_LONG["fr"].format(limit=20)


def test_a_question_within_the_limit_is_kept_as_it_is() -> None:
    assert inputs.asked(" Combien ? ", _settings()) == " Combien ? "


def test_a_comment_is_at_most_its_limit() -> None:
    assert inputs.comment("x" * inputs.MAX_COMMENT_CHARS)
    with pytest.raises(inputs.Refused):
        inputs.comment("x" * (inputs.MAX_COMMENT_CHARS + 1))
