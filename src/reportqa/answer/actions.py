"""What was done with what a question counts (granted, refused, lodged, processed), in the report's words or
everyday verbs: a question on permits granted is not answered by applications lodged."""

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from reportqa.config import Edition
from reportqa.language.glossary import translate_terms
from reportqa.language.terms import content_terms

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
def any_action_terms(edition: Edition) -> frozenset[str]:
    return frozenset(word for words in _action_terms(edition).values() for word in words)


def _actions(terms: AbstractSet[str], edition: Edition) -> set[str]:
    return {action for action, words in _action_terms(edition).items() if words & terms}


def action_words(actions: set[str], edition: Edition) -> set[str]:
    return {word for action in actions for word in _action_terms(edition)[action]}


@lru_cache(maxsize=256)  # asked once per passage an answer weighs, with the same question
def _verb_actions(question: str) -> frozenset[str]:
    return frozenset(action for action, pattern in _ASKED_ACTIONS if pattern.search(question))


# "Sur les demandes traitées, combien …", "Van alle behandelde aanvragen, hoeveel …": the whole the question counts
# in, not what it asks.
_OUT_OF = re.compile(r"^\s*(?:sur|parmi|van|of|out of|von|unter)\b[^,?]*,\s*(?=\w)", re.I)


def asked_actions(question: str, edition: Edition) -> tuple[set[str], set[str]]:
    """The actions a question asks about, in the report's words ("accordées", "afgewezen") or everyday verbs; and
    the words of the action of the whole it counts in, which it does not ask about ("Van alle behandelde
    aanvragen, hoeveel werden goedgekeurd?")."""
    whole = _OUT_OF.match(question)
    asked = question[whole.end() :] if whole else question
    actions = _actions(content_terms(translate_terms(asked, edition), edition), edition) | _verb_actions(asked)
    if whole is None:
        return actions, set()
    counted_in = _actions(content_terms(translate_terms(whole[0], edition), edition), edition) - actions
    return actions, action_words(counted_in, edition)


# A statement about applications ("Demandes de permis par mois — Total") counts what was lodged, not what
# was granted. Read in statements only: a question's "combien de demandes … accordées" asks for the granted ones.
_APPLICATIONS = "demandes demande aanvragen aanvraag"


@lru_cache(maxsize=2)
def _application_terms(edition: Edition) -> frozenset[str]:
    return frozenset(content_terms(_APPLICATIONS, edition))


def other_action(asked: set[str], words: AbstractSet[str], edition: Edition) -> float:
    named = _actions(words, edition) | ({"lodged"} if words & _application_terms(edition) else set())
    if not asked or asked & named:
        return 0.0
    # Naming no action at all ("Total" of a table of applications) is a weaker miss than naming another one.
    return OTHER_ACTION_PENALTY if named else OTHER_ACTION_PENALTY / 2
