"""Forms of the coordinator's pages. They parse what was sent; every rule (an overlapping mandate,
participants that add up, a known currency, an owner) is the services', whose refusals land on
the fields they name (``ServiceErrorsMixin``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mekendesh.diaspora.models import (
    Event,
    Organisation,
    Project,
    Recommendation,
    RecommendationStatus,
    Representative,
    Roadmap,
    StateBody,
)
from mekendesh.people.form_fields import CHOOSE, ServiceErrorsMixin
from mekendesh.reference.models import Country


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RecordForm(ServiceErrorsMixin, forms.ModelForm):
    """A model's fields, parsed only: the model is not validated nor saved here (the service does
    both, with its own messages)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
                field.empty_label = str(CHOOSE)
            if name == "country":
                assert isinstance(field, forms.ModelChoiceField)
                field.queryset = Country.objects.order_by("name_en")
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3

    def _post_clean(self) -> None:
        """Leave the model's checks to the service (it names the fields in its messages)."""

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name not in self.many}

    many: tuple[str, ...] = ()


class OrganisationForm(RecordForm):
    class Meta:
        model = Organisation
        fields = ["name", "country", "city", "kind", "registration_status", "contacts", "is_public"]


class RepresentativeForm(RecordForm):
    many = ("organisations",)

    class Meta:
        model = Representative
        fields = [
            "full_name",
            "country",
            "seat",
            "mandate_from",
            "mandate_until",
            "decision",
            "contacts",
            "organisations",
            "is_public",
        ]
        widgets = {"organisations": forms.CheckboxSelectMultiple}


class ProjectForm(RecordForm):
    class Meta:
        model = Project
        fields = [
            "title",
            "kind",
            "description",
            "owner",
            "representative",
            "partners",
            "country",
            "start_date",
            "end_date",
            "funding_amount",
            "funding_currency",
            "funding_source",
            "is_public",
        ]


class EventForm(RecordForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "date",
            "country",
            "place",
            "organisers",
            "participants_total",
            "participants_women",
            "participants_men",
            "participants_state",
            "participants_civil",
            "participants_international",
            "participants_media",
            "summary",
            "materials",
            "source",
            "is_public",
        ]


class StateBodyForm(RecordForm):
    class Meta:
        model = StateBody
        fields = ["name", "country"]


class RoadmapForm(RecordForm):
    class Meta:
        model = Roadmap
        fields = ["title", "partner", "country", "requested_on", "source", "is_public"]


class RecommendationForm(RecordForm):
    class Meta:
        model = Recommendation
        fields = [
            "text",
            "owner",
            "deadline",
            "event",
            "source_document",
            "roadmap",
            "country",
            "issued_on",
            "is_public",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The service gives the owner's and the source's messages; the fields only parse here.
        for name in ("owner", "country", "issued_on"):
            self.fields[name].required = False
        self.fields["country"].help_text = _("Taken from the event when left empty.")
        self.fields["issued_on"].help_text = _("Taken from the event's date when left empty.")


class ReportForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput(), required=False)
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class BoardFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("every status")), *RecommendationStatus.choices]
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"), required=False, queryset=StateBody.objects.order_by("name"), empty_label=_("every owner")
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "status": data.get("status") or "",
            "owner": data.get("owner"),
            "overdue_only": bool(data.get("overdue")),
        }


class ReportChoiceForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name_en"), to_field_name="code", empty_label=CHOOSE
    )
    year = forms.IntegerField(label=_("Year"), min_value=1991, max_value=2100)
