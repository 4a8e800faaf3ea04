"""Which questions are about the asker's own case: those get a fixed redirect (the publisher's help desk, a
lawyer), never an answer, because the product gives no legal advice.

A question is about one's own case when it names a case of the asker's ("mon permis", "ma demande", "mijn
aanvraag", "my application", "mein Antrag", "mon mari"), or when the asker says something happened to them that
makes a case (a refusal, an order to leave, an appeal, detention, an expiry). A first person alone is not enough:
"Où puis-je trouver le tableau des recours ?", "Can I see the number of permits?" and "Je suis journaliste, combien
de recours en 2023 ?" ask about the report. The words of the language are here; a subject's own nouns and events
("mon abonnement", "j'ai reçu une amende") come from the deployment file (`case_nouns`, `case_events`).
"""

import re
from collections.abc import Sequence
from functools import lru_cache

_CASE_NOUNS = (
    r"dossier|demande|permis|carte|recours|situation|statut|mari|femme|époux|épouse|enfants?|fils"
    r"|fille|famille|aanvraag|vergunning|kaart|beroep|situatie|status|man|vrouw|echtgeno\w+|kind\w*|zoon"
    r"|dochter|gezin|case|application|permit|appeal|husband|wife|child\w*|son|daughter|family"
    r"|antrag|fall|erlaubnis|mann|frau|kinder?|familie"
)
_EVENTS = (
    r"refus\w*|rejet\w*|recours|expir\w*|sans permis|geweigerd|weiger\w*|beroep|vervalt|verlopen"
    r"|refused|rejected|appeal|expires?|expired|without a permit|abgelehnt|widerspruch|abläuft|abgelaufen"
)
_FIRST_PERSON = re.compile(r"(\b(je|ik|ich)\b|\bj['’]|-je\b)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _case_patterns(nouns: tuple[str, ...], events: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The language's own-case nouns and events, with the subject's (from the deployment file)."""
    all_nouns = "|".join((_CASE_NOUNS, *nouns))
    own_case = re.compile(
        rf"\b(mon|ma|mes|notre|nos|mijn|onze|my|our|mein\w*|unser\w*)\s+(\S+\s+){{0,2}}?({all_nouns})\b",
        re.IGNORECASE,
    )
    return own_case, re.compile(rf"\b({'|'.join((_EVENTS, *events))})", re.IGNORECASE)
# "I" is a word in English only: matched case-sensitively so that "i" in other words or languages is not it.
_ENGLISH_I = re.compile(r"(^|[\s,])I\b")


# The asker and the event must be in one clause: "Je prépare un article : combien de permis refusés ?" and "Ik schrijf
# een artikel. Hoeveel vergunningen werden geweigerd?" tell nothing that happened to the asker.
_CLAUSE_END = re.compile(r"[.:;!?](?!\d)")
# "Je voudrais savoir combien de permis ont été refusés": the event is what is counted, not what happened to the
# asker ("combien de temps ai-je pour un recours" still is a case).
_COUNTING = re.compile(
    r"\b(?:combien d(?:e\s+|['’])(?!temps)|hoeveel(?!\s+tijd)|how many|wie viele|nombre de|aantal|number of)",
    re.IGNORECASE,
)


# The asker asks what they may become, get or keep ("puis-je obtenir un permis ?", "kan ik een vergunning krijgen?",
# "can I stay?", "kann ich bleiben?"), or says what they lack ("je n'ai pas de papiers", "ik heb geen papieren",
# "I have no papers"): words of the language, not of a report. "Puis-je voir le tableau ?" asks about the report.
_OWN_PROSPECT = re.compile(
    r"\b(?:puis-je|pourrais-je|est-ce que je (?:peux|pourrais)|je (?:peux|pourrais)|ai-je droit|j['’]ai droit"
    r"|kan ik|zou ik|mag ik|heb ik recht|can i|could i|may i|am i (?:entitled|eligible|allowed)|do i qualify"
    r"|kann ich|könnte ich|darf ich|habe ich anspruch|bin ich berechtigt)\b"
    r"(?:\s+\S+){0,4}?\s+(?:être|obtenir|avoir|recevoir|rester|demeurer|travailler|faire venir|introduire"
    r"|worden|krijgen|verkrijgen|blijven|werken|laten overkomen|indienen|be|get|obtain|stay|remain"
    r"|work|bring|receive|werden|bekommen|erhalten|bleiben|arbeiten|nachholen)\b"
    r"|\b(?:je n['’]ai (?:pas|plus) de|ik heb geen|i have no|i don['’]t have|i do not have|ich habe keine?n?)\b",
    re.IGNORECASE,
)


# "Can I get the figures for 2023?" asks for the report's own content.
_REPORT_WORDS = (
    r"(?:figures?|numbers?|data|tables?|report|statistics|chiffres?|nombres?|données|tableaux?"
    r"|rapport|statistiques|cijfers?|aantallen|gegevens|tabel(?:len)?|verslag|statistieken|zahlen|daten|tabellen?"
    r"|bericht|statistiken?)\b"
)
_THE_REPORT = re.compile(rf"^\W*(?:\S+\s+){{0,3}}?{_REPORT_WORDS}", re.IGNORECASE)
_NAMES_THE_REPORT = re.compile(rf"\b{_REPORT_WORDS}", re.IGNORECASE)


def _asks_own_prospect(question: str) -> bool:
    return any(
        not _THE_REPORT.match(question[m.end() :]) and not _NAMES_THE_REPORT.search(m[0])
        for m in _OWN_PROSPECT.finditer(question)
    )


def _tells_own_event(clause: str, event_pattern: re.Pattern[str]) -> bool:
    event = event_pattern.search(clause)
    if not event or not (_FIRST_PERSON.search(clause) or _ENGLISH_I.search(clause)):
        return False
    return not _COUNTING.search(clause[: event.start()])


def is_personal_case(question: str, case_nouns: Sequence[str] = (), case_events: Sequence[str] = ()) -> bool:
    """`case_nouns` and `case_events` are the subject's, from the deployment file (patterns)."""
    own_case, event = _case_patterns(tuple(case_nouns), tuple(case_events))
    return (
        bool(own_case.search(question))
        or _asks_own_prospect(question)
        or any(_tells_own_event(clause, event) for clause in _CLAUSE_END.split(question))
    )
