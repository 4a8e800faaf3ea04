import pytest

from reportqa.answer.section_answer import is_section_question


@pytest.mark.parametrize(
    ("question", "about_a_section"),
    [
        ("Welk deel van het verslag gaat over gezinshereniging?", True),
        ("Waar behandelt het verslag de medische regularisatie?", True),
        ("Waar kan ik de cijfers over visa vinden?", True),
        ("Où puis-je trouver le tableau des retours ?", True),
        ("Quelle section traite des mariages de complaisance ?", True),
        ("Which section covers forced returns?", True),
        ("In welchem Abschnitt geht es um Visa?", True),
        ("Waar gaat het rapport in op de controles bij uitzendkantoren?", True),
        # Where something happens is a question about the report's content, not about its sections.
        ("Waar vinden de meeste terugdrijvingen plaats?", False),
        ("Où ont lieu la plupart des refoulements ?", False),
        ("Où l'Office a-t-il ouvert un nouveau centre ?", False),
        ("Combien de retours forcés en 2023 ?", False),
    ],
)
def test_which_section_questions_are_told_from_where_questions(question: str, about_a_section: bool) -> None:
    assert is_section_question(question) is about_a_section
