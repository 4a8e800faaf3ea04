import pytest

from reportqa.language.detect import detect_language


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Combien d'entretiens les accompagnateurs ICAM ont-ils menés ?", "fr"),
        ("Hoeveel gesprekken voerden de ICAM-coaches?", "nl"),
        ("How many interviews did the ICAM coaches hold?", "en"),
        ("Wie viele Gespräche führten die ICAM-Coaches?", "de"),
        # Read as German by the quick trigram models: English and German are confirmed by the full models.
        ("Write a Python program that sorts a list.", "en"),
    ],
)
def test_detects_the_four_languages(question: str, language: str) -> None:
    assert detect_language(question) == language


def test_too_short_to_tell_keeps_the_fallback() -> None:
    assert detect_language("9ter", fallback="nl") == "nl"


def test_function_words_tell_a_short_french_sentence_the_trigrams_read_as_dutch() -> None:
    assert detect_language("En 2023, il y a eu 1 187 transferts Dublin.") == "fr"
    assert detect_language("In 2023 werden er 1.187 Dublinoverdrachten uitgevoerd.") == "nl"
