import pytest

from reportqa.language.numbers import normalize_numbers, numbers_in
from reportqa.language.terms import content_terms, tokens


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("35 507", "35507"),
        ("35\u00a0507", "35507"),
        ("35\u202f507", "35507"),
        ("35.507", "35507"),
        ("35507", "35507"),
        ("1 234 567", "1234567"),
        ("12,5 %", "12.5 %"),
        ("12,5%", "12.5%"),
        ("en 2023 et 2022", "en 2023 et 2022"),
    ],
)
def test_number_formats_compare_equal(written: str, expected: str) -> None:
    assert normalize_numbers(written) == expected


def test_table_cells_do_not_merge() -> None:
    assert numbers_in("Total | 2022: 7 087 | 2023: 7 777") == ["2022", "7087", "2023", "7777"]


def test_content_terms_drop_stopwords_and_stem() -> None:
    terms = content_terms("Combien d'entretiens les accompagnateurs ont-ils menés ?", "fr")
    assert "combien" not in terms and "les" not in terms
    assert content_terms("entretien", "fr") <= terms


def test_a_dutch_singular_and_its_latin_plural_are_one_term() -> None:
    assert tokens("Hoeveel studenten kregen hun visum?", "nl")[-1] == tokens("Toegekende visa", "nl")[-1]
    assert content_terms("gesloten centra", "nl") == content_terms("gesloten centrum", "nl")


def test_question_words_are_not_content_and_mensen_are_personen() -> None:
    assert content_terms("Welk aandeel? Hoe vaak?", "nl") == content_terms("aandeel", "nl")
    assert content_terms("Hoeveel mensen?", "nl") == content_terms("personen", "nl")


def test_how_often_how_high_and_someone_are_question_words_in_every_language() -> None:
    for question, language in (
        ("Combien de fois, et pour quelqu'un ?", "fr"),
        ("Hoeveel keer, en voor iemand? Hoe hoog was het?", "nl"),
        ("How many times, for someone? How high was it?", "en"),
        ("Wie oft, wie viele Mal, für jemand, einen, einem, eines? Wie hoch war es?", "de"),
    ):
        assert not content_terms(question, language), question


def test_a_verb_and_the_reports_noun_for_the_same_act_are_one_term() -> None:
    assert content_terms("reprendre", "fr") == content_terms("reprise", "fr")
    assert content_terms("terugnemen", "nl") == content_terms("terugname", "nl")
    assert content_terms("akkoorden", "nl") == content_terms("akkoord", "nl")
