"""Representations of assistance cases for the REST API. What a case is shown with — its clock,
its step, the moves the caller may make, its timeline — is read by the view through the
selectors and handed here as :class:`CaseView`; nothing here decides who may see what."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mekendesh.cases.deadlines import CaseClock, Urgency
from mekendesh.cases.models import Case, CaseRepresentative, CaseType, Party
from mekendesh.cases.selectors import TimelineEntry
from mekendesh.cases.services import TEXT_MAX_LENGTH
from mekendesh.cases.workflows import OUTCOME_REQUIRED, Step, kind_of
from mekendesh.workflows.engine import Transition

STATES = ("open", "requested", "finished", "all")
URGENCIES = (Urgency.RED, Urgency.AMBER, Urgency.GREEN, Urgency.PAUSED)
VERSION_MAX = 2**31 - 1


@dataclass(frozen=True)
class CaseView:
    """A case as the API shows it: the record, its clock and step, and for the detail the moves
    the caller may make now and the staff timeline."""

    case: Case
    clock: CaseClock
    step: Step
    moves: list[Transition] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


def _user_label(user: Any) -> str | None:
    return str(user) if user is not None else None


class CaseSummarySerializer(serializers.Serializer):
    """A case in a list: what it is about, its step, who acts and by when."""

    id = serializers.UUIDField(source="case.public_id", help_text="The case's identifier in the API's addresses.")
    number = serializers.CharField(source="case.number", help_text="The reference people quote: year and serial.")
    case_type = serializers.ChoiceField(source="case.case_type", choices=CaseType.choices)
    case_type_label = serializers.CharField(source="case.get_case_type_display")
    status = serializers.CharField(source="case.status", help_text="The current step of the case's workflow.")
    step = serializers.CharField(source="step.label", help_text="The current step's name.")
    party = serializers.ChoiceField(source="step.party", choices=Party.choices, help_text="Who acts now.")
    party_label = serializers.SerializerMethodField()
    name = serializers.CharField(
        source="case.display_name",
        help_text="The person's name on the register, or the name given by whoever asked for help.",
    )
    person = serializers.UUIDField(
        source="case.person.public_id", allow_null=True, help_text="The person on the register; null until linked."
    )
    consular_district = serializers.CharField(
        source="case.consular_district.code", allow_null=True, help_text="The consulate working it; null: the ministry."
    )
    host_country = serializers.CharField(source="case.host_country_id", allow_null=True)
    assignee = serializers.SerializerMethodField()
    opened_at = serializers.DateTimeField(source="case.opened_at")
    due_date = serializers.DateField(source="clock.due_date", allow_null=True)
    urgency = serializers.CharField(source="clock.urgency", help_text="red, amber, green, paused or none.")
    urgency_label = serializers.CharField(source="clock.label")
    working_days_left = serializers.IntegerField(
        source="clock.working_days_left", allow_null=True, help_text="Negative: working days past the due date."
    )
    paused_since = serializers.DateField(source="case.paused_since", allow_null=True)
    escalation = serializers.IntegerField(
        source="case.escalation", help_text="0 none, 1 head of consulate, 2 ministry."
    )
    version = serializers.IntegerField(source="case.version", help_text="Send it back with a transition.")

    @extend_schema_field(serializers.CharField())
    def get_party_label(self, view: CaseView) -> str:
        return str(Party(view.step.party).label)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_assignee(self, view: CaseView) -> str | None:
        return _user_label(view.case.assignee)


class RepresentativeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseRepresentative
        fields = [
            "full_name",
            "relationship",
            "phone",
            "email",
            "consent_basis",
            "consent_wording_version",
            "consent_given_at",
        ]
        read_only_fields = fields


class MoveSerializer(serializers.Serializer):
    action = serializers.CharField(help_text="What to send as ``action`` in a transition.")
    # A field named like Field.label (the stubs type that attribute as a string).
    label = serializers.CharField(help_text="The button's text.")  # type: ignore[assignment]
    target = serializers.CharField(help_text="The step the case moves to.")
    target_label = serializers.CharField()
    needs_outcome = serializers.BooleanField(help_text="The note is the outcome the person reads: required.")


class TimelineDocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    visible_to_person = serializers.BooleanField()


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.ChoiceField(choices=["move", "event", "note", "document"])
    title = serializers.CharField()
    text = serializers.CharField()
    actor = serializers.SerializerMethodField()
    internal = serializers.BooleanField(help_text="Not shown to the person.")
    by_person = serializers.BooleanField(help_text="Written or sent by the person or their representative.")
    document = TimelineDocumentSerializer(allow_null=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_actor(self, entry: TimelineEntry) -> str | None:
        return _user_label(entry.actor)


class CaseDetailSerializer(CaseSummarySerializer):
    """A case with what happened, who asked for help, the moves the caller may make now and
    the whole timeline (internal notes marked)."""

    person_text = serializers.CharField(source="step.person_text", help_text="What the person reads about the step.")
    origin = serializers.CharField(source="case.origin")
    summary = serializers.CharField(source="case.summary")
    subject_name = serializers.CharField(source="case.subject_name")
    subject_birth_date = serializers.DateField(source="case.subject_birth_date", allow_null=True)
    pause_reason = serializers.CharField(source="case.pause_reason")
    closed_at = serializers.DateTimeField(source="case.closed_at", allow_null=True)
    outcome = serializers.CharField(source="case.outcome", help_text="Why it was declined or closed.")
    representative = serializers.SerializerMethodField()
    moves = serializers.SerializerMethodField()
    timeline = TimelineEntrySerializer(many=True)

    @extend_schema_field(RepresentativeSerializer(allow_null=True))
    def get_representative(self, view: CaseView) -> dict[str, Any] | None:
        representative = getattr(view.case, "representative", None)
        return RepresentativeSerializer(representative).data if representative is not None else None

    @extend_schema_field(MoveSerializer(many=True))
    def get_moves(self, view: CaseView) -> list[dict[str, Any]]:
        kind = kind_of(view.case)
        return [
            {
                "action": move.action,
                "label": str(move.label),
                "target": move.target,
                "target_label": str(kind.step(move.target).label),
                "needs_outcome": move.action in OUTCOME_REQUIRED,
            }
            for move in view.moves
        ]


class CaseFiltersSerializer(serializers.Serializer):
    """The query of the case list."""

    state = serializers.ChoiceField(
        choices=STATES,
        default="open",
        help_text="open (being worked), requested (awaiting acceptance), finished (closed or declined), or all.",
    )
    type = serializers.ChoiceField(choices=CaseType.choices, required=False, help_text="Only cases of this type.")
    urgency = serializers.ChoiceField(choices=URGENCIES, required=False, help_text="Only cases of this colour.")
    mine = serializers.BooleanField(required=False, default=False, help_text="Only the cases assigned to me.")


class CaseTransitionSerializer(serializers.Serializer):
    action = serializers.CharField(max_length=40, help_text="One of the ``moves`` of the case's detail.")
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=TEXT_MAX_LENGTH,
        help_text="Internal to the staff; for a decline or a close, the outcome the person reads (required then).",
    )
    version = serializers.IntegerField(
        min_value=1, max_value=VERSION_MAX, help_text="The case's version as the caller read it."
    )
