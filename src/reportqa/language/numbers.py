"""Numbers, years and months as reports and askers write them: the one place a number is parsed or a year is
recognised. French and Dutch group thousands with a space or a point and write a decimal comma ("35 507",
"35.507", "12,5 %"); English groups with a comma ("4,000"). A figure in a sentence is tied to the year it is for."""

import re

from reportqa.config import Language

_YEAR_DIGITS = r"(?:19|20)\d\d"
_YEAR = re.compile(rf"^{_YEAR_DIGITS}$")
_YEAR_IN_TEXT = re.compile(rf"(?<!\d)({_YEAR_DIGITS})(?!\d)")
# "en 2022", "in 2023": a year with the preposition that introduces it.
_YEAR_PHRASE = re.compile(rf"\s*\b(?:en|in|im|for)?\s*(?<!\d){_YEAR_DIGITS}(?!\d)", re.IGNORECASE)
_YEAR_AFTER = re.compile(rf"^\D{{0,25}}?({_YEAR_DIGITS})(?!\d)")
# "4 184 en 2023, contre 7 334 l'année précédente": the figure is for the year before the one last named.
_YEAR_EARLIER = re.compile(
    r"^\D{0,25}?\b(?:l['’]année précédente|un an plus tôt|l['’]année d['’]avant|een jaar eerder|het jaar (?:ervoor|"
    r"daarvoor)|(?:a|one) year earlier|the (?:year before|previous year)|ein Jahr (?:zuvor|früher)|im Vorjahr)",
    re.I,
)
# "Après 3 327 interventions en 2022, combien en 2023 ?": a figure the question states, with its year.
_STATED_FIGURE = re.compile(rf"(\d[\d .,]*\d)\s[^\d?]{{0,40}}?\b(?:en|in|im)\s+({_YEAR_DIGITS})\b")
_CHANGE = re.compile(
    r"\b(plus|moins|hausse|baisse|augment\w*|diminu\w*|meer|minder|stijging|daling|toename|afname)\b", re.I
)

# "35 507", "35 507" (no-break spaces), "35.507" and "35507" are one number; "12,5" and "12.5" too.
_GROUPED_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?![\d])")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
# A number glued to a name by a hyphen is part of the name ("COVID-19", "bijlage C-12"), not a figure.
_NOT_AFTER = r"(?<![\w.,])(?<![^\W\d_]-)"
_NUMBER = re.compile(_NOT_AFTER + r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+))?(\s?%)?")
# A number as a claim writes it, in any of the four languages' formats.
_WRITTEN_NUMBER = re.compile(
    _NOT_AFTER + r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?(?:\s?%)?|" + _NOT_AFTER + r"\d+(?:[,.]\d+)?(?:\s?%)?"
)
# English writes thousands with a comma ("4,000"), which French and Dutch read as a decimal comma.
_ENGLISH_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")

# One line per language: French, Dutch, English, German.
MONTH_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "january february march april _ june july august september october november december",  # "may" is a verb
    "januar februar märz april mai juni juli august september oktober november dezember",
)
_MONTH_NUMBERS = {name: n for names in MONTH_NAMES for n, name in enumerate(names.split(), 1) if name != "_"}
MONTH = re.compile(r"\b(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def is_year(term: str) -> bool:
    return bool(_YEAR.match(term))


def years_in(text: str) -> set[str]:
    return set(_YEAR_IN_TEXT.findall(text))


def without_years(text: str, replacement: str = "") -> str:
    return _YEAR_IN_TEXT.sub(replacement, text)


def without_year_phrases(text: str) -> str:
    """The text without its years and the prepositions before them ("Et en 2022 ?": "Et ?")."""
    return _YEAR_PHRASE.sub("", text)


def asked_years(question: str) -> set[str]:
    """The years a question asks about: not the year of a figure it states as context."""
    years = years_in(question)
    stated = {m[2] for m in _STATED_FIGURE.finditer(question) if not is_year(m[1])}
    return (years - stated) or years


def months_named(text: str) -> set[int]:
    """The months a text names, in any of the four languages ("juin", "juni", "June": 6)."""
    return {_MONTH_NUMBERS[m.lower()] for m in MONTH.findall(text)}


def is_month_name(text: str) -> bool:
    """A month's name alone ("Janvier", "juni")."""
    return text.strip().lower() in _MONTH_NUMBERS


def normalize_numbers(text: str) -> str:
    """Rewrite grouped thousands as plain digits and decimal commas as points, so formats compare equal."""
    text = _GROUPED_NUMBER.sub(lambda m: re.sub(r"[ \u00a0\u202f.]", "", m.group(0)), text)
    return _DECIMAL_COMMA.sub(".", text)


def numbers_in(text: str) -> list[str]:
    """The numbers a text states, normalised (used to check that an answer's figures are in its source)."""
    return re.findall(r"\d+(?:\.\d+)?", normalize_numbers(text))


def figures_in(text: str, language: Language) -> set[str]:
    """The numbers a text states, normalised across FR/NL/EN formats ("4 000", "4.000", "4,000" -> "4000")."""
    if language == "en":
        text = _ENGLISH_THOUSANDS.sub("", text)
    return set(numbers_in(text))


def parse_number(text: str) -> tuple[float, bool] | None:
    """The first number in a cell ('35 507', '35.507', '12,5 %') as (value, is_percent)."""
    match = _NUMBER.search(text)
    if not match:
        return None
    whole = re.sub(r"[ \u00a0\u202f.]", "", match.group(1))
    value = float(f"{whole}.{match.group(2)}" if match.group(2) else whole)
    return value, bool(match.group(3))


def printed_decimals(text: str) -> int:
    """How many decimals the first number of a cell or sentence is printed with ("22,0 %": 1, "3 994": 0)."""
    match = _NUMBER.search(text)
    return len(match.group(2)) if match and match.group(2) else 0


def written_numbers(text: str) -> list[str]:
    """The numbers a text writes, as written, years left out ("près de 4 000 entretiens en 2023": "4 000")."""
    return [m.group(0) for m in _WRITTEN_NUMBER.finditer(text) if not is_year(m.group(0).strip())]


def without_written_numbers(text: str) -> str:
    return _WRITTEN_NUMBER.sub(" ", text)


def in_report_format(number: str, language: Language) -> str:
    """'45.8%' (English decimal point) -> '45,8%'; '35.507' (Dutch thousands) stays a thousands separator;
    in English '35,507' is thousands too."""
    if language == "en" and re.fullmatch(r"\d{1,3}(?:,\d{3})+", number.strip()):
        return number.replace(",", " ")
    return re.sub(r"(?<=\d)\.(?=\d{1,2}(?!\d))", ",", number)


def year_of(sentence: str, end: int, years: list[int], is_change: bool) -> int | None:
    """The year a figure in a sentence is for: the one right after it ("3 994 en 2023"), else the last one
    before it ("En 2023, ... 210 345"), else the only one.
    A percentage of change ("20 % de plus qu'en 2022") is for no single year."""
    if is_change:
        return None
    after = _YEAR_AFTER.match(sentence[end:])
    if after:
        return int(after.group(1))
    before = _YEAR_IN_TEXT.findall(sentence[:end])  # "En 2023, l'Office a traité 210 345 demandes"
    if before and _YEAR_EARLIER.match(sentence[end:]):
        return int(before[-1]) - 1
    if before:
        return int(before[-1])
    return years[0] if len(years) == 1 else None


_DAY_OF_MONTH = re.compile(r"(?:er|e)?\s+" + MONTH.pattern, re.IGNORECASE)


def numbers_with_years(sentence: str) -> list[tuple[str, int | None]]:
    """Each number a sentence states (as written) with the year it is for, or None (a change, or no year)."""
    years = [int(y) for y in _YEAR_IN_TEXT.findall(sentence)]
    found = []
    for match in _NUMBER.finditer(sentence):
        parsed = parse_number(match.group(0))
        if parsed is None or _DAY_OF_MONTH.match(sentence, match.end()):
            continue  # "31 december 2022" is a date, not a figure
        is_change = parsed[1] and bool(_CHANGE.search(sentence))
        found.append((match.group(0), year_of(sentence, match.end(), years, is_change=is_change)))
    return found
