"""Demo users: one per staff role, each with a password and a TOTP second factor, and a migrant
whose account is linked to one demo person of the country of origin.

The consular officers work in consular districts of the installation's country of origin: every
country's embassy in Moscow, and a second consulate where its people go (Yekaterinburg for
Kyrgyzstan and Tajikistan, Istanbul for Turkmenistan, Saint Petersburg for Uzbekistan).

Passwords are random per installation and kept, for printing again on the next run, in
``demo-logins.json`` in ``MEKENDESH_HOME`` (readable by its owner only). TOTP secrets are read
back from the authenticators themselves.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.models import Role, User
from mekendesh.accounts.services import has_totp, totp_activate, totp_secret
from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record
from mekendesh.demo.profiles import current_profile
from mekendesh.people.models import Person

LOGINS_FILE = "demo-logins.json"


@dataclass(frozen=True)
class DemoUser:
    email: str
    role: str
    label: Any  # lazy translated text
    districts: tuple[str, ...] = ()
    administrator: bool = False
    heads_consulate: bool = False


# The second consular officer of each country of origin: (e-mail, label, consular district), at a
# consulate of the country where many of its people live.
SECOND_OFFICER: dict[str, tuple[str, Any, str]] = {
    "KG": ("officer.yekaterinburg@mfa.example", _("consular officer, Yekaterinburg"), "RU-YEKATERINBURG"),
    "TM": ("officer.istanbul@mfa.example", _("consular officer, Istanbul"), "TR-ISTANBUL"),
    "TJ": ("officer.yekaterinburg@mfa.example", _("consular officer, Yekaterinburg"), "RU-YEKATERINBURG"),
    "UZ": ("officer.stpetersburg@mfa.example", _("consular officer, Saint Petersburg"), "RU-STPETERSBURG"),
}


def demo_users(country: str | None = None) -> tuple[DemoUser, ...]:
    """The demo's staff users for ``country`` (the installation's country of origin by default);
    the administrator comes last."""
    email, label, district = SECOND_OFFICER[country or settings.ORIGIN_COUNTRY]
    return (
        DemoUser("officer.moscow@mfa.example", Role.CONSULAR_OFFICER, _("consular officer, Moscow"), ("RU-MOSCOW",)),
        DemoUser(email, Role.CONSULAR_OFFICER, label, (district,)),
        DemoUser(
            "head.moscow@mfa.example",
            Role.CONSULAR_OFFICER,
            _("head of the consulate, Moscow"),
            ("RU-MOSCOW",),
            heads_consulate=True,
        ),
        DemoUser("cases@mfa.example", Role.MINISTRY_OFFICER, _("ministry case officer")),
        DemoUser("analyst@mfa.example", Role.SCREENING_ANALYST, _("screening analyst")),
        DemoUser("statistician@stat.example", Role.STATISTICIAN, _("statistician")),
        DemoUser("reviewer@stat.example", Role.STATISTICIAN, _("statistician who reviews releases")),
        DemoUser("diaspora@mfa.example", Role.DIASPORA_COORDINATOR, _("diaspora coordinator")),
        DemoUser("editor@mfa.example", Role.EDITOR, _("guidance editor")),
        DemoUser("employment@labour.example", Role.EMPLOYMENT_OFFICER, _("employment officer")),
        DemoUser("admin@mfa.example", Role.ADMINISTRATOR, _("administrator"), administrator=True),
    )


class _DemoUsers(Sequence[DemoUser]):
    """The demo users of the installation's country of origin, read from the settings each time
    (the settings of a test may name another country than those the module was imported under)."""

    @overload
    def __getitem__(self, index: int) -> DemoUser: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DemoUser]: ...

    def __getitem__(self, index: int | slice) -> DemoUser | Sequence[DemoUser]:
        return demo_users()[index]

    def __len__(self) -> int:
        return len(demo_users())


DEMO_USERS: Sequence[DemoUser] = _DemoUsers()
DEMO_MINISTRY_OFFICER = "cases@mfa.example"
DEMO_ANALYST = "analyst@mfa.example"
# The statistician who builds the demo's releases, and the second one who publishes them.
DEMO_STATISTICIAN = "statistician@stat.example"
DEMO_REVIEWER = "reviewer@stat.example"
DEMO_MIGRANT = DemoUser("migrant@example.com", Role.MIGRANT, _("migrant (Moscow)"))


@dataclass(frozen=True)
class DemoLogin:
    label: str
    email: str
    password: str  # empty when the logins file is lost
    totp_secret: str  # empty for the migrant, who signs in without a second factor

    @property
    def totp_uri(self) -> str:
        if not self.totp_secret:
            return ""
        user = User.objects.get(email=self.email)
        return get_mfa_adapter().build_totp_url(user, self.totp_secret)


def _logins_path(home: Path) -> Path:
    return home / LOGINS_FILE


def _save_passwords(home: Path, passwords: dict[str, str]) -> None:
    path = _logins_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(passwords, handle, indent=2)


def _load_passwords(home: Path) -> dict[str, str]:
    try:
        return json.loads(_logins_path(home).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def demo_users_exist() -> bool:
    return User.objects.filter(email=DEMO_USERS[-1].email).exists()


def _user_create(demo: DemoUser, password: str) -> User:
    from mekendesh.reference.models import ConsularDistrict

    user = User.objects.create_user(
        email=demo.email,
        password=password,
        role=demo.role,
        full_name=str(demo.label).capitalize(),
        is_staff=demo.administrator,
        is_superuser=demo.administrator,
        heads_consulate=demo.heads_consulate,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if demo.districts:
        user.consular_districts.set(ConsularDistrict.objects.filter(code__in=demo.districts))
    return user


@transaction.atomic
def demo_users_create(*, home: Path) -> dict[str, User]:
    """Create the staff users with a TOTP factor each and the migrant's account (not yet linked)."""
    passwords = {}
    users = {}
    for demo in (*DEMO_USERS, DEMO_MIGRANT):
        passwords[demo.email] = secrets.token_urlsafe(12)
        user = _user_create(demo, passwords[demo.email])
        if demo.role != Role.MIGRANT:
            totp_activate(user=user)
        users[demo.email] = user
    _save_passwords(home, passwords)
    return users


@transaction.atomic
def demo_migrant_link(*, user: User) -> Person | None:
    """Link the migrant account to a demo person of the country of origin (a name in its script)
    living in Moscow; failing that, living abroad anywhere."""
    script = current_profile().script
    person = None
    for place in ({"stays__host_region__code": "RU-MOW"}, {}):
        person = (
            Person.objects.filter(
                account__isnull=True,
                names__script=script,
                names__is_primary=True,
                stays__departure_date__isnull=True,
                **place,
            )
            .order_by("id")
            .first()
        )
        if person is not None:
            break
    if person is None:
        return None
    person.account = user
    person.email = user.email
    person.save(update_fields=["account", "email", "updated_at"])
    audit_record(actor=None, action=AuditEvent.Action.UPDATE, obj=person, person=person, fields=["account", "email"])
    primary = person.primary_name
    if primary is not None:
        user.full_name = f"{primary.given_names} {primary.surname}"
        user.save(update_fields=["full_name"])
    return person


def demo_logins(*, home: Path) -> list[DemoLogin]:
    """Every demo user's e-mail, password and TOTP secret, as printed by ``mekendesh demo``."""
    passwords = _load_passwords(home)
    logins = []
    for demo in (*DEMO_USERS, DEMO_MIGRANT):
        user = User.objects.filter(email=demo.email).first()
        if user is None:
            continue
        secret = totp_secret(user=user) if has_totp(user) else ""
        logins.append(DemoLogin(str(demo.label), demo.email, passwords.get(demo.email, ""), secret))
    return logins


def totp_code(secret: str, at: float | None = None) -> str:
    """The current TOTP code of a Base32 secret, as an authenticator app would show it."""
    counter = int(time.time() if at is None else at) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def demo_totp_code(*, email: str) -> str:
    user = User.objects.get(email=email.strip().lower())
    return totp_code(totp_secret(user=user))
