"""Why a request was refused or stopped, in the asker's language: its length, its characters, its form, the rate
limit, a full server, the time limit, the index still being built, the chat still starting."""

from reportqa.config import Language

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
ANSWER_FAILED: dict[Language, str] = {
    "fr": "La réponse n'a pas pu être terminée. Veuillez réessayer.",
    "nl": "Het antwoord kon niet worden afgewerkt. Probeer het opnieuw.",
    "en": "The answer could not be finished. Please try again.",
    "de": "Die Antwort konnte nicht fertiggestellt werden. Bitte versuchen Sie es erneut.",
}
