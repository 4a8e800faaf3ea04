"""What a figure question asks for, read from its words: whether it asks for a figure at all, the years and
months asked, what it counts, the codes it names, and the kind of figure that can answer it (a share, a duration,
an amount of money, a count of events); and its words in each edition, as the statements are weighed against them."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reportqa.answer.actions import action_words, any_action_terms, asked_actions
from reportqa.chunk import Chunk
from reportqa.config import Edition
from reportqa.index import LoadedIndex
from reportqa.language.glossary import alias_terms, asked_terms, compound_terms, countries_named, translate_terms
from reportqa.language.numbers import asked_years, is_month_name, is_year, months_named
from reportqa.language.terms import content_terms

FIGURE_QUESTION = re.compile(
    r"\b(combien|nombre|quel(?:le)?s? (?:est |était |a été )?(?:la |le )?(?:part|proportion|pourcentage|taux)"
    r"|chiffre|hoeveel|aantal|cijfer|hoe vaak|hoe lang|hoe (?:hoog|groot) (?:was|is|waren|zijn)"
    r"|welke? (?:deel|percentage|aandeel)(?! van het (?:verslag|rapport))"
    r"|how many|how much|how long|how (?:high|large) (?:was|is|were|are)|what (?:share|percentage|proportion)|figure"
    r"|wie viele|wieviel|anzahl|wie lange|wie (?:hoch|groß) (?:war|ist|waren|sind)|welcher anteil)\b",
    re.IGNORECASE,
)
PERCENT = re.compile(r"pour ?cent|pourcentage|%|procent|percent|prozent|taux|graad|rate|part\b|deel\b|share", re.I)
TOTAL = re.compile(r"\b(total|totaal|totale?s?|ensemble|in totaal)\b", re.IGNORECASE)
# How a caption breaks its subject down ("… par nationalité", "per maand", "by month"): the rows, not what is
# counted, so a question on "nationalité belge" is not about applications for protection "par nationalité" (unless
# it asks for that breakdown itself).
BREAKDOWN = re.compile(r"\b(?:par|per|by|nach)\s+(?!(?:le|la|les|l|de|des|du|het|the|der|die|das|den)\b)[\w-]+", re.I)
# A question that asks for a percentage ("quel pourcentage", "welk deel", "what share") is not answered by a count.
ASKS_FOR_PERCENT = re.compile(
    r"pour ?cent|pourcentage|%|procent|percent|prozent|quelle (?:part|proportion)|welke? (?:deel|aandeel)"
    r"|what (?:share|proportion)|welche[rn]? anteil|\btaux\b|graad\b|\brate\b",
    re.I,
)
# A percentage that is a change ("3,7 % de moins qu'en 2022", "20,0% meer") is no share, unless a change is asked.
_CHANGE_PERCENT = re.compile(r"%\s*(?:de\s+)?(?:meer|minder|plus|moins|more|less|mehr|weniger)\b", re.I)
_ASKS_FOR_CHANGE = re.compile(
    r"augment|hausse|baiss|diminu|recul|évolu|stijg|steg|gesteg|daal|dalen|gedaald|toename|afname|toegenomen"
    r"|afgenomen|increas|decreas|\brise\b|\brose\b|\bfell\b|\bfall\b|\bgr[eo]w|\bdrop|steig|gestiegen|sank|gesunken"
    r"|zunahme|abnahme|rückgang|par rapport|ten opzichte|compared|im vergleich|tussen \d{4} en|entre \d{4} et"
    r"|between \d{4} and|zwischen \d{4} und|met hoeveel procent|de combien|by how (?:much|many)|by what percentage"
    r"|um wie viel|\b(?:nam|namen|neemt|nemen)\b[^?]*\b(?:toe|af)\b"
    r"|(?:procent|percent|prozent|pour ?cent|%)\s*(?:de\s+)?(?:meer|minder|more|less|fewer|mehr|weniger|plus|moins)\b",
    re.I,
)
# A question that asks how long ("combien de temps", "hoe lang") is answered by a duration, not by a count.
_ASKS_FOR_DURATION = re.compile(
    r"combien de temps|quelle (?:est|était|a été) la durée|hoe lang|how long|wie lange|average (?:length|duration)",
    re.I,
)
_DURATION = re.compile(
    r"\b(?:jours?|semaines?|mois|dagen|dag|weken|maanden|days?|weeks?|months?|tage?n?|wochen|monate?n?)\b", re.I
)
# A question on a cost ("combien coûte", "hoeveel kost") is answered only by an amount of money.
_ASKS_FOR_MONEY = re.compile(
    r"\bco[uû]t(?:e|ent|s|ait|aient)?\b|\bprix\b|\bbudget|\bkost(?:en|te|ten)?\b|\bcosts?\b|\bkostet\b", re.I
)
_MONEY = re.compile(r"€|\beuros?\b|\bEUR\b", re.I)
# A question on how often something happened ("hoe vaak spraken de coaches …") counts events, never heads: a row in
# full-time equivalents ("Conseillers (VTE)") does not answer it.
ASKS_HOW_OFTEN = re.compile(
    r"combien de fois|hoe vaak|hoeveel keer|how often|how many times|wie oft|wie viele male|wie häufig", re.I
)
_HEADCOUNT = re.compile(
    r"\b(?:ETP|VTE|FTE|VZÄ|équivalents? temps plein|voltijdse equivalenten|full-time equivalents?)\b", re.I
)


def stated_figure(term: str) -> bool:
    """A number the question writes ("plus de 4 000 ?") is the claim, or context: never what a passage must name."""
    return term.replace(".", "").isdigit() and not is_year(term)


def is_figure_question(question: str) -> bool:
    return bool(FIGURE_QUESTION.search(question))


def month_rows(chunk: Chunk) -> list[int]:
    assert chunk.table is not None
    return [r for r, row in enumerate(chunk.table.rows) if is_month_name(row[0])]


_COUNTED = re.compile(r"\b(?:combien|hoeveel|how many|wie viele)\s+(?:de |d'|d’|des |les )?([\w-]+)", re.IGNORECASE)
_CODE = re.compile(r"\b(?:\d+[^\W\d_]+|[A-Z]{3,})\b")


def codes_named(question: str, edition: Edition) -> set[str]:
    """The terms of the codes and acronyms a question writes ("MIVB", "art. 12", "CPAS")."""
    return content_terms(" ".join(_CODE.findall(question)), edition)


def counted_terms(question: str, edition: Edition) -> set[str]:
    """What the question counts: the word after "combien de", "hoeveel", "how many"."""
    match = _COUNTED.search(question)
    return content_terms(translate_terms(match.group(1), edition), edition) if match else set()


@lru_cache(maxsize=2)
def percent_words(edition: Edition) -> frozenset[str]:
    """A figure in % names the percentage or share a question asks for ("quel pourcentage", "quelle proportion",
    "hoeveel procent", "welk aandeel")."""
    return frozenset(
        content_terms(
            "pourcentage percentage procent percent prozent proportion part aandeel deel share anteil", edition
        )
    )


def states_share(text: str) -> bool:
    return "%" in _CHANGE_PERCENT.sub("", text)


def _states_duration(text: str) -> bool:
    """A duration in days, weeks or months (a monthly table's "par mois" is no duration)."""
    return bool(_DURATION.search(BREAKDOWN.sub(" ", text)))


def _states_money(text: str) -> bool:
    return bool(_MONEY.search(text))


def counts_events(text: str) -> bool:
    return not _HEADCOUNT.search(text)


def kind_asked(question: str) -> Callable[[str], bool] | None:
    """What a statement must state to answer at all: a share, a duration or an amount (None: any figure)."""
    if ASKS_FOR_PERCENT.search(question) and not _ASKS_FOR_CHANGE.search(question):
        return states_share
    if _ASKS_FOR_MONEY.search(question):
        return _states_money
    if _ASKS_FOR_DURATION.search(question):
        return _states_duration
    return None


def _compound_parts(question: str, index: LoadedIndex, edition: Edition) -> frozenset[str]:
    """The parts of the question's Dutch compounds that the report never writes whole ("terugkeergesprekken":
    terugkeer, gesprek)."""
    if edition != "nl":
        return frozenset()
    vocabulary = index.idf.get(edition, {})
    unknown = " ".join(w for w in re.findall(r"\w+", question) if not content_terms(w, edition) & vocabulary.keys())
    return compound_terms(unknown, index.vocabulary.compound_vocabulary(edition))


@dataclass(frozen=True)
class FigureQuestion:
    """What a figure question asks for, read once before the statements are weighed."""

    question: str
    years: set[str]
    months: set[int]  # "en juin 2023": June's row, not the year's total
    countries: frozenset[str]
    wants_percent: bool
    needs_percent: bool
    kind: Callable[[str], bool] | None  # what a statement must state to answer at all (`kind_asked`)
    needs_share: bool  # a share has its own bonus in the statements' score
    measure: Callable[[str], bool] | None  # a duration or an amount, weighed like a unit
    similarities: dict[str, float]  # the question's closeness to every statement of the index
    # A row ("section — caption — label") and a sentence are different texts, and a question is always closer to
    # sentences: each is weighed against the closest of its own kind ("r" rows, "s" sentences).
    closest: dict[str, float]

    def named_by(self, text: str) -> bool:
        """A question about a people ("les Japonais") or a month is answered only by what names it, never by a
        total."""
        return (not self.countries or bool(self.countries & countries_named(text))) and (
            not self.months or bool(self.months & months_named(text))
        )


def figure_question(question: str, similarities: dict[str, float]) -> FigureQuestion:
    kind = kind_asked(question)
    needs_share = kind is states_share
    measure = None if needs_share else kind
    if measure is None and ASKS_HOW_OFTEN.search(question):
        measure = counts_events  # weighed like a unit, but not a kind to refuse on: most statements count events
    closest = {
        part: max((v for k, v in similarities.items() if k.rpartition(":")[2].startswith(part)), default=0.0)
        for part in ("r", "s")
    }
    return FigureQuestion(
        question,
        asked_years(question),
        months_named(question),
        countries_named(question),
        bool(PERCENT.search(question)),
        bool(ASKS_FOR_PERCENT.search(question)),
        kind,
        needs_share,
        measure,
        similarities,
        closest,
    )


@dataclass(frozen=True)
class QuestionWords:
    """The question's words in one edition, as the statements of that edition are weighed against them."""

    terms: set[str]  # what a statement should name
    counted: set[str]  # what the question counts ("combien d'entretiens")
    about: set[str]  # what it is about besides the country and the action
    subjects: set[str]  # the codes and acronyms it names that a section of the report is about
    actions: set[str]  # the actions asked ("accordées", "n'ont pas obtenu")
    asked: set[str]  # every word of the question, the asked action's own words included
    idf: dict[str, float]


def question_words(asked: FigureQuestion, edition: Edition, index: LoadedIndex) -> QuestionWords:
    question = asked.question
    # Years are matched by the columns and sentences that state them, not as words.
    terms = {t for t in asked_terms(question, edition) if not is_year(t) and not stated_figure(t)}
    terms |= _compound_parts(question, index, edition)
    codes = codes_named(translate_terms(question, edition), edition)
    # Every statement weighed names the country asked (see `FigureQuestion.named_by`), and a country's name is rare
    # enough to outweigh the rest: what else the question names decides ("demandeurs d'emploi du Congo" is not
    # answered by the permits issued to the Congolese).
    # A statement that shares nothing else with the question is close to it only by the country's name.
    terms -= alias_terms(" ".join(asked.countries), edition)
    counted = counted_terms(question, edition)
    # What the question is about besides the country and the action ("permis uniques" in "combien de permis
    # uniques délivrés aux Indiens"): a statement sharing only the action is no closer than one sharing nothing.
    about = terms - any_action_terms(edition)
    # The codes and acronyms the question names that a section of the report is about ("CPAS", "art. 12", and
    # "MIVB" for "the Brussels transport company"): a statement naming none of them, in a section about none of
    # them, is about something else.
    subjects = terms & index.vocabulary.heading_terms(edition) & codes
    actions, counted_in = asked_actions(question, edition)
    terms -= counted_in
    # A row naming the action asked in its own words ("Décisions négatives" for "n'ont pas obtenu") says no more
    # than was asked.
    asked_words = terms | content_terms(question, edition) | action_words(actions, edition)
    return QuestionWords(terms, counted, about, subjects, actions, asked_words, index.idf.get(edition, {}))
