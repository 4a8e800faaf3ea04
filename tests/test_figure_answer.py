import pytest

from reportqa.answer.actions import OTHER_ACTION_PENALTY, asked_actions, other_action
from reportqa.answer.asked import (
    _ASKS_FOR_CHANGE,
    _ASKS_FOR_DURATION,
    codes_named,
    is_figure_question,
    kind_asked,
    states_share,
)
from reportqa.config import Edition
from reportqa.language.numbers import asked_years, months_named
from reportqa.language.terms import content_terms


def test_months_are_named_in_four_languages_and_may_is_not_one() -> None:
    assert months_named("Combien de demandes en juin 2023 ?") == {6}
    assert months_named("Hoeveel in mei en juni?") == {5, 6}
    assert months_named("Wie viele im März?") == {3}
    assert months_named("How many people may return in June?") == {6}  # "may" the verb is no month
    assert months_named("Combien de retours forcés en 2023 ?") == set()


def test_everyday_verbs_name_the_action_asked() -> None:
    def asked(question: str, edition: Edition) -> set[str]:
        return asked_actions(question, edition)[0]

    assert asked("Combien d'étudiants étrangers ont reçu leur visa en 2023 ?", "fr") == {"granted"}
    assert asked("Combien de demandes de visa l'Office a reçu en 2023 ?", "fr") == set()  # received, not granted
    assert asked("Combien de travailleurs n'ont pas obtenu leur permis unique ?", "fr") == {"refused"}
    assert asked("Hoeveel werknemers kregen in 2023 geen gecombineerde vergunning?", "nl") == {"refused"}
    assert asked("Hoeveel Syriërs vroegen in 2023 asiel aan?", "nl") == {"lodged"}
    assert asked("Hoeveel Schengenvisa gaf België in 2022 af?", "nl") == {"granted"}
    assert asked("Hoeveel aanvragen werden in 2021 goedgekeurd?", "nl") == {"granted"}


def test_the_whole_a_question_counts_in_is_not_asked() -> None:
    """ "Van alle behandelde aanvragen, hoeveel goedgekeurd?": granted is asked, processing is the whole, and its
    words are set apart so they do not pull the answer to the row of applications processed."""
    actions, whole = asked_actions("Van alle behandelde aanvragen in 2023, hoeveel werden goedgekeurd?", "nl")
    assert actions == {"granted"} and content_terms("behandelde", "nl") <= whole
    actions, whole = asked_actions("Sur les demandes traitées en 2022, combien ont été refusées ?", "fr")
    assert actions == {"refused"} and content_terms("traitées", "fr") <= whole
    assert asked_actions("Combien de demandes traitées en 2022 ?", "fr") == ({"processed"}, set())


def test_a_question_on_how_long_is_answered_by_a_duration() -> None:
    """ "Hoe lang", "combien de temps": a count does not answer, a figure in days does, and a monthly table's "per
    maand" is a breakdown, not a duration."""
    how_long = "Hoe lang duurde de behandeling van een visumaanvraag gemiddeld in 2023?"
    assert _ASKS_FOR_DURATION.search(how_long)
    assert _ASKS_FOR_DURATION.search("Combien de temps fallait-il pour traiter une demande ?")
    assert not _ASKS_FOR_DURATION.search("Hoeveel langdurig zieken vroegen 9ter aan?")
    duration = kind_asked(how_long)
    assert duration is not None
    assert not duration("Tabel 2.1: Aanvragen — Behandelde aanvragen")
    assert not duration("Tabel 11.1: Visumaanvragen per maand — april")
    assert duration("De behandelingstermijn bedroeg 11 dagen in 2023.")
    assert duration("Tabel 8.5 — Durée moyenne de détention (jours)")


def test_a_share_is_asked_and_a_change_is_not_one() -> None:
    """ "Welk deel", "what share": a percentage that is a change from last year is no share; "met hoeveel procent
    nam … toe" asks for the change itself."""
    assert states_share("Tabel 4.4: Beschermingsgraad — 2022: 43,2%")
    assert not states_share("In totaal werden in 2023 35.507 verzoeken ingediend, 3,7% minder dan in 2022.")
    assert not states_share("Au total, 35 507 demandes, soit 3,7 % de moins qu'en 2022.")
    assert _ASKS_FOR_CHANGE.search("Met hoeveel procent nam de gedwongen terugkeer toe in 2023?")
    assert _ASKS_FOR_CHANGE.search("De combien de pour cent les demandes ont-elles baissé ?")
    assert not _ASKS_FOR_CHANGE.search("Hoeveel procent van de asielzoekers kreeg in 2022 bescherming?")
    assert not _ASKS_FOR_CHANGE.search("What share of asylum decisions granted protection in 2022?")


def test_a_figure_in_percent_names_the_share_a_question_asks_for() -> None:
    """ "Quelle proportion", "welk aandeel": the question's word for a share is a word a figure in % names."""
    from reportqa.answer.asked import percent_words

    for edition, question in (("fr", "Quelle proportion des demandes ?"), ("nl", "Welk aandeel van de aanvragen?")):
        asked = content_terms(question, edition) - content_terms("des demandes van de aanvragen", edition)
        assert asked and asked <= percent_words(edition)


def test_a_cost_a_duration_or_a_share_must_be_stated_to_answer() -> None:
    """ "Combien coûte un retour forcé ?" is not answered by the number of forced returns: the statement must state
    what kind of figure is asked, or the report does not say."""
    cost = kind_asked("Combien coûte un retour forcé en moyenne ?")
    assert cost is not None and not cost("Le nombre de retours forcés est passé à 3 994 en 2023.")
    assert cost("Le budget était de 12 millions d'euros.")
    duration = kind_asked("Hoe lang bleef iemand gemiddeld in een gesloten centrum?")
    assert duration is not None and duration("Gemiddelde detentieduur (dagen) | 2023: 37")
    share = kind_asked("Hoeveel procent van de asielzoekers kreeg bescherming?")
    assert share is not None and not share("35.507 verzoeken, 3,7% minder dan in 2022.")
    assert kind_asked("Hoeveel procent meer blauwe kaarten werden er in 2023 uitgereikt?") is None  # a change
    assert kind_asked("Combien de demandes de visa en 2023 ?") is None  # any figure


def test_a_statement_about_applications_is_no_answer_to_what_was_granted() -> None:
    """ "Demandes de visa pour études par mois — Total" counts applications: asked how many students obtained their
    visa, it names another action than the granted visas' row does (it once outranked "Visas accordés")."""
    asked = {"granted"}
    applications = content_terms("Demandes de visa pour études par mois Total", "fr")
    granted = content_terms("Visas pour études Visas accordés", "fr")
    total = content_terms("Visas pour études Total", "fr")
    assert other_action(asked, applications, "fr") == OTHER_ACTION_PENALTY
    assert other_action(asked, total, "fr") == OTHER_ACTION_PENALTY / 2  # names no action at all
    assert other_action(asked, granted, "fr") == 0.0
    assert other_action(set(), applications, "fr") == 0.0  # "combien de demandes" asks for no action
    assert other_action(asked, content_terms("Aanvragen", "nl"), "nl") == OTHER_ACTION_PENALTY


def test_the_codes_and_acronyms_a_question_writes_are_its_subjects() -> None:
    """A question on "une demande 9ter" is not answered by the visas' processing time: the code names the
    subject, and a statement outside the 9ter sections that does not name it is about something else."""
    assert codes_named("Quel est le délai moyen de traitement d'une demande 9ter ?", "fr") == {"9ter"}
    assert codes_named("Hoeveel gesprekken voerden de ICAM-coaches in 2023?", "nl") == {"icam"}
    assert codes_named("Combien de décisions le CGRA a-t-il prises en 2023 ?", "fr") == {"cgra"}
    assert codes_named("Combien de retours forcés en 2023 ?", "fr") == set()  # a year is no code, nor a capital


def test_allowed_to_stay_asks_for_the_authorisations_granted() -> None:
    for question in (
        "Combien d'étrangers ont pu rester pour raisons de santé en 2023 ?",
        "Hoeveel zieke vreemdelingen mochten in 2022 in België blijven?",
        "How many sick foreigners were allowed to stay in 2023?",
        "Hoeveel zieke vreemdelingen mag de Dienst laten blijven?",
    ):
        assert "granted" in asked_actions(question, "fr")[0] | asked_actions(question, "nl")[0], question
    assert not asked_actions("Combien d'étrangers sont restés en centre fermé ?", "fr")[0]


def test_how_high_asks_for_a_figure_but_a_high_building_does_not() -> None:
    assert is_figure_question("Hoe hoog was het beschermingspercentage in 2021?")
    assert is_figure_question("Hoe groot is het aandeel online aanvragen?")
    assert is_figure_question("How high was the protection rate in 2022?")
    assert is_figure_question("Wie hoch war die Schutzquote 2023?")
    assert not is_figure_question("Waarom is de drempel zo hoog?")


def test_the_year_of_a_figure_the_question_states_is_not_asked() -> None:
    """ "Après 3 327 expulsions en 2022, combien en 2023 ?" asks for 2023; two years asked stay asked."""
    assert asked_years("Après 3 327 expulsions en 2022, combien y en a-t-il eu en 2023 ?") == {"2023"}
    assert asked_years("Na 3.327 gedwongen terugkeringen in 2022, hoeveel waren het er in 2023?") == {"2023"}
    assert asked_years("Hoeveel in 2022 en in 2023?") == {"2022", "2023"}
    assert asked_years("Combien de demandes 9ter en 2022 ?") == {"2022"}
    assert asked_years("Les 3 994 retours de 2023 ?") == {"2023"}


def test_a_subject_named_in_words_is_the_sections_acronym() -> None:
    """ "Unaccompanied minors" is the MENA section's subject as much as "MENA" is: a statement about asylum
    applications in general is about something else."""
    from reportqa.language.glossary import translate_terms

    question = "How many unaccompanied minors applied for international protection in 2023?"
    assert codes_named(translate_terms(question, "fr"), "fr") == content_terms("MENA", "fr")
    dutch = translate_terms("Hoeveel zieke vreemdelingen (9ter)?", "nl")
    assert codes_named(dutch, "nl") == content_terms("9ter", "nl")


def test_how_often_is_answered_by_a_count_of_events_not_of_staff() -> None:
    from reportqa.answer.asked import ASKS_HOW_OFTEN, counts_events

    for question in ("Hoe vaak spraken de coaches met iemand?", "How often did ICAM coaches hold interviews?"):
        assert ASKS_HOW_OFTEN.search(question)
    assert not ASKS_HOW_OFTEN.search("Combien d'accompagnateurs ICAM en 2022 ?")
    assert not counts_events("Tabel 8.6: ICAM-gesprekken — ICAM-coaches (VTE) | 2023: 26")
    assert counts_events("Tabel 8.6: ICAM-gesprekken — Gevoerde gesprekken | 2023: 3.962")


@pytest.mark.parametrize(
    ("sentence", "figure", "year"),
    [
        ("En 2023, le nombre de plaintes s'est établi à 4 184, contre 7 334 l'année précédente.", "7 334", 2022),
        ("In 2023 bedroeg het aantal magistraten 88,1 VTE, tegenover 156,9 VTE een jaar eerder.", "156,9", 2022),
        ("In 2023 bedroeg het aantal magistraten 88,1 VTE, tegenover 156,9 VTE een jaar eerder.", "88,1", 2023),
        ("On a relevé 2 773 naissances en 2024, après 3 366 en 2023.", "3 366", 2023),
    ],
)
def test_a_figure_of_the_year_before_is_for_that_year(sentence: str, figure: str, year: int) -> None:
    from reportqa.language.numbers import numbers_with_years

    assert (figure, year) in numbers_with_years(sentence)


def test_a_day_of_the_month_is_a_date_not_a_figure() -> None:
    from reportqa.language.numbers import numbers_with_years

    said = numbers_with_years("Tussen 1 januari 2019 en 31 december 2020 werden 180 overuren vrijgesteld.")
    assert [number for number, _ in said if not number.startswith("20")] == ["180"]
    assert [n for n, _ in numbers_with_years("Au 1er mars 2023, 4 000 dossiers.") if n != "2023"] == ["4 000"]


def test_a_general_act_is_named_in_its_inflected_forms() -> None:
    """ "toegekende vrijstellingen" names the act "toegekend" that a question asks about, in the report's own
    word or another of its names."""
    from reportqa.language.glossary import alias_terms

    assert content_terms("toegekend", "nl") <= alias_terms("Aantal toegekende vrijstellingen", "nl")
    assert content_terms("afgegeven", "nl") <= alias_terms("Aantal toegekende vrijstellingen", "nl")
    assert content_terms("accordés", "fr") <= alias_terms("Autorisations accordées", "fr")
