"""Forms of the employment pages: they parse input; the services check it and name the field."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mekendesh.employment import isco
from mekendesh.employment.models import Addressee, Agency, Housing, Topic
from mekendesh.people.form_fields import ServiceErrorsMixin
from mekendesh.reference.models import Country

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _abroad() -> QuerySet[Country]:
    """Countries of destination: every country but the country of origin."""
    return Country.objects.exclude(code=settings.ORIGIN_COUNTRY)


def _countries() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(queryset=_abroad(), label=_("Country"))


class LicenceQueryForm(forms.Form):
    q = forms.CharField(
        label=_("Agency name or licence number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "search"}),
    )


class OfferFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    occupation = forms.ChoiceField(label=_("Occupation"), required=False)

    def __init__(self, *args: object, countries: list[Country], codes: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # the form's own arguments, passed on
        country_field = cast(forms.ChoiceField, self.fields["country"])
        country_field.choices = [("", str(_("All countries")))] + [(c.code, c.name) for c in countries]
        options: list[tuple[str, str]] = [("", str(_("All occupations")))]
        for major in isco.major_groups():
            units = [isco.group(code) for code in codes if code.startswith(major.code)]
            if units:
                options.append((major.code, str(major)))
                options += [(unit.code, f"— {unit}") for unit in units if unit is not None]
        cast(forms.ChoiceField, self.fields["occupation"]).choices = options


class SubmissionKeyForm(forms.Form):
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)


class QuestionForm(ServiceErrorsMixin, SubmissionKeyForm):
    addressee = forms.ChoiceField(label=_("Ask"), choices=Addressee.choices, widget=forms.RadioSelect)
    message = forms.CharField(label=_("Your question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class CertificateForm(forms.Form):
    certificate = forms.CharField(
        label=_("Certificate text (starts with MKC1:)"),
        max_length=4096,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocomplete": "off"}),
    )


# --- staff ------------------------------------------------------------------------------------------


class AgencyForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    holder = forms.CharField(label=_("Licence holder"), max_length=200)
    licence_number = forms.CharField(label=_("Licence number"), max_length=60)
    valid_from = forms.DateField(label=_("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)
    countries = forms.ModelMultipleChoiceField(
        queryset=_abroad(),
        label=_("Countries served"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)


class AgencyEditForm(AgencyForm):
    """The agency's page of changes: everything but the licence number (another number is another
    licence), with the version the officer read."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["licence_number"]


class LicenceMoveForm(ServiceErrorsMixin, forms.Form):
    action = forms.ChoiceField(choices=[(name, name) for name in ("suspend", "reinstate", "revoke", "expire")])
    reason = forms.CharField(
        label=_("Reason (the decision, its date)"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class WarningForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("Name the recruiter uses"), max_length=200)
    where_reported = forms.CharField(label=_("Where reported"), max_length=200)
    reported_on = forms.DateField(label=_("Date"), widget=DATE)
    source = forms.CharField(label=_("Source"), max_length=300)
    details = forms.CharField(label=_("What was found"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    agency = forms.ModelChoiceField(queryset=Agency.objects.all(), label=_("Licensed agency concerned"), required=False)


class OfferForm(ServiceErrorsMixin, forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.all(), label=_("Agency"))
    employer = forms.CharField(label=_("Employer"), max_length=200)
    country = forms.ModelChoiceField(queryset=_abroad(), label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=120)
    title = forms.CharField(label=_("Job title"), max_length=200)
    isco_code = forms.CharField(label=_("Occupation (ISCO-08 unit group, four digits)"), max_length=4)
    wage = forms.DecimalField(label=_("Monthly wage"), max_digits=14, decimal_places=2)
    currency = forms.CharField(label=_("Currency (ISO 4217, e.g. RUB)"), max_length=3)
    hours_per_week = forms.IntegerField(label=_("Hours a week"), min_value=0, max_value=1000)
    housing = forms.ChoiceField(label=_("Housing"), choices=Housing.choices)
    contract_months = forms.IntegerField(label=_("Contract length (months)"), min_value=0, max_value=1000)
    positions = forms.IntegerField(label=_("Positions"), min_value=0, initial=1)
    expires_on = forms.DateField(label=_("Open until"), widget=DATE)
    description = forms.CharField(label=_("Conditions"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class OfferEditForm(OfferForm):
    """An offer's page of changes, with the version the officer read."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class OfferMoveForm(forms.Form):
    action = forms.ChoiceField(choices=[("vet", "vet"), ("revise", "revise"), ("withdraw", "withdraw")])
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class CourseForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    destination = forms.ModelChoiceField(queryset=_abroad(), label=_("For work in"), required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)
    seats = forms.IntegerField(label=_("Seats"), min_value=0)
    description = forms.CharField(label=_("What it teaches"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(ServiceErrorsMixin, forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        required=False,  # the service names an empty answer
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The migrant reads it in their account and is told by e-mail or SMS that it is there."),
    )


class CertificateRevokeForm(ServiceErrorsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking the certificate"),
        required=False,  # the service names a missing reason
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttendanceForm(ServiceErrorsMixin, forms.Form):
    days_attended = forms.IntegerField(label=_("Days attended"), min_value=0, max_value=1000)
