"""What a question asks, read once: its years and months, and the operation over the report's figures.

The operation is read from the words every report shares in a language (how many, between two years, what share,
which month the most, in total), never from a report's subject: "what share of the applications", "welk aandeel
van de vertrekken" and "what share of the spending" are one operation over different cells.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from reportqa.config import Language
from reportqa.language.numbers import MONTH, asked_years, months_named, without_years

Operation = Literal["value", "change", "change_pct", "share", "busiest_month", "total"]

# What some questions ask for has a form of its own, whatever the report's subject: an age is a number of years, a
# phone number a run of digits, an hour a time of day; tomorrow's weather is in no report. An answer without that
# form does not answer ("Quel âge a X ?" is not answered by the sentence that names X).
_ASKED_FORMS: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
    (
        re.compile(r"\b(?:quel âge|quel age|hoe oud|how old|wie alt)\b", re.I),
        re.compile(r"\b\d{1,3}\s*(?:ans|an|jaar|years?|jahre?)\b", re.I),
    ),
    (
        re.compile(r"\b(?:téléphone|telephone|telefoon\w*|phone|telefon\w*)\b", re.I),
        re.compile(r"\+?\d[\d ./-]{7,}\d"),
    ),
    (
        re.compile(r"\b(?:à quelle heure|a quelle heure|hoe laat|what time|um wie viel uhr|wann öffnet)\b", re.I),
        re.compile(r"\b\d{1,2}\s*(?:h|u|:)\s*\d{0,2}\b|\b\d{1,2}\s*(?:am|pm|uur|heures?)\b", re.I),
    ),
    (
        # A person: a name of two words or more ("Freddy Roosemont", "Jan Van den Bossche").
        re.compile(
            r"(?:^|[:,.?]\s*)(?:qui (?:est|était|dirige)|wie (?:is|was|leidt)|who (?:is|was|leads|heads)"
            r"|wer (?:ist|war|leitet))\b",
            re.I,
        ),
        re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+(?:(?:van|de|der|den|du|le|la|von)\s+)*[A-ZÀ-Ý][a-zà-ÿ'’-]+)+"),
    ),
    (re.compile(r"\b(?:demain|morgen|tomorrow|aujourd'hui|vandaag|today|heute)\b.*\b(?:temps|météo|weer|weather|wetter)\b"
                r"|\b(?:temps|météo|weer|weather|wetter)\b.*\b(?:demain|morgen|tomorrow|aujourd'hui|vandaag|today|heute)\b",
                re.I), None),
]

_PERCENT = r"(?:%|pour ?cent|pourcentage|procent|procentuele?|percent(?:age)?|prozent(?:ual)?)"
_CHANGE = (
    r"(?:évolu\w*|variation|différence|augment\w*|diminu\w*|hauss\w*|baiss\w*|progress\w*|recul\w*|en plus|en moins"
    r"|veranderd\w*|verander\w*|evolutie|verschil|gestegen|gedaald|stijg\w*|steeg|stegen|daal\w*|daling|groei\w*"
    r"|toegenomen|afgenomen|meer|minder"
    r"|chang\w*|differ\w*|ris[ei]n?|rose|fell|fall|increas\w*|decreas\w*|grew|more|fewer|less"
    r"|veränder\w*|unterschied|gestiegen|gesunken|stieg|sank|gewachsen|zugenommen|abgenommen|mehr|weniger)"
)
_SHARE = re.compile(
    r"\b(?:quelle part|part des|part du|proportion|quel pourcentage|pourcentage des|aandeel|welk deel|hoeveel procent"
    r"|what share|share of|what percentage|percentage of|proportion|welche[rn]? anteil|anteil|wie viel prozent)\b",
    re.IGNORECASE,
)
_BUSIEST = re.compile(
    r"\b(?:quel mois|welke maand|in welke maand|which month|what month|welche[rmn]? monat|in welchem monat)\b"
    r"|\bmois le plus\b|\bdrukste maand\b|\bbusiest month\b",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\b(?:au total|en tout|le total|total des|in totaal|totale aantal|alles samen|in total|total number|the total"
    r"|insgesamt|gesamtzahl)\b",
    re.IGNORECASE,
)
_CHANGE_WORDS = re.compile(rf"\b{_CHANGE}\b", re.IGNORECASE)
_PERCENT_WORDS = re.compile(rf"{_PERCENT}", re.IGNORECASE)


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# Askers often type without accents ("de combien ont-ils evolue"): the operation is read from both spellings.
_OPERATION_WORDS = [_CHANGE_WORDS, _PERCENT_WORDS, _SHARE, _BUSIEST, _TOTAL]
_UNACCENTED = {p: re.compile(_without_accents(p.pattern), p.flags) for p in _OPERATION_WORDS}


def _says(pattern: re.Pattern[str], question: str) -> bool:
    return bool(pattern.search(question) or _UNACCENTED[pattern].search(_without_accents(question)))


@dataclass(frozen=True)
class Frame:
    question: str  # what is searched: the question made standalone, its spelling mended
    language: Language
    years: tuple[int, ...]  # the years asked, oldest first
    months: frozenset[int]
    operation: Operation
    # The form an answer must have (an age, a phone number, an hour), or None: nothing can answer (tomorrow's weather).
    form: re.Pattern[str] | None | Literal[False] = False
    # What is counted: the question without its operation, years and months ("bénéfice d'exploitation").
    counted: str = ""

    def answered_by(self, text: str) -> bool:
        """Whether an answer's text has the form the question asks for (always, when it asks for none)."""
        if self.form is False:
            return True
        return self.form is not None and bool(self.form.search(text))


def question_frame(question: str, language: Language, searched: str | None = None) -> Frame:
    """The frame of one question; every later step reads it instead of the question's words. The operation is read
    from the asker's own words; years and months from what is searched when the question has none (a follow-up,
    "Et en 2022 ?", takes them from the conversation)."""
    searched = searched or question
    years = tuple(sorted(int(y) for y in (asked_years(question) or asked_years(searched))))
    months = frozenset(months_named(question) or months_named(searched))
    operation: Operation = "value"
    changed = _says(_CHANGE_WORDS, question)
    if _says(_BUSIEST, question):
        operation = "busiest_month"
    elif changed and len(years) >= 2:
        operation = "change_pct" if _says(_PERCENT_WORDS, question) else "change"
    elif changed:
        operation = "value"  # "de combien ont-ils baissé en 2023 ?": a change the report states, or nothing
    elif _says(_SHARE, question):
        operation = "share"
    elif _says(_TOTAL, question):
        operation = "total"
    form: re.Pattern[str] | None | Literal[False] = False
    for asked, answer in _ASKED_FORMS:
        if asked.search(question):
            form = answer
            break
    return Frame(searched, language, years, months, operation, form, _counted(searched))


def _counted(question: str) -> str:
    for pattern in _OPERATION_WORDS:  # whole words: "pourcentage" goes, not only its "pourcent"
        question = re.sub(rf"\w*(?:{pattern.pattern})\w*", " ", question, flags=pattern.flags)
    question = MONTH.sub(" ", without_years(question, " "))
    return " ".join(question.split())
