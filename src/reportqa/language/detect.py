"""Language of a question (French, Dutch, English or German), the edition written in it, and the page language a
browser asks for. The sentences said in each language are in `reportqa.messages`."""

import re
import threading
from functools import lru_cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from reportqa.config import Edition, Language

_CODES: dict[LinguaLanguage, Language] = {
    LinguaLanguage.FRENCH: "fr",
    LinguaLanguage.DUTCH: "nl",
    LinguaLanguage.ENGLISH: "en",
    LinguaLanguage.GERMAN: "de",
}
# Below this confidence a short question ("et en 2022 ?", "art. 12") keeps the fallback language.
MIN_CONFIDENCE = 0.4


_building = threading.Lock()


@lru_cache(maxsize=1)
def _quick() -> LanguageDetector:
    """Trigram models only: built in 0.04 s (the full models take 0.5 s)."""
    return LanguageDetectorBuilder.from_languages(*_CODES).with_low_accuracy_mode().build()


@lru_cache(maxsize=1)
def _built() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_CODES).with_preloaded_language_models().build()


def _thorough() -> LanguageDetector:
    with _building:  # one build, whoever asks first
        return _built()


_preparing = threading.Event()


def prepare_detector() -> None:
    """Build the full detector in the background, once, so that the web app's first English or German asker does
    not wait for it. Called with the first question, not at start: the build (0.5 s) slowed the start by as much."""
    if not _preparing.is_set():
        _preparing.set()
        threading.Thread(target=_thorough, name="language-detector", daemon=True).start()


def _detected(detector: LanguageDetector, text: str) -> Language | None:
    confidences = detector.compute_language_confidence_values(text)
    if not confidences or confidences[0].value < MIN_CONFIDENCE:
        return None
    return _CODES[confidences[0].language]


# Words only one of the two editions' languages uses: a short French sentence with a Dutch-looking trigram or two
# ("En 2023, il y a eu 1 187 transferts …" ending on a name whose trigrams read as Dutch) is told by them.
_FUNCTION_WORDS: dict[Edition, frozenset[str]] = {
    "fr": frozenset(
        "il ils elle elles les des du au aux est sont ont été eu une qui que quel quelle combien y a à".split()
    ),
    "nl": frozenset("het een van werd werden zijn hoeveel welke niet voor naar bij dat er ook hoe wat is".split()),
}


def _by_function_words(text: str) -> Edition | None:
    words = re.findall(r"\w+", text.lower())
    fr = sum(word in _FUNCTION_WORDS["fr"] for word in words)
    nl = sum(word in _FUNCTION_WORDS["nl"] for word in words)
    if fr >= 2 and fr > 2 * nl:
        return "fr"
    if nl >= 2 and nl > 2 * fr:
        return "nl"
    return None


def detect_language(text: str, fallback: Language = "fr") -> Language:
    """The question's language among fr, nl, en, de; `fallback` when the text is too short to tell.

    The trigram models decide French and Dutch, which most askers write; English and German are confirmed by the
    full models, since the trigrams alone read "Write a Python program that sorts a list." as German. Words only
    French or only Dutch uses overrule the trigrams between those two. On the gold, hostile and claims sets (718
    texts) this makes 5 mistakes (follow-ups too short to tell, and a French question quoting a Dutch term), 7
    without the function words.
    """
    quick = _detected(_quick(), text)
    if quick in ("fr", "nl"):
        return _by_function_words(text) or quick
    return _detected(_thorough(), text) or fallback


def edition_for(language: Language) -> Edition | None:
    """The report edition written in `language`, or None for English and German."""
    return language if language in ("fr", "nl") else None  # type: ignore[return-value]


def accepted_language(header: str, supported: tuple[str, ...] = ("fr", "nl", "en", "de")) -> str:
    """The first supported language of an Accept-Language header ("nl-BE,nl;q=0.9" -> "nl"); English if none."""
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in supported:
            return code
    return "en"
