import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow
CONTRACT_KEYS = {"question", "language", "answer", "refused", "citations", "timings_ms"}
CITATION_KEYS = {
    "n",
    "document",
    "edition",
    "section",
    "section_title",
    "page",
    "physical_page",
    "quote",
    "url",
}


def reportqa(*args: str, index: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTQA_")}
    return subprocess.run(
        [sys.executable, "-m", "reportqa.cli", *args, "--docs", str(REPO / "docs"), "--index", str(index)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def ask_json(question: str, index: Path) -> dict:  # type: ignore[type-arg]
    result = reportqa("ask", question, "--json", index=index)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1  # exactly one JSON object
    answer = json.loads(lines[0])
    assert CONTRACT_KEYS <= set(answer)
    assert set(answer["timings_ms"]) == {"retrieve", "answer", "total"}
    for citation in answer["citations"]:
        assert CITATION_KEYS <= set(citation)
        assert isinstance(citation["page"], str) and isinstance(citation["physical_page"], int)
    return answer


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-index")
    result = reportqa("ingest", index=path)
    assert result.returncode == 0, result.stderr
    assert "2 documents" in result.stdout and "chunks" in result.stdout
    return path


def test_french_icam_question_cites_the_french_announcement(index_dir: Path) -> None:
    answer = ask_json("Combien d'entretiens les accompagnateurs ICAM ont-ils menés ?", index_dir)
    assert answer["language"] == "fr" and not answer["refused"]
    assert "4 000" in answer["answer"]
    assert answer["citations"][0]["edition"] == "fr"
    assert "4 000" in answer["citations"][0]["quote"]


def test_dutch_icam_question_cites_the_dutch_announcement(index_dir: Path) -> None:
    answer = ask_json("Hoeveel gesprekken voerden de ICAM-coaches?", index_dir)
    assert answer["language"] == "nl" and "4000" in answer["answer"]
    assert answer["citations"][0]["edition"] == "nl"


def test_weather_question_is_refused_in_french(index_dir: Path) -> None:
    answer = ask_json("Quel temps fera-t-il demain à Bruxelles ?", index_dir)
    assert answer["refused"] and answer["language"] == "fr"
    assert answer["answer"] == "Le rapport ne contient pas d'information à ce sujet."


def test_ask_builds_a_missing_index_first(tmp_path: Path) -> None:
    answer = ask_json("Werd het terugkeerbeleid versterkt?", tmp_path / "fresh")
    assert not answer["refused"] and (tmp_path / "fresh" / "current" / "manifest.json").is_file()


def test_bad_input_gets_a_message_not_a_traceback(index_dir: Path, tmp_path: Path) -> None:
    result = reportqa("ask", "x" * 2000, index=index_dir)
    assert result.returncode != 0 and "longer than" in result.stderr and "Traceback" not in result.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "reportqa.cli", "ask", "question"],
        capture_output=True,
        text=True,
        env={**os.environ, "REPORTQA_EMBEDDINGS": "word2vec"},
        cwd=tmp_path,
    )
    assert bad.returncode != 0 and "REPORTQA_EMBEDDINGS" in bad.stderr and "Traceback" not in bad.stderr


def test_app_py_help_prints_usage_and_does_not_start_a_server() -> None:
    repo = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, str(repo / "app.py"), "--help"], capture_output=True, text=True, timeout=60, cwd=repo
    )
    assert done.returncode == 0 and "Usage: python app.py [OPTIONS]" in done.stdout
    assert "--port" in done.stdout and "--docs" in done.stdout


def test_serve_says_which_sites_may_embed_the_chat() -> None:
    from reportqa.cli import embedding_summary
    from reportqa.config import Settings

    closed = embedding_summary(Settings(_env_file=None))  # type: ignore[call-arg]
    assert "none (set REPORTQA_EMBED_ORIGINS)" in closed and "none (set REPORTQA_CORS_ORIGINS)" in closed
    opened = embedding_summary(
        Settings(embed_origins="https://dofi.ibz.be", cors_origins="https://dofi.ibz.be", _env_file=None)  # type: ignore[call-arg]
    )
    assert opened.count("https://dofi.ibz.be") == 2 and "none" not in opened


@pytest.mark.parametrize(
    ("first", "follow_up", "figure_2023", "figure_2022"),
    [
        ("Combien de retours forcés en 2023 ?", "Et en 2022 ?", "3 994", "3 327"),
        ("Hoeveel personen werden in 2023 gedwongen teruggeleid?", "En in 2022?", "3.994", "3.327"),
    ],
)
def test_a_figure_and_its_follow_up_are_one_sentence_each_over_the_sample_report(
    tmp_path_factory: pytest.TempPathFactory, first: str, follow_up: str, figure_2023: str, figure_2022: str
) -> None:
    """The issue's own check: one sentence with the year's figure and its citation, never the row that lists
    every year; the follow-up that changes the year gets that year's figure."""
    index = tmp_path_factory.getbasetemp() / "sample-index"  # built by the first case, reused by the second

    def ask(*args: str) -> dict:  # type: ignore[type-arg]
        command = [sys.executable, "-m", "reportqa.cli", "ask", *args, "--json"]
        command += ["--docs", str(REPO / "samples" / "report"), "--index", str(index)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    for answer, figure, other in (
        (ask(first), figure_2023, figure_2022),
        (ask(follow_up, "--after", first), figure_2022, figure_2023),
    ):
        text = answer["answer"]
        assert not answer["refused"] and figure in text and other not in text, text
        assert text.endswith("[1]") and text.count("[") == 1 and "2021" not in text, text
        assert answer["citations"][0]["section"] == "8.2" and answer["citations"][0]["page"] in ("13", "14")


def test_a_month_asked_gets_that_months_row_not_the_years_total(tmp_path_factory: pytest.TempPathFactory) -> None:
    index = tmp_path_factory.getbasetemp() / "sample-index"  # shared with the test above (built if missing)
    command = [sys.executable, "-m", "reportqa.cli", "ask", "--json", "--docs", str(REPO / "samples" / "report")]
    command += ["--index", str(index)]
    for question, figure in (
        ("Combien de demandes 9bis ont été introduites en juin 2023 ?", "427"),
        ("Hoeveel 9bis-aanvragen werden in juni 2023 ingediend?", "427"),
    ):
        result = subprocess.run([*command, question], capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert figure in answer["answer"] and "4 751" not in answer["answer"] and "4.751" not in answer["answer"]
        assert answer["citations"][0]["section"] == "11.3"


def test_a_subject_the_report_only_breaks_down_by_is_refused(tmp_path_factory: pytest.TempPathFactory) -> None:
    """ "par nationalité" in a caption is how the table's rows are cut, not what it counts: applications for
    Belgian nationality are not in the report, and its table of asylum applications "par nationalité" does not
    answer them. Asked for that breakdown, the same table's total still answers."""
    index = tmp_path_factory.getbasetemp() / "sample-index"  # shared with the tests above (built if missing)
    command = [sys.executable, "-m", "reportqa.cli", "ask", "--json", "--docs", str(REPO / "samples" / "report")]
    command += ["--index", str(index)]
    refused = subprocess.run(
        [*command, "Combien de demandes de nationalité belge ont été introduites en 2023 ?"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert refused.returncode == 0, refused.stderr
    assert json.loads(refused.stdout)["refused"], refused.stdout
    question = "Demandes de protection internationale par nationalité en 2023 : combien au total ?"
    answered = subprocess.run([*command, question], capture_output=True, text=True, timeout=600)
    answer = json.loads(answered.stdout)
    assert not answer["refused"] and "35 507" in answer["answer"], answer["answer"]


@pytest.mark.parametrize(
    ("question", "other_table_figure"),
    [
        ("Combien de demandeurs d'asile venaient du Congo en 2023 ?", "13 466"),  # the visas issued to the Congolese
        ("Hoeveel visa kort verblijf kregen Braziliaanse onderdanen in 2023?", "764"),  # Brazilians' voluntary returns
        # the visas issued to Indians share only the action ("délivrés") with a question on single permits
        ("Combien de permis uniques ont été délivrés à des Indiens en 2023 ?", "26 931"),
    ],
)
def test_a_country_in_another_subjects_table_is_refused(
    tmp_path_factory: pytest.TempPathFactory, question: str, other_table_figure: str
) -> None:
    """The report counts asylum applications for six countries, not Congo, and visas for six, not Brazil: a row for
    that country in another table shares only its name with the question."""
    index = tmp_path_factory.getbasetemp() / "sample-index"  # shared with the tests above (built if missing)
    command = [sys.executable, "-m", "reportqa.cli", "ask", "--json", "--docs", str(REPO / "samples" / "report")]
    result = subprocess.run([*command, "--index", str(index), question], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["refused"] and other_table_figure not in answer["answer"], answer["answer"]


@pytest.mark.parametrize(
    ("question", "figure", "not_figure"),
    [
        # everyday verbs name the action: "n'ont pas obtenu" and "kregen geen" ask for refusals, not all decisions
        ("Combien de travailleurs étrangers n'ont pas obtenu leur permis unique en 2022 ?", "477", "9 392"),
        ("Hoeveel buitenlandse werknemers kregen in 2023 geen gecombineerde vergunning?", "562", "11.000"),
        # "kregen hun visum": the visas granted, not the applications (and "visum" is the report's "visa")
        ("Hoeveel buitenlandse studenten kregen in 2023 hun visum?", "9.044", "12.631"),
        # a Dutch separable verb: "gaf … af" is "afgegeven"
        ("Hoeveel Schengenvisa gaf België in 2022 af?", "171.930", "211.044"),
        # the 9ter table is found through its section's prose ("medische redenen"), which search ranked first
        ("Hoeveel zieke vreemdelingen kregen in 2023 een verblijfsrecht om medische redenen?", "289", "geen info"),
        # a percentage is asked: the protection rate, not the count of positive decisions on single permits
        ("Quel pourcentage des décisions d'asile était positif en 2023 ?", "45,8", "10 438"),
        ("Welk percentage van de asielbeslissingen was in 2021 positief?", "39,4", "6.842"),
        # "of all the applications processed, how many were approved": the visas issued, not the applications
        ("Van alle behandelde aanvragen voor een Schengenvisum in 2023, hoeveel goedgekeurd?", "189.655", "235.458"),
        # "how long": the processing time in days, not the number of applications processed
        ("Hoe lang duurde de behandeling van een visumaanvraag gemiddeld in 2023?", "11 dagen", "235.458"),
        # the report's own definitions name the procedure: exceptional circumstances are 9bis, not 9ter
        (
            "Combien d'étrangers ont demandé une régularisation pour circonstances exceptionnelles en 2022 ?",
            "4 388",
            "3 402",
        ),
        # a share is asked: the protection rate, not the change in applications ("3,7% minder") found first
        ("Hoeveel procent van de asielzoekers kreeg in 2022 bescherming?", "43,2", "3,7"),
    ],
)
def test_everyday_verbs_pick_the_row_of_the_action_asked(
    tmp_path_factory: pytest.TempPathFactory, question: str, figure: str, not_figure: str
) -> None:
    index = tmp_path_factory.getbasetemp() / "sample-index"  # shared with the tests above (built if missing)
    command = [sys.executable, "-m", "reportqa.cli", "ask", "--json", "--docs", str(REPO / "samples" / "report")]
    result = subprocess.run([*command, "--index", str(index), question], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)["answer"]
    assert figure in answer and not_figure not in answer, answer
