"""Official terms in both editions: a question using one edition's term is searched with the other's too; and
everyday words for what the report names officially ("rejetées" for "refusés", "les Afghans" for "Afghanistan"),
read as the report's own words. General acts and peoples ship with the product (`data/`); a subject's terms come
from the deployment file beside the documents (`deployment.py`)."""

import json
import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from functools import cached_property, lru_cache
from importlib import resources

from reportqa.config import Edition
from reportqa.deployment import Deployment
from reportqa.language.terms import content_terms

Group = dict[str, list[str]]


class _Names:
    """One group of names for a thing, with the words that must be in a text for any of its names to be there:
    a text is searched only for the groups it could name, and a group's pattern is compiled when first needed
    (compiling all 160 took 0.05 s of every one-shot `ask`)."""

    def __init__(self, group: Group) -> None:
        self.group = group
        self.aliases = sorted({a for terms in group.values() for a in terms}, key=len, reverse=True)
        self.first_words = frozenset(_first_word(alias) for alias in self.aliases)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)(" + "|".join(map(_with_plurals, self.aliases)) + r")(?!\w)", re.IGNORECASE)


def _first_word(alias: str) -> str:
    first = re.match(r"\w+", alias.lower())
    return first.group() if first else ""


def _loaded(name: str) -> list[_Names]:
    data: list[Group] = json.loads(resources.files("reportqa").joinpath(f"data/{name}").read_text("utf-8"))
    return [_Names(group) for group in data]


@lru_cache(maxsize=1)
def _countries() -> list[_Names]:
    """Countries and their peoples in four languages (Belgium left out: the whole report is about it)."""
    return _loaded("countries.json")


class _Subject:
    """The deployment's subject: its terms (from `docs/deployment.json`) and the names the whole report is about.
    One process serves one deployment; `use_deployment` sets it when an index is opened."""

    terms: tuple[Group, ...] = ()
    report_subject: dict[Edition, str] = {}


def use_deployment(deployment: Deployment) -> None:
    """The subject's terms that questions are read with from now on (none without a deployment file)."""
    terms = tuple(deployment.terms)
    if terms == _Subject.terms and deployment.report_subject == _Subject.report_subject:
        return
    _Subject.terms, _Subject.report_subject = terms, dict(deployment.report_subject)
    for cached in (_groups, translate_terms, alias_terms, name_words, glossary_terms, _subject_terms):
        cached.cache_clear()


@lru_cache(maxsize=1)
def _groups() -> list[_Names]:
    return [_Names(group) for group in _Subject.terms] + _loaded("everyday.json") + _countries()


def _named_in(text: str, groups: list[_Names]) -> Iterator[tuple[Group, re.Pattern[str]]]:
    """The groups whose names could be in the text, with their patterns. A name's first word (or that word
    inflected, see `_inflection`) is a word of the text whenever the name is there."""
    words = set(re.findall(r"\w+", text.lower()))
    words |= {word[: -len(end)] for word in words for end in ("s", "e", "es") if word.endswith(end)} | {""}
    for names in groups:
        if not words.isdisjoint(names.first_words):
            yield names.group, names.pattern


def names_a_term(text: str) -> bool:
    """The text names one of the subject's terms or their everyday words, a general act (granted, refused), or a
    country or people."""
    return any(pattern.search(text) for _, pattern in _named_in(text, _groups()))


@lru_cache(maxsize=4096)
def countries_named(text: str) -> frozenset[str]:
    """The countries a text names, by their French name ("les Japonais", "Japanse onderdanen": Japon)."""
    return frozenset(group["fr"][0] for group, pattern in _named_in(text, _countries()) if pattern.search(text))


def _with_plurals(alias: str) -> str:
    """A pattern for the alias that also matches its words inflected: a plural "s" ("lignes régionales"), a Dutch
    adjective's "e" ("toegekende" for "toegekend"), a feminine "e" ("accordée")."""
    return r"\s+".join(re.escape(word) + _inflection(word) for word in alias.split())


def _inflection(word: str) -> str:
    if not word[-1].isalpha() or word[-1] == "s":
        return ""
    return "s?" if word[-1] == "e" else "(?:e|s|es)?"


def _own_term_present(question: str, own: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", question, re.IGNORECASE) for term in own)


def expand(question: str) -> str:
    """For search: the question followed by the French and Dutch names the report uses for the terms it uses
    ("rejetées" is searched with "refusés" too)."""
    additions = []
    for group, pattern in _named_in(question, _groups()):
        if pattern.search(question):
            for edition in ("fr", "nl"):
                own = group.get(edition, [])
                if own and not _own_term_present(question, own[:1]):
                    additions.append(own[0])
    # An official term and its everyday words are two groups with the same name first: add it once.
    return f"{question} ({'; '.join(dict.fromkeys(additions))})" if additions else question


@lru_cache(maxsize=1024)  # called for every passage an answer weighs, with the same question
def translate_terms(question: str, edition: Edition) -> str:
    """The question with other languages' official terms replaced by the edition's own (for word matching). The
    longest name wins where two overlap: "niet toegekend" names a refusal, not a grant."""
    found = []
    for group, pattern in _named_in(question, _groups()):
        own = group.get(edition, [])
        matches = [(match.start(), match.end()) for match in pattern.finditer(question)] if own else []
        if matches and not _own_term_present(question, own[:1]):
            found += [(start, end, own[0]) for start, end in matches if not _stays(question[start:end], own)]
    taken: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found, key=lambda f: f[0] - f[1]):
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, name))
    for start, end, name in sorted(taken, reverse=True):
        question = question[:start] + name + question[end:]
    return question


def _stays(written: str, own: list[str]) -> bool:
    """An acronym the edition itself uses ("OCMW" in Dutch) is the edition's word already: replaced by the group's
    first name ("OCMW-diensten"), it would add words the question never asked for."""
    return written.isupper() and written in own


# A name that says what a thing is not ("n'ont pas été accordés" for a refusal): its words are what the
# thing is not, so they are never read as the thing's own words.
_NEGATED = re.compile(r"(?<!\w)(?:pas|geen|niet|not|nicht|kein\w*)(?![\w-])", re.IGNORECASE)


def with_aliases(text: str, edition: Edition) -> str:
    """The text followed by every name the edition uses for the official terms it mentions (in any language)."""
    names = [
        term
        for group, pattern in _named_in(text, _groups())
        if pattern.search(text)
        for term in group.get(edition, [])
        if not _NEGATED.search(term)
    ]
    return f"{text} {' '.join(dict.fromkeys(names))}" if names else text


@lru_cache(maxsize=16384)
def alias_terms(text: str, edition: Edition) -> frozenset[str]:
    """The content terms of `with_aliases(text, edition)`. Cached: the report's captions, labels and sentences are
    weighed against every question, and expanding their aliases is most of an answer's time otherwise."""
    return frozenset(content_terms(with_aliases(text, edition), edition))


def asked_terms(question: str, edition: Edition) -> set[str]:
    """The question's words weighed as evidence, in the edition's terms. The names the whole report is about (its
    publisher, its country: the deployment's `report_subject`) are left out when the question names anything else:
    a passage naming them says nothing about "het jaarbudget van de dienst"."""
    terms = content_terms(translate_terms(question, edition), edition)
    rest = terms - _subject_terms(edition)
    return rest or terms


@lru_cache(maxsize=2)
def _subject_terms(edition: Edition) -> frozenset[str]:
    return frozenset(content_terms(_Subject.report_subject.get(edition, ""), edition))


# A name written with a capital inside a question ("la station de Herstal").
_NAME = re.compile(r"(?<=[\s'’(«\"-])([A-ZÀ-ÖØ-Ý][\w-]+)")


def unknown_names(
    question: str, vocabulary: dict[str, dict[str, float]], report_words: AbstractSet[str] = frozenset()
) -> list[str]:
    """The names a French or Dutch question uses that the report never does, in either edition, and that are no
    country, people or term the glossary knows: "Herstal", "Merksem". A question about one is about something
    the report does not cover. `report_words` (the report's words as written, lowercase) knows the names whose
    words are stop words elsewhere ("Plus" in "Groene Mobiliteit Plus")."""
    unknown = []
    for match in _NAME.finditer(question):
        name = match.group()
        if question[: match.start()].rstrip()[-1:] in (".", "?", "!", ":"):
            continue  # a sentence's first word ("Ik schrijf een artikel. Hoeveel …") has its capital for that
        if report_words and all(word in report_words for word in re.findall(r"\w+", name.lower())):
            continue
        if name.lower().startswith("belg") or countries_named(name):  # Belgium: the countries leave it out
            continue
        if any(pattern.search(name) for _, pattern in _named_in(name, _groups())):
            continue
        editions: tuple[Edition, ...] = ("fr", "nl")
        if not any(set(content_terms(name, e)) & vocabulary.get(e, {}).keys() for e in editions):
            if not compound_parts(name, vocabulary.get("nl", {}).keys() | glossary_terms("nl")):
                unknown.append(name)
    return unknown


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Every word of every name the glossary knows, in any language, lowercase ("granted", "afghans")."""
    return frozenset(
        word for names in _groups() for alias in names.aliases for word in re.findall(r"\w+", alias.lower())
    )


COMPOUND_PART = 4  # the shortest part of a Dutch compound read as a word of its own


@lru_cache(maxsize=2)
def glossary_terms(edition: Edition) -> frozenset[str]:
    """The words of every name the glossary knows, in the edition's language ("toegekend" for granted)."""
    return frozenset(
        t for names in _groups() for name in names.group.get(edition, []) for t in content_terms(name, edition)
    )


def compound_parts(word: str, vocabulary: AbstractSet[str] | dict[str, float], words: int = 3) -> frozenset[str]:
    """The stems of the words (two, or up to `words`) a Dutch compound is made of, when each is a word of the
    vocabulary ("subsidieaanvragen": subsidie, aanvraag; "waterleidingnetwerken": water, leiding, netwerk); none for any
    other word."""
    word = word.lower()
    for cut in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1):
        head = _known_stems(word[:cut], vocabulary)
        if not head:
            continue
        rest = word[cut:]
        tail = _known_stems(rest, vocabulary) or (compound_parts(rest, vocabulary, words - 1) if words > 2 else None)
        if tail:
            return head | tail
    return frozenset()


def _last_part(word: str, vocabulary: AbstractSet[str]) -> frozenset[str]:
    """A Dutch compound is a kind of its last part: "zittingszalen" are "zalen", whatever a "zittings" is."""
    word = word.lower()
    for cut in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1):
        if tail := _known_stems(word[cut:], vocabulary):
            return tail
    return frozenset()


def compound_terms(text: str, vocabulary: AbstractSet[str]) -> frozenset[str]:
    """The parts of every Dutch compound in the text (see `compound_parts`), or its last part alone when only that
    is a word of the vocabulary."""
    long_words = (w for w in re.findall(r"\w+", text) if len(w) >= 2 * COMPOUND_PART)
    return frozenset(
        part for word in long_words for part in compound_parts(word, vocabulary) or _last_part(word, vocabulary)
    )


def _known_stems(part: str, vocabulary: AbstractSet[str] | dict[str, float]) -> frozenset[str]:
    """The part's stem when it is a word of the vocabulary, or the one who does what a word of it names
    ("aanvrager": aanvragen)."""
    forms = [part, part[:-2] + "en"] if part.endswith("er") else [part]
    return frozenset(term for form in forms for term in content_terms(form, "nl") if term in vocabulary)
