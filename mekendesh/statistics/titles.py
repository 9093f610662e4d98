"""Texts of the statistics in every interface language: a release's title and summary and a
table's title, as the statistician types them in Kyrgyz, Russian, Turkmen and English (one field
per language, like the reference data's ``name_ky``/``name_ru``/…), and a table's title computed
from its indicator and dimensions when none was typed.

A page shows the visitor's language; a text missing in it is shown in the first language of
:data:`FALLBACK` that has it (Russian is read across the countries of origin, then English), and
the page marks the language shown (``lang=``). A computed title is computed at display time in
the page's language from the indicators' and dimensions' own translated labels
(:data:`mekendesh.statistics.indicators.INDICATORS` and ``DIMENSIONS``), so that it is never
stored in one language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils import translation

LANGUAGES = ("ky", "ru", "tk", "en")
# Where a text missing in the visitor's language is looked for, in this order.
FALLBACK = ("ru", "en", "ky", "tk")
# A release's address is made from its title in the first of these that slugifies to something.
SLUG_LANGUAGES = ("en", "tk", "ru", "ky")


# Tajik and Uzbek pages show statistical labels in Russian, which both countries' readers share.
NEAREST = {"tg": "ru", "uz": "ru"}


def active_language() -> str:
    """The page's language, one of :data:`LANGUAGES` (Russian on Tajik and Uzbek pages, English
    when another is active)."""
    language = (translation.get_language() or "en").split("-")[0]
    return language if language in LANGUAGES else NEAREST.get(language, "en")


def text_in(texts: Mapping[str, str], language: str | None = None) -> tuple[str, str]:
    """The text in ``language`` (the page's by default), else in the first language of
    :data:`FALLBACK` that has one: ``(text, its language)``; ``("", language)`` when none has."""
    language = language or active_language()
    for candidate in (language, *FALLBACK):
        text = (texts.get(candidate) or "").strip()
        if text:
            return text, candidate
    return "", language


def texts_of(obj: Any, field: str) -> dict[str, str]:
    """The languages ``obj`` has ``field`` in (``field_ky``, ``field_ru`` …), and the texts."""
    found = {language: str(getattr(obj, f"{field}_{language}", "") or "").strip() for language in LANGUAGES}
    return {language: text for language, text in found.items() if text}


def texts_given(value: str | Mapping[str, str] | None) -> dict[str, str]:
    """Texts as a service receives them: a mapping of language to text (other keys ignored), or
    one string, taken as written in the page's language. Empty texts are left out."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = {active_language(): value}
    return {
        language: str(value.get(language) or "").strip()
        for language in LANGUAGES
        if (value.get(language) or "").strip()
    }


def texts_posted(data: Mapping[str, Any], field: str) -> dict[str, str]:
    """The texts of a form with a field per language (``title_ky``, ``title_ru`` …); a form that
    sends one ``title`` gives it in the page's language."""
    texts = {language: str(data.get(f"{field}_{language}") or "") for language in LANGUAGES}
    if not any(text.strip() for text in texts.values()) and data.get(field):
        texts[active_language()] = str(data.get(field))
    return texts


def fields_for(field: str, texts: Mapping[str, str]) -> dict[str, str]:
    """The model fields of ``texts``: every language's field, empty where no text is given."""
    return {f"{field}_{language}": texts.get(language, "") for language in LANGUAGES}


def indicator_label(indicator: str) -> str:
    """An indicator's name in the active language: the register's indicators name themselves;
    an official table's indicator is named by its code."""
    from mekendesh.statistics.indicators import INDICATORS

    found = INDICATORS.get(indicator)
    return str(found.label) if found else indicator.replace("_", " ").strip().capitalize()


def dimension_label(name: str) -> str:
    """A dimension's name in the active language (the register's, else an official table's field)."""
    from mekendesh.statistics.indicators import DIMENSIONS
    from mekendesh.statistics.official import FIELDS

    if name in DIMENSIONS:
        return str(DIMENSIONS[name].label)
    for field in FIELDS:
        if field.name == name:
            return str(field.label).lower()
    return name.replace("_", " ")


def table_title_computed(indicator: str, dimensions: Any, language: str) -> str:
    """A table's title made of its indicator and dimensions, in ``language``
    ("Citizens abroad by destination, sex")."""
    with translation.override(language):
        parts = [indicator_label(indicator)]
        names = [dimension_label(str(name)) for name in dimensions or ()]
        if names:
            parts.append(translation.gettext("by %(dimensions)s") % {"dimensions": ", ".join(names)})
        return " ".join(parts)
