"""Follow-up questions ("Et en 2022 ?", "En het jaar daarvoor?") become standalone, by rule (no LLM needed)."""

import re

from reportqa.text import years_in

_FOLLOW_UP_START = re.compile(r"^(et|en|and|und|und im|ou|of|or|mais|maar|but|aber)\b", re.IGNORECASE)
_PREVIOUS_YEAR = re.compile(
    r"l'année (précédente|d'avant)|l'an dernier|het jaar (daarvoor|ervoor)|vorig jaar|the (previous )?year before|"
    r"the previous year|last year|im jahr davor|im vorjahr",
    re.IGNORECASE,
)
MAX_FOLLOW_UP_WORDS = 7


def is_follow_up(question: str) -> bool:
    words = question.split()
    return len(words) <= MAX_FOLLOW_UP_WORDS and bool(_FOLLOW_UP_START.match(question.strip()))


def standalone_question(question: str, history: list[str]) -> str:
    """The question to search for: a short follow-up about another year takes the previous question's subject."""
    previous = next((q for q in reversed(history) if q.strip()), "")
    if not previous or not is_follow_up(question):
        return question
    years = sorted(years_in(question))
    earlier = sorted(years_in(previous))
    if not years and _PREVIOUS_YEAR.search(question) and earlier:
        years = [str(int(earlier[0]) - 1)]
    if not years:
        return question  # a change of subject ("and for minors?") needs a language model
    if earlier:
        return re.sub(rf"(?<!\d){earlier[0]}(?!\d)", years[0], previous)
    return f"{previous.rstrip(' ?')} ({years[0]}) ?"
