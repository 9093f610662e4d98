"""``mekendesh screening run`` screens in the terminal what the pages' job screens."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from mekendesh.screening.models import Candidate, ScreeningRun

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def test_the_command_screens_the_whole_register_against_a_list(send_list, controlled, registered_migrant):
    send_list([["1", "Токтосунова Айгерим", "12.04.1998", "Киргизия", "", ""]])
    Candidate.objects.all().delete()
    out = io.StringIO()
    call_command("screening", "run", "--list", controlled.name, "--no-progress", stdout=out, stderr=io.StringIO())
    assert "1 people against 1 list entries" in out.getvalue()
    assert Candidate.objects.get().person == registered_migrant
    assert ScreeningRun.objects.latest("pk").kind == "full"


def test_the_command_names_an_unknown_list_and_a_bad_day():
    with pytest.raises(CommandError, match="There is no list named"):
        call_command("screening", "run", "--list", "Nothing", "--no-progress")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("screening", "run", "--people-since", "31.12.2026", "--no-progress")
