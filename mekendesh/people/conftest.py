"""Fixtures of the register's tests: a client reading English and a second registered person."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def client(client):
    """A browser asking for English, so that the messages checked are the source strings."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def someone_else(places, officer_moscow):
    """Another registered person, entered by an officer, with contacts of their own."""
    from mekendesh.people.services import DocumentInput, NameInput, person_register

    return person_register(
        actor=officer_moscow,
        sex="M",
        birth_date=dt.date(1990, 1, 2),
        names=[NameInput(script="ky-Cyrl", surname="Осмонов", given_names="Нурлан")],
        origin_region=places["osh"],
        email="nurlan@example.com",
        phone="+996700000001",
        document=DocumentInput(number="AN0000001", issuing_country=places["KG"]),
    )
