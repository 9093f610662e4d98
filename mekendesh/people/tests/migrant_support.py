"""Fixtures shared by the tests of the migrant's side (imported by the test modules that use them)."""

from __future__ import annotations

import pytest


@pytest.fixture
def client(client):
    """A browser asking for English, so that the messages checked are the source strings."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def aigerim(client, registered_migrant):
    """The registered migrant, signed in."""
    client.force_login(registered_migrant.account)
    return registered_migrant
