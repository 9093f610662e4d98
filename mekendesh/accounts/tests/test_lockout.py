"""Repeated failed sign-ins lock the account out (django-axes)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.accounts.tests.helpers import sign_in_with_password
from mekendesh.audit.models import AuditEvent


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_five_wrong_passwords_lock_the_account_out_with_a_clear_message(client, officer_moscow):
    for _attempt in range(4):
        response = sign_in_with_password(client, officer_moscow.email, "wrong-password-1")
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()

    locked = sign_in_with_password(client, officer_moscow.email, "wrong-password-1")

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "This account is locked after 5 failed sign-in attempts." in page
    assert "Try again in 30 minutes." in page
    # The right password does not open a locked account either.
    assert sign_in_with_password(client, officer_moscow.email).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_counts_the_address_typed_in_any_case(client, officer_moscow):
    for _attempt in range(5):
        sign_in_with_password(client, officer_moscow.email.upper(), "wrong-password-1")

    assert sign_in_with_password(client, officer_moscow.email).status_code == 429


def test_failed_sign_ins_are_written_to_the_audit_trail_without_the_password(client, officer_moscow):
    sign_in_with_password(client, officer_moscow.email, "wrong-password-1")

    failed = AuditEvent.objects.get(action="login_failed")
    assert failed.object_id == officer_moscow.email
    assert failed.actor is None
    assert "wrong-password-1" not in str(failed.__dict__)


def test_one_wrong_password_does_not_lock_anyone_out(client, migrant_account):
    sign_in_with_password(client, migrant_account.email, "wrong-password-1")

    response = sign_in_with_password(client, migrant_account.email)

    assert response.status_code == 302
    assert client.get(reverse("migrant:home")).status_code == 200
