"""Helpers shared by the staff-side tests: signed-in clients for the conftest actors, a second
Moscow officer, and machine-readable zones with correct check digits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from mekendesh.lib.mrz import check_digit


@pytest.fixture
def sign_in(staff_client: Callable[..., Client]) -> Callable[[Any], Client]:
    """``sign_in(user)`` → a client signed in as ``user`` (staff with their second factor passed,
    through the shared ``staff_client``), reading pages in English, the source language of the
    messages the tests look for."""

    def make(user: Any) -> Client:
        client = Client(headers={"Accept-Language": "en"})
        if getattr(user, "is_staff_role", False):
            return staff_client(user, client)
        client.force_login(user)
        return client

    return make


@pytest.fixture
def officer_moscow_2(places: dict[str, Any]) -> Any:
    from mekendesh.accounts.models import User

    user = User.objects.create_user(email="officer2.moscow@mfa.example", password="x-unused-password-1",
                                    role="consular_officer")
    user.consular_districts.set([places["moscow_district"]])
    return user


def td3_mrz(*, number: str, birth: dt.date, expiry: dt.date, surname: str, given: str, sex: str = "F",
            state: str = "KGZ") -> str:
    """A passport (TD3) machine-readable zone with correct check digits."""
    line1 = f"P<{state}{surname}<<{given.replace(' ', '<')}".ljust(44, "<")[:44]
    number_field = number.ljust(9, "<")
    birth_field, expiry_field = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    optional = "<" * 14
    line2 = (
        number_field + check_digit(number_field) + state + birth_field + check_digit(birth_field) + sex
        + expiry_field + check_digit(expiry_field) + optional + "<"
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return f"{line1}\n{line2 + check_digit(composite)}"
