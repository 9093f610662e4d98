"""The cases follow the rules of stay: a rule added or changed in the guidance module moves the
deadlines it sets on open cases.

The guidance module sends ``rule_changed`` inside the rule's transaction; the receiver calls the
service, whose changes and audit rows commit or roll back with the rule.
"""

from __future__ import annotations

from typing import Any

from mekendesh.guidance.models import Rule
from mekendesh.guidance.signals import rule_changed


def rule_saved(sender: Any, rule: Rule, actor: Any, concerns: frozenset[tuple[str, str]], **kwargs: Any) -> None:
    from mekendesh.cases.services import case_deadlines_follow_rule

    case_deadlines_follow_rule(actor=actor, concerns=concerns)


def connect() -> None:
    rule_changed.connect(rule_saved, sender=Rule, dispatch_uid="mekendesh.cases.rule_saved")
