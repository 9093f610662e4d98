"""Second-factor secrets are encrypted at rest and never shown in the admin; the admin lists the
e-mail addresses of staff accounts only; an administrator's read of a person's account data is
written to the audit trail."""

from __future__ import annotations

import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import connection
from django.urls import reverse

from mekendesh.accounts.services import totp_activate, totp_secret
from mekendesh.audit.models import AuditEvent
from mekendesh.conftest import TOTP_SECRET


def _stored_data(authenticator: Authenticator) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [authenticator.pk])
        (data,) = cursor.fetchone()
    return data if isinstance(data, str) else json.dumps(data)


def test_a_totp_secret_is_stored_encrypted_and_read_back_for_the_demo_printout(analyst):
    totp = totp_activate(user=analyst, secret=TOTP_SECRET)
    assert TOTP_SECRET not in _stored_data(totp)
    recovery = Authenticator.objects.get(user=analyst, type=Authenticator.Type.RECOVERY_CODES)
    seed = recovery.data["seed"]
    assert seed.startswith("fernet:")
    assert totp_secret(user=analyst) == TOTP_SECRET


def test_the_migration_encrypts_the_secrets_stored_before_it(analyst):
    from importlib import import_module

    from django.apps import apps

    plain = Authenticator.objects.create(user=analyst, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET})
    seeded = Authenticator.objects.create(
        user=analyst, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00ff" * 10}
    )
    migration = import_module("mekendesh.accounts.migrations.0002_encrypt_mfa_secrets")
    migration.encrypt_secrets(apps, None)
    assert TOTP_SECRET not in _stored_data(plain) and "00ff" * 10 not in _stored_data(seeded)
    assert totp_secret(user=analyst) == TOTP_SECRET
    migration.encrypt_secrets(apps, None)  # a second run changes nothing
    assert totp_secret(user=analyst) == TOTP_SECRET


def test_the_authenticator_admin_shows_no_secret(staff_client, administrator, analyst):
    totp = totp_activate(user=analyst, secret=TOTP_SECRET)
    client = staff_client(administrator)
    assert client.get(reverse("admin:mfa_authenticator_changelist")).status_code == 200
    page = client.get(reverse("admin:mfa_authenticator_change", args=[totp.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert TOTP_SECRET not in text and totp.data["secret"] not in text and "secret" not in text
    assert AuditEvent.objects.filter(
        action="read", object_type="mfa.authenticator", object_id=str(totp.pk), actor=administrator
    ).exists()


def test_an_administrator_opening_a_users_page_is_audited(staff_client, administrator, analyst):
    client = staff_client(administrator)
    assert client.get(reverse("admin:accounts_user_change", args=[analyst.pk])).status_code == 200
    assert client.get(reverse("admin:accounts_user_history", args=[analyst.pk])).status_code == 200
    reads = AuditEvent.objects.filter(
        action="read", object_type="accounts.user", object_id=str(analyst.pk), actor=administrator
    )
    assert reads.count() == 2
    assert reads.order_by("sequence")[0].path == reverse("admin:accounts_user_change", args=[analyst.pk])


def test_the_email_admin_lists_staff_addresses_only(staff_client, administrator, analyst, migrant_account):
    EmailAddress.objects.create(user=analyst, email=analyst.email, primary=True, verified=True)
    theirs = EmailAddress.objects.create(user=migrant_account, email=migrant_account.email, primary=True)
    client = staff_client(administrator)
    page = client.get(reverse("admin:account_emailaddress_changelist")).content.decode()
    assert analyst.email in page and migrant_account.email not in page
    assert (
        migrant_account.email
        not in client.get(reverse("admin:account_emailaddress_changelist"), {"q": "aigerim"}).content.decode()
    )
    assert (
        client.get(reverse("admin:account_emailaddress_change", args=[theirs.pk]), follow=True)
        .content.decode()
        .count(migrant_account.email)
        == 0
    )
