"""The permissions table: which role may take which action, and the object rules (the consular
district of a stay, a migrant's own stay)."""

from __future__ import annotations

import datetime as dt

import pytest

from mekendesh.accounts import permissions
from mekendesh.accounts.permissions import ACTIONS, can, register_actions

ROLES = (
    "officer_moscow",
    "analyst",
    "ministry_officer",
    "statistician",
    "coordinator",
    "administrator",
    "migrant_account",
)
STAFF = {"officer_moscow", "analyst", "ministry_officer", "statistician", "coordinator", "administrator"}

# The rules, as an operator would state them: action → the roles that may take it at all.
RULES = {
    "staff.workspace": STAFF,
    "admin.site": {"administrator"},
    "person.search": {"officer_moscow", "analyst"},
    "person.view": {"officer_moscow", "analyst"},
    "person.register": {"officer_moscow"},
    "stay.queue": {"officer_moscow"},
    "stay.verify": {"officer_moscow"},
    "stay.end": {"officer_moscow", "migrant_account"},
    "stay.enter": {"officer_moscow"},
    "migrant.pages": {"migrant_account"},
    "statistics.view": {"statistician"},
    "diaspora.view": {"coordinator"},
    "job.view": STAFF,
    "job.manage_all": {"administrator"},
    "audit.verify": {"administrator"},
    "import.view": {"officer_moscow", "analyst", "statistician"},
    "import.batch": {"officer_moscow", "analyst", "statistician"},
    "import.host_list": {"analyst"},
    "import.official_table": {"statistician"},
    "case.view": {"officer_moscow", "ministry_officer"},
    "case.open": {"officer_moscow", "ministry_officer", "analyst"},
    "case.change": {"officer_moscow", "ministry_officer"},
    "case.request": {"migrant_account"},
    "case.follow": {"migrant_account"},
    "case.record_delisting": {"analyst"},
    "screening.view": {"officer_moscow", "analyst"},
    "screening.review": {"analyst"},
    "screening.lists": {"analyst"},
    "import.registrations": {"officer_moscow"},  # declared by the audit app's job kind
    "notification.send": {"administrator"},  # declared by the notifications app's job kind
}


@pytest.mark.parametrize("action", sorted(RULES))
def test_each_action_is_open_to_exactly_the_roles_it_names(request, action):
    allowed = {role for role in ROLES if can(request.getfixturevalue(role), action)}
    assert allowed == RULES[action]


def test_every_action_of_the_table_has_its_rule_stated_here():
    assert set(RULES) <= set(ACTIONS)


def test_an_officer_may_verify_and_end_only_stays_of_their_own_district(
    officer_moscow, officer_other, registered_migrant
):
    stay = registered_migrant.stays.get()
    assert can(officer_moscow, "stay.verify", stay) and can(officer_moscow, "stay.end", stay)
    assert not can(officer_other, "stay.verify", stay) and not can(officer_other, "stay.end", stay)


def test_a_migrant_may_end_their_own_stay_but_not_someone_elses(registered_migrant, places, db):
    from mekendesh.accounts.models import User
    from mekendesh.people.models import Script
    from mekendesh.people.services import NameInput, StayInput, person_register, stay_add

    stay = registered_migrant.stays.get()
    assert can(registered_migrant.account, "stay.end", stay)
    stranger = User.objects.create_user(email="stranger@example.com", password="x-unused-password-1")
    assert not can(stranger, "stay.end", stay)
    other = person_register(
        actor=stranger,
        sex="M",
        birth_date=dt.date(1990, 1, 1),
        account=stranger,
        names=[NameInput(script=Script.KYRGYZ_CYRILLIC, surname="Бекмурат", given_names="Азамат")],
    )
    theirs, _ = stay_add(
        actor=stranger,
        person=other,
        stay=StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 1, 1)),
    )
    assert not can(registered_migrant.account, "stay.end", theirs)
    assert not can(registered_migrant.account, "stay.verify", stay)


def test_an_officer_sees_a_person_of_their_district_and_not_of_another(
    officer_moscow, officer_other, registered_migrant
):
    assert can(officer_moscow, "person.view", registered_migrant)
    assert not can(officer_other, "person.view", registered_migrant)


def test_an_inactive_account_may_do_nothing(officer_moscow, registered_migrant):
    officer_moscow.is_active = False
    assert not any(can(officer_moscow, action) for action in ACTIONS)


def test_an_officer_without_a_district_registers_no_one(places):
    from mekendesh.accounts.models import User

    lonely = User.objects.create_user(
        email="lonely@mfa.example", password="x-unused-password-1", role="consular_officer"
    )
    assert not can(lonely, "person.register") and not can(lonely, "stay.queue")


def test_a_module_adds_its_actions_to_the_same_table(monkeypatch, officer_moscow, analyst):
    monkeypatch.setattr(permissions, "ACTIONS", dict(ACTIONS))
    monkeypatch.setattr(permissions, "OBJECT_RULES", dict(permissions.OBJECT_RULES))
    register_actions(
        {"survey.open": {"screening_analyst"}},
        object_rules={"survey.open": lambda user, survey: survey is None or survey == "own"},
    )
    assert permissions.can(analyst, "survey.open") and not permissions.can(officer_moscow, "survey.open")
    assert permissions.can(analyst, "survey.open", "own") and not permissions.can(analyst, "survey.open", "other")
    with pytest.raises(ValueError):
        register_actions({"survey.open": {"consular_officer"}})


def test_a_misspelt_action_is_an_error_not_a_quiet_no(officer_moscow):
    with pytest.raises(KeyError):
        can(officer_moscow, "stay.verfy")


def test_no_role_check_is_written_out_outside_the_permissions_module():
    import re
    from pathlib import Path

    package = Path(permissions.__file__).resolve().parents[1]
    pattern = re.compile(
        r"\.role\s*(==|!=|in\b)|is_staff_role|has_role\(|Role\.(CONSULAR_OFFICER|SCREENING_ANALYST"
        r"|STATISTICIAN|DIASPORA_COORDINATOR|EDITOR|ADMINISTRATOR|MINISTRY_OFFICER)\b"
    )
    allowed = {"accounts/permissions.py", "accounts/models.py", "accounts/admin.py", "demo/users.py"}
    found = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package).as_posix()
        if (
            "/tests/" in f"/{relative}"
            or "/migrations/" in relative
            or path.name == "conftest.py"
            or relative in allowed
        ):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
