"""Follow-up questions ("Et en 2022 ?", "En het jaar daarvoor?") become standalone, by rule (no LLM needed)."""

import re

from reportqa.language.numbers import without_year_phrases, years_in
from reportqa.language.terms import content_terms

_FOLLOW_UP_START = re.compile(r"^(et|en|and|und|und im|ou|of|or|mais|maar|but|aber)\b", re.IGNORECASE)
_PREVIOUS_YEAR = re.compile(
    r"l'année (précédente|d'avant)|l'an dernier|het jaar (daarvoor|ervoor)|vorig jaar|the (previous )?year before|"
    r"the previous year|last year|im jahr davor|im vorjahr",
    re.IGNORECASE,
)
MAX_FOLLOW_UP_WORDS = 7
_QUESTION_WORD = re.compile(
    r"\b(combien|quel(le)?s?|hoeveel|welke?|how (many|much)|which|what|wie viele|welche)\b", re.IGNORECASE
)
# A follow-up naming fewer content words than this ("et combien ont été refusés ?") keeps the previous subject too.
MIN_OWN_SUBJECT_WORDS = 2


# "les CPAS", "de OCMW's", "the minors": a subject of its own, however short ("for minors" is not).
_NOUN_PHRASE = re.compile(r"^(les|la|le|l'|des|du|het|de|die|der|das|the)\b", re.IGNORECASE)


def _own_subject_words(text: str) -> int:
    """Content words other than years; a word counts only if it is no stopword in French nor in Dutch."""
    return min(len({t for t in content_terms(text, lang) if not t[0].isdigit()}) for lang in ("fr", "nl"))  # type: ignore[arg-type]


def is_follow_up(question: str) -> bool:
    """Short, starting like a continuation ("Et …", "En …", "And …"), and not a whole question of its own: "En
    2022, combien de permis ont été délivrés ?" asks its own question (French "en" is "in", not "and")."""
    words = question.split()
    if len(words) > MAX_FOLLOW_UP_WORDS or not _FOLLOW_UP_START.match(question.strip()):
        return False
    return not (_QUESTION_WORD.search(question) and _own_subject_words(question) >= MIN_OWN_SUBJECT_WORDS)


def _new_subject(question: str, previous: str, earlier_years: list[str]) -> str:
    """A change of subject ("Et les interventions ?"): the new subject, asked the earlier way ("Combien"), about
    the earlier year; a follow-up with hardly a subject of its own ("Et combien ont été refusés ?") also keeps the
    earlier question's words. Without a language model, this is a guess that retrieval can work with."""
    subject = _FOLLOW_UP_START.sub("", question.strip()).strip(" ?")
    asked = _QUESTION_WORD.search(previous)
    head = asked.group(0).capitalize() if asked and not _QUESTION_WORD.search(subject) else ""
    year = f" ({earlier_years[0]})" if earlier_years else ""
    if len(content_terms(subject, "fr")) < MIN_OWN_SUBJECT_WORDS and not _NOUN_PHRASE.match(subject):
        return f"{previous.rstrip(' ?')} — {subject} ?"
    return f"{head} {subject}{year} ?".strip()


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
        return _new_subject(question, previous, earlier)
    in_that_year = (
        re.sub(rf"(?<!\d){earlier[0]}(?!\d)", years[0], previous)
        if earlier
        else f"{previous.rstrip(' ?')} ({years[0]}) ?"
    )
    subject = _FOLLOW_UP_START.sub("", _PREVIOUS_YEAR.sub("", without_year_phrases(question))).strip(" ?,")
    if _own_subject_words(subject) >= 1:  # "Et les CPAS en 2022 ?": a new subject as well as a new year
        return _new_subject(f"{subject} ?", in_that_year, years)
    return in_that_year


_LAST_YEAR = re.compile(
    r"\b(?:(?:de |au )?l'(?:an|année) (?:derni(?:er|ère)|pass(?:é|ée))|(?:in )?(?:vorig|verleden|afgelopen) jaar"
    r"|last year|(?:im )?(?:letzten|vergangenen) jahr|letztes jahr)\b",
    re.IGNORECASE,
)
_IN_YEAR = {"fr": "en {year}", "nl": "in {year}", "en": "in {year}", "de": "im Jahr {year}"}


def with_report_year(question: str, report_year: int | None, language: str) -> str:
    """ "Combien … l'an dernier ?" asks about the report's year (the latest it covers): said as that year."""
    if report_year is None or years_in(question) or not _LAST_YEAR.search(question):
        return question
    return _LAST_YEAR.sub(_IN_YEAR.get(language, "{year}").format(year=report_year), question, count=1)
