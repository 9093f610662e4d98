"""Forms of the staff workspace. The officer's entry form is made of the same field groups as the
migrant's registration form (:mod:`mekendesh.people.form_fields`), so that every check of a name,
a date, a phone number, a passport or a stay applies to both; what the register does with the
data is decided in ``services`` and ``selectors``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mekendesh.accounts.permissions import officer_district_ids
from mekendesh.people.form_fields import (
    CHOOSE,
    BirthFields,
    ContactFields,
    NameFields,
    OriginFields,
    PassportFields,
    ServiceErrorsMixin,
    StayEndForm,
    StayFields,
    SubmissionKeyFields,
    VersionForm,
)
from mekendesh.people.models import ConsentPurpose, NameSource
from mekendesh.reference.models import ConsularDistrict, Country

__all__ = ["PersonEntryForm", "QueueFilterForm", "SearchForm", "StayEndForm", "StayVerifyForm", "VersionForm"]


class StayVerifyForm(VersionForm):
    """The verify button of a stay: the version the officer saw, and the key of this very form, so
    that the same click sent twice (a double click, a browser's retry) verifies once and answers
    the second time as the first."""

    submission_key = forms.UUIDField(required=False, widget=forms.HiddenInput)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or document number"),
        max_length=200,
        required=False,
        help_text=_("Any spelling: Kyrgyz or Russian Cyrillic, passport Latin. Or the exact document number."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )


class PersonEntryForm(
    ServiceErrorsMixin,
    SubmissionKeyFields,
    NameFields,
    BirthFields,
    OriginFields,
    ContactFields,
    PassportFields,
    StayFields,
):
    """An officer's entry of a person and their stay abroad. The stay must lie in one of the
    officer's consular districts (checked by ``services.stay_check``, here and when stored)."""

    # The form's metaclass takes the field out of the class, so ``PassportFields.issuing_country()``
    # stays the method that reads it; mypy does not know the metaclass does this.
    issuing_country = forms.ModelChoiceField(  # type: ignore[assignment]
        label=_("Passport issued by"), queryset=Country.objects.all(), empty_label=CHOOSE
    )
    consent_register = forms.BooleanField(
        label=_("The person agreed to be kept on the register of citizens abroad."),
        error_messages={"required": _("Without the person's consent they cannot be put on the register.")},
    )
    consent_contact = forms.BooleanField(
        label=_("The person agreed to be contacted about their stay, cases and emergencies."), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, actor=user, **kwargs)
        self.user = user
        self.fields["name_script"].label = _("Script of the name at home")
        self.fields["given_names"].label = _("Given names")
        self.fields["patronymic"].label = _("Patronymic or father's name")
        self.fields["latin_given_names"].label = _("Given names as in the passport (Latin letters)")
        self.fields["latin_given_names"].help_text = _(
            "Leave both empty to have them written out from the Cyrillic spelling."
        )
        # The person may not know the region they come from; the district alone is enough.
        self.fields["origin_region"].required = False
        self.fields["address"].label = _("Address")
        del self.fields["email"]
        if not self.is_bound:
            self.initial.setdefault("issuing_country", settings.ORIGIN_COUNTRY)

    def person_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        consents = [ConsentPurpose.REGISTER]
        if data["consent_contact"]:
            consents.append(ConsentPurpose.CONSULAR_CONTACT)
        district = data.get("origin_district")
        return {
            "sex": data["sex"],
            "birth_date": data["birth_date"],
            "names": self.name_inputs(
                source=NameSource.OFFICER, typed_latin_source=NameSource.PASSPORT, mrz=data.get("mrz", "")
            ),
            "origin_region": data.get("origin_region") or (district.region if district else None),
            "origin_district": district,
            "phone": data.get("phone", ""),
            "document": self.document_input(),
            "consents": consents,
        }


class QueueFilterForm(forms.Form):
    """The filters of the officer's work queue: one of their districts, an arrival date range."""

    district = forms.ModelChoiceField(
        queryset=ConsularDistrict.objects.none(),
        required=False,
        label=_("Consular district"),
        empty_label=_("All my districts"),
    )
    arrived_from = forms.DateField(
        required=False, label=_("Arrived from"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    arrived_to = forms.DateField(
        required=False, label=_("Arrived until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = ConsularDistrict.objects.filter(  # type: ignore[attr-defined]
            pk__in=officer_district_ids(user)
        ).order_by("code")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("arrived_from"), cleaned.get("arrived_to")
        if start and end and end < start:
            self.add_error("arrived_to", _("The end of the range is before its start."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments (none when the form is not valid)."""
        if not self.is_valid():
            return {}
        return {name: self.cleaned_data.get(name) for name in ("district", "arrived_from", "arrived_to")}
