"""Words as retrieval and answering compare them: stems and stopwords per language, numbers in one format
(`numbers.normalize_numbers`), a passage's sentences, a table's number."""

import math
import re
from functools import lru_cache

import Stemmer

from reportqa.config import Language
from reportqa.language.numbers import normalize_numbers

_WORD = re.compile(r"[\w%]+", re.UNICODE)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÝŒ0-9«\"(])")
_TABLE_NUMBER = re.compile(r"^(?:Tableau|Tabel|Table)\s+([\d.]+)", re.IGNORECASE)

_STEMMER_NAMES: dict[Language, str] = {"fr": "french", "nl": "dutch", "en": "english", "de": "german"}
# Forms the stemmers leave apart: Dutch Latin plurals ("centra", "musea" for "centrum", "museum": see
# `_LATIN_PLURAL`), the asker's "mensen" for the report's "personen", "terugkeren" (the stemmer's "terugker") for
# the noun "terugkeer", "studie" and "studies"; a verb and its noun for the same act ("reprendre", "reprise";
# "terugnemen", "terugname"), and "akkoorden" that the Dutch stemmer cuts to "akkoor". Changing `tokens` changes
# the lexical index: bump TERMS_VERSION so indexes are rebuilt.
_SAME_STEM: dict[Language, dict[str, str]] = {
    "fr": {"reprendr": "repris", "reprend": "repris"},
    "nl": {
        "mens": "persoon",
        "terugker": "terugkeer",
        "studi": "studie",
        "terugnem": "terugname",
        "akkoor": "akkoord",
    },
}
# A Dutch noun in "-um" has its plural in "-a" (centrum, centra; museum, musea; criterium, criteria), which the
# stemmer leaves apart: every stem in "-a" is read as its "-um" singular. Both sides of a comparison
# are read the same way, so a word that has no such singular ("agenda") only changes its spelling.
_LATIN_PLURAL = re.compile(r"^(\w{2,}[^a\d])a$")
TERMS_VERSION = "12"

STOPWORDS: frozenset[str] = frozenset(
    """
    a à au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi
    mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
    votre vous c d j l m n s t y été être avoir ont a est sont était combien quel quelle quels quelles entre
    comment pourquoi quand est-ce ce cette cet y-a-t-il il-y-a t-il ont-ils a-t-il ont-elles fait plus eu avant
    après propre propres fois quelqu
    de het een en van ik je jij hij zij wij jullie ze u is zijn was waren wat wie welke hoe hoeveel waarom
    wanneer waar in op aan met voor door naar bij om te tot uit over dat die dit deze er ook als dan maar
    niet geen nog al wel of hun haar zijn heeft hebben had werd worden wordt werden meer welk vaak tussen
    voordien daarvoor kwam kwamen komt komen binnen gaf gaven vroeg vroegen diende dienden eigen keer iemand
    hoog
    the of and to in on for by with what which how many much who when where why is are was were did do does
    has have had it its this that these those from at as be been an or not any there their between before own
    times someone high
    der die das den dem des ein eine einer einen einem eines und zu im mit von für auf ist sind war wie viele
    wieviel wer wann wo warum was hat haben wurde wurden nicht es sie er zwischen eigene eigenen eigenem oft mal
    jemand hoch
    """.split()
)


@lru_cache(maxsize=4)
def _stemmer(language: Language) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_STEMMER_NAMES[language])


def tokens(text: str, language: Language) -> list[str]:
    """Stemmed content words and normalised numbers, in order, without stopwords (what BM25 indexes)."""
    written = [w for w in _WORD.findall(normalize_numbers(text)) if w.lower() not in STOPWORDS]
    written = [w for w in written if len(w) > 1 or w.isdigit()]
    stems = _stemmer(language).stemWords([w.lower() for w in written])
    same = _SAME_STEM.get(language)
    if not same:
        return list(stems)
    stems = [same.get(stem, stem) for stem in stems]
    if language != "nl":
        return stems
    # An acronym ("NASA", "MIVA") is no Latin plural.
    pairs = zip(written, stems, strict=True)
    return [stem if word.isupper() else _LATIN_PLURAL.sub(r"\1um", stem) for word, stem in pairs]


def content_terms(text: str, language: Language) -> set[str]:
    """The set of a text's tokens."""
    return set(tokens(text, language))


def inverse_document_frequencies(texts: list[str], language: Language) -> dict[str, float]:
    """log((N + 1) / df) for every content term of the texts; rare terms weigh more as evidence."""
    frequencies: dict[str, int] = {}
    for text in texts:
        for term in content_terms(text, language):
            frequencies[term] = frequencies.get(term, 0) + 1
    return {term: math.log((len(texts) + 1) / count) for term, count in frequencies.items()}


def sentences(text: str) -> list[str]:
    """The sentences of a passage, line by line ("4 000" and "p. 3" do not end one)."""
    return [s.strip() for line in text.splitlines() for s in _SENTENCE_END.split(line) if s.strip()]


_CAPTION_NUMBER = re.compile(r"^\s*(?:Tableau|Tabel|Table|Tabelle)\s+[\w.]+\s*[:.–-]?\s*|^\s*[–-]\s*", re.IGNORECASE)


def caption_title(caption: str) -> str:
    """The caption without its numbering and punctuation: "Tableau 4.2 : – Retours" reads "Retours"."""
    return _CAPTION_NUMBER.sub("", _CAPTION_NUMBER.sub("", caption)).strip(" :–-")


def table_number(caption: str) -> str | None:
    """'4.2' from 'Tableau 4.2 : ...' / 'Tabel 4.2: ...' (the same in both editions)."""
    match = _TABLE_NUMBER.match(caption)
    return match.group(1) if match else None
