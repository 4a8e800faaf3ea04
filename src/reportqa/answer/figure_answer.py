"""Answers to "how many": the figure for the year asked, in one sentence with its citation. The report's own
sentence when it states that figure; otherwise one sentence written from the table's words (its number and
caption, the row, the column or year), never a raw table row."""

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from reportqa.answer.citations import Citation, citation, sentences_of
from reportqa.answer.editions import linked_chunk, matching_sentence
from reportqa.answer.evidence import NO_EVIDENCE, Evidence, Thresholds, coverage, suffices
from reportqa.answer.retrieve import Hit, cosines
from reportqa.chunk import Chunk
from reportqa.config import Edition, Language, Settings
from reportqa.glossary import alias_terms, asked_terms, compound_terms, countries_named, expand, translate_terms
from reportqa.index import LoadedIndex
from reportqa.index.figures import numbers_with_years, parse_number
from reportqa.index.statements import row_key, sentence_key
from reportqa.lang import edition_for
from reportqa.text import content_terms, is_year, sentences, table_number, years_in

FIGURE_QUESTION = re.compile(
    r"\b(combien|nombre|quel(?:le)?s? (?:est |était |a été )?(?:la |le )?(?:part|proportion|pourcentage|taux)"
    r"|chiffre|hoeveel|aantal|cijfer|hoe vaak|hoe lang|hoe (?:hoog|groot) (?:was|is|waren|zijn)"
    r"|welke? (?:deel|percentage|aandeel)(?! van het (?:verslag|rapport))"
    r"|how many|how much|how long|how (?:high|large) (?:was|is|were|are)|what (?:share|percentage|proportion)|figure"
    r"|wie viele|wieviel|anzahl|wie lange|wie (?:hoch|groß) (?:war|ist|waren|sind)|welcher anteil)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"pour ?cent|pourcentage|%|procent|percent|prozent|taux|graad|rate|part\b|deel\b|share", re.I)
LEXICAL_WEIGHT = 0.25
# A row whose own label the question names ("refusés", "Afghanistan") over its neighbours in the same table.
LABEL_WEIGHT = 0.1
# A row whose label says more than the question asks ("Abonnés jeunes de moins de 12 ans" for "combien
# d'abonnés jeunes"): the total answers a general question.
UNASKED_LABEL_WEIGHT = 0.05
# A row whose label names what the question counts ("combien d'entretiens": "Entretiens menés").
COUNTED_WEIGHT = 0.03
_TOTAL = re.compile(r"\b(total|totaal|totale?s?|ensemble|in totaal)\b", re.IGNORECASE)
# How a caption breaks its subject down ("… par nationalité", "per maand", "by month"): the rows, not what is
# counted, so a question on "nationalité belge" is not about applications for protection "par nationalité" (unless
# it asks for that breakdown itself).
_BREAKDOWN = re.compile(r"\b(?:par|per|by|nach)\s+(?!(?:le|la|les|l|de|des|du|het|the|der|die|das|den)\b)[\w-]+", re.I)
PERCENT_BONUS = 0.05
# A question that asks for a percentage ("quel pourcentage", "welk deel", "what share") is not answered by a count.
_ASKS_FOR_PERCENT = re.compile(
    r"pour ?cent|pourcentage|%|procent|percent|prozent|quelle (?:part|proportion)|welke? (?:deel|aandeel)"
    r"|what (?:share|proportion)|welche[rn]? anteil|\btaux\b|graad\b|\brate\b",
    re.I,
)
NOT_PERCENT_PENALTY = 0.2
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
_ASKS_HOW_OFTEN = re.compile(
    r"combien de fois|hoe vaak|hoeveel keer|how often|how many times|wie oft|wie viele male|wie häufig", re.I
)
_HEADCOUNT = re.compile(
    r"\b(?:ETP|VTE|FTE|VZÄ|équivalents? temps plein|voltijdse equivalenten|full-time equivalents?)\b", re.I
)
# A passage from the other edition must beat the asker's edition by this much to be quoted.
OTHER_EDITION_PENALTY = 0.02
# Passages holding the rows and sentences closest to the question join the retrieved ones: a table the passage
# search ranked low can still hold the one row asked about.
CLOSEST_STATEMENTS = 8
# A statement that names none of the codes or acronyms the question writes ("MIVB", "art. 12"), in a section about
# none of them, is about something else: it ranks below those that name one.
OFF_SUBJECT_PENALTY = 0.1
# The sentence before a figure joins it only when it adds the subject, not for a word or two.
JOINED_PENALTY = 0.02


# One line per language: French, Dutch, English, German.
MONTH_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "january february march april _ june july august september october november december",  # "may" is a verb
    "januar februar märz april mai juni juli august september oktober november dezember",
)
_MONTH_NUMBERS = {name: n for names in MONTH_NAMES for n, name in enumerate(names.split(), 1) if name != "_"}
MONTH = re.compile(r"\b(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def months_named(text: str) -> set[int]:
    """The months a text names, in any of the four languages ("juin", "juni", "June": 6)."""
    return {_MONTH_NUMBERS[m.lower()] for m in MONTH.findall(text)}


# "Après 3 327 interventions en 2022, combien en 2023 ?": a figure the question states, with its year.
_STATED_FIGURE = re.compile(r"(\d[\d .,]*\d)\s[^\d?]{0,40}?\b(?:en|in|im)\s+((?:19|20)\d\d)\b")


def asked_years(question: str) -> set[str]:
    """The years a question asks about: not the year of a figure it states as context."""
    years = years_in(question)
    stated = {m[2] for m in _STATED_FIGURE.finditer(question) if not is_year(m[1])}
    return (years - stated) or years


def _stated_figure(term: str) -> bool:
    """A number the question writes ("plus de 4 000 ?") is the claim, or context: never what a passage must name."""
    return term.replace(".", "").isdigit() and not is_year(term)


def is_figure_question(question: str) -> bool:
    return bool(FIGURE_QUESTION.search(question))


@dataclass(frozen=True)
class Statement:
    """A place that states a figure: a table cell (with its row as the quote) or a sentence of the report."""

    hit: Hit
    quote: str
    score: float
    evidence: Evidence
    cell: tuple[int, int] | None = None  # (row, column) of a table cell

    @property
    def chunk(self) -> Chunk:
        return self.hit.chunk


def _quantities(text: str) -> list[tuple[str, int | None]]:
    return [(n, y) for n, y in numbers_with_years(text) if not is_year(n.strip())]


def _year_column(
    chunk: Chunk, row: int, asked: set[str], measure: Callable[[int], float] | None = None
) -> tuple[int, bool] | None:
    """The column to answer from: the year asked, else the latest year; in a table of measures (no year columns:
    "Capacité | Clients | Taux de charge" for each site), the measure the question names (`measure` weighs a
    column's header), and none when it names none of several; and whether it is the year asked."""
    assert chunk.table is not None
    header, cells = chunk.table.header, chunk.table.rows[row]
    filled = [c for c in range(1, len(cells)) if parse_number(cells[c]) is not None]
    if not filled:
        return None
    years = {header[c].strip(): c for c in filled if c < len(header) and is_year(header[c].strip())}
    if not years and measure is not None and len(filled) > 1:
        weights = {c: measure(c) for c in filled}
        named = max(filled, key=weights.__getitem__)
        if weights[named] <= 0:
            return None  # several measures, none named: which one was asked is a guess
        filled = [named]
    if asked:
        chosen = next((years[y] for y in sorted(asked) if y in years), None)
        if chosen is not None:
            return chosen, True
        caption_years = years_in(chunk.table.caption)  # "… par nationalité en 2023": one column, no year header
        return (filled[0], True) if not years and caption_years & asked else (filled[-1], False)
    return (years[max(years)], True) if years else (filled[0], True)


def _header_fit(chunk: Chunk, column: int, terms: frozenset[str], index: LoadedIndex) -> float:
    """How much of the question a column's header names, its Dutch compounds' parts included ("bezetting" in
    "Bezettingsgraad")."""
    assert chunk.table is not None
    header = chunk.table.header[column] if column < len(chunk.table.header) else ""
    words = alias_terms(header, chunk.edition) | index.caption_compounds(header, chunk.edition)
    return coverage(terms, words, index.idf.get(chunk.edition, {}))


def _with_closest_statements(
    hits: list[Hit],
    similarities: dict[str, float],
    vector: list[float],
    index: LoadedIndex,
    of_the_kind_asked: Callable[[str], bool] | None = None,
    months: bool = False,
) -> list[Hit]:
    preferred = {hit.chunk.edition for hit in hits if hit.preferred}
    held = {hit.chunk.chunk_id for hit in hits}
    ranked = sorted(similarities, key=similarities.__getitem__, reverse=True)
    closest = ranked[:CLOSEST_STATEMENTS]
    if of_the_kind_asked is not None:
        # A question for a share, a duration or a cost: the closest statements that state one join too, since the
        # passages found may hold only counts ("Beschermingsgraad" is one word the question does not use).
        kind = (key for key in ranked if of_the_kind_asked(index.statement_text(key)))
        closest += [key for key, _ in zip(kind, range(CLOSEST_STATEMENTS), strict=False)]
    extra = [key.rpartition(":")[0] for key in closest]
    # The tables of a section whose prose was found: the prose explains what its tables count.
    sections = {(hit.chunk.doc_id, hit.chunk.section_number) for hit in hits if hit.chunk.table is None}
    extra += [c.chunk_id for c in index.chunks.values() if c.table and (c.doc_id, c.section_number) in sections]
    if months:
        # A month asked: every table by month joins, for the scoring to choose (an annex of monthly tables is far
        # from the section about what they count).
        extra += [c.chunk_id for c in index.chunks.values() if c.table and c.edition in preferred and _month_rows(c)]
    extra = [chunk_id for chunk_id in dict.fromkeys(extra) if chunk_id not in held and chunk_id in index.chunks]
    scores = cosines(index, vector, extra)
    added = [
        Hit(index.chunks[i], scores[i], 0.0, not preferred or index.chunks[i].edition in preferred)
        for i in extra
        if i in scores
    ]
    return hits + added


_COUNTED = re.compile(r"\b(?:combien|hoeveel|how many|wie viele)\s+(?:de |d'|d’|des |les )?([\w-]+)", re.IGNORECASE)
# A sentence that is a table row in words: "Permis refusés : 31 207 en 2021, 39 114 en 2022 et 45 803 en 2023."
_ROW_SENTENCE = re.compile(r"^([^:.\d]{3,60}?)\s?:\s")


# What was done with what is counted: a question on permits granted is not answered by applications lodged.
_ACTIONS = {
    "granted": "délivrés délivrées accordés accordées octroyés octroyées afgegeven toegekend toegekende verleend"
    " positive positives positieve acceptées acceptés goedgekeurd goedgekeurde aanvaard aanvaarde",
    "refused": "refusés refusées rejetés rejetées geweigerd geweigerde afgewezen négative négatives negatieve",
    "lodged": "introduites introduits déposées déposés ingediend ingediende",
    "processed": "traitées traités examinées examinés behandeld behandelde",
}
# A statement that names another action than the one asked, and not the one asked.
OTHER_ACTION_PENALTY = 0.05
# How people ask for an action with everyday verbs (questions only: "kregen" in a report's sentence says little).
# A Dutch separable verb keeps its particle at the end ("vroegen … een vergunning aan"); "got none" is a refusal.
_ASKED_ACTIONS = (
    (
        "refused",
        re.compile(
            r"\b(?:kre(?:eg|gen)|krijg\w*)\b.*\b(?:geen|niet)\b"
            r"|\bn['’](?:a|ont) pas (?:obtenu|reçu)|\bw(?:ees|ezen)\b.*\baf\b",
            re.I,
        ),
    ),
    (
        "granted",
        re.compile(
            r"\b(?:kre(?:eg|gen)|ont obtenu|a obtenu)\b(?!.*\b(?:geen|niet)\b)|\bga(?:f|ven)\b.*\baf\b",
            re.I,
        ),
    ),
    # "ont reçu leur permis" is granted, but "les demandes que le service a reçu" were lodged, not granted.
    ("granted", re.compile(r"^(?!.*\b(?:demandes?|dossiers?|requêtes?)\b).*\b(?:ont|a) reçu", re.I)),
    ("lodged", re.compile(r"\b(?:vroeg(?:en)?\b.*\baan\b|aangevraagd\b|dien(?:de|den)\b.*\bin\b)", re.I)),
    # Allowed to stay: an authorisation granted ("ont pu rester", "mochten … blijven").
    (
        "granted",
        re.compile(
            r"\b(?:(?:ont|a) pu rester|autorisés? à rester|m(?:ocht(?:en)?|ogen|ag)\b.*\bblijven|allowed to stay"
            r"|bleiben durften)\b",
            re.I,
        ),
    ),
)


@lru_cache(maxsize=2)
def _action_terms(edition: Edition) -> dict[str, set[str]]:
    return {action: content_terms(words, edition) for action, words in _ACTIONS.items()}


@lru_cache(maxsize=2)
def _any_action_terms(edition: Edition) -> frozenset[str]:
    return frozenset(word for words in _action_terms(edition).values() for word in words)


def _actions(terms: AbstractSet[str], edition: Edition) -> set[str]:
    return {action for action, words in _action_terms(edition).items() if words & terms}


def _action_words(actions: set[str], edition: Edition) -> set[str]:
    return {word for action in actions for word in _action_terms(edition)[action]}


@lru_cache(maxsize=256)  # asked once per passage an answer weighs, with the same question
def _verb_actions(question: str) -> frozenset[str]:
    return frozenset(action for action, pattern in _ASKED_ACTIONS if pattern.search(question))


# "Sur les demandes traitées, combien …", "Van alle behandelde aanvragen, hoeveel …": the whole the question counts
# in, not what it asks.
_OUT_OF = re.compile(r"^\s*(?:sur|parmi|van|of|out of|von|unter)\b[^,?]*,\s*(?=\w)", re.I)


def _asked_actions(question: str, edition: Edition) -> tuple[set[str], set[str]]:
    """The actions a question asks about, in the report's words ("accordées", "afgewezen") or everyday verbs; and
    the words of the action of the whole it counts in, which it does not ask about ("Van alle behandelde
    aanvragen, hoeveel werden goedgekeurd?")."""
    whole = _OUT_OF.match(question)
    asked = question[whole.end() :] if whole else question
    actions = _actions(content_terms(translate_terms(asked, edition), edition), edition) | _verb_actions(asked)
    if whole is None:
        return actions, set()
    counted_in = _actions(content_terms(translate_terms(whole[0], edition), edition), edition) - actions
    return actions, _action_words(counted_in, edition)


# A statement about applications ("Demandes de permis par mois — Total") counts what was lodged, not what
# was granted. Read in statements only: a question's "combien de demandes … accordées" asks for the granted ones.
_APPLICATIONS = "demandes demande aanvragen aanvraag"


@lru_cache(maxsize=2)
def _application_terms(edition: Edition) -> frozenset[str]:
    return frozenset(content_terms(_APPLICATIONS, edition))


def _other_action(asked: set[str], words: AbstractSet[str], edition: Edition) -> float:
    named = _actions(words, edition) | ({"lodged"} if words & _application_terms(edition) else set())
    if not asked or asked & named:
        return 0.0
    # Naming no action at all ("Total" of a table of applications) is a weaker miss than naming another one.
    return OTHER_ACTION_PENALTY if named else OTHER_ACTION_PENALTY / 2


_CODE = re.compile(r"\b(?:\d+[^\W\d_]+|[A-Z]{3,})\b")


def _codes(question: str, edition: Edition) -> set[str]:
    """The terms of the codes and acronyms a question writes ("MIVB", "art. 12", "CPAS")."""
    return content_terms(" ".join(_CODE.findall(question)), edition)


def _counted(question: str, edition: Edition) -> set[str]:
    """What the question counts: the word after "combien de", "hoeveel", "how many"."""
    match = _COUNTED.search(question)
    return content_terms(translate_terms(match.group(1), edition), edition) if match else set()


def _label_fit(
    label: str,
    context: str,
    terms: set[str],
    asked: set[str],
    counted: set[str],
    edition: Edition,
    idf: dict[str, float],
) -> float:
    """How well a row's label fits the question, against the other rows of its table: the question names it
    ("refusés", "Afghanistan", in the report's words or everyday ones), names what it counts ("entretiens"), and
    the label says no more than was asked ("Abonnés jeunes de moins de 12 ans" for a question on all young
    subscribers: the total answers a general question). A total is named by its table's caption (`context`)."""
    words, around = alias_terms(label, edition), alias_terms(context, edition)
    if _TOTAL.search(label):  # a total counts what its table counts
        named = COUNTED_WEIGHT if counted & around else 0.0
    else:
        named = COUNTED_WEIGHT if counted & words else 0.0
    own = content_terms(_TOTAL.sub("", label), edition)
    unasked = len(own - asked) / len(own) if own else 0.0
    # A row is credited with what it names together with its table's caption, so every row has the caption's
    # share: "Abonnés jeunes de moins de 12 ans" naming the young of its caption again does not beat the total.
    named_row = coverage(terms, words | around, idf)
    return LABEL_WEIGHT * named_row + named - UNASKED_LABEL_WEIGHT * unasked


@lru_cache(maxsize=2)
def _percent_words(edition: Edition) -> frozenset[str]:
    """A figure in % names the percentage or share a question asks for ("quel pourcentage", "quelle proportion",
    "hoeveel procent", "welk aandeel")."""
    return frozenset(
        content_terms(
            "pourcentage percentage procent percent prozent proportion part aandeel deel share anteil", edition
        )
    )


def _states_share(text: str) -> bool:
    return "%" in _CHANGE_PERCENT.sub("", text)


def _percent_bonus(text: str, wants_percent: bool, needs_percent: bool, needs_share: bool = False) -> float:
    if needs_share and not _states_share(text):
        return -NOT_PERCENT_PENALTY
    if "%" in text:
        return PERCENT_BONUS if wants_percent else 0.0
    return -NOT_PERCENT_PENALTY if needs_percent else 0.0


def _states_duration(text: str) -> bool:
    """A duration in days, weeks or months (a monthly table's "par mois" is no duration)."""
    return bool(_DURATION.search(_BREAKDOWN.sub(" ", text)))


def _states_money(text: str) -> bool:
    return bool(_MONEY.search(text))


def _counts_events(text: str) -> bool:
    return not _HEADCOUNT.search(text)


def _kind_asked(question: str) -> Callable[[str], bool] | None:
    """What a statement must state to answer at all: a share, a duration or an amount (None: any figure)."""
    if _ASKS_FOR_PERCENT.search(question) and not _ASKS_FOR_CHANGE.search(question):
        return _states_share
    if _ASKS_FOR_MONEY.search(question):
        return _states_money
    if _ASKS_FOR_DURATION.search(question):
        return _states_duration
    return None


def _unit_penalty(text: str, measure: Callable[[str], bool] | None) -> float:
    return NOT_PERCENT_PENALTY if measure is not None and not measure(text) else 0.0


def _compound_parts(question: str, index: LoadedIndex, edition: Edition) -> frozenset[str]:
    """The parts of the question's Dutch compounds that the report never writes whole ("terugkeergesprekken":
    terugkeer, gesprek)."""
    if edition != "nl":
        return frozenset()
    vocabulary = index.idf.get(edition, {})
    unknown = " ".join(w for w in re.findall(r"\w+", question) if not content_terms(w, edition) & vocabulary.keys())
    return compound_terms(unknown, index.compound_vocabulary(edition))


def _statements(question: str, hits: list[Hit], index: LoadedIndex) -> list[Statement]:
    asked = asked_years(question)
    wants_percent = bool(_PERCENT.search(question))
    needs_percent = bool(_ASKS_FOR_PERCENT.search(question))
    kind = _kind_asked(question)
    # A share has its own bonus (`_percent_bonus`); a duration or an amount is weighed by `_unit_penalty`.
    needs_share = kind is _states_share
    measure = None if needs_share else kind
    if measure is None and _ASKS_HOW_OFTEN.search(question):
        measure = _counts_events  # weighed like a unit, but not a kind to refuse on: most statements count events
    vector = index.query_vector(expand(question))
    similarities = index.statements.similarities(vector)
    months = months_named(question)  # "en juin 2023": June's row, not the year's total
    hits = _with_closest_statements(hits, similarities, vector.tolist(), index, kind, bool(months))
    # A row ("section — caption — label") and a sentence are different texts, and a question is always closer to
    # sentences: each is weighed against the closest of its own kind.
    closest = {
        kind: max((v for k, v in similarities.items() if k.rpartition(":")[2].startswith(kind)), default=0.0)
        for kind in ("r", "s")
    }
    # A question about a people ("les Japonais") or a month is answered only by what names it, never by a total.
    countries = countries_named(question)

    def names_what_is_asked(text: str) -> bool:
        return (not countries or bool(countries & countries_named(text))) and (
            not months or bool(months & months_named(text))
        )

    # Years are matched by the columns and sentences that state them, not as words.
    question_terms = {
        edition: {t for t in asked_terms(question, edition) if not is_year(t) and not _stated_figure(t)}
        | _compound_parts(question, index, edition)
        for edition in {hit.chunk.edition for hit in hits}
    }
    codes = {edition: _codes(translate_terms(question, edition), edition) for edition in question_terms}
    found = []
    for hit in hits:
        chunk, edition = hit.chunk, hit.chunk.edition
        terms = set(question_terms[edition])
        # Every statement weighed names the country asked (see `names_what_is_asked`), and a country's name is rare
        # enough to outweigh the rest: what else the question names decides ("demandeurs d'emploi du Congo" is not
        # answered by the permits issued to the Congolese).
        # A statement that shares nothing else with the question is close to it only by the country's name.
        terms -= alias_terms(" ".join(countries), edition)
        counted = _counted(question, edition)
        # What the question is about besides the country and the action ("permis uniques" in "combien de permis
        # uniques délivrés aux Indiens"): a statement sharing only the action is no closer than one sharing nothing.
        about = terms - _any_action_terms(edition)
        # The codes and acronyms the question names that a section of the report is about ("CPAS", "art. 12",
        # and "MIVB" for "the Brussels transport company"): a statement naming none of them, in a section about
        # none of them, is about something else.
        subjects = terms & index.heading_terms(edition) & codes[edition]
        actions, counted_in = _asked_actions(question, edition)
        terms -= counted_in
        # A row naming the action asked in its own words ("Décisions négatives" for "n'ont pas obtenu") says no more
        # than was asked.
        asked_words = terms | content_terms(question, edition) | _action_words(actions, edition)
        heading = content_terms(chunk.section_label, edition)
        named_heading = alias_terms(chunk.section_label, edition)  # its acronym too, for `subjects`
        idf = index.idf.get(edition, {})
        penalty = 0.0 if hit.preferred else OTHER_EDITION_PENALTY
        if chunk.table is not None:
            subject = _BREAKDOWN.sub(lambda m: m[0] if m[0].lower() in question.lower() else " ", chunk.table.caption)
            header_fit = partial(_header_fit, chunk, terms=frozenset(terms), index=index)
            for row, line in enumerate(sentences_of(chunk)):
                column = _year_column(chunk, row, asked, header_fit)
                label = chunk.table.rows[row][0]
                if column is None or not names_what_is_asked(f"{chunk.section_label} {chunk.table.caption} {label}"):
                    continue
                similarity = similarities.get(row_key(chunk.chunk_id, row), hit.score)
                words = alias_terms(f"{subject} {label}", edition) | heading | index.caption_compounds(subject, edition)
                cell = chunk.table.rows[row][column[0]]
                words |= _percent_words(edition) if "%" in cell else frozenset()
                share = coverage(terms, words, idf)
                bonus = _percent_bonus(cell, wants_percent, needs_percent, needs_share)
                bonus -= _unit_penalty(f"{chunk.table.caption} {label} {cell}", measure)
                score = (hit.score + similarity - closest["r"]) / 2 - penalty + LEXICAL_WEIGHT * share + bonus
                score += _label_fit(label, subject, terms, asked_words, counted, edition, idf)
                score -= _other_action(actions, words, edition)
                if not column[1]:
                    score -= 0.1  # the year asked is not in this table
                # For the refusal rule a row's closeness is put on the sentences' scale (see `closest`).
                if countries and not (about & words if about else share):
                    share = 0.0
                off_subject = bool(subjects) and not subjects & (words | named_heading)
                if off_subject:
                    share, score = 0.0, score - OFF_SUBJECT_PENALTY
                on_topic = (share or not countries) and not off_subject
                closeness = similarity - closest["r"] + closest["s"] if on_topic else 0.0
                evidence = Evidence(hit.score, share, column[1], closeness)
                found.append(Statement(hit, line, score, evidence, (row, column[0])))
            continue
        lines = sentences_of(chunk)
        for position, line in enumerate(lines):
            text, key, joined = line, sentence_key(chunk.chunk_id, position), False
            if not _quantities(text) and position + 1 < len(lines):
                # "Les conseillers … . Au total, ils ont mené près de 4 000 entretiens."
                text, key = f"{line} {lines[position + 1]}", sentence_key(chunk.chunk_id, position + 1)
                joined = True
            quantities = _quantities(text)
            if not quantities or not names_what_is_asked(f"{chunk.section_label} {text}"):
                continue
            years_ok = not asked or any(year is not None and str(year) in asked for _, year in quantities)
            own_words = alias_terms(text, edition) | (_percent_words(edition) if "%" in text else frozenset())
            # The heading gives every sentence of a section its topic; the sentence's own words tell them apart.
            share = (coverage(terms, own_words, idf) + coverage(terms, own_words | heading, idf)) / 2
            similarity = similarities.get(key, hit.score)
            bonus = _percent_bonus(text, wants_percent, needs_percent, needs_share)
            bonus -= _unit_penalty(text, measure)
            score = (hit.score + similarity - closest["s"]) / 2 - penalty + LEXICAL_WEIGHT * share + bonus
            score -= 0.0 if years_ok else 0.1
            score -= JOINED_PENALTY if joined else 0.0
            score -= _other_action(actions, own_words, edition)
            if (labelled := _ROW_SENTENCE.match(line)) is not None:  # "Permis refusés : 31 207 en 2021, …"
                score += _label_fit(labelled.group(1), chunk.section_label, terms, asked_words, counted, edition, idf)
            if countries and not (about & (own_words | heading) if about else share):
                share = 0.0
            off_subject = bool(subjects) and not subjects & (own_words | named_heading)
            if off_subject:
                share, score = 0.0, score - OFF_SUBJECT_PENALTY
            closeness = similarity if (share or not countries) and not off_subject else 0.0
            found.append(Statement(hit, text, score, Evidence(hit.score, share, years_ok, closeness)))
    # A statement for the year asked comes first, however close another year's is.
    return sorted(found, key=lambda s: (s.evidence.years_ok, s.score), reverse=True)


def best_statement(
    question: str, language: Language, hits: list[Hit], index: LoadedIndex, thresholds: Thresholds
) -> tuple[Statement | None, Evidence]:
    """The statement that answers, or None with the evidence that fell short."""
    statements = _statements(question, hits, index)
    if not statements:
        return None, Evidence(hits[0].score if hits else 0.0, 0.0, False, 0.0)
    best = statements[0]
    kind = _kind_asked(question)
    if kind is not None and not kind(best.quote):
        # Asked for a share, a duration or a cost, the best the report has is a count: it does not say.
        return None, best.evidence._replace(coverage=0.0, sentence_score=0.0)
    return (best if suffices(best.evidence, language, thresholds) else None), best.evidence


def _in_edition(statement: Statement, edition: Edition | None, index: LoadedIndex) -> Statement:
    """The same statement in the asker's edition, when that edition has it."""
    if edition is None or statement.chunk.edition == edition:
        return statement
    other = linked_chunk(statement.chunk, index.chunks.values())
    if other is None:
        return statement
    hit = Hit(other, statement.hit.score, statement.hit.rank_score, True)
    if statement.cell is not None:
        row, column = statement.cell
        assert statement.chunk.table is not None
        table = other.table
        if table is None or len(table.rows) != len(statement.chunk.table.rows) or column >= len(table.rows[row]):
            return statement
        return replace(statement, hit=hit, quote=sentences_of(other)[row])
    sentence = matching_sentence(statement.quote, sentences(other.text))
    return replace(statement, hit=hit, quote=sentence) if sentence else statement


def _report_sentence(statement: Statement, index: LoadedIndex) -> tuple[Chunk, str] | None:
    """A sentence of the same section that states the cell's figure for the same year, about the same thing."""
    chunk = statement.chunk
    assert chunk.table is not None and statement.cell is not None
    row, column = statement.cell
    parsed = parse_number(chunk.table.rows[row][column])
    header = chunk.table.header[column] if column < len(chunk.table.header) else ""
    if parsed is None:
        return None
    year = int(header) if is_year(header.strip()) else None
    subject = content_terms(f"{chunk.table.caption} {chunk.table.rows[row][0]}", chunk.edition)
    return _plainest_sentence(parsed[0], year, subject, chunk, index)


def _plainest_sentence(
    value: float, year: int | None, subject: set[str], chunk: Chunk, index: LoadedIndex
) -> tuple[Chunk, str] | None:
    """The report's plainest sentence of the chunk's section that states the value for the year, about the
    subject ("est passé à 3 994 en 2023"): the fewer figures the better, and never a row written out in words
    ("Total : 2 862 en 2021, 3 327 en 2022 et 3 994 en 2023"), which gives three figures for the one asked."""
    found = []
    for fact in index.facts.stating(value, chunk.edition, chunk.section_number, year):
        source = index.chunks.get(fact.chunk_id)
        if (
            source is not None
            and not _ROW_SENTENCE.match(fact.text)
            and content_terms(fact.text, chunk.edition) & subject
        ):
            found.append((len(_quantities(fact.text)), source, fact.text))
    if not found:
        return None
    _, source, text = min(found, key=lambda f: f[0])
    return source, text


def _year_figure(quote: str, years: set[str]) -> tuple[float, int] | None:
    """The figure a sentence gives for the year asked (else for its latest year)."""
    dated = [(parsed[0], year) for n, year in _quantities(quote) if year is not None and (parsed := parse_number(n))]
    asked = [(v, y) for v, y in dated if str(y) in years]
    chosen = asked or sorted(dated, key=lambda d: d[1])[-1:]
    return chosen[0] if chosen else None


# One sentence from the table's own words: its number and caption, the row, the column (a year or a name).
_WRITTEN: dict[Language, tuple[str, str, str, str]] = {
    # (with a table number, without one, "for <row> in <year>", "for <row>, column <name>")
    "fr": (
        "Le tableau {number} (« {title} ») indique {value} {place}.",
        "Le tableau « {title} » indique {value} {place}.",
        "pour « {row} » en {column}",
        "pour « {row} », colonne « {column} »",
    ),
    "nl": (
        "Tabel {number} (‘{title}’) vermeldt {value} {place}.",
        "De tabel ‘{title}’ vermeldt {value} {place}.",
        "voor ‘{row}’ in {column}",
        "voor ‘{row}’, kolom ‘{column}’",
    ),
    "en": (
        "Table {number} (“{title}”) gives {value} {place}.",
        "The table “{title}” gives {value} {place}.",
        "for “{row}” in {column}",
        "for “{row}”, column “{column}”",
    ),
    "de": (
        "Tabelle {number} („{title}“) nennt {value} {place}.",
        "Die Tabelle „{title}“ nennt {value} {place}.",
        "für „{row}“ im Jahr {column}",
        "für „{row}“, Spalte „{column}“",
    ),
}
_CAPTION_PREFIX = re.compile(r"^(?:Tableau|Tabel|Table|Tabelle)\s+[\d.]+\s*:?\s*", re.IGNORECASE)


def written_sentence(chunk: Chunk, cell: tuple[int, int], language: Language) -> str:
    assert chunk.table is not None
    row, column = cell
    table = chunk.table
    with_number, without_number, for_year, for_column = _WRITTEN[language]
    name = table.header[column].strip() if column < len(table.header) else ""
    place = (for_year if is_year(name) else for_column).format(row=table.rows[row][0], column=name)
    if not name:
        place = place.split(",")[0]
    title = _CAPTION_PREFIX.sub("", table.caption).strip() or chunk.section_label
    number = table_number(table.caption)
    template = with_number if number else without_number
    return template.format(number=number, title=title, value=table.rows[row][column].strip(), place=place)


@dataclass(frozen=True)
class FigureAnswer:
    text: str  # one sentence, without its marker
    citation: Citation
    evidence: Evidence = NO_EVIDENCE


def _from_a_row_in_words(
    statement: Statement, language: Language, index: LoadedIndex, settings: Settings, years: set[str]
) -> FigureAnswer | None:
    """A row written out in words ("Total : 2 862 en 2021, 3 327 en 2022 et 3 994 en 2023") gives three figures
    for one asked: the report's plainer sentence for the figure, else one sentence from the table's cell."""
    chunk, labelled = statement.chunk, _ROW_SENTENCE.match(statement.quote)
    if labelled is None or (figure := _year_figure(statement.quote, years)) is None:
        return None
    subject = content_terms(labelled.group(1), chunk.edition)
    if plainer := _plainest_sentence(figure[0], figure[1], subject, chunk, index):
        source, sentence = plainer
        return FigureAnswer(sentence, citation(1, source, sentence, settings, index, years))
    for fact in index.facts.stating(figure[0], chunk.edition, chunk.section_number, figure[1], kind="cell"):
        table = index.chunks.get(fact.chunk_id)
        if table is not None and table.table is not None and content_terms(fact.row, chunk.edition) & subject:
            cell = (fact.row_index, fact.column_index)
            quote = sentences_of(table)[fact.row_index]
            cited = citation(1, table, quote, settings, index, years, cell)
            return FigureAnswer(written_sentence(table, cell, language), cited)
    return None


def figure_answer(
    statement: Statement, language: Language, index: LoadedIndex, settings: Settings, years: set[str]
) -> FigureAnswer:
    """The answer sentence for a statement, and its citation (the cited passage states every figure in it)."""
    statement = _in_edition(statement, edition_for(language), index)
    chunk = statement.chunk
    if statement.cell is None:
        plainer = _from_a_row_in_words(statement, language, index, settings, years)
        return plainer or FigureAnswer(statement.quote, citation(1, chunk, statement.quote, settings, index, years))
    own = _report_sentence(statement, index)
    if own is not None:
        source, sentence = own
        return FigureAnswer(sentence, citation(1, source, sentence, settings, index, years))
    text = written_sentence(chunk, statement.cell, language)  # the asker's words around the table's own
    return FigureAnswer(text, citation(1, chunk, statement.quote, settings, index, years, statement.cell))


_BUSIEST = re.compile(
    r"\b(quel mois|welke maand|which month|welcher monat)\b.*\b(plus|meest\w*|most|höchst\w*|meisten)\b"
    r"|\b(busiest|drukste|chargé) (month|maand|mois)\b",
    re.IGNORECASE,
)
_BUSIEST_WRITTEN: dict[Language, str] = {
    "fr": "Selon le tableau {number} (« {title} »), le mois le plus élevé en {year} est {month}, avec {value}.",
    "nl": "Volgens tabel {number} (‘{title}’) is {month} de hoogste maand in {year}, met {value}.",
    "en": "According to table {number} (“{title}”), the highest month in {year} is {month}, with {value}.",
    "de": "Laut Tabelle {number} („{title}“) ist {month} der höchste Monat im Jahr {year}, mit {value}.",
}


def is_busiest_month_question(question: str) -> bool:
    return bool(_BUSIEST.search(question))


def _month_rows(chunk: Chunk) -> list[int]:
    assert chunk.table is not None
    return [r for r, row in enumerate(chunk.table.rows) if row[0].strip().lower() in _MONTH_NUMBERS]


def busiest_month(
    question: str, language: Language, hits: list[Hit], index: LoadedIndex, settings: Settings
) -> FigureAnswer | None:
    """ "Quel mois a compté le plus d'interventions en 2023 ?": the month row with the largest figure, for the
    year asked (else the latest), in the monthly table the question names; its cell is cited."""
    tables = [s for s in _statements(question, hits, index) if s.cell is not None and len(_month_rows(s.chunk)) >= 6]
    if not tables or not tables[0].evidence.years_ok:
        return None
    best = _in_edition(tables[0], edition_for(language), index)
    chunk = best.chunk
    assert chunk.table is not None
    column = best.cell[1] if best.cell else 1
    values = [(parse_number(chunk.table.rows[r][column]), r) for r in _month_rows(chunk)]
    ranked = sorted(((v[0], r) for v, r in values if v is not None), reverse=True)
    if not ranked:
        return None
    row = ranked[0][1]
    table = chunk.table
    year = table.header[column].strip() if column < len(table.header) else ""
    text = _BUSIEST_WRITTEN[language].format(
        number=table_number(table.caption) or "",
        title=_CAPTION_PREFIX.sub("", table.caption).strip() or chunk.section_label,
        year=year,
        month=table.rows[row][0],
        value=table.rows[row][column].strip(),
    )
    quote = sentences_of(chunk)[row]
    cited = citation(1, chunk, quote, settings, index, years_in(question), (row, column))
    return FigureAnswer(text, cited, tables[0].evidence)
