import pytest

from reportqa.answer.rewrite import standalone_question
from reportqa.language.glossary import expand, translate_terms


@pytest.mark.parametrize(
    ("question", "history", "standalone"),
    [
        ("Et en 2022 ?", ["Combien de retours forcés en 2023 ?"], "Combien de retours forcés en 2022 ?"),
        ("En het jaar daarvoor?", ["Hoeveel ICAM-gesprekken in 2023?"], "Hoeveel ICAM-gesprekken in 2022?"),
        ("And in 2021?", ["How many forced returns in 2023?"], "How many forced returns in 2021?"),
        ("En in 2021?", ["Hoeveel verzoeken werden ingediend?"], "Hoeveel verzoeken werden ingediend (2021) ?"),
        ("Et en 2022 ?", [], "Et en 2022 ?"),  # nothing to follow
        ("Combien de visas en 2022 ?", ["Combien de retours en 2023 ?"], "Combien de visas en 2022 ?"),  # standalone
        # a change of subject: the new subject, asked the earlier way, about the earlier year
        ("Et les retours forcés ?", ["Combien de retours volontaires en 2023?"], "Combien les retours forcés (2023) ?"),
        ("En gedwongen terugkeer?", ["Hoeveel vrijwillige terugkeer in 2023?"], "Hoeveel gedwongen terugkeer (2023) ?"),
        # hardly a subject of its own: the earlier question's words are kept as well
        ("And for minors?", ["How many returns in 2023?"], "How many returns in 2023 — for minors ?"),
        # a new subject and a new year: the new subject, asked the earlier way, for the new year
        ("Et les MENA en 2022 ?", ["Combien de retours forcés en 2023 ?"], "Combien les MENA (2022) ?"),
        ("En de NBMV in 2022?", ["Hoeveel gedwongen terugkeer in 2023?"], "Hoeveel de NBMV (2022) ?"),
        # a whole question that starts with French "En" (in), not a follow-up
        (
            "En 2022, combien de visas ont été délivrés ?",
            ["Combien de retours forcés en 2023 ?"],
            "En 2022, combien de visas ont été délivrés ?",
        ),
    ],
)
def test_follow_ups_take_the_previous_subject(question: str, history: list[str], standalone: str) -> None:
    assert standalone_question(question, history) == standalone


def test_official_terms_are_searched_in_both_editions() -> None:
    assert expand("Combien de NBMV en 2023 ?") == "Combien de NBMV en 2023 ? (MENA)"
    assert "CGRA" in expand("Hoeveel beslissingen nam het CGVS?")
    assert translate_terms("How many unaccompanied minors in 2023?", "nl") == "How many NBMV in 2023?"
    assert translate_terms("Combien de MENA ?", "fr") == "Combien de MENA ?"  # own terms stay
