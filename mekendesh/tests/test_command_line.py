"""The ``mekendesh`` command speaks the operator's language, like any command on their terminal."""

from __future__ import annotations

import pytest
from django.utils import translation

from mekendesh.cli import _activate_terminal_language

POSIX_VARIABLES = ("MEKENDESH_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def terminal(monkeypatch):
    for name in POSIX_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def set_environment(**variables: str) -> str:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        with translation.override(None):
            translation.activate("ky")
            _activate_terminal_language()
            return translation.get_language()

    return set_environment


@pytest.mark.parametrize(
    ("variables", "language"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "tk_TM.UTF-8"}, "tk"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "MEKENDESH_LANGUAGE": "ru"}, "ru"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ],
)
def test_the_command_answers_in_the_terminals_language(terminal, variables, language):
    assert terminal(**variables) == language


def test_a_terminal_in_another_language_keeps_the_sites_default(terminal):
    assert terminal(LANG="de_DE.UTF-8") == "ky"
    assert terminal(LANG="C.UTF-8") == "ky"
