"""Staff sign in with a password and a code from an authenticator app (TOTP)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.accounts.services import has_totp, totp_activate, totp_secret
from mekendesh.accounts.tests.helpers import sign_in_with_password, totp_code
from mekendesh.audit.models import AuditEvent
from mekendesh.conftest import PASSWORD, TOTP_SECRET


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings):
    cache.clear()  # allauth counts failed sign-ins and used codes in the cache
    # One time step either side, so that a code computed just before a 30-second boundary passes.
    settings.MFA_TOTP_TOLERANCE = 1


def test_a_staff_member_without_an_authenticator_can_only_set_one_up(client, analyst):
    response = sign_in_with_password(client, analyst.email)
    assert response.status_code == 302

    activation = reverse("mfa_activate_totp")
    for page in (reverse("staff:home"), reverse("web:home"), reverse("admin:index"), reverse("migrant:home")):
        assert client.get(page)["Location"] == activation, page
    # allauth asks for the password again before a second factor is added; that page is open too.
    reauthenticate = client.get(activation)
    assert reauthenticate["Location"].startswith(reverse("account_reauthenticate"))
    assert client.get(reauthenticate["Location"]).status_code == 200
    assert client.get("/api/people/").status_code == 403
    # The language switch and signing out still work.
    switched = client.post(reverse("set_language"), {"language": "ru", "next": activation})
    assert switched["Location"] == activation
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_a_staff_member_activates_an_authenticator_app_and_opens_the_staff_pages(
    client, analyst, django_capture_on_commit_callbacks
):
    sign_in_with_password(client, analyst.email)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert not has_totp(analyst)

    with django_capture_on_commit_callbacks(execute=True):  # allauth announces the new app on commit
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert has_totp(analyst)
    assert client.get(reverse("staff:home")).status_code == 200
    assert AuditEvent.objects.filter(action="create", object_type="mfa.authenticator", actor=analyst).exists()


def test_a_staff_member_with_an_app_signs_in_with_password_then_code(client, officer_moscow):
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)

    response = sign_in_with_password(client, officer_moscow.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("staff:home"))["Location"].startswith(reverse("account_login"))

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get(reverse("staff:home")).status_code == 200
    assert AuditEvent.objects.filter(action="login", actor=officer_moscow).count() == 1


def test_a_wrong_authenticator_code_does_not_sign_in_and_is_audited(client, officer_moscow):
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    sign_in_with_password(client, officer_moscow.email)

    wrong = "000000" if totp_code(TOTP_SECRET) != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.get(action="login_failed")
    assert failed.object_id == officer_moscow.email
    assert failed.fields == ["second_factor"]


def test_a_staff_session_that_skipped_the_second_factor_is_signed_out_at_staff_pages(client, officer_moscow):
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    client.force_login(officer_moscow)  # a session that never typed a code

    response = client.get(reverse("staff:home"))

    assert response["Location"] == f"{reverse('account_login')}?next=%2Fstaff%2F"
    assert "_auth_user_id" not in client.session


def test_an_api_call_without_the_second_factor_is_refused(client, officer_moscow):
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    client.force_login(officer_moscow)

    response = client.get("/api/people/")

    assert response.status_code == 403
    assert "authenticator" in response.json()["detail"]


def test_the_staff_client_fixture_opens_staff_pages(staff_client, officer_moscow):
    client = staff_client(officer_moscow)

    assert client.get(reverse("staff:home")).status_code == 200
    assert totp_secret(user=officer_moscow) == TOTP_SECRET


def test_a_migrant_needs_no_authenticator(client, migrant_account):
    sign_in_with_password(client, migrant_account.email)

    assert client.get(reverse("migrant:home")).status_code == 200


def test_the_admin_sign_in_page_sends_everyone_to_the_one_sign_in_page(client):
    response = client.get(reverse("admin:login") + "?next=/admin/")

    assert response["Location"] == f"{reverse('account_login')}?next=/admin/"


def test_a_demo_secret_that_is_not_base32_is_refused_with_a_clear_message(analyst):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        totp_activate(user=analyst, secret="not a secret!")
    assert "Base32" in str(error.value)
