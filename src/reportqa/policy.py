"""Which questions are about the asker's own case: those get a fixed redirect (the Immigration Office, a lawyer),
never an answer, because the product gives no legal advice.

A question is about one's own case when it names a case of the asker's ("mon permis", "ma demande", "mijn
aanvraag", "my application", "mein Antrag", "mon mari"), or when the asker says something happened to them that
makes a case (a refusal, an order to leave, an appeal, detention, an expiry). A first person alone is not enough:
"Où puis-je trouver le tableau des retours ?", "Can I see the number of visas?" and "Je suis journaliste, combien
de retours forcés en 2023 ?" ask about the report.
"""

import re

_CASE_NOUNS = (
    r"dossier|demande|permis|titre|carte|visa|recours|situation|séjour|statut|mari|femme|époux|épouse|enfants?|fils"
    r"|fille|famille|aanvraag|verblijfs?\w*|kaart|visum|beroep|situatie|status|man|vrouw|echtgeno\w+|kind\w*|zoon"
    r"|dochter|gezin|case|application|permit|residence|appeal|husband|wife|child\w*|son|daughter|family"
    r"|antrag|fall|aufenthalt\w*|mann|frau|kinder?|familie"
)
_OWN_CASE = re.compile(
    rf"\b(mon|ma|mes|notre|nos|mijn|onze|my|our|mein\w*|unser\w*)\s+(\S+\s+){{0,2}}?({_CASE_NOUNS})\b", re.IGNORECASE
)
_EVENTS = (
    r"expuls\w*|ordre de quitter|reçu un ordre|refus\w*|rejet\w*|recours|expir\w*|détenu\w*|centre fermé|sans permis"
    r"|sans papiers|bevel|geweigerd|weiger\w*|beroep|vervalt|verlopen|gesloten centrum|opgesloten|zonder papieren"
    r"|order to leave|refused|rejected|appeal|expires?|expired|deport\w*|detained|detention|without a permit"
    r"|abgelehnt|abschieb\w*|widerspruch|abläuft|abgelaufen|ohne papiere"
)
_FIRST_PERSON = re.compile(r"(\b(je|ik|ich)\b|\bj['’]|-je\b)", re.IGNORECASE)
_EVENT = re.compile(rf"\b({_EVENTS})", re.IGNORECASE)
# "I" is a word in English only: matched case-sensitively so that "i" in other words or languages is not it.
_ENGLISH_I = re.compile(r"(^|[\s,])I\b")


# The asker and the event must be in one clause: "Je prépare un article : combien de visas refusés ?" and "Ik schrijf
# een artikel. Hoeveel visa werden geweigerd?" tell nothing that happened to the asker.
_CLAUSE_END = re.compile(r"[.:;!?](?!\d)")
# "Je voudrais savoir combien de visas ont été refusés": the event is what is counted, not what happened to the
# asker ("combien de temps ai-je pour un recours" still is a case).
_COUNTING = re.compile(
    r"\b(?:combien d(?:e\s+|['’])(?!temps)|hoeveel(?!\s+tijd)|how many|wie viele|nombre de|aantal|number of)",
    re.IGNORECASE,
)


# The asker asks what they may become, get or keep ("puis-je être régularisé ?", "kan ik een verblijf krijgen?",
# "can I stay?", "kann ich bleiben?"), or says what they lack ("je n'ai pas de papiers", "ik heb geen papieren",
# "I have no papers"): words of the language, not of a report. "Puis-je voir le tableau ?" asks about the report.
_OWN_PROSPECT = re.compile(
    r"\b(?:puis-je|pourrais-je|est-ce que je (?:peux|pourrais)|je (?:peux|pourrais)|ai-je droit|j['’]ai droit"
    r"|kan ik|zou ik|mag ik|heb ik recht|can i|could i|may i|am i (?:entitled|eligible|allowed)|do i qualify"
    r"|kann ich|könnte ich|darf ich|habe ich anspruch|bin ich berechtigt)\b"
    r"(?:\s+\S+){0,4}?\s+(?:être|obtenir|avoir|recevoir|rester|demeurer|travailler|faire venir|introduire|régularis\w*"
    r"|worden|krijgen|verkrijgen|blijven|werken|laten overkomen|indienen|geregulariseerd|be|get|obtain|stay|remain"
    r"|work|bring|receive|werden|bekommen|erhalten|bleiben|arbeiten|nachholen|legalisiert)\b"
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


def _tells_own_event(clause: str) -> bool:
    event = _EVENT.search(clause)
    if not event or not (_FIRST_PERSON.search(clause) or _ENGLISH_I.search(clause)):
        return False
    return not _COUNTING.search(clause[: event.start()])


def is_personal_case(question: str) -> bool:
    return (
        bool(_OWN_CASE.search(question))
        or _asks_own_prospect(question)
        or any(map(_tells_own_event, _CLAUSE_END.split(question)))
    )
