"""Language of a question, and the fixed sentences the product says in each language."""

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

REFUSAL: dict[Language, str] = {
    "fr": "Le rapport ne contient pas d'information à ce sujet.",
    "nl": "Het verslag bevat daar geen informatie over.",
    "en": "The report does not contain information on this.",
    "de": "Der Bericht enthält dazu keine Informationen.",
}
SEE_ALSO: dict[Language, str] = {
    "fr": "Ces passages du rapport sont proches du sujet, sans répondre à la question :",
    "nl": "Deze passages van het verslag liggen dicht bij het onderwerp, zonder de vraag te beantwoorden:",
    "en": "These passages of the report are close to the subject without answering the question:",
    "de": "Diese Passagen des Berichts liegen nahe am Thema, ohne die Frage zu beantworten:",
}
# {help}: who to contact, from the deployment (`deployment.official_help`).
PERSONAL_CASE: dict[Language, str] = {
    "fr": "Je ne peux pas donner d'avis sur une situation personnelle. Pour votre dossier, contactez {help} ou un "
    "avocat.",
    "nl": "Ik kan geen advies geven over een persoonlijke situatie. Neem voor uw dossier contact op met {help} of een "
    "advocaat.",
    "en": "I cannot advise on a personal situation. For your case, contact {help} or a lawyer.",
    "de": "Ich kann keine Beratung zu einer persönlichen Situation geben. Wenden Sie sich für Ihren Fall an {help} "
    "oder an einen Anwalt.",
}
TOO_LONG: dict[Language, str] = {
    "fr": "La question dépasse {limit} caractères ; raccourcissez-la.",
    "nl": "De vraag is langer dan {limit} tekens; maak ze korter.",
    "en": "The question is longer than {limit} characters; please shorten it.",
    "de": "Die Frage ist länger als {limit} Zeichen; bitte kürzen Sie sie.",
}
EMPTY_QUESTION: dict[Language, str] = {
    "fr": "La question est vide.",
    "nl": "De vraag is leeg.",
    "en": "The question is empty.",
    "de": "Die Frage ist leer.",
}
TOO_MANY: dict[Language, str] = {
    "fr": "Trop de questions en peu de temps. Réessayez dans une minute.",
    "nl": "Te veel vragen in korte tijd. Probeer het over een minuut opnieuw.",
    "en": "Too many questions in a short time. Try again in a minute.",
    "de": "Zu viele Fragen in kurzer Zeit. Versuchen Sie es in einer Minute erneut.",
}
INDEXING: dict[Language, str] = {
    "fr": "Le rapport est en cours d'indexation ({percent} %). Réessayez dans un instant.",
    "nl": "Het verslag wordt geïndexeerd ({percent}%). Probeer het zo meteen opnieuw.",
    "en": "The report is being indexed ({percent}%). Try again in a moment.",
    "de": "Der Bericht wird gerade indexiert ({percent} %). Versuchen Sie es gleich noch einmal.",
}
BODY_TOO_LARGE: dict[Language, str] = {
    "fr": "La requête est trop volumineuse.",
    "nl": "Het verzoek is te groot.",
    "en": "The request is too large.",
    "de": "Die Anfrage ist zu groß.",
}
BUSY: dict[Language, str] = {
    "fr": "Le service est très sollicité en ce moment. Réessayez dans quelques secondes.",
    "nl": "De dienst is momenteel erg druk. Probeer het over enkele seconden opnieuw.",
    "en": "The service is very busy right now. Try again in a few seconds.",
    "de": "Der Dienst ist gerade stark ausgelastet. Versuchen Sie es in einigen Sekunden erneut.",
}
TIMED_OUT: dict[Language, str] = {
    "fr": "La réponse prend trop de temps. Réessayez dans un moment.",
    "nl": "Het antwoord duurt te lang. Probeer het straks opnieuw.",
    "en": "The answer is taking too long. Try again in a moment.",
    "de": "Die Antwort dauert zu lange. Versuchen Sie es gleich noch einmal.",
}
BAD_TEXT: dict[Language, str] = {
    "fr": "Le texte contient des caractères non valides (caractère nul ou de contrôle, encodage cassé).",
    "nl": "De tekst bevat ongeldige tekens (nul- of stuurteken, kapotte codering).",
    "en": "The text contains characters that are not valid (a null or control character, broken encoding).",
    "de": "Der Text enthält ungültige Zeichen (Null- oder Steuerzeichen, fehlerhafte Kodierung).",
}
BAD_REQUEST: dict[Language, str] = {
    "fr": "La requête n'a pas la forme attendue : {problem}.",
    "nl": "Het verzoek heeft niet de verwachte vorm: {problem}.",
    "en": "The request does not have the expected form: {problem}.",
    "de": "Die Anfrage hat nicht die erwartete Form: {problem}.",
}
TOO_MANY_TURNS: dict[Language, str] = {
    "fr": "La conversation compte plus de {limit} messages ; commencez-en une nouvelle.",
    "nl": "Het gesprek telt meer dan {limit} berichten; begin een nieuw gesprek.",
    "en": "The conversation has more than {limit} messages; please start a new one.",
    "de": "Das Gespräch hat mehr als {limit} Nachrichten; bitte beginnen Sie ein neues.",
}
TURN_TOO_LONG: dict[Language, str] = {
    "fr": "Un message de la conversation dépasse {limit} caractères.",
    "nl": "Een bericht in het gesprek is langer dan {limit} tekens.",
    "en": "A message of the conversation is longer than {limit} characters.",
    "de": "Eine Nachricht des Gesprächs ist länger als {limit} Zeichen.",
}
NOT_AVAILABLE: dict[Language, str] = {
    "fr": "Cette adresse n'existe pas sur ce service.",
    "nl": "Dit adres bestaat niet op deze dienst.",
    "en": "This address does not exist on this service.",
    "de": "Diese Adresse gibt es bei diesem Dienst nicht.",
}
CHAT_STARTING: dict[Language, str] = {
    "fr": "Le chat démarre. Cette page se recharge dans un instant.",
    "nl": "De chat wordt gestart. Deze pagina laadt zo opnieuw.",
    "en": "The chat is starting. This page reloads in a moment.",
    "de": "Der Chat wird gestartet. Diese Seite lädt gleich neu.",
}
CHAT_FAILED: dict[Language, str] = {
    "fr": "Le chat n'a pas pu démarrer. Réessayez plus tard.",
    "nl": "De chat kon niet starten. Probeer het later opnieuw.",
    "en": "The chat could not start. Try again later.",
    "de": "Der Chat konnte nicht starten. Versuchen Sie es später erneut.",
}
EDITION_NOTICE: dict[Language, str] = {
    "en": "The report exists only in Dutch and French; the answer below comes from the {edition} edition.",
    "de": "Der Bericht liegt nur auf Niederländisch und Französisch vor; die Antwort stammt aus der {edition} Ausgabe.",
}
GENERATED_EDITION_NOTICE: dict[Language, str] = {
    "en": "The report exists only in Dutch and French; this answer is drawn from the {edition} edition.",
    "de": "Der Bericht liegt nur auf Niederländisch und Französisch vor; diese Antwort stützt sich auf die "
    "{edition} Ausgabe.",
}
GENERATED_NOTICE: dict[Language, str] = {
    "fr": "Réponse rédigée par un modèle de langue à partir des passages cités ; ses chiffres ont été vérifiés.",
    "nl": "Antwoord opgesteld door een taalmodel op basis van de geciteerde passages; de cijfers zijn gecontroleerd.",
    "en": "Answer written by a language model from the cited passages; its figures were checked against them.",
    "de": "Antwort von einem Sprachmodell aus den zitierten Passagen verfasst; die Zahlen wurden geprüft.",
}
LLM_FALLBACK: dict[Language, str] = {
    "fr": "Le modèle de langue n'a pas pu fournir de réponse vérifiée : voici les passages du rapport.",
    "nl": "Het taalmodel kon geen gecontroleerd antwoord geven: dit zijn de passages uit het verslag.",
    "en": "The language model could not give a checked answer: here are the report's passages instead.",
    "de": "Das Sprachmodell konnte keine geprüfte Antwort geben: hier die Passagen aus dem Bericht.",
}
EDITION_NAMES: dict[Language, dict[Edition, str]] = {
    "en": {"fr": "French", "nl": "Dutch"},
    "de": {"fr": "französischen", "nl": "niederländischen"},
    "fr": {"fr": "française", "nl": "néerlandaise"},
    "nl": {"fr": "Franstalige", "nl": "Nederlandstalige"},
}


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


# Why a claim got its verdict, by reason code; "{other}" is another document's wording of the figure.
CLAIM_REASONS: dict[str, dict[Language, str]] = {
    "no_figure": {
        "fr": "L'affirmation ne contient aucun chiffre à vérifier.",
        "nl": "De bewering bevat geen cijfer om te controleren.",
        "en": "The claim states no figure to check.",
        "de": "Die Aussage enthält keine Zahl, die sich prüfen ließe.",
    },
    "no_fact": {
        "fr": "Le rapport ne donne aucun chiffre à ce sujet.",
        "nl": "Het verslag geeft hierover geen cijfer.",
        "en": "The report has no figure on this.",
        "de": "Der Bericht nennt dazu keine Zahl.",
    },
    "no_subject": {
        "fr": "Le rapport ne donne aucun chiffre sur ce sujet.",
        "nl": "Het verslag geeft over dit onderwerp geen cijfer.",
        "en": "The report has no figure on this subject.",
        "de": "Der Bericht nennt zu diesem Thema keine Zahl.",
    },
    "no_series": {
        "fr": "Le rapport ne donne pas de série de chiffres sur ce sujet.",
        "nl": "Het verslag geeft over dit onderwerp geen reeks cijfers.",
        "en": "The report has no series on this.",
        "de": "Der Bericht nennt dazu keine Zahlenreihe.",
    },
    "rise": {
        "fr": "Les chiffres du rapport montrent une hausse.",
        "nl": "De cijfers van het verslag tonen een stijging.",
        "en": "The report's figures show a rise.",
        "de": "Die Zahlen des Berichts zeigen einen Anstieg.",
    },
    "fall": {
        "fr": "Les chiffres du rapport montrent une baisse.",
        "nl": "De cijfers van het verslag tonen een daling.",
        "en": "The report's figures show a fall.",
        "de": "Die Zahlen des Berichts zeigen einen Rückgang.",
    },
    "stated": {
        "fr": "Le rapport donne ce chiffre.",
        "nl": "Het verslag vermeldt dit cijfer.",
        "en": "The report states this figure.",
        "de": "Der Bericht nennt diese Zahl.",
    },
    "stated_elsewhere_differently": {
        "fr": "Le rapport donne ce chiffre. Un autre document sur le même sujet dit « {other} ».",
        "nl": "Het verslag vermeldt dit cijfer. Een ander document over hetzelfde onderwerp zegt ‘{other}’.",
        "en": "The report states this figure. Another document on the same topic says “{other}”.",
        "de": "Der Bericht nennt diese Zahl. Ein anderes Dokument zum selben Thema sagt „{other}“.",
    },
    "other_figure": {
        "fr": "Le rapport donne un autre chiffre.",
        "nl": "Het verslag vermeldt een ander cijfer.",
        "en": "The report states another figure.",
        "de": "Der Bericht nennt eine andere Zahl.",
    },
}

ANSWER_FAILED: dict[Language, str] = {
    "fr": "La réponse n'a pas pu être terminée. Veuillez réessayer.",
    "nl": "Het antwoord kon niet worden afgewerkt. Probeer het opnieuw.",
    "en": "The answer could not be finished. Please try again.",
    "de": "Die Antwort konnte nicht fertiggestellt werden. Bitte versuchen Sie es erneut.",
}


def accepted_language(header: str, supported: tuple[str, ...] = ("fr", "nl", "en", "de")) -> str:
    """The first supported language of an Accept-Language header ("nl-BE,nl;q=0.9" -> "nl"); English if none."""
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in supported:
            return code
    return "en"
