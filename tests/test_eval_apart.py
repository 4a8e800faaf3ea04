"""The evaluation (`reportqa_eval`) is a package beside the product: the app, the API, the UI and `reportqa ask`
never load it, and `reportqa eval` says how to install it when it is missing."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO

from reportqa.cli import main
from reportqa.config import Settings
from reportqa.index import LoadedIndex

# Run in a fresh interpreter: what the product imports, then the evaluation modules loaded by then.
PRODUCT_PATHS = """
import json, runpy, sys
from click.testing import CliRunner

runpy.run_path({app!r}, run_name="app")  # app.py as imported, without starting a server
from reportqa.cli import main
from reportqa.config import Settings
from reportqa.service import ReportService
from reportqa.web.app import create_app
from reportqa.web.ui.blocks import build_ui

service = ReportService(Settings(docs_dir={docs!r}, index_dir={index!r}, _env_file=None))
create_app(service)
build_ui(service)
asked = CliRunner().invoke(main, ["ask", "Combien en 2023 ?", "--json", "--docs", {docs!r}, "--index", {index!r}])
assert asked.exit_code == 0, asked.output
print(json.dumps(sorted(name for name in sys.modules if name.startswith("reportqa_eval"))))
"""


@pytest.mark.slow
def test_the_app_the_api_the_ui_and_ask_never_import_the_evaluation(
    corpus_settings: Settings, corpus_index: LoadedIndex
) -> None:
    code = PRODUCT_PATHS.format(
        app=str(REPO / "app.py"), docs=str(corpus_settings.docs_dir), index=str(corpus_settings.index_dir)
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_eval_without_the_evaluation_package_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("reportqa_eval", "reportqa_eval.evaluate"):
        monkeypatch.setitem(sys.modules, name, None)  # as if it were not installed
    gold = Path(REPO / "eval" / "gold.jsonl")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold)])
    assert result.exit_code == 1 and "reportqa_eval" in result.output and 'pip install -e ".[test]"' in result.output
