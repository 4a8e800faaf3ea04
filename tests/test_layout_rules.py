"""The package reads in small pieces: no module in src/ over 400 lines, no function over 60. The files still over are
listed below with the reason; the list only shrinks."""

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# path under src/ -> why it is still over
KNOWN_LONG_MODULES: dict[str, str] = {}
# "path:function" -> why it is still over
KNOWN_LONG_FUNCTIONS: dict[str, str] = {}


def module_lengths(root: Path = SRC) -> dict[str, int]:
    """Lines per module, by its path under `root`."""
    return {path.relative_to(root).as_posix(): len(path.read_text("utf-8").splitlines()) for path in root.rglob("*.py")}


def function_lengths(root: Path = SRC) -> dict[str, int]:
    """Lines per function or method (nested ones too, counted inside their parent as well), as "path:name"."""
    lengths = {}
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                lengths[f"{path.relative_to(root).as_posix()}:{node.name}"] = node.end_lineno - node.lineno + 1
    return lengths


def test_no_module_is_over_the_limit() -> None:
    over = {name: lines for name, lines in module_lengths().items() if lines > MAX_MODULE_LINES}
    assert set(over) <= set(KNOWN_LONG_MODULES), {k: v for k, v in over.items() if k not in KNOWN_LONG_MODULES}


def test_no_function_is_over_the_limit() -> None:
    over = {name: lines for name, lines in function_lengths().items() if lines > MAX_FUNCTION_LINES}
    assert set(over) <= set(KNOWN_LONG_FUNCTIONS), {k: v for k, v in over.items() if k not in KNOWN_LONG_FUNCTIONS}


def test_every_exception_still_applies() -> None:
    """An exception that no longer applies comes off the list."""
    modules, functions = module_lengths(), function_lengths()
    stale = [name for name in KNOWN_LONG_MODULES if modules.get(name, 0) <= MAX_MODULE_LINES]
    stale += [name for name in KNOWN_LONG_FUNCTIONS if functions.get(name, 0) <= MAX_FUNCTION_LINES]
    assert not stale, f"within the limit now, drop their exceptions: {stale}"


def test_the_check_sees_a_long_module_and_a_long_method(tmp_path: Path) -> None:
    body = "\n".join(f"        x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    (tmp_path / "long.py").write_text(f"class Long:\n    def method(self) -> None:\n{body}\n" + "\n" * 400)
    assert module_lengths(tmp_path)["long.py"] > MAX_MODULE_LINES
    assert function_lengths(tmp_path)["long.py:method"] == MAX_FUNCTION_LINES + 1


# Numbers and years have one home: a year pattern, a number format or a number read from text anywhere else in the
# product is a second owner of the concept (the evaluation, in reportqa_eval/, reads gold answers on its own).
NUMBERS_HOME = "reportqa/language/numbers.py"
_YEAR_PATTERN = re.compile(r"\(\?:19\|20\)|\(19\|20\)")
_THOUSANDS_PATTERN = re.compile(r"\\d\{3\}")


def _reads_text(node: ast.AST) -> bool:
    """An expression built from text: an f-string, a string with digits, or a string method or regex call."""
    for part in ast.walk(node):
        if isinstance(part, ast.JoinedStr):
            return True
        if isinstance(part, ast.Constant) and isinstance(part.value, str) and any(c.isdigit() for c in part.value):
            return True  # float("12,5"), not float("inf")
        if isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute):
            if part.func.attr in {"replace", "strip", "group", "sub"}:
                return True
    return False


def number_readers(root: Path = SRC / "reportqa") -> list[str]:
    """Where a year pattern, a thousands pattern, a decimal comma read as a point or a float parsed from text
    appears, as "path:line", outside the numbers' home."""
    found = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent).as_posix()
        if where == NUMBERS_HOME:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                flagged = bool(_YEAR_PATTERN.search(node.value) or _THOUSANDS_PATTERN.search(node.value))
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float":
                flagged = any(_reads_text(argument) for argument in node.args)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace":
                flagged = [a.value for a in node.args if isinstance(a, ast.Constant)] == [",", "."]
            else:
                continue
            if flagged:
                found.append(f"{where}:{getattr(node, 'lineno', 0)}")
    return found


def test_numbers_and_years_are_read_in_one_place() -> None:
    assert number_readers() == [], f"use {NUMBERS_HOME}"


def test_the_numbers_check_sees_each_kind_of_reader(tmp_path: Path) -> None:
    package = tmp_path / "reportqa"
    (package / "language").mkdir(parents=True)
    (package / "language" / "numbers.py").write_text('YEAR = r"(?:19|20)\\d\\d"\nfloat("1,5".replace(",", "."))\n')
    (package / "clean.py").write_text('x = float(3)\ny = "a.b".replace(".", ",")\nz = float("inf")\n')
    (package / "year.py").write_text('import re\nYEAR = re.compile(r"(?<!\\d)(19|20)\\d\\d")\n')
    (package / "grouped.py").write_text('GROUPED = r"\\d{1,3}(?:[ .]\\d{3})+"\n')
    (package / "comma.py").write_text('def read(text: str) -> str:\n    return text.replace(",", ".")\n')
    parsed = 'def read(whole: str, tenth: str) -> float:\n    return float(f"{whole}.{tenth}")\n'
    (package / "parsed.py").write_text(parsed)
    expected = ["reportqa/comma.py:2", "reportqa/grouped.py:1", "reportqa/parsed.py:2", "reportqa/year.py:2"]
    assert number_readers(package) == expected


MESSAGES_HOME = "reportqa/messages/"
LANGUAGE_KEYS = {"fr", "nl", "en", "de"}
# Words besides placeholders: "im Jahr {year}", a phrase put into a searched question, is not a sentence one reads.
SENTENCE_WORDS = 3


def sentences_outside_messages(root: Path = SRC / "reportqa") -> list[str]:
    """Where a sentence said in several languages (a dict keyed by languages whose texts have `SENTENCE_WORDS` words
    or more, or are built) is written outside `reportqa/messages/`, as "path:line"."""
    found = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent).as_posix()
        if where.startswith(MESSAGES_HOME):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
            if len(keys) < 2 or not keys <= LANGUAGE_KEYS:
                continue
            texts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
            built = any(isinstance(v, ast.JoinedStr | ast.BinOp) for v in node.values)
            if built or any(len([w for w in text.split() if "{" not in w]) >= SENTENCE_WORDS for text in texts):
                found.append(f"{where}:{node.lineno}")
    return found


def test_sentences_a_person_sees_live_in_the_messages() -> None:
    assert sentences_outside_messages() == [], f"put them in {MESSAGES_HOME}"


def test_the_sentences_check_sees_a_sentence_outside_the_messages(tmp_path: Path) -> None:
    package = tmp_path / "reportqa"
    (package / "messages").mkdir(parents=True)
    (package / "messages" / "answers.py").write_text('REFUSAL = {"fr": "Le rapport ne dit rien.", "nl": "Niets."}\n')
    (package / "phrase.py").write_text('IN_YEAR = {"fr": "en {year}", "nl": "in {year}"}\nCODES = {"fr": 1, "nl": 2}\n')
    (package / "said.py").write_text('x = 1\nSAID = {"fr": "La section {n} en traite.", "nl": "Sectie {n}."}\n')
    assert sentences_outside_messages(package) == ["reportqa/said.py:2"]


def readme_folders(readme: Path = SRC.parent / "README.md") -> dict[str, set[str]]:
    """The rows of the README's "How it works" table: each folder with the modules it names."""
    section = readme.read_text("utf-8").split("## How it works", 1)[1].split("\n#", 1)[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `")]
    return {cells[0].strip("|` "): set(re.findall(r"`(\w+\.py)`", cells[1])) for cells in rows}


def test_the_readme_has_one_row_per_folder_with_its_modules() -> None:
    folders = {path.parent for path in SRC.rglob("*.py")}
    expected = {
        folder.relative_to(SRC).as_posix() + "/": {p.name for p in folder.glob("*.py") if p.name != "__init__.py"}
        for folder in folders
    }
    assert readme_folders() == expected
