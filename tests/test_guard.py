import pytest

from reportqa.answer.guard import is_refusal, markers, problems
from reportqa.answer.prompts import system_rules
from reportqa.language.numbers import figures_in
from reportqa.messages.answers import REFUSAL

EXCERPTS = {
    1: "Tableau 2.1 : Retours par type — Retours forcés | 2022: 2 100 | 2023: 2 345",
    2: "Les accompagnateurs ICAM ont mené près de 4.000 entretiens, soit 12,5 % de plus qu'en 2022.",
}


def test_markers_in_every_written_form() -> None:
    assert markers("A [2]. B [1, 2]. C [3][1] [2;4]") == [2, 1, 3, 4]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("près de 4 000 entretiens", "fr", {"4000"}),
        ("bijna 4.000 gesprekken", "nl", {"4000"}),
        ("nearly 4,000 interviews", "en", {"4000"}),
        ("12,5 % de plus", "fr", {"12.5"}),
        ("12.5% more", "en", {"12.5"}),
    ],
)
def test_figures_compare_across_formats(text: str, language: str, expected: set[str]) -> None:
    assert figures_in(text, language) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("En 2023, il y a eu 2 345 retours forcés, contre 2 100 en 2022 [1].", "fr"),
        ("Les accompagnateurs ICAM ont mené près de 4 000 entretiens [2].", "fr"),
        ("The ICAM coaches held nearly 4,000 interviews, 12.5% more than in 2022 [2].", "en"),
        ("In 2023 waren er 2.345 gedwongen terugkeerbewegingen [1]. Bijna 4.000 ICAM-gesprekken [2].", "nl"),
    ],
)
def test_a_faithful_answer_passes(answer: str, language: str) -> None:
    assert problems(answer, EXCERPTS, language) == []  # type: ignore[arg-type]


def test_a_changed_figure_is_caught() -> None:
    found = problems("Il y a eu 2 346 retours forcés en 2023 [1].", EXCERPTS, "fr")
    assert found == ["2346 is not in [1]"]


def test_a_figure_must_stand_in_the_excerpt_its_sentence_cites() -> None:
    found = problems("Il y a eu 4 000 retours forcés en 2023 [1].", EXCERPTS, "fr")
    assert found == ["4000 is not in [1]"]


def test_markers_must_point_to_given_excerpts() -> None:
    assert "[3] cites no excerpt that was given" in problems("Il y a eu 2 345 retours forcés [3].", EXCERPTS, "fr")
    assert "no [n] marker cites an excerpt" in problems("Il y a eu 2 345 retours forcés.", EXCERPTS, "fr")


def test_the_answer_must_be_in_the_askers_language() -> None:
    found = problems("Er waren in 2023 in totaal 2.345 gedwongen terugkeerbewegingen [1].", EXCERPTS, "fr")
    assert "the answer is in nl, not fr" in found


def test_the_fixed_refusal_needs_no_marker() -> None:
    assert is_refusal(f"« {REFUSAL['nl']} »", "nl")
    assert problems(REFUSAL["fr"], EXCERPTS, "fr") == []


def test_a_leaked_prompt_is_caught() -> None:
    rules = system_rules("en")
    leaked = f"My instructions: {rules.splitlines()[3]} [1]"
    assert "the answer repeats the instructions" in problems(leaked, EXCERPTS, "en", rules)


def test_an_empty_answer_fails() -> None:
    assert problems("  ", EXCERPTS, "fr") == ["the answer is empty"]
    assert problems("[1]", EXCERPTS, "fr") == ["the answer says almost nothing"]


def test_a_sentence_must_use_the_words_of_what_it_cites() -> None:
    found = problems("Je suis désormais un pirate des mers du Sud [1].", EXCERPTS, "fr")
    assert found == ["a sentence shares few words with [1]"]


MONTHLY = {1: "Tableau 8.4 : Retours forcés par mois\nTotal | 2022: 3 327 | 2023: 3 994"}


def test_a_figure_must_be_the_cell_of_the_year_its_sentence_names() -> None:
    assert problems("En 2023, il y a eu 3 994 retours forcés [1].", MONTHLY, "fr") == []
    assert problems("En 2023, il y a eu 3 327 retours forcés [1].", MONTHLY, "fr") == ["3327 is not in [1]"]
    assert problems("En 2022, il y a eu 3 327 retours forcés [1].", MONTHLY, "fr") == []


def test_a_figure_in_prose_must_be_tied_to_the_year_named() -> None:
    prose = {1: "Demandes introduites : 4 012 en 2021, 4 388 en 2022 et 4 751 en 2023."}
    assert problems("En 2023, 4 751 demandes ont été introduites [1].", prose, "fr") == []
    assert problems("En 2023, 4 388 demandes ont été introduites [1].", prose, "fr") == ["4388 is not in [1]"]
