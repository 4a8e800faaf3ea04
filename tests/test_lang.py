import pytest

from reportqa.lang import detect_language


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
