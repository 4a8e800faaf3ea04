from reportqa.figure_answer import months_named


def test_months_are_named_in_four_languages_and_may_is_not_one() -> None:
    assert months_named("Combien de demandes en juin 2023 ?") == {6}
    assert months_named("Hoeveel in mei en juni?") == {5, 6}
    assert months_named("Wie viele im März?") == {3}
    assert months_named("How many people may return in June?") == {6}  # "may" the verb is no month
    assert months_named("Combien de retours forcés en 2023 ?") == set()
