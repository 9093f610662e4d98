"""Fixtures of the cases module: the head of the Moscow consulate, and cases of Aigerim (the
registered migrant staying in Moscow)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _case_documents_of_this_test(settings, tmp_path):
    """Each test keeps its case documents in a directory of its own."""
    settings.CASE_DOCUMENTS_DIR = tmp_path / "case-documents"


@pytest.fixture
def head_moscow(places):
    from mekendesh.accounts.models import User

    user = User.objects.create_user(
        email="head.moscow@mfa.example",
        password="correct-horse-battery-7",
        role="consular_officer",
        full_name="head.moscow",
        heads_consulate=True,
    )
    user.consular_districts.set([places["moscow_district"]])
    return user


@pytest.fixture
def open_case(registered_migrant, officer_moscow, places):
    """A register-removal case of Aigerim, opened and assigned to the Moscow officer."""
    from mekendesh.cases.services import case_open

    return case_open(
        actor=officer_moscow,
        person=registered_migrant,
        case_type="register_removal",
        consular_district=places["moscow_district"],
        summary="Named on the register of controlled persons after a late registration.",
    )


@pytest.fixture
def requested_case(registered_migrant, places):
    """Aigerim's own request for help with unpaid wages, awaiting the Moscow consulate."""
    from mekendesh.cases.services import case_request

    return case_request(
        actor=registered_migrant.account,
        case_type="unpaid_wages",
        country=places["RU"],
        host_region=places["moscow"],
        summary="The employer has not paid me for three months.",
    )
