"""Forms of the screening pages. They parse what was sent; every rule (who may judge, four eyes,
which version may be applied) is the services' and the review workflow's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mekendesh.people.form_fields import CHOOSE, ServiceErrorsMixin, VersionForm
from mekendesh.reference.models import Country
from mekendesh.screening.models import CandidateStatus, ListKind, ListSource, Verdict

NOTE_MAX_LENGTH = 2000


class ListSourceForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("Its files are sent under this name on the import page."),
    )
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.all(), empty_label=CHOOSE)
    authority = forms.CharField(label=_("Authority that keeps it"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", CHOOSE), *ListKind.choices])
    consequence = forms.CharField(
        label=_("What it means for a person"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Shown to the person: what being on this list means for them."),
    )
    advice = forms.CharField(
        label=_("What to do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
        help_text=_("Shown to the person: what they should do next."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        assert isinstance(country, forms.ModelChoiceField)
        country.queryset = Country.objects.order_by("name_en")


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Review"),
        required=False,
        choices=[("", _("still to decide (to review, unsure, awaiting a second reviewer)")), *CandidateStatus.choices],
    )
    source = forms.ModelChoiceField(
        label=_("List"),
        required=False,
        queryset=ListSource.objects.order_by("name"),
        to_field_name="public_id",
        empty_label=_("every list"),
    )

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {"status": data.get("status") or "", "source": data.get("source")}


class JudgementForm(ServiceErrorsMixin, VersionForm):
    """A judgement of a candidate (the pressed button's ``verdict``), or the undoing of the last one."""

    verdict = forms.ChoiceField(choices=Verdict.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why: what in the row or the register decided it. Kept with the judgement."),
    )
    # Whether the page hid the score when the reviewer judged (blind review).
    blind = forms.BooleanField(required=False, widget=forms.HiddenInput)
    submission_key = forms.UUIDField(required=False, widget=forms.HiddenInput)


class BlindForm(forms.Form):
    blind = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=2000)


class VersionApplyForm(ServiceErrorsMixin, VersionForm):
    confirm_large_removal = forms.BooleanField(
        label=_("I have checked: the file is the whole list, and these people are no longer on it."),
        required=False,
    )


class VersionRejectForm(VersionForm):
    pass
