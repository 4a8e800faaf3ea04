"""What one deployment knows about its report's subject, read from a file beside the documents
(`docs/deployment.json`): who publishes the report and where people get official help, the page's title and
example questions, the official terms of the subject in each language (with the everyday words people use for
them), the words that make a question about the asker's own case in this subject, and the names every passage
of the report is about. The product knows languages; this file is where a subject's words live. Without it,
everything runs, with neutral wording and no subject terms."""

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from reportqa.config import Edition, Language, Settings
from reportqa.errors import ConfigError
from reportqa.messages.answers import ANY_HELP_DESK

DEPLOYMENT_FILE = "deployment.json"

# One thing's names: {"fr": ["ordre de quitter le territoire", ...], "nl": [...], "en": [...], "de": [...]}.
TermGroup = dict[str, list[str]]


class Deployment(BaseModel):
    # Where a person asking about their own case gets official help: the body, as a sentence names it after
    # "contact" ("l'Office …", "de Dienst …"), and its address.
    help_desk: dict[Language, str] = {}
    contact_url: str = ""
    # The page's title and the example questions, in each language of the page.
    title: dict[Language, str] = {}
    examples: dict[Language, list[str]] = {}
    question_placeholder: dict[Language, str] = {}
    claim_placeholder: dict[Language, str] = {}
    # Words naming what the whole report is about (its publisher, its country): a passage naming them says nothing
    # about a question that names anything else.
    report_subject: dict[Edition, str] = {}
    # The subject's official terms and the everyday words for them, each group one thing in every language.
    terms: list[TermGroup] = []
    # Nouns of a personal case in this subject ("mon abonnement") and events that make one ("j'ai reçu une amende").
    case_nouns: list[str] = []
    case_events: list[str] = []


NO_DEPLOYMENT = Deployment()


def deployment_path(settings: Settings) -> Path:
    return settings.deployment_file or settings.docs_dir / DEPLOYMENT_FILE


def deployment_for(settings: Settings) -> Deployment:
    """The deployment beside the documents (or at REPORTQA_DEPLOYMENT_FILE); none when there is no file."""
    path = deployment_path(settings)
    if not path.is_file():
        return NO_DEPLOYMENT
    return _read(path.resolve(), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _read(path: Path, modified: int) -> Deployment:
    try:
        return Deployment.model_validate(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        summary = str(error).splitlines()[0]
        raise ConfigError(f"The deployment file {path} cannot be read: {summary}") from None




def official_help(deployment: Deployment, language: Language) -> str:
    """"l'Office … (https://…)": who to contact about one's own case, in the asker's language."""
    desk = deployment.help_desk.get(language) or ANY_HELP_DESK[language]
    return f"{desk} ({deployment.contact_url})" if deployment.contact_url else desk
