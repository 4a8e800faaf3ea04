import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from reportqa.evaluate import load_gold

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
    # Floors a little below the figures in docs/benchmarks.md: a regression fails here.
    assert overall["retrieval"]["recall@5"] >= 0.88
    assert overall["answers"]["accuracy"] >= 0.72
    assert overall["answers"]["refusal_accuracy"] >= 0.85
    assert overall["answers"]["language_accuracy"] >= 0.95
