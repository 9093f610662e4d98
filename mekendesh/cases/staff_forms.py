"""Forms of the staff's case pages. They parse what was sent; every rule of a case (who may do
what, which moves are legal, the deadlines) is the services' and the workflows'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.models import User
from mekendesh.accounts.permissions import officer_district_ids, works_every_case
from mekendesh.cases.deadlines import Urgency
from mekendesh.cases.models import CaseType
from mekendesh.people.form_fields import CHOOSE, ServiceErrorsMixin, SubmissionKeyFields, VersionForm
from mekendesh.reference.models import ConsularDistrict, Country

MINISTRY = "ministry"


class CaseFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Cases"),
        required=False,
        choices=[
            ("open", _("being worked")),
            ("requested", _("requests awaiting acceptance")),
            ("finished", _("closed or declined")),
            ("all", _("all")),
        ],
    )
    case_type = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("every type")), *CaseType.choices])
    urgency = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", _("any")), *((key, label) for key, label in Urgency.LABELS.items() if key != Urgency.NONE)],
    )
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", _("to anyone")), ("mine", _("to me")), ("unassigned", _("to no one"))],
    )
    escalated = forms.BooleanField(label=_("Escalated only"), required=False)
    district = forms.ModelChoiceField(
        label=_("Consular district"),
        required=False,
        queryset=ConsularDistrict.objects.none(),
        empty_label=_("all mine"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district = self.fields["district"]
        assert isinstance(district, forms.ModelChoiceField)
        districts = ConsularDistrict.objects.all()
        if not works_every_case(user):
            districts = districts.filter(pk__in=officer_district_ids(user))
        district.queryset = districts.order_by("code")
        if works_every_case(user):
            district.empty_label = _("all")

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "state": data.get("state") or "open",
            "case_type": data.get("case_type") or "",
            "urgency": data.get("urgency") or "",
            "mine": data.get("assigned") == "mine",
            "unassigned": data.get("assigned") == "unassigned",
            "escalated": bool(data.get("escalated")),
            "district_id": data["district"].pk if data.get("district") else None,
        }


def _district_choices(user: Any, *, with_ministry: bool) -> list[tuple[str, str]]:
    districts = ConsularDistrict.objects.order_by("code")
    if not works_every_case(user):
        districts = districts.filter(pk__in=officer_district_ids(user))
    choices = [(str(district.pk), str(district.name)) for district in districts]
    if with_ministry:
        choices.append((MINISTRY, str(_("the ministry (headquarters)"))))
    return choices


def _district_from(value: str) -> ConsularDistrict | None:
    return None if value in ("", MINISTRY) else ConsularDistrict.objects.get(pk=value)


class CaseOpenForm(ServiceErrorsMixin, SubmissionKeyFields):
    case_type = forms.ChoiceField(label=_("What the case is about"), choices=[("", CHOOSE), *CaseType.choices])
    district = forms.ChoiceField(label=_("Consulate that works the case"))
    host_country = forms.ModelChoiceField(
        label=_("Country where it happens"),
        required=False,
        queryset=Country.objects.all(),
        empty_label=_("where the person stays now"),
        help_text=_("Its public holidays count in the deadlines of its authorities."),
    )
    summary = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000, required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district = self.fields["district"]
        assert isinstance(district, forms.ChoiceField)
        district.choices = _district_choices(user, with_ministry=works_every_case(user))

    def consular_district(self) -> ConsularDistrict | None:
        return _district_from(self.cleaned_data["district"])


class CaseMoveForm(ServiceErrorsMixin, VersionForm):
    action = forms.CharField(max_length=64)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the move for the staff. When declining or closing, it is the outcome the person reads."),
    )
    submission_key = forms.UUIDField(required=False, widget=forms.HiddenInput)


class CaseAssignForm(ServiceErrorsMixin, VersionForm):
    assignee = forms.ModelChoiceField(
        label=_("Officer"), queryset=User.objects.none(), required=False, empty_label=_("no one")
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args: Any, officers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        assignee = self.fields["assignee"]
        assert isinstance(assignee, forms.ModelChoiceField)
        assignee.queryset = officers if officers is not None else User.objects.none()


class CaseTransferForm(ServiceErrorsMixin, VersionForm):
    district = forms.ChoiceField(label=_("Pass the case to"))
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person reads it in their case."),
    )

    def __init__(self, *args: Any, current: ConsularDistrict | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district = self.fields["district"]
        assert isinstance(district, forms.ChoiceField)
        choices = [
            (str(item.pk), str(item.name)) for item in ConsularDistrict.objects.order_by("code") if item != current
        ]
        if current is not None:
            choices.append((MINISTRY, str(_("the ministry (headquarters)"))))
        district.choices = [("", CHOOSE), *choices]

    def target(self) -> ConsularDistrict | None:
        return _district_from(self.cleaned_data["district"])


class CasePauseForm(ServiceErrorsMixin, VersionForm):
    reason = forms.CharField(label=_("Waiting for"), max_length=300)


class CaseNoteForm(ServiceErrorsMixin, SubmissionKeyFields):
    body = forms.CharField(label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    visible_to_person = forms.BooleanField(label=_("Show this note to the person"), required=False)


class CaseDocumentForm(ServiceErrorsMixin, forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=_("A PDF or a photo (JPEG, PNG, HEIC, WebP, TIFF), at most %(size)d MB."),
        allow_empty_file=True,  # the service says why an empty file is refused
    )
    visible_to_person = forms.BooleanField(label=_("Share it with the person"), required=False)

    def __init__(self, *args: Any, max_mb: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = str(self.fields["file"].help_text) % {"size": max_mb}


class CaseLinkForm(VersionForm):
    person = forms.UUIDField(widget=forms.HiddenInput)
