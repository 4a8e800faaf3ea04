"""Every sentence a person sees lives in `reportqa.messages`, each catalogue in every language it is said in: the
same keys in each, and the same {placeholders}."""

import importlib
import pkgutil
import string
from collections.abc import Mapping

import pytest

import reportqa.messages

PAGE_LANGUAGES = {"fr", "nl", "en"}  # every catalogue; German where the source has it (answers, refusals, prompts)


def _catalogues() -> dict[str, Mapping[str, object]]:
    """Every by-language catalogue of the package, by "module.NAME"; a catalogue of catalogues (by reason, then
    language) gives one per reason."""
    found: dict[str, Mapping[str, object]] = {}
    for module_info in pkgutil.iter_modules(reportqa.messages.__path__):
        module = importlib.import_module(f"reportqa.messages.{module_info.name}")
        for name, value in vars(module).items():
            if not name.isupper() or not isinstance(value, dict):
                continue
            if PAGE_LANGUAGES <= set(value):
                found[f"{module_info.name}.{name}"] = value
            elif value and all(isinstance(entry, dict) and PAGE_LANGUAGES <= set(entry) for entry in value.values()):
                found.update({f"{module_info.name}.{name}.{key}": entry for key, entry in value.items()})
    return found


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _shape(entry: object) -> object:
    """What must be the same in every language: the keys of a dict, the length of a list or tuple, the
    placeholders of a text."""
    if isinstance(entry, dict):
        return {key: _shape(value) for key, value in entry.items()}
    if isinstance(entry, list | tuple):
        return [_shape(value) for value in entry]
    return _placeholders(entry) if isinstance(entry, str) else type(entry).__name__


CATALOGUES = _catalogues()


def test_the_catalogues_are_found() -> None:
    assert {"answers.REFUSAL", "refusals.TOO_LONG", "page.PAGE_LABELS", "widget.EMBED_TEXT"} <= set(CATALOGUES)
    assert "answers.CLAIM_REASONS.no_figure" in CATALOGUES and "prompts.ANSWER_RULES" in CATALOGUES


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_key_is_in_every_language_with_the_same_placeholders(name: str) -> None:
    catalogue = CATALOGUES[name]
    shapes = {language: _shape(entry) for language, entry in catalogue.items() if language in {*PAGE_LANGUAGES, "de"}}
    assert PAGE_LANGUAGES <= set(shapes)
    english = shapes["en"]
    assert all(shape == english for shape in shapes.values()), {k: v for k, v in shapes.items() if v != english}
