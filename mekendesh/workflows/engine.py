"""Workflow definitions: the states of a record and its transition table.

A module defines its workflow once, usually in a ``workflows.py`` imported from its
``AppConfig.ready()``::

    CASE = workflow_register(Workflow(
        name="case", model="cases.Case",
        states={"open": _("open"), "closed": _("closed")},
        transitions=[Transition("open", "close", "closed", permission="case.close", label=_("Close"))],
    ))

and moves records with ``workflows.services.transition(actor=…, obj=case, workflow=CASE, action="close")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _

from mekendesh.accounts.permissions import ACTIONS, can

# prepare(obj, actor, transition, changes) -> the fields to set besides the state (validated);
# raises ValidationError naming the field.
Prepare = Callable[[Any, Any, "Transition", dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str
    permission: str
    label: Any  # a lazy translated string: the button's text


@dataclass
class Workflow:
    name: str
    model: str  # "app_label.ModelName"
    states: Mapping[str, Any]
    transitions: Iterable[Transition]
    state_field: str = "status"
    version_field: str = "version"
    # What each action needs besides the move itself (fields set with it, their checks).
    prepare: Mapping[str, Prepare] = field(default_factory=dict)
    # The refusal of an action in a state it cannot be taken from; default: a general message.
    refusals: Mapping[str, Any] = field(default_factory=dict)
    # The person the audit row is about (the audit trail groups rows by person), if any.
    audit_person: Callable[[Any], Any] | None = None
    # Run after the transaction commits: (obj, WorkflowAction) → None (mail, a background job …).
    on_commit: Iterable[Callable[[Any, Any], None]] = ()

    def __post_init__(self) -> None:
        self.transitions = tuple(self.transitions)
        self.table: dict[tuple[str, str], Transition] = {}
        for item in self.transitions:
            if item.source not in self.states or item.target not in self.states:
                raise ValueError(f"{self.name}: {item.source} → {item.target} names an unknown state")
            if item.permission not in ACTIONS:
                raise ValueError(f"{self.name}: the permission {item.permission!r} is not in accounts.permissions")
            if (item.source, item.action) in self.table:
                raise ValueError(f"{self.name}: {item.action!r} from {item.source!r} is defined twice")
            self.table[(item.source, item.action)] = item

    @property
    def model_class(self) -> Any:
        return apps.get_model(self.model)

    @property
    def actions(self) -> set[str]:
        return {item.action for item in self.transitions}

    def move(self, state: str, action: str) -> Transition | None:
        return self.table.get((state, action))

    def available(self, obj: Any, actor: Any) -> list[Transition]:
        """The moves ``actor`` may make on ``obj`` now (for the buttons of a page)."""
        state = getattr(obj, self.state_field)
        return [item for item in self.transitions if item.source == state and can(actor, item.permission, obj)]

    def refusal(self, state: str, action: str) -> str:
        if action in self.refusals:
            return str(self.refusals[action])
        label = next((item.label for item in self.transitions if item.action == action), action)
        return _("“%(action)s” is not possible while the record is %(state)s.") % {
            "action": label,
            "state": self.states.get(state, state),
        }


WORKFLOWS: dict[str, Workflow] = {}


def workflow_register(workflow: Workflow) -> Workflow:
    if workflow.name in WORKFLOWS and WORKFLOWS[workflow.name] is not workflow:
        raise ValueError(f"the workflow {workflow.name!r} is already registered")
    WORKFLOWS[workflow.name] = workflow
    return workflow


def workflow_get(name: str | Workflow) -> Workflow:
    return name if isinstance(name, Workflow) else WORKFLOWS[name]
