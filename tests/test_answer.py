import re
import shutil
from pathlib import Path

import pytest

from reportqa.answer.extractive import answer_question
from reportqa.config import Settings
from reportqa.index import LoadedIndex, ensure_index
from reportqa.messages.answers import REFUSAL
from reportqa_eval.evaluate import figures_cited

pytestmark = pytest.mark.slow
REPO = Path(__file__).parent.parent


@pytest.mark.parametrize(
    ("question", "language", "figure", "section", "page", "physical"),
    [
        (
            "Combien de demandes de visa de court séjour l'Office a-t-il traitées en 2023 ?",
            "fr",
            "210 345",
            "1.1",
            "1",
            3,
        ),
        (
            "Hoeveel aanvragen voor een visum kort verblijf werden in 2023 behandeld?",
            "nl",
            "210.345",
            "1.1",
            "1",
            3,
        ),
        ("Combien de retours forcés y a-t-il eu en 2023 ?", "fr", "2 345", "2.1", "2", 4),
        ("Hoeveel gedwongen terugkeer was er in 2022?", "nl", "2.100", "2.1", "2", 4),
    ],
)
def test_figure_with_its_section_and_page(
    corpus_index: LoadedIndex,
    corpus_settings: Settings,
    question: str,
    language: str,
    figure: str,
    section: str,
    page: str,
    physical: int,
) -> None:
    answer = answer_question(corpus_index, question, corpus_settings)
    assert answer.language == language and not answer.refused
    assert figure in answer.answer
    first = answer.citations[0]
    assert (first.edition, first.section, first.page, first.physical_page) == (
        language,
        section,
        page,
        physical,
    )
    assert figure in first.quote
    assert re.search(rf"\.pdf\?v=[0-9a-f]{{12}}#page={physical}$", first.url), first.url  # the version cited
    assert "[1]" in answer.answer


def test_table_answers_quote_the_matching_row_only(corpus_index: LoadedIndex, corpus_settings: Settings) -> None:
    answer = answer_question(corpus_index, "Combien de retours forcés y a-t-il eu en 2023 ?", corpus_settings)
    assert "Retours forcés" in answer.answer and "Retours volontaires |" not in answer.answer


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Quel temps fera-t-il demain à Bruxelles ?", "fr"),
        ("Wat is de hoofdstad van Frankrijk?", "nl"),
        # English and German questions naming nothing the report is about (Brussels is in the report)
        ("What is the weather going to be like in Brussels tomorrow?", "en"),
        ("Wie wird das Wetter morgen in Brüssel?", "de"),
    ],
)
def test_unrelated_questions_are_refused_in_the_askers_language(
    corpus_index: LoadedIndex, corpus_settings: Settings, question: str, language: str
) -> None:
    answer = answer_question(corpus_index, question, corpus_settings)
    assert answer.refused and answer.answer == REFUSAL[language]  # type: ignore[index]
    assert answer.citations == [] and answer.see_also == []  # nothing in the report is about this


def test_a_refusal_on_a_subject_the_report_covers_points_to_its_passages(
    corpus_index: LoadedIndex, corpus_settings: Settings
) -> None:
    answer = answer_question(corpus_index, "Combien de retours forcés en 2015 ?", corpus_settings)
    assert answer.refused and answer.see_also  # the report covers forced returns, not 2015
    assert all("2015" not in c.quote for c in answer.see_also)


def test_english_questions_get_quotes_and_say_which_edition(
    corpus_index: LoadedIndex, corpus_settings: Settings
) -> None:
    answer = answer_question(
        corpus_index, "How many short-stay visa applications were processed in 2023?", corpus_settings
    )
    assert answer.language == "en" and not answer.refused
    assert answer.answer.startswith("The report exists only in Dutch and French")
    assert "210 345" in answer.answer or "210.345" in answer.answer


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_chosen_language_picks_its_edition(
    corpus_index: LoadedIndex, corpus_settings: Settings, language: str
) -> None:
    answer = answer_question(corpus_index, "ICAM", corpus_settings, language=language)  # type: ignore[arg-type]
    assert answer.language == language and answer.citations[0].edition == language


def test_table_answers_cite_the_cell(corpus_index: LoadedIndex, corpus_settings: Settings) -> None:
    answer = answer_question(corpus_index, "Combien de retours forcés y a-t-il eu en 2023 ?", corpus_settings)
    assert answer.citations[0].table_cell == "Tableau 2.1 : Retours par type, Retours forcés, 2023"


def test_a_statement_two_documents_make_is_quoted_once_and_cited_to_both(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(REPO / "docs" / "announcement-2023.fr.md", docs)
    (docs / "avant-propos.fr.md").write_text(
        '---\ntitle: "Rapport d\'activité 2023 : avant-propos"\nlanguage: fr\nkind: report\n---\n\n'
        "Pour faire face à cette charge de travail, l'Office a misé sur la numérisation, sur du personnel "
        "supplémentaire et sur une approche en chaîne, avec une coopération plus étroite entre les services de "
        "migration et d'asile.\n",
        encoding="utf-8",
    )
    settings = Settings(docs_dir=docs, index_dir=tmp_path / "index", _env_file=None)  # type: ignore[call-arg]
    answer = answer_question(
        ensure_index(settings), "Comment l'Office a-t-il fait face à l'augmentation de la charge de travail ?", settings
    )
    assert not answer.refused
    assert answer.answer.count("numérisation") == 1, answer.answer
    assert "[1][2]" in answer.answer
    assert {c.document for c in answer.citations} == {
        "Rapport d'activité 2023 de l'Office des étrangers : annonce",
        "Rapport d'activité 2023 : avant-propos",
    }


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Quelle partie du rapport traite des retours volontaires ?", "2.1"),
        ("ou trouver les informations sur les retours volontaires ?", "2.1"),  # "où" typed without its accent
        ("Welk deel van het verslag gaat over visa voor kort verblijf?", "1.1"),
        ("In welchem Abschnitt geht es um Visa?", "1"),  # visas in general: the chapter "Visas", not one kind
    ],
)
def test_which_section_questions_get_the_section_and_its_page(
    corpus_index: LoadedIndex, corpus_settings: Settings, question: str, section: str
) -> None:
    answer = answer_question(corpus_index, question, corpus_settings)
    assert not answer.refused, answer.answer
    assert section in answer.answer and answer.citations[0].section == section
    assert f"{answer.citations[0].page})" in answer.answer  # the printed page, as cited
    assert figures_cited(answer, corpus_index)  # the section number and page are the citation's own


@pytest.mark.parametrize(
    "question",
    [
        "Quelle partie du rapport parle du football ?",
        "In welk hoofdstuk gaat het over de weersvoorspelling?",
        "ou trouver les informations sur la pêche en mer ?",  # typed without the accent of "où"
    ],
)
def test_a_which_section_question_on_a_subject_the_report_does_not_treat_is_refused(
    corpus_index: LoadedIndex, corpus_settings: Settings, question: str
) -> None:
    answer = answer_question(corpus_index, question, corpus_settings)
    assert answer.refused, answer.answer


def test_a_section_question_on_what_the_report_does_not_cover_is_refused(
    corpus_index: LoadedIndex, corpus_settings: Settings
) -> None:
    answer = answer_question(corpus_index, "Quelle section traite des courses de chevaux ?", corpus_settings)
    assert answer.refused and answer.answer == REFUSAL["fr"]


@pytest.mark.parametrize(
    "question",
    ["Combien de retours forcés de ressortissants japonais en 2023 ?", "Hoeveel Japanners werden in 2023 uitgezet?"],
)
def test_a_figure_for_a_people_the_report_does_not_break_down_is_refused(
    corpus_index: LoadedIndex, corpus_settings: Settings, question: str
) -> None:
    """The report counts forced returns, not forced returns of Japanese nationals: the total is not the answer."""
    answer = answer_question(corpus_index, question, corpus_settings)
    assert answer.refused, answer.answer
    assert not answer_question(corpus_index, "Combien de retours forcés en 2023 ?", corpus_settings).refused
