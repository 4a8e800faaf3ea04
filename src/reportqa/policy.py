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


def _tells_own_event(clause: str) -> bool:
    event = _EVENT.search(clause)
    if not event or not (_FIRST_PERSON.search(clause) or _ENGLISH_I.search(clause)):
        return False
    return not _COUNTING.search(clause[: event.start()])


def is_personal_case(question: str) -> bool:
    return bool(_OWN_CASE.search(question)) or any(map(_tells_own_event, _CLAUSE_END.split(question)))
