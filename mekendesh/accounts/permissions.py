"""Who may do what, in one place.

``ACTIONS`` maps an action name (``"<thing>.<verb>"``) to the roles that may take it; an action
may also have an object rule (``OBJECT_RULES``), asked when :func:`can` gets the object, e.g. the
consular district of a stay. A module adds its own actions with :func:`register_actions`, usually
from its ``AppConfig.ready()``::

    register_actions({"case.open": {Role.CONSULAR_OFFICER}},
                     object_rules={"case.open": lambda user, case: case.district_id in officer_district_ids(user)})

Pages and services ask ``can(user, "stay.verify", stay)``; what a user may not see answers 404.
Queryset scopes (``people_visible_to`` …) live beside their models' selectors and use the helpers
below (:func:`has_role`, :func:`officer_district_ids`) instead of spelling out roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mekendesh.accounts.models import STAFF_ROLES, Role

ObjectRule = Callable[[Any, Any], bool]

EVERY_STAFF_ROLE: frozenset[str] = frozenset(STAFF_ROLES)

ACTIONS: dict[str, frozenset[str]] = {}
OBJECT_RULES: dict[str, ObjectRule] = {}


def register_actions(
    actions: Mapping[str, Iterable[str]], *, object_rules: Mapping[str, ObjectRule] | None = None
) -> None:
    """Add actions (and their object rules) to the table. Naming an action twice is a mistake
    (two modules would disagree about it) and raises ``ValueError``."""
    for name, roles in actions.items():
        if name in ACTIONS:
            raise ValueError(f"the action {name!r} is already registered")
        ACTIONS[name] = frozenset(str(role) for role in roles)
    for name, rule in (object_rules or {}).items():
        register_object_rule(name, rule)


def register_object_rule(action: str, rule: ObjectRule) -> None:
    """Give an action registered elsewhere its object rule, e.g. the app that owns the model
    (``people`` gives ``person.view`` the visibility of people). The rule gets ``(user, obj)``,
    ``obj`` being ``None`` when the question is whether the user may take the action at all."""
    if action not in ACTIONS:
        raise ValueError(f"an object rule for the unknown action {action!r}")
    OBJECT_RULES[action] = rule


def is_signed_in(user: Any) -> bool:
    """An authenticated, active account."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def has_role(user: Any, *roles: str) -> bool:
    """A signed-in, active user with one of ``roles``."""
    return is_signed_in(user) and getattr(user, "role", None) in roles


def is_staff(user: Any) -> bool:
    """A signed-in, active user with a staff role (not a migrant)."""
    return has_role(user, *EVERY_STAFF_ROLE)


def is_staff_account(user: Any) -> bool:
    """An account with a staff role, active or not (for sign-in rules that apply before a
    session exists, e.g. the second factor)."""
    return getattr(user, "role", None) in EVERY_STAFF_ROLE


def officer_district_ids(user: Any) -> set[int]:
    """The consular districts of a signed-in consular officer; empty for everyone else."""
    if not has_role(user, Role.CONSULAR_OFFICER):
        return set()
    # Read once per user object (a request's user lives for one request): pages ask it for their
    # navigation, their scopes and each row's rule.
    cached = getattr(user, "_mekendesh_district_ids", None)
    if cached is None:
        cached = frozenset(user.consular_districts.values_list("pk", flat=True))
        user._mekendesh_district_ids = cached
    return set(cached)


def forget_district_ids(user: Any) -> None:
    """Drop the districts read by :func:`officer_district_ids` (after changing them)."""
    user.__dict__.pop("_mekendesh_district_ids", None)


def sees_every_district(user: Any) -> bool:
    """Headquarters roles that read the whole register (the screening analyst)."""
    return has_role(user, Role.SCREENING_ANALYST)


def works_every_case(user: Any) -> bool:
    """The ministry's case officers: every consular district's assistance cases, and the cases
    held at the ministry itself (no district)."""
    return has_role(user, Role.MINISTRY_OFFICER)


def every_case_workers() -> Any:
    """The active ministry case officers (a queryset of users): overdue cases escalated to the
    ministry reach them."""
    from mekendesh.accounts.models import User

    return User.objects.filter(is_active=True, role=Role.MINISTRY_OFFICER)


def district_heads(district_id: int) -> Any:
    """The active heads of the consulate of a consular district (a queryset of users)."""
    from mekendesh.accounts.models import User

    return User.objects.filter(
        is_active=True, role=Role.CONSULAR_OFFICER, heads_consulate=True, consular_districts=district_id
    )


def headed_district_ids(user: Any) -> set[int]:
    """The consular districts whose consulate ``user`` heads (a consular officer marked as head):
    overdue cases there are escalated to them, and they assign the cases of those districts."""
    if not getattr(user, "heads_consulate", False):
        return set()
    return officer_district_ids(user)


def can(user: Any, action: str, obj: Any = None) -> bool:
    """Whether ``user`` may take ``action`` (on ``obj``: the action's object rule decides; without
    ``obj``, whether the user may take it at all). An unknown action raises ``KeyError``: a misspelt name must not quietly deny or allow."""
    roles = ACTIONS[action]
    if not has_role(user, *roles):
        return False
    rule = OBJECT_RULES.get(action)
    return True if rule is None else bool(rule(user, obj))


# --- The actions of the register and of the staff shell ---------------------------------------------


def _in_own_district(user: Any, obj: Any) -> bool:
    """A stay (or anything with ``consular_district_id``) in one of the officer's districts; a
    migrant may act on a stay of their own person. Without an object: an officer with a district,
    any migrant."""
    if obj is None:
        return has_role(user, Role.MIGRANT) or bool(officer_district_ids(user))
    if has_role(user, Role.MIGRANT):
        person = getattr(obj, "person", None)
        return person is not None and person.account_id == user.pk
    return getattr(obj, "consular_district_id", None) in officer_district_ids(user)


def _registers_people(user: Any, obj: Any) -> bool:
    return bool(officer_district_ids(user))


def _own_import(user: Any, obj: Any) -> bool:
    """An import is seen and acted on by the user who sent the file (its rows are theirs to
    correct); without an object, by anyone who may import."""
    return obj is None or getattr(obj, "created_by_id", None) == user.pk


register_actions(
    {
        "staff.workspace": EVERY_STAFF_ROLE,
        "admin.site": {Role.ADMINISTRATOR},
        "person.search": {Role.CONSULAR_OFFICER, Role.SCREENING_ANALYST},
        "person.view": {Role.CONSULAR_OFFICER, Role.SCREENING_ANALYST},
        "person.register": {Role.CONSULAR_OFFICER},
        "stay.queue": {Role.CONSULAR_OFFICER},
        "stay.verify": {Role.CONSULAR_OFFICER},
        "stay.end": {Role.CONSULAR_OFFICER, Role.MIGRANT},
        "stay.enter": {Role.CONSULAR_OFFICER},
        "migrant.pages": {Role.MIGRANT},
        # The modules to come (statistics, diaspora) check these; they are named here so that
        # the workspace can already tell those roles what will open for them.
        "job.view": EVERY_STAFF_ROLE,  # their own jobs' pages
        "job.manage_all": {Role.ADMINISTRATOR},  # every job, and the scheduler's result files
        "statistics.view": {Role.STATISTICIAN},
        "diaspora.view": {Role.DIASPORA_COORDINATOR},
        # Bulk import: the pages, one's own imports, and each kind of data. Consular officers import
        # registrations; the screening and statistics modules add their kinds (host-country lists,
        # official tables) and open these three to their roles with them.
        "import.view": {Role.CONSULAR_OFFICER, Role.SCREENING_ANALYST, Role.STATISTICIAN},
        "import.batch": {Role.CONSULAR_OFFICER, Role.SCREENING_ANALYST, Role.STATISTICIAN},
        "import.registrations": {Role.CONSULAR_OFFICER},
        # Assistance cases (the cases app gives each its object rule: the case's consular
        # district, its assignee, the head of its consulate; the migrant's own cases).
        "case.view": {Role.CONSULAR_OFFICER, Role.MINISTRY_OFFICER},
        "case.open": {Role.CONSULAR_OFFICER, Role.MINISTRY_OFFICER, Role.SCREENING_ANALYST},
        "case.accept": {Role.CONSULAR_OFFICER, Role.MINISTRY_OFFICER},
        "case.change": {Role.CONSULAR_OFFICER, Role.MINISTRY_OFFICER},
        "case.assign": {Role.CONSULAR_OFFICER, Role.MINISTRY_OFFICER},
        "case.transfer": {Role.CONSULAR_OFFICER, Role.MINISTRY_OFFICER},
        "case.request": {Role.MIGRANT},
        "case.follow": {Role.MIGRANT},
        # The screening analyst who applies a list version records on a case that the list no
        # longer names its person (the only move of a case an analyst makes).
        "case.record_delisting": {Role.SCREENING_ANALYST},
        # Screening: analysts describe lists, import their files, run and review; officers see the
        # candidates of people in their districts (the screening app gives the object rule).
        "screening.view": {Role.SCREENING_ANALYST, Role.CONSULAR_OFFICER},
        "screening.review": {Role.SCREENING_ANALYST},
        "screening.lists": {Role.SCREENING_ANALYST},
        "import.host_list": {Role.SCREENING_ANALYST},
        # Statistics: statisticians import official tables (published figures, with their sources).
        "import.official_table": {Role.STATISTICIAN},
    },
    object_rules={
        "person.register": _registers_people,
        "stay.queue": _registers_people,
        "stay.verify": _in_own_district,
        "stay.end": _in_own_district,
        "stay.enter": _in_own_district,
        "import.registrations": _registers_people,
        "import.batch": _own_import,
    },
)


def _sees_stay_district(user: Any, obj: Any) -> bool:
    """A stay (or anything with ``consular_district_id``) an officer of its district sees, or a
    headquarters role that sees every district; without an object, whether they see any."""
    if sees_every_district(user):
        return True
    own = officer_district_ids(user)
    return bool(own) if obj is None else getattr(obj, "consular_district_id", None) in own


# Registration credentials (mekendesh.credentials): seen with the stay, issued by the stay's
# district or by the migrant whose stay it is, revoked by the stay's district.
register_actions(
    {
        "credential.view": {Role.CONSULAR_OFFICER, Role.SCREENING_ANALYST},
        "credential.issue": {Role.CONSULAR_OFFICER, Role.MIGRANT},
        "credential.revoke": {Role.CONSULAR_OFFICER},
        "credential.reconcile": {Role.ADMINISTRATOR},  # the nightly job, also started by hand
    },
    object_rules={
        "credential.view": _sees_stay_district,
        "credential.issue": _in_own_district,
        "credential.revoke": _in_own_district,
    },
)


# Statistics (mekendesh.statistics): statisticians compute the register's data sets, build
# releases of protected tables and send them to review; another statistician publishes them (the
# four-eyes rule is the release workflow's: the one who submitted cannot publish).
register_actions(
    {
        "statistics.build": {Role.STATISTICIAN},
        "statistics.review": {Role.STATISTICIAN},
    },
)


# Guidance (mekendesh.guidance): editors and diaspora coordinators write articles and review one
# another's (the one who wrote a text cannot publish it: the workflow's four eyes), and keep the
# rules of stay the articles cite.
register_actions(
    {
        "guidance.write": {Role.EDITOR, Role.DIASPORA_COORDINATOR},
        "guidance.review": {Role.EDITOR, Role.DIASPORA_COORDINATOR},
        "guidance.rules": {Role.EDITOR, Role.DIASPORA_COORDINATOR},
    }
)


# Legal employment (mekendesh.employment): the employment officer keeps the agencies and their
# licences, the warnings, the job offers (and vets them) and the courses; a migrant saves offers,
# asks about them and enrols in courses from their account.
register_actions(
    {
        "employment.view": {Role.EMPLOYMENT_OFFICER},
        "employment.licence": {Role.EMPLOYMENT_OFFICER},
        "employment.offer": {Role.EMPLOYMENT_OFFICER},
        "employment.course": {Role.EMPLOYMENT_OFFICER},
        "employment.apply": {Role.MIGRANT},
    },
)
# Diaspora and cooperation (mekendesh.diaspora): the coordinator keeps organisations,
# representatives, projects, events, recommendations and roadmaps, and moves their statuses.
register_actions({"diaspora.edit": {Role.DIASPORA_COORDINATOR}})


def _districts_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        forget_district_ids(instance)


def connect_signals() -> None:
    """Forget a user's read districts when they change (called from ``AccountsConfig.ready``)."""
    from django.db.models.signals import m2m_changed

    from mekendesh.accounts.models import User

    m2m_changed.connect(
        _districts_changed,
        sender=User.consular_districts.through,
        dispatch_uid="mekendesh.permissions.districts_changed",
    )
