"""Misspelt words read as the report's own: "demande d'alocation" is searched and weighed as "demande d'allocation".

Only a French or Dutch question's lowercase words of five letters or more that neither the report, the glossary nor
the stopword list knows are corrected, and only to the one word of the report one edit away (a letter changed,
added, dropped or two swapped) that starts with the same letter and has another stem: "rester" is no misspelt
"reste", only another form of it. A capitalised word is left alone: it may be a name the report does not use
("Herstal"), which the answer must be able to see.
"""

import re
from collections.abc import Set as AbstractSet

from reportqa.config import Edition
from reportqa.language.terms import STOPWORDS, content_terms

SHORTEST = 5  # shorter words are too close to too many others to correct safely
_WORD = re.compile(r"(?<![\w-])[a-zà-öø-ÿœ]+(?![\w-])")


def corrected(question: str, edition: Edition, known: AbstractSet[str], report_words: AbstractSet[str]) -> str:
    """The question with each word it knows nothing of (`known`) replaced by the one word of the report a single
    edit away (none when there are several or none)."""

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < SHORTEST or word in known or word in STOPWORDS:
            return word
        stems = content_terms(word, edition)
        close = {c for c in _one_edit_away(word) if c in report_words and content_terms(c, edition) != stems}
        return close.pop() if len(close) == 1 else word

    return _WORD.sub(replace, question)


_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ"


def _one_edit_away(word: str) -> set[str]:
    """Every word one letter changed, added, dropped or two neighbours swapped away, keeping the first letter."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return (dropped | swapped | changed | added) - {word}
