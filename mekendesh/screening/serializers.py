"""Representations of candidate matches for the REST API. What a candidate is shown with — its
explanation, the list's row (document numbers masked for whoever may not see them), the
person's names, conflicts and history — is read by the view (``screening.evidence``) and handed
here; nothing here decides who may see what."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mekendesh.screening.evidence import Evidence
from mekendesh.screening.models import Candidate, CandidateStatus, Verdict
from mekendesh.screening.staff_forms import NOTE_MAX_LENGTH

VERSION_MAX = 2**31 - 1


@dataclass(frozen=True)
class CandidateView:
    """A candidate as the API shows it: the record, whether it is in conflict, and for the
    detail what the reviewer reads and the verdicts the caller may send now."""

    candidate: Candidate
    conflict: bool = False
    evidence: Evidence | None = None
    verdicts: tuple[str, ...] = ()


class EntrySerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id", help_text="The list entry's identifier.")
    list = serializers.CharField(source="source.name", help_text="The host-country list that names this row.")
    list_id = serializers.UUIDField(source="source.public_id")
    full_name = serializers.CharField(help_text="The name as the list writes it.")
    birth_date = serializers.CharField(
        help_text="YYYY-MM-DD, or YYYY-MM / YYYY when only that is known; empty if none."
    )
    listed_on = serializers.DateField(allow_null=True, help_text="On the list since, when the list says.")
    version = serializers.IntegerField(source="first_version.number", help_text="The list version that brought it.")
    current = serializers.BooleanField(source="is_current", help_text="Whether the list still names this row.")


class CandidateSummarySerializer(serializers.Serializer):
    """A candidate pair in a list: the list's row, the person, the score and the review."""

    id = serializers.UUIDField(source="candidate.public_id", help_text="The candidate's identifier in the addresses.")
    status = serializers.CharField(
        source="candidate.status", help_text="open, unsure, proposed, confirmed or rejected."
    )
    status_label = serializers.CharField(source="candidate.get_status_display")
    probability = serializers.FloatField(source="candidate.probability", help_text="Match probability, 0 to 1.")
    weight = serializers.FloatField(source="candidate.weight", help_text="Match weight in bits.")
    decision = serializers.CharField(
        source="candidate.decision", help_text="The engine's own word: match, or review (left to a reviewer)."
    )
    conflict = serializers.BooleanField(
        help_text="Its row is held to be another person too, or its person another row of a list."
    )
    entry = EntrySerializer(source="candidate.entry")
    person = serializers.UUIDField(source="candidate.person.public_id", help_text="The person on the register.")
    person_name = serializers.SerializerMethodField()
    person_birth_date = serializers.DateField(source="candidate.person.birth_date")
    case = serializers.UUIDField(
        source="candidate.case.public_id", allow_null=True, help_text="The case a confirmation opened, if any."
    )
    version = serializers.IntegerField(source="candidate.version", help_text="Send it back with a judgement.")

    @extend_schema_field(serializers.CharField())
    def get_person_name(self, view: CandidateView) -> str:
        return str(view.candidate.person)


class StepSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="prior (two records taken at random), a comparison, or total.")
    # A field named like Field.label (the stubs type that attribute as a string).
    label = serializers.CharField()  # type: ignore[assignment]
    level = serializers.CharField(help_text="The comparison's level as the engine names it.")
    level_label = serializers.CharField()
    weight = serializers.FloatField(help_text="Bits this step adds (negative: takes away).")
    start = serializers.FloatField()
    end = serializers.FloatField()


class RawCellSerializer(serializers.Serializer):
    column = serializers.CharField(help_text="The list's column header.")
    value = serializers.CharField(help_text="As read; a document number masked unless the caller may see it.")


class NameSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    script = serializers.CharField()
    script_label = serializers.CharField(source="get_script_display")
    # A field named like Field.source (the stubs type that attribute as a string).
    source = serializers.CharField()  # type: ignore[assignment]
    source_label = serializers.CharField(source="get_source_display")
    is_primary = serializers.BooleanField()


class RegisterDocumentSerializer(serializers.Serializer):
    kind = serializers.CharField()
    country = serializers.CharField()
    number = serializers.CharField(help_text="Masked unless the caller is an officer of the person's current district.")
    expiry_date = serializers.DateField(allow_null=True)


class OtherCandidateSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    status = serializers.CharField()
    person_name = serializers.SerializerMethodField()
    entry_name = serializers.CharField(source="entry.full_name")
    list = serializers.CharField(source="entry.source.name")

    @extend_schema_field(serializers.CharField())
    def get_person_name(self, candidate: Candidate) -> str:
        return str(candidate.person)


class ConflictsSerializer(serializers.Serializer):
    other_people = OtherCandidateSerializer(many=True, help_text="Others the same row is held to be.")
    other_entries = OtherCandidateSerializer(many=True, help_text="Other rows the same person is held to be.")


class HistorySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    reviewer = serializers.SerializerMethodField()
    action = serializers.CharField()
    from_state = serializers.CharField()
    to_state = serializers.CharField()
    note = serializers.CharField()
    blind = serializers.BooleanField(help_text="Judged without the score shown.")

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_reviewer(self, item: Any) -> str | None:
        return str(item.actor) if item.actor is not None else None


class CandidateDetailSerializer(CandidateSummarySerializer):
    """A candidate with the explanation of its score, the list's row beside the person's names,
    birth date and documents, its conflicts, its history and the verdicts the caller may send."""

    explanation = serializers.SerializerMethodField()
    raw = serializers.SerializerMethodField()
    names = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    conflicts = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()
    verdicts = serializers.ListField(
        child=serializers.CharField(), help_text="The verdicts the caller may send now (see the judgement)."
    )

    @extend_schema_field(StepSerializer(many=True))
    def get_explanation(self, view: CandidateView) -> list[Any]:
        return list(StepSerializer(view.evidence.steps if view.evidence else [], many=True).data)

    @extend_schema_field(RawCellSerializer(many=True))
    def get_raw(self, view: CandidateView) -> list[dict[str, str]]:
        return [{"column": column, "value": value} for column, value in (view.evidence.raw if view.evidence else [])]

    @extend_schema_field(NameSerializer(many=True))
    def get_names(self, view: CandidateView) -> list[Any]:
        return list(NameSerializer(view.evidence.names if view.evidence else [], many=True).data)

    @extend_schema_field(RegisterDocumentSerializer(many=True))
    def get_documents(self, view: CandidateView) -> list[Any]:
        return list(RegisterDocumentSerializer(view.evidence.documents if view.evidence else [], many=True).data)

    @extend_schema_field(ConflictsSerializer)
    def get_conflicts(self, view: CandidateView) -> dict[str, Any]:
        evidence = view.evidence
        return {
            "other_people": OtherCandidateSerializer(evidence.other_people if evidence else [], many=True).data,
            "other_entries": OtherCandidateSerializer(evidence.other_entries if evidence else [], many=True).data,
        }

    @extend_schema_field(HistorySerializer(many=True))
    def get_history(self, view: CandidateView) -> list[Any]:
        return list(HistorySerializer(view.evidence.history if view.evidence else [], many=True).data)


class CandidateFiltersSerializer(serializers.Serializer):
    """The query of the candidate list."""

    status = serializers.ChoiceField(
        choices=CandidateStatus.choices,
        required=False,
        help_text="Only candidates in this review status; without it, those still to decide.",
    )
    list = serializers.UUIDField(required=False, help_text="Only candidates of this host-country list.")


class JudgementSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(
        choices=Verdict.choices,
        help_text="same (a proposal a second reviewer confirms), not_same, unsure, confirm, or undo (the last one).",
    )
    note = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=NOTE_MAX_LENGTH, help_text="Why; kept with it."
    )
    version = serializers.IntegerField(
        min_value=1, max_value=VERSION_MAX, help_text="The candidate's version as the caller read it."
    )
    blind = serializers.BooleanField(
        required=False, default=False, help_text="The caller judged without seeing the score."
    )
