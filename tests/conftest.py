import os
import shutil
from pathlib import Path

import pytest
from fixture_report import write_fixture_reports

from reportqa.config import Settings
from reportqa.index import LoadedIndex, build_index, open_index

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's REPORTQA_* environment or .env."""
    for key in list(os.environ):
        if key.startswith("REPORTQA_"):
            monkeypatch.delenv(key)
    monkeypatch.setitem(Settings.model_config, "env_file", None)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two report editions (FR with outline and page labels, NL without either) and the announcements."""
    folder = tmp_path_factory.mktemp("docs")
    write_fixture_reports(folder)
    for announcement in (REPO / "docs").glob("announcement-2023.*.md"):
        shutil.copy(announcement, folder)
    return folder


@pytest.fixture(scope="session")
def corpus_settings(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(docs_dir=corpus_dir, index_dir=tmp_path_factory.mktemp("index"), _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def corpus_index(corpus_settings: Settings) -> LoadedIndex:
    build_index(corpus_settings)
    return open_index(corpus_settings)


def copy_corpus(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target
