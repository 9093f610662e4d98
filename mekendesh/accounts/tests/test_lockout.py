"""Repeated failed sign-ins slow an account down, then lock it out, from every address
(django-axes); the owner unlocks it with a link sent to their address, or an administrator does."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from mekendesh.accounts.tests.helpers import sign_in_with_password
from mekendesh.audit.models import AuditEvent


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def as_if_waited(seconds: int = 60) -> None:
    """Move the recorded failures back in time, as if the person had waited before trying again
    (less than the lock-out's cool-off)."""
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - dt.timedelta(seconds=seconds)
        )


def fail(client, email: str, times: int = 1):
    response = None
    for _attempt in range(times):
        response = sign_in_with_password(client, email, "wrong-password-1")
        as_if_waited()
    return response


def from_address(address: str) -> Client:
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")
    return client


def unlock_link(email: str) -> str:
    message = next(message for message in mail.outbox if message.to == [email])
    found = re.search(r"https?://\S+/accounts/unlock/\S+/", str(message.body))
    assert found is not None, message.body
    return found.group(0)


def test_five_wrong_passwords_lock_the_account_out_with_a_clear_message(client, officer_moscow):
    for _attempt in range(4):
        response = sign_in_with_password(client, officer_moscow.email, "wrong-password-1")
        assert response.status_code == 200
        assert "errorlist" in response.content.decode()
        as_if_waited()

    locked = sign_in_with_password(client, officer_moscow.email, "wrong-password-1")

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "This account is locked after 5 failed sign-in attempts." in page
    assert "Try again in 30 minutes." in page
    assert "a link that unlocks it has been sent to its e-mail address" in page
    # The right password does not open a locked account either.
    assert sign_in_with_password(client, officer_moscow.email).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_counts_the_address_typed_in_any_case(client, officer_moscow):
    fail(client, officer_moscow.email.upper(), times=5)

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


def test_a_locked_account_does_not_open_from_a_second_address_with_the_right_password(officer_moscow):
    assert fail(from_address("203.0.113.7"), officer_moscow.email, times=5).status_code == 429

    second = from_address("198.51.100.20")
    assert sign_in_with_password(second, officer_moscow.email).status_code == 429
    assert "_auth_user_id" not in second.session


def test_failures_from_several_addresses_add_up_for_the_account(officer_moscow):
    for attempt in range(4):
        fail(from_address(f"203.0.113.{attempt + 1}"), officer_moscow.email)
    assert fail(from_address("198.51.100.99"), officer_moscow.email).status_code == 429


def test_after_two_failures_the_account_waits_before_the_next_try_even_from_elsewhere(officer_moscow):
    first = from_address("203.0.113.7")
    sign_in_with_password(first, officer_moscow.email, "wrong-password-1")
    sign_in_with_password(first, officer_moscow.email, "wrong-password-1")

    slowed = sign_in_with_password(from_address("198.51.100.20"), officer_moscow.email)
    assert slowed.status_code == 200
    assert "Too many failed sign-ins for this account: wait 2 seconds" in slowed.content.decode()
    assert AccessAttempt.objects.get().failures_since_start == 2  # the refused try is not a failure

    as_if_waited(3)
    assert sign_in_with_password(from_address("198.51.100.20"), officer_moscow.email).status_code == 302


def test_the_wait_doubles_with_each_further_failure(client, officer_moscow):
    sign_in_with_password(client, officer_moscow.email, "wrong-password-1")
    sign_in_with_password(client, officer_moscow.email, "wrong-password-1")
    as_if_waited(3)
    sign_in_with_password(client, officer_moscow.email, "wrong-password-1")
    assert "wait 4 seconds" in sign_in_with_password(client, officer_moscow.email).content.decode()


def test_a_locked_officer_unlocks_their_account_with_the_link_sent_to_their_address(officer_moscow):
    fail(from_address("203.0.113.7"), officer_moscow.email, times=5)
    assert [message.to for message in mail.outbox] == [[officer_moscow.email]]
    link = unlock_link(officer_moscow.email)

    owner = from_address("198.51.100.20")
    page = owner.get(link)
    assert page.status_code == 200 and "Unlock sign-in" in page.content.decode()
    assert AccessAttempt.objects.exists()  # opening the link (as a mail scanner would) unlocks nothing
    response = owner.post(link, follow=True)
    assert "Your account is unlocked. Sign in again." in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert AuditEvent.objects.filter(
        action="update", object_type="accounts.user", object_id=str(officer_moscow.pk), fields=["sign_in_lock"]
    ).exists()

    assert sign_in_with_password(owner, officer_moscow.email).status_code == 302
    again = from_address("198.51.100.21").post(link, follow=True)
    assert "This unlock link is no longer valid" in again.content.decode()


def test_an_unlock_link_that_was_changed_or_is_too_old_unlocks_nothing(officer_moscow, monkeypatch):
    import time

    fail(from_address("203.0.113.7"), officer_moscow.email, times=5)
    link = unlock_link(officer_moscow.email)
    assert "no longer valid" in from_address("198.51.100.20").post(link[:-3] + "xx/").content.decode()
    later = time.time() + 2 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert "no longer valid" in from_address("198.51.100.20").post(link).content.decode()
    assert AccessAttempt.objects.exists()


def test_a_locked_out_name_that_is_no_account_gets_no_mail(db):
    fail(from_address("203.0.113.7"), "nobody@mfa.example", times=5)
    assert mail.outbox == []


def test_an_administrator_unlocks_an_account_from_the_admin(staff_client, administrator, officer_moscow):
    fail(from_address("203.0.113.7"), officer_moscow.email, times=5)
    admin = staff_client(administrator)
    response = admin.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock_sign_in", "_selected_action": [officer_moscow.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not AccessAttempt.objects.filter(username=officer_moscow.email).exists()
    event = AuditEvent.objects.get(action="update", object_id=str(officer_moscow.pk), fields=["sign_in_lock"])
    assert event.actor == administrator
    assert sign_in_with_password(from_address("203.0.113.7"), officer_moscow.email).status_code == 302


def test_the_unlock_link_opens_the_account_even_after_an_attacker_kept_trying(officer_moscow):
    attacker = from_address("203.0.113.7")
    fail(attacker, officer_moscow.email, times=12)
    owner = from_address("198.51.100.20")
    owner.post(unlock_link(officer_moscow.email))
    assert sign_in_with_password(owner, officer_moscow.email).status_code == 302
