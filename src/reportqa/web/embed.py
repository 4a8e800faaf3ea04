"""The widget: the script a webmaster puts on a page (/widget.js) and the compact chat it frames (/embed), in the
page's language, with the deployment's help desk and the limits of this server."""

import html
from importlib import resources

from reportqa.config import Settings
from reportqa.deployment import deployment_for, official_help
from reportqa.messages.widget import EMBED_TEXT


def static_text(name: str) -> str:
    """A file shipped in reportqa/static (the widget's page and script)."""
    return resources.files("reportqa").joinpath(f"static/{name}").read_text("utf-8")


def embed_page(language: str, settings: Settings) -> str:
    page_language = language if language in ("fr", "nl", "en") else "fr" if language == "auto" else "en"
    text = EMBED_TEXT[page_language]
    help_desk = official_help(deployment_for(settings), page_language)  # type: ignore[arg-type]
    values = {
        **text,
        "notice": text["notice"].format(help=help_desk),
        "lang": language if language in ("fr", "nl", "en") else "auto",
        "max_chars": str(settings.max_question_chars),
        "feedback": "true" if settings.analytics else "false",
        "root": settings.public_url,
    }
    page = static_text("embed.html")
    for key, value in values.items():
        page = page.replace("{{" + key + "}}", html.escape(value, quote=True))
    return page


def embed_policy(settings: Settings) -> str:
    """The frame's Content-Security-Policy: only this site and REPORTQA_EMBED_ORIGINS may frame it."""
    frame_ancestors = " ".join(["'self'", *settings.embed_origin_list])
    return (
        f"frame-ancestors {frame_ancestors}; default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; connect-src 'self'"
    )
