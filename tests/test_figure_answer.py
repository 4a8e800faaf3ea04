from reportqa.config import Edition
from reportqa.figure_answer import _asked_actions, months_named
from reportqa.text import content_terms


def test_months_are_named_in_four_languages_and_may_is_not_one() -> None:
    assert months_named("Combien de demandes en juin 2023 ?") == {6}
    assert months_named("Hoeveel in mei en juni?") == {5, 6}
    assert months_named("Wie viele im März?") == {3}
    assert months_named("How many people may return in June?") == {6}  # "may" the verb is no month
    assert months_named("Combien de retours forcés en 2023 ?") == set()


def test_everyday_verbs_name_the_action_asked() -> None:
    def asked(question: str, edition: Edition) -> set[str]:
        return _asked_actions(question, content_terms(question, edition), edition)

    assert asked("Combien d'étudiants étrangers ont reçu leur visa en 2023 ?", "fr") == {"granted"}
    assert asked("Combien de demandes de visa l'Office a reçu en 2023 ?", "fr") == set()  # received, not granted
    assert asked("Combien de travailleurs n'ont pas obtenu leur permis unique ?", "fr") == {"refused"}
    assert asked("Hoeveel werknemers kregen in 2023 geen gecombineerde vergunning?", "nl") == {"refused"}
    assert asked("Hoeveel Syriërs vroegen in 2023 asiel aan?", "nl") == {"lodged"}
    assert asked("Hoeveel Schengenvisa gaf België in 2022 af?", "nl") == {"granted"}
    assert asked("Hoeveel aanvragen werden in 2021 goedgekeurd?", "nl") == {"granted"}
