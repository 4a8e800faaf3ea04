"""Figures from table cells: the frame's operation, and each operation answered on two calibration bench reports."""

import shutil
from pathlib import Path

import pytest

from reportqa.answer.extractive import answer_question
from reportqa.answer.frame import question_frame
from reportqa.answer.rows import without_preamble
from reportqa.config import Edition, Settings
from reportqa.index import LoadedIndex, build_index, open_index
from reportqa.language.terms import caption_title, content_terms
from reportqa_eval.bench import find_reports, states_expected

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("question", "language", "operation"),
    [
        ("Met hoeveel procent stegen de aanvragen tussen 2022 en 2023?", "nl", "change_pct"),
        ("Quelle a été l'évolution en pourcentage des recettes de 2022 à 2023 ?", "fr", "change_pct"),
        ("Combien d'employés en plus en 2024 qu'en 2023 ?", "fr", "change"),
        ("By how much did removals rise between 2022 and 2023?", "en", "change"),
        ("Welk aandeel van de vertrekken ging naar Tunesië in 2024?", "nl", "share"),
        ("Quelle part des départs concernait l'Ukraine en 2024 ?", "fr", "share"),
        ("Welcher Monat hatte 2023 die meisten Ankünfte?", "de", "busiest_month"),
        ("Quel mois de 2024 a compté le plus de plaintes ?", "fr", "busiest_month"),
        ("Au total, combien d'arrivées en 2024 ?", "fr", "total"),
        ("Hoeveel ritten in totaal in 2023?", "nl", "total"),
        ("Met hoeveel procent daalde het aantal attesten in 2023?", "nl", "value"),
        ("Combien de licences en 2024 ?", "fr", "value"),
        # typed without accents
        ("de combien de pour cent le personnel a-t-il evolue entre 2023 et 2024", "fr", "change_pct"),
    ],
)
def test_the_operation_is_read_from_the_words_of_the_language(question: str, language: str, operation: str) -> None:
    assert question_frame(question, language).operation == operation  # type: ignore[arg-type]


def test_a_caption_loses_its_numbering_punctuation() -> None:
    assert caption_title("Tabel 20 – Gedwongen verwijderingen, 2021-2023") == "Gedwongen verwijderingen, 2021-2023"
    assert caption_title("Tableau 4.2 : – Retours") == "Retours"


# Questions of the calibration reports energy-a and transport-a (generated from their records), by operation.
CASES = {
    "energy-a": ["fr-010", "nl-038", "fr-012", "nl-040", "fr-015", "nl-043", "fr-016", "nl-044", "fr-017", "nl-045"],
    "transport-a": ["fr-011", "nl-039", "fr-013", "nl-041", "fr-014", "nl-042", "nl-044", "fr-018", "nl-046", "fr-010"],
}
# What those reports do not measure: a line the table does not list, a measure a table of sites does not have.
NOT_MEASURED = {"transport-a": ["fr-023", "nl-053"], "energy-a": ["nl-051", "fr-025"]}


@pytest.fixture(scope="module")
def bench_indexes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[LoadedIndex, Settings]]:
    indexes = {}
    for report in find_reports(REPO / "samples" / "bench"):
        if report.id not in CASES:
            continue
        docs = tmp_path_factory.mktemp(f"docs-{report.id}")
        for pdf in report.documents:
            shutil.copy(pdf, docs)
        settings = Settings(docs_dir=docs, index_dir=tmp_path_factory.mktemp(f"index-{report.id}"), _env_file=None)  # type: ignore[call-arg]
        build_index(settings)
        indexes[report.id] = (open_index(settings), settings)
    return indexes


def _bench_question(report: str, number: str):  # type: ignore[no-untyped-def]
    return next(q for r in find_reports(REPO / "samples" / "bench") if r.id == report for q in r.questions
                if q.id == f"{report}-{number}")


@pytest.mark.slow
@pytest.mark.parametrize(("report", "number"), [(r, n) for r, numbers in CASES.items() for n in numbers])
def test_each_operation_is_answered_from_its_cells(
    bench_indexes: dict[str, tuple[LoadedIndex, Settings]], report: str, number: str
) -> None:
    index, settings = bench_indexes[report]
    item = _bench_question(report, number)
    answer = answer_question(index, item.question, settings)
    assert not answer.refused, item.question
    assert states_expected(answer.answer, item.expected, item.asked_years), (item.question, answer.answer)
    assert answer.language == item.lang and all(c.edition == item.lang for c in answer.citations)
    if item.kind in ("change", "change_pct"):
        # A computed figure cites every cell it came from and says it is computed.
        assert len(answer.citations) == 2 and all(c.row >= 0 and c.column >= 0 for c in answer.citations)
        assert ("calcul" if item.lang == "fr" else "berekend") in answer.answer


@pytest.mark.slow
@pytest.mark.parametrize(("report", "number"), [(r, n) for r, numbers in NOT_MEASURED.items() for n in numbers])
def test_a_row_of_the_same_table_does_not_answer_what_it_does_not_measure(
    bench_indexes: dict[str, tuple[LoadedIndex, Settings]], report: str, number: str
) -> None:
    index, settings = bench_indexes[report]
    item = _bench_question(report, number)
    assert not item.answerable
    assert answer_question(index, item.question, settings).refused, item.question


@pytest.mark.parametrize(
    ("question", "language", "answer", "answers"),
    [
        ("Quel âge a Claire Dumoulin ?", "fr", "Il est publié sous la responsabilité de Claire Dumoulin. [1]", False),
        ("Hoe oud is de directeur?", "nl", "De directeur is 54 jaar. [1]", True),
        ("Wat is het telefoonnummer van het Rekenhof?", "nl", "Dit verslag beschrijft de activiteiten. [1]", False),
        ("What is the phone number of the Court?", "en", "Tel. +32 2 551 81 11 [1]", True),
        ("Quel temps fera-t-il demain à Mirvaux ?", "fr", "Mirvaux compte trois postes. [1]", False),
        ("Wie wird das Wetter morgen in Lisonne?", "de", "Lisonne hat zwei Depots. [1]", False),
        ("Combien de plaintes en 2024 ?", "fr", "« Plaintes » : 2 685 en 2024. [1]", True),
        # Who someone is: a person's name, not a sentence that names the institution asked about.
        ("Wie is de eerste voorzitter van het Rekenhof?", "nl", "Eerst onderzocht het Rekenhof. [1]", False),
        ("Quick question: who is the mayor of Tessenbrouck?", "en", "The mayor, Jan Van den Bossche, said. [1]", True),
        ("Quel est le budget qui est alloué aux centres ?", "fr", "Le budget s'élève à 12 millions. [1]", True),
    ],
)
def test_a_question_that_asks_for_a_form_is_answered_only_by_that_form(
    question: str, language: str, answer: str, answers: bool
) -> None:
    """An age is a number of years, a phone number a run of digits; tomorrow's weather is in no report."""
    assert question_frame(question, language).answered_by(answer) is answers  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("counted", "edition", "kept"),
    [
        ("Snelle vraag: bezetting welk cijfer?", "nl", "bezetting welk cijfer?"),  # a preamble: nothing the report uses
        ("Je prépare un article : occupation", "fr", "occupation"),
        ("en voor luxemburg, hoeveel budgetmeters", "nl", "en voor luxemburg, hoeveel budgetmeters"),  # a country
        ("En 2023, combien de plaintes", "fr", "En 2023, combien de plaintes"),  # a figure or a year
        ("Pour les bus, combien de kilomètres", "fr", "Pour les bus, combien de kilomètres"),  # a word of the report
    ],
)
def test_the_askers_preamble_is_not_what_is_counted(counted: str, edition: Edition, kept: str) -> None:
    known = {term: 1.0 for term in content_terms("bezetting occupation plaintes bus kilomètres", edition)}
    assert without_preamble(counted, known, edition) == kept
