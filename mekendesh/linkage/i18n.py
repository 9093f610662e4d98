"""The language of the ``mekendesh link`` messages, without Django.

The command chooses its language by the rule of every ``mekendesh`` command
(:mod:`mekendesh.lib.terminal_language`: ``MEKENDESH_LANGUAGE``, else ``LC_ALL``,
``LC_MESSAGES``, ``LANG``) and reads the project's compiled catalogues,
``mekendesh/locale/<language>/LC_MESSAGES/django.mo`` (the web interface's, made by
``mekendesh compilemessages``), with the standard library's :mod:`gettext`. When no language is
chosen, or its catalogue is not compiled, the messages stay in English, the language they are
written in: the command reads no Django settings, so it has no site default language.

Messages are marked as in the Django code, ``_("the {role} file is empty").format(role=…)``, so
that ``mekendesh makemessages`` collects them into the same catalogues.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mekendesh.lib.terminal_language import terminal_language

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"  # settings.LOCALE_PATHS
DOMAIN = "django"
ENGLISH = "en"
# As in Django's number formats: a comma in English, a no-break space in ky, ru and tk.
_THOUSANDS_SEPARATOR = {ENGLISH: ","}
_NO_BREAK_SPACE = "\u00a0"

_language = ENGLISH
_catalogue: _gettext.NullTranslations = _gettext.NullTranslations()


def available_languages() -> set[str]:
    """English and every language whose catalogue is compiled."""
    return {ENGLISH} | {mo.parent.parent.name for mo in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}


def chosen_language() -> str:
    """The language the operator's environment asks for, English by default."""
    return terminal_language(available_languages()) or ENGLISH


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Messages in ``language`` within the block (in English when it has no compiled catalogue)."""
    global _language, _catalogue
    saved = _language, _catalogue
    _catalogue = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)
    _language = language if isinstance(_catalogue, _gettext.GNUTranslations) else ENGLISH
    try:
        yield
    finally:
        _language, _catalogue = saved


def gettext(message: str) -> str:
    return _catalogue.gettext(message)


def pgettext(context: str, message: str) -> str:
    return _catalogue.pgettext(context, message)


def number(n: int) -> str:
    """A count with its thousands grouped as the language writes them: ``12,500``, ``12 500``."""
    return f"{n:,}".replace(",", _THOUSANDS_SEPARATOR.get(_language, _NO_BREAK_SPACE))
