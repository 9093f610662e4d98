"""The operator's language on the command line, read from the environment (no Django import).

``mekendesh`` commands speak the language ``MEKENDESH_LANGUAGE`` names, else the one of the POSIX
locale: the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, as for any program on
the terminal. The first variable that is set decides; when it names no interface language
(``de_DE.UTF-8``, ``C.UTF-8``), the command keeps its default.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping

LANGUAGE_VARIABLES = ("MEKENDESH_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def terminal_language(available: Collection[str], environ: Mapping[str, str] | None = None) -> str | None:
    """The code of the language the environment asks for (``ru`` for ``ru_RU.UTF-8``) when it is
    one of ``available``; ``None`` for the command's default."""
    environ = os.environ if environ is None else environ
    for variable in LANGUAGE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            return code if code in available else None
    return None
