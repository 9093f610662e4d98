"""Who may do what with a case: the object rules of the ``case.*`` actions of the permissions
table (:mod:`mekendesh.accounts.permissions`), registered by the app at start-up.

- A consular officer sees, accepts and opens the cases of their consular districts; a ministry
  case officer those of every district and of the ministry itself.
- Only the officer a case is assigned to moves it, writes to it, pauses or transfers it — or the
  head of its consulate, or a ministry case officer. An unassigned case is first taken (assigned).
- The head of a consulate assigns its cases to any of its officers; an officer takes an
  unassigned case for themself or hands their own case to a colleague of its district.
- A migrant follows the cases about them and those they filed for someone else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mekendesh.accounts.permissions import (
    can,
    headed_district_ids,
    is_signed_in,
    officer_district_ids,
    register_object_rule,
    works_every_case,
)


@dataclass(frozen=True)
class CasePlace:
    """Where a case would be opened (for ``case.open`` before the case exists)."""

    consular_district_id: int | None


def _in_district(user: Any, obj: Any) -> bool:
    if works_every_case(user):
        return True
    own = officer_district_ids(user)
    if obj is None:
        return bool(own)
    return obj.consular_district_id is not None and obj.consular_district_id in own


def _opens(user: Any, obj: Any) -> bool:
    # The screening analyst opens a case for a confirmed match wherever the person is.
    if not officer_district_ids(user):
        return True
    return _in_district(user, obj)


def _supervises(user: Any, case: Any) -> bool:
    """The head of the case's consulate, or a ministry case officer."""
    return works_every_case(user) or case.consular_district_id in headed_district_ids(user)


def _works_on(user: Any, case: Any, *, or_unassigned: bool) -> bool:
    if case is None:
        return _in_district(user, None)
    if not _in_district(user, case):
        return False
    if _supervises(user, case):
        return True
    return case.assignee_id == user.pk or (or_unassigned and case.assignee_id is None)


def _changes(user: Any, case: Any) -> bool:
    return _works_on(user, case, or_unassigned=False)


def _assigns(user: Any, case: Any) -> bool:
    return _works_on(user, case, or_unassigned=True)


def _follows(user: Any, case: Any) -> bool:
    if case is None:
        return is_signed_in(user)
    person = case.person
    if person is not None and person.account_id == user.pk:
        return True
    representative = getattr(case, "representative", None)
    return representative is not None and representative.account_id == user.pk


def may_assign_to(actor: Any, case: Any, assignee: Any) -> bool:
    """Whether ``actor`` may give ``case`` to ``assignee`` (``None``: leave it unassigned)."""
    if not can(actor, "case.assign", case):
        return False
    if assignee is not None and not can_work_on(assignee, case):
        return False
    if _supervises(actor, case):
        return True
    if case.assignee_id is None:
        return assignee is not None and assignee.pk == actor.pk  # taking it
    return assignee is not None  # the assignee hands it on (not back to no one)


def can_work_on(user: Any, case: Any) -> bool:
    """Whether a case may be assigned to ``user``: an active officer of its district, or a
    ministry case officer."""
    return can(user, "case.view", case) and can(user, "case.change")


def rules_register() -> None:
    register_object_rule("case.view", _in_district)
    register_object_rule("case.accept", _in_district)
    register_object_rule("case.open", _opens)
    register_object_rule("case.change", _changes)
    register_object_rule("case.transfer", _changes)
    register_object_rule("case.assign", _assigns)
    register_object_rule("case.follow", _follows)
