"""On a report of another subject, without the Office's deployment file (as a new report arrives): claims in other
words, a table of measures, and what the product knows without any subject list. The report is a calibration report
of the bench (samples/bench/transport-a: a public transport company), looked at and tuned on; its test reports are
not used here."""

from pathlib import Path

import pytest

from reportqa.answer.claims import check_claim
from reportqa.answer.extractive import answer_question
from reportqa.config import Settings
from reportqa.deployment import NO_DEPLOYMENT, deployment_for
from reportqa.index import LoadedIndex, build_index, open_index
from reportqa.language.glossary import use_deployment

REPORT = Path(__file__).resolve().parent.parent / "samples" / "bench" / "transport-a"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def transport(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadedIndex, Settings]:
    docs = tmp_path_factory.mktemp("transport-docs")
    for pdf in REPORT.glob("*.pdf"):
        (docs / pdf.name).symlink_to(pdf)
    settings = Settings(docs_dir=docs, index_dir=tmp_path_factory.mktemp("transport-index"), _env_file=None)  # type: ignore[call-arg]
    build_index(settings)
    return open_index(settings), settings


@pytest.fixture(autouse=True)
def _no_subject_terms() -> None:
    use_deployment(NO_DEPLOYMENT)


def test_a_report_without_a_deployment_file_has_no_subject_terms(transport: tuple[LoadedIndex, Settings]) -> None:
    _, settings = transport
    assert deployment_for(settings) == NO_DEPLOYMENT


@pytest.mark.parametrize("value", ["4.184", "5.184"])
def test_a_claims_verdict_holds_under_three_rewordings(transport: tuple[LoadedIndex, Settings], value: str) -> None:
    """The report's table gives 4 184 complaints in 2023: the true claim is supported and the false one
    contradicted, whichever way it is said."""
    index, settings = transport
    wordings = [
        f"In 2023 waren er {value} klachten.",
        f"Reizigers dienden in 2023 {value} klachten in.",
        f"Het aantal klachten bedroeg {value} in 2023.",
    ]
    verdicts = {check_claim(index, claim, settings).verdict for claim in wordings}
    assert verdicts == {"supported" if value == "4.184" else "contradicted"}
    assert check_claim(index, wordings[0], settings).report_value == 4184


def test_a_claim_of_the_year_before_is_supported_in_other_words(transport: tuple[LoadedIndex, Settings]) -> None:
    """The report writes "4 184, contre 7 334 l'année précédente" (2023): 7 334 is 2022's figure, whatever the claim
    calls the complaints."""
    index, settings = transport
    claims = ["Je prépare un article : en 2022, il y a eu 7 334 plaintes.", "En 2022, on a réclamé 7 334 fois."]
    for claim in claims:
        result = check_claim(index, claim, settings)
        assert (result.verdict, result.report_value) == ("supported", 7334), claim
        assert result.evidence and "7 334" in result.evidence[0].quote
    assert check_claim(index, "En 2023, il y a eu 7 334 plaintes.", settings).verdict != "supported"


def test_a_figure_dated_by_the_year_before_is_said_with_its_year(transport: tuple[LoadedIndex, Settings]) -> None:
    """ "In 2023 … 4.184, tegenover 7.334 een jaar eerder": asked for 2022, the answer leads with 7.334 and 2022;
    asked for 2023, the report's sentence is enough."""
    index, settings = transport
    before = answer_question(index, "Wat was het aantal klachten in 2022", settings)
    assert not before.refused and before.answer.startswith("7.334 in 2022: ‘In 2023"), before.answer
    assert before.citations and "7.334" in before.citations[0].quote
    same = answer_question(index, "Wat was het aantal klachten in 2023", settings)
    assert not same.refused and not same.answer.startswith("4.184 in 2023:") and "4.184" in same.answer


def test_a_refusal_names_what_the_report_has_nearest(transport: tuple[LoadedIndex, Settings]) -> None:
    """The report counts accidents by line, but has no line 25: the refusal says which table is nearest."""
    index, settings = transport
    answer = answer_question(index, "Hoeveel ongevallen voor Lijn 25 in 2023?", settings)
    assert answer.refused and answer.see_also
    assert "gaat over ‘Ongevallen met lichamelijke schade per lijn, 2023’" in answer.answer, answer.answer


def test_a_wrong_figure_in_other_words_is_contradicted_by_the_reports(transport: tuple[LoadedIndex, Settings]) -> None:
    """The report writes "Avec 262 465 en 2023 (310 016 en 2022), les abonnements vendus sont en baisse": a claim of
    362 465 is contradicted with that sentence cited; one of 36 is never supported nor set against another figure."""
    index, settings = transport
    result = check_claim(index, "Le rapport fait état de 362 465 abonnements en 2023.", settings)
    assert (result.verdict, result.report_value) == ("contradicted", 262465)
    assert result.evidence and "262 465" in result.evidence[0].quote
    far = check_claim(index, "Le rapport fait état de 36 abonnements en 2023.", settings)
    assert far.verdict != "supported" and far.report_value in (None, 262465)


def test_a_table_of_measures_is_answered_from_the_measure_asked(transport: tuple[LoadedIndex, Settings]) -> None:
    """Each depot has several measures (vehicles, days out of service): the column the question names answers."""
    index, settings = transport
    answer = answer_question(index, "Quel chiffre pour jours d'arrêt à Dépôt de Lisonne-Ouest en 2023 ?", settings)
    assert not answer.refused and "7,5" in answer.answer, answer.answer


def test_a_personal_case_goes_to_the_publisher_in_four_languages(transport: tuple[LoadedIndex, Settings]) -> None:
    index, settings = transport
    for question, help_desk in [
        ("J'ai reçu un refus, puis-je introduire un recours ?", "l'organisme qui publie le rapport"),
        ("Mijn aanvraag werd geweigerd, kan ik in beroep gaan?", "de organisatie die het verslag uitgeeft"),
        ("My application was refused, can I appeal?", "the body that publishes the report"),
        ("Mein Antrag wurde abgelehnt, kann ich Widerspruch einlegen?", "die Stelle, die den Bericht herausgibt"),
    ]:
        answer = answer_question(index, question, settings)
        assert answer.refused and help_desk in answer.answer, (question, answer.answer)


def test_an_english_question_naming_nothing_of_the_report_gets_no_passage(
    transport: tuple[LoadedIndex, Settings],
) -> None:
    index, settings = transport
    assert answer_question(index, "Who won the 2022 football World Cup?", settings).refused
    assert not answer_question(index, "How many complaints were there in 2023?", settings).refused
    # The report counts accidents by line, with no line 25: a sentence about electric buses is not close enough.
    assert answer_question(index, "How many accidents for line 25 in 2023?", settings).refused
