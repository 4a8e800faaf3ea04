import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from reportqa_eval.gold import GoldItem, load_gold, place_matches, states_figure

pytestmark = pytest.mark.slow
GOLD = REPO / "eval" / "gold.jsonl"
SAMPLE = REPO / "samples" / "report"


def test_gold_set_covers_languages_and_kinds() -> None:
    items = load_gold(GOLD)
    by_language = {lang: sum(1 for i in items if i.lang == lang) for lang in ("fr", "nl", "en", "de")}
    assert by_language["fr"] >= 65 and by_language["nl"] >= 65 and by_language["en"] + by_language["de"] >= 20
    assert sum(1 for i in items if not i.answerable) >= 35
    kinds = {i.kind for i in items}
    assert {
        "table_cell",
        "prose_figure",
        "change",
        "section",
        "paraphrase",
        "other_terms",
        "announcement",
        "follow_up",
        "unanswerable",
    } <= kinds
    assert len({i.id for i in items}) == len(items)


def test_people_phrased_questions_do_not_repeat_the_caption_and_splits_hold_both_editions() -> None:
    """At least 80 figure questions asked as people ask, none repeating its table's caption; a French question
    and its Dutch translation always fall in the same split, so the test split holds no dev question in disguise."""
    items = load_gold(GOLD)
    record = json.loads((SAMPLE / "figures.json").read_text(encoding="utf-8"))
    figures = {figure["id"]: figure for figure in record["figures"]}
    people = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if "people_figure" in line]
    assert len(people) >= 80 and {p["lang"] for p in people} >= {"fr", "nl"}
    for item in people:
        for edition in ("fr", "nl"):  # an English or German question must not copy either edition's caption
            caption = figures[item["figure"]].get(f"caption_{edition}", "")  # a figure of prose has none
            if not caption:
                continue
            title = re.sub(r"^(Tableau|Tabel)\s+[\d.]+\s*:\s*", "", caption).lower()
            assert not re.search(rf"\b{re.escape(title)}\b", item["question"].lower()), item["id"]
    splits: dict[str, set[str]] = {}
    for item in items:
        splits.setdefault(item.id.split("-", 1)[1], set()).add(item.split)
    assert all(len(found) == 1 for found in splits.values())
    assert {item.split for item in items} == {"dev", "test"}


def test_a_figure_counts_only_for_the_year_asked() -> None:
    row = "Tableau 8.4 : Retours forcés par mois — Total | 2022: 3 327 | 2023: 3 994 [1]"
    assert states_figure(row, ["3 994", "3.994"], {2023})
    assert not states_figure(row, ["3 327", "3.327"], {2022})  # the row goes on "| 2023": read as 2023's
    assert states_figure("Le tableau 8.4 indique 3 327 pour « Total » en 2022. [1]", ["3 327"], {2022})
    assert states_figure("Rapatriements : 1 648 en 2021, 1 907 en 2022 et 2 236 en 2023.", ["1 907"], {2022})
    assert not states_figure("Rapatriements : 1 648 en 2021, 1 907 en 2022 et 2 236 en 2023.", ["2 236"], {2022})


def test_a_figure_the_announcement_and_the_report_both_state_may_cite_either() -> None:
    def item(documents: list[str]) -> GoldItem:
        pages = {"fr": ["1", "15"], "nl": ["1", "15"]}
        return GoldItem("x", "fr", "announcement", "?", True, ["4 000"], ["", "8.4.1"], pages, documents)

    both, announcement_only = item(["announcement", "report"]), item(["announcement"])
    assert place_matches("announcement", "fr", "", "1", both) and place_matches("prose", "fr", "8.4.1", "15", both)
    assert not place_matches("prose", "fr", "8.4.1", "14", both)  # the report, but another page
    assert place_matches("announcement", "fr", "", "1", announcement_only)
    assert not place_matches("prose", "fr", "8.4.1", "15", announcement_only)
    assert not place_matches("announcement", "fr", "", "1", item(["report"]))


def test_an_expected_answer_in_words_counts_when_the_answer_says_it() -> None:
    answer = "Pour faire face à la charge de travail, nous avons eu recours à la Numérisation. [1]"
    assert states_figure(answer, ["numérisation"], set())
    assert not states_figure(answer, ["digitalisering"], set())
    assert not states_figure(answer, ["protection temporaire"], {2022})


def test_figures_record_matches_the_pdfs() -> None:
    """What the record says stands on the page it says, in each edition (as pdftotext would show it)."""
    import pymupdf

    record = json.loads((SAMPLE / "figures.json").read_text(encoding="utf-8"))
    for lang, name in record["files"].items():
        with pymupdf.open(SAMPLE / name) as pdf:
            labels = {}
            texts = [" ".join(page.get_text().replace("\u00a0", " ").split()) for page in pdf]
            for figure in record["figures"]:
                labels.setdefault(figure[f"physical_{lang}"], figure[f"page_{lang}"])
                assert figure[f"text_{lang}"] in texts[figure[f"physical_{lang}"] - 1], (figure["id"], lang)
            assert all(texts[p - 1].endswith(f" {label}") for p, label in labels.items())  # footer number


def test_eval_runs_over_the_sample_and_reports_every_figure(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reportqa.cli", "eval", "--json", "--gold", str(GOLD), "--docs", str(SAMPLE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    overall = report["overall"]
    assert overall["questions"] == len(load_gold(GOLD))
    assert set(report["by_language"]) == {"fr", "nl", "en", "de"}
    assert {"p50", "p95"} <= set(report["latency_ms"]["total"])
    assert report["index_build"]["pages"] == 62 and report["index_build"]["chunks_per_second"] > 0
    # Floors: the test split's figures in docs/benchmarks.md minus 3 points (false refusals: plus 3 points), so
    # a regression on questions nothing was tuned on fails here. The dev split is not gated: it flatters. The
    # test split has 8 paraphrases, one of them 12.5 points: their floor lets one fail.
    test = report["splits"]["test"]
    answers, kinds = test["answers"], test["by_kind"]
    assert test["questions"] == sum(1 for item in load_gold(GOLD) if item.split == "test")
    assert test["retrieval"]["recall@5"] >= 0.93
    assert answers["accuracy"] >= 0.92
    assert answers["citation_accuracy"] >= 0.93
    assert answers["false_refusals"] <= 0.03
    assert answers["refusal_accuracy"] >= 0.93
    assert answers["language_accuracy"] >= 0.96
    assert kinds["paraphrase"]["answers"]["accuracy"] >= 0.87
    assert kinds["people_figure"]["answers"]["accuracy"] >= 0.90
    assert overall["answers"]["uncited_figures"] == 0
    claims = report["claims"]
    assert claims["accuracy"] >= 0.96
    assert claims["contradicted_reported_supported"] == 0


@pytest.mark.parametrize("layout", ["", "chromium", "reportlab", "writer"])
def test_the_gold_sets_are_what_the_generator_writes(tmp_path: Path, layout: str) -> None:
    """Nobody edits a gold set by hand: the hand-written questions and the splits live in the generator's inputs."""
    folder = REPO / "samples" / "layouts" / layout if layout else SAMPLE
    gold = folder / "gold.jsonl" if layout else GOLD
    out = tmp_path / "gold.jsonl"
    command = [sys.executable, str(REPO / "scripts" / "make_gold_set.py"), "--record", str(folder / "figures.json")]
    subprocess.run([*command, "--out", str(out)], check=True, capture_output=True, timeout=120)
    assert out.read_text(encoding="utf-8") == gold.read_text(encoding="utf-8")
