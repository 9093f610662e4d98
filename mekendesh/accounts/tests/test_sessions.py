"""A new session at sign-in; signed out after inactivity; signing in and out is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from mekendesh.accounts.tests.helpers import sign_in_with_password
from mekendesh.audit.models import AuditEvent


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_signing_in_gives_a_new_session_key(client, migrant_account):
    before = client.session
    before["seen_landing_page"] = True
    before.save()

    sign_in_with_password(client, migrant_account.email)

    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before.session_key
    assert not Session.objects.filter(session_key=before.session_key).exists()


def test_a_session_idle_longer_than_the_limit_is_signed_out(client, migrant_account, monkeypatch):
    sign_in_with_password(client, migrant_account.email)
    assert client.get(reverse("migrant:home")).status_code == 200
    last_request = timezone.now()

    monkeypatch.setattr(timezone, "now", lambda: last_request + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
    response = client.get(reverse("migrant:home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_session_used_within_the_limit_stays_signed_in(client, migrant_account, monkeypatch):
    sign_in_with_password(client, migrant_account.email)
    client.get(reverse("migrant:home"))
    start = timezone.now()
    step = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)

    # Each request moves the end of the session on: three idle spells just under the limit are fine.
    for spell in range(1, 4):
        monkeypatch.setattr(timezone, "now", lambda spell=spell: start + spell * step)
        assert client.get(reverse("migrant:home")).status_code == 200


def test_signing_in_and_out_is_written_to_the_audit_trail(client, migrant_account):
    sign_in_with_password(client, migrant_account.email)
    client.post(reverse("account_logout"))

    actions = list(AuditEvent.objects.filter(actor=migrant_account).values_list("action", flat=True))
    assert actions == ["login", "logout"]
    login = AuditEvent.objects.get(action="login")
    assert login.ip_address == "127.0.0.1"
    assert login.path == reverse("account_login")
