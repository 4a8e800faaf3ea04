"""Commands that the code and the documentation tell people to run exist."""

import importlib.util
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_python_dash_m_reportqa_module_named_exists() -> None:
    texts = [p.read_text(encoding="utf-8") for p in [*REPO.glob("src/reportqa/**/*.py"), REPO / "README.md"]]
    texts += [p.read_text(encoding="utf-8") for p in (REPO / "docs").glob("*.md")]
    named = {m for text in texts for m in re.findall(r"python -m (reportqa(?:\.\w+)*)", text)}
    missing = sorted(m for m in named if importlib.util.find_spec(m) is None)
    assert not missing, f"named but absent: {missing}"


def test_every_script_named_in_the_readme_exists() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\b((?:scripts|benchmarks)/\w+\.(?:py|sh))", readme))
    assert named and all((REPO / path).is_file() for path in named), named
