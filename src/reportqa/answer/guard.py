"""The faithfulness guard: a generated answer may only state figures its cited excerpts state, cite excerpts that
were given, and speak the asker's language."""

import re

from reportqa.config import Language
from reportqa.language.detect import detect_language
from reportqa.language.numbers import figures_in, is_year, numbers_with_years, years_in
from reportqa.language.terms import content_terms, sentences
from reportqa.messages.answers import REFUSAL

# "[1]", "[1, 2]", "[1][2]" and "[1,2]" all cite; each number inside the brackets is one marker.
MARKER_GROUP = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_WORD = re.compile(r"[^\W\d_]+")
# Fewer words than this cannot be told apart by language reliably.
MIN_WORDS_FOR_LANGUAGE = 5
# A run of this many words of the instructions in an answer means the prompt leaked.
LEAK_WORDS = 8
MIN_ANSWER_WORDS = 3
# Share of a sentence's content words that its cited passages must contain (French and Dutch answers).
MIN_SUPPORT = 0.5
MIN_SUPPORT_WORDS = 3
MAX_LISTED = 5  # figures named in one rejection


def cited_part(text: str) -> str:
    """The answer up to its last [n] and the punctuation after it: an uncited tail is not the report's, nor is a
    line that starts like an excerpt (small models go on to write more excerpts)."""
    text = re.split(r"\n\s*\[\d+\]", text, maxsplit=1)[0]
    ends = [match.end() for match in MARKER_GROUP.finditer(text)]
    if not ends:
        return text.strip()
    punctuation = re.match(r"[ .!?»)]*", text[ends[-1] :])
    return text[: ends[-1] + (len(punctuation.group(0).rstrip()) if punctuation else 0)].strip()


def markers(text: str) -> list[int]:
    """The excerpt numbers an answer cites, in order of first appearance."""
    found: list[int] = []
    for group in MARKER_GROUP.findall(text):
        for number in re.split(r"\s*[,;]\s*", group):
            if int(number) not in found:
                found.append(int(number))
    return found


def without_markers(text: str) -> str:
    return MARKER_GROUP.sub("", text)


def figures_for_year(excerpt: str, year: str) -> set[str]:
    """The figures an excerpt states for one year: table cells under that year's column (or under a column that
    is no year), numbers that their sentence ties to that year or to none, and the years it names."""
    allowed = years_in(excerpt)
    for line in excerpt.splitlines():
        if " | " in line:  # a table row as indexed: "Caption — Row | 2022: 3 327 | 2023: 3 994"
            label, *cells = line.split(" | ")
            allowed |= figures_in(label, "fr")
            for cell in cells:
                head, separator, value = cell.partition(": ")
                if not separator:
                    allowed |= figures_in(cell, "fr")
                elif not is_year(head.strip()) or head.strip() == year:
                    allowed |= figures_in(value, "fr")
            continue
        for sentence in sentences(line):
            for number, tied_to in numbers_with_years(sentence):
                if tied_to is None or str(tied_to) == year:
                    allowed |= figures_in(number, "fr")
    return allowed


def is_refusal(text: str, language: Language) -> bool:
    def simple(value: str) -> str:
        return " ".join(_WORD.findall(value.casefold()))

    return simple(REFUSAL[language]) in simple(text)


def _supported(sentence: str, cited: list[str], language: Language) -> bool:
    """A French or Dutch sentence uses mostly the words of the passages it cites ("Je suis un pirate [1]" does
    not). English and German answers translate the passages, so words cannot be compared."""
    words = content_terms(without_markers(sentence), language)
    if len(words) < MIN_SUPPORT_WORDS:
        return True
    source = content_terms(" ".join(cited), language)
    return len(words & source) / len(words) >= MIN_SUPPORT


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[i : i + LEAK_WORDS]) for i in range(len(words) - LEAK_WORDS + 1)}


def problems(text: str, excerpts: dict[int, str], language: Language, instructions: str = "") -> list[str]:
    """What is wrong with a generated answer (empty: it may be shown). `excerpts` maps [n] to the text given."""
    if not text.strip():
        return ["the answer is empty"]
    found: list[str] = []
    # The refusal sentence is in the instructions on purpose; repeating it is not a leak.
    if instructions and _shingles(text) & _shingles(instructions.replace(REFUSAL[language], " ")):
        found.append("the answer repeats the instructions")
    cited = markers(text)
    unknown = [n for n in cited if n not in excerpts]
    if unknown:
        found.append(f"[{unknown[0]}] cites no excerpt that was given")
    if is_refusal(text, language):
        return found
    if not cited:
        found.append("no [n] marker cites an excerpt")
    if len(_WORD.findall(without_markers(text))) < MIN_ANSWER_WORDS:
        found.append("the answer says almost nothing")
    missing: dict[str, str] = {}
    unsupported: list[str] = []
    for sentence in sentences(text):
        own = [n for n in markers(sentence) if n in excerpts] or [n for n in cited if n in excerpts]
        named = years_in(without_markers(sentence))
        if len(named) == 1:  # "En 2023, il y a eu 3 327 retours" must take 3 327 from 2023, not from 2022
            allowed = set().union(*(figures_for_year(excerpts[n], next(iter(named))) for n in own))
        else:
            allowed = set().union(*(figures_in(excerpts[n], "fr") for n in own))
        if language in ("fr", "nl") and own and not _supported(sentence, [excerpts[n] for n in own], language):
            unsupported.append(", ".join(f"[{n}]" for n in own))
        for number in sorted(figures_in(without_markers(sentence), language) - allowed):
            missing.setdefault(number, ", ".join(f"[{n}]" for n in own) or "any excerpt")
    found += [f"{number} is not in {where}" for number, where in list(missing.items())[:MAX_LISTED]]
    found += [f"a sentence shares few words with {where}" for where in unsupported[:MAX_LISTED]]
    words = _WORD.findall(without_markers(text))
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        written_in = detect_language(" ".join(words), fallback=language)
        if written_in != language:
            found.append(f"the answer is in {written_in}, not {language}")
    return found
