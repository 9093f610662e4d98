"""Rules of stay as data: the value in force, for reminders, case deadlines and article texts.

``rule_value("KG", "RU", "registration_days")`` → 30 (the rule in force today), or ``None`` when
no rule is known. An article body cites a rule with a placeholder, ``{{rule:registration_days}}``,
rendered to the value in force for the article's destination and the country of origin's citizens.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from mekendesh.guidance.models import Rule, RuleKind

PLACEHOLDER = re.compile(r"\{\{\s*rule:([a-z_]{1,40})\s*\}\}")


def _code(country: Any) -> str:
    return str(getattr(country, "code", country) or "").upper()


def rules_in_force_on(day: dt.date) -> QuerySet[Rule]:
    """The rules in force on ``day``: of each citizenship, destination and kind, the one that
    started last by then and has not ended (the one definition of "in force")."""
    current = Q(effective_from__lte=day) & (Q(effective_to__isnull=True) | Q(effective_to__gte=day))
    later = Rule.objects.filter(current).filter(
        citizenship_id=OuterRef("citizenship_id"),
        destination_id=OuterRef("destination_id"),
        kind=OuterRef("kind"),
        effective_from__gt=OuterRef("effective_from"),
    )
    return Rule.objects.filter(current).filter(~Exists(later))


def rule_in_force(citizenship: Any, destination: Any, kind: str, *, on: dt.date | None = None) -> Rule | None:
    """The rule of ``kind`` for citizens of ``citizenship`` in ``destination`` in force on ``on``
    (today by default): the latest that started by then and has not ended."""
    return (
        rules_in_force_on(on or timezone.localdate())
        .filter(citizenship_id=_code(citizenship), destination_id=_code(destination), kind=kind)
        .first()
    )


def rule_value(citizenship: Any, destination: Any, kind: str, *, on: dt.date | None = None) -> int | None:
    """The value (days) of the rule in force, or ``None`` when none is known (countries as
    ``Country`` objects or ISO codes)."""
    rule = rule_in_force(citizenship, destination, kind, on=on)
    return rule.value if rule is not None else None


def cited_kinds(body: str) -> set[str]:
    """The rules a body cites by placeholder."""
    return set(PLACEHOLDER.findall(body))


def render_rules(
    body: str, *, destination: Any, citizenship: Any = None, on: dt.date | None = None
) -> tuple[SafeString, list[Rule]]:
    """A sanitised body with each placeholder replaced by the value in force (escaped), and the
    rules it showed (for their legal basis). An unknown rule shows a marked gap, never the
    placeholder's text."""
    citizenship = citizenship or settings.ORIGIN_COUNTRY
    shown: dict[int, Rule] = {}
    known = set(RuleKind.values)

    def replace(match: re.Match[str]) -> str:
        kind = match.group(1)
        rule = rule_in_force(citizenship, destination, kind, on=on) if kind in known and destination else None
        if rule is None:
            return f'<span class="rule missing">{escape(_("(not known)"))}</span>'
        shown[rule.pk] = rule
        return f'<strong class="rule" title="{escape(rule.legal_basis)}">{rule.value}</strong>'

    return mark_safe(PLACEHOLDER.sub(replace, body)), list(shown.values())  # noqa: S308  (a sanitised body, escaped values)
