"""Forms of the staff workspace. They check what was typed and name the field that is wrong;
what the register does with it is decided in ``services`` and ``selectors``."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mekendesh.names import icao_latin
from mekendesh.people import selectors
from mekendesh.people.models import ConsentPurpose, NameSource, PermitType, Script, Sex, StayPurpose
from mekendesh.people.services import DocumentInput, NameInput, StayInput
from mekendesh.people.validators import validate_birth_date, validate_name_part, validate_stay_dates
from mekendesh.reference.models import Country, District, HostRegion, Region

_PASSPORT_LATIN = re.compile(r"^[A-Za-z][A-Za-z' -]*$")
_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# Errors raised by the services, by the name they give the field, mapped onto this form.
SERVICE_FIELD_NAMES = {"surname": "surname", "consent_register": "consent_register"}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or document number"),
        max_length=200,
        required=False,
        help_text=_("Any spelling: Kyrgyz or Russian Cyrillic, passport Latin. Or the exact document number."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )


class VersionForm(forms.Form):
    """The version of a stay as the officer saw it, so that a second save does not overwrite
    what someone else did in between."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class StayEndForm(VersionForm):
    departure_date = forms.DateField(label=_("Departure or return date"), widget=_DATE_INPUT)

    def clean_departure_date(self) -> dt.date:
        value: dt.date = self.cleaned_data["departure_date"]
        if value > timezone.localdate() + dt.timedelta(days=366):
            raise ValidationError(_("The departure date is more than a year ahead."))
        return value


def _passport_latin(value: str) -> str:
    value = " ".join(value.split())
    if value and not _PASSPORT_LATIN.match(value):
        raise ValidationError(_("Type the name in Latin letters exactly as in the passport."))
    return value.upper()


class HostRegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: HostRegion) -> str:
        return f"{obj.name} ({obj.country.name})"


class PersonEntryForm(forms.Form):
    """An officer's entry of a person and their stay abroad."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput)

    script = forms.ChoiceField(
        label=_("Script of the name at home"),
        choices=[(value, label) for value, label in Script.choices if value.endswith("-Cyrl")],
        initial=Script.KYRGYZ_CYRILLIC,
    )
    surname = forms.CharField(label=_("Surname"), max_length=100, validators=[validate_name_part])
    given_names = forms.CharField(label=_("Given names"), max_length=100, validators=[validate_name_part])
    patronymic = forms.CharField(
        label=_("Patronymic or father's name"), max_length=100, required=False, validators=[validate_name_part],
        help_text=_("For example Асан кызы, Бакыт уулу or Асанович."),
    )
    latin_surname = forms.CharField(
        label=_("Surname in the passport (Latin)"), max_length=100, required=False,
        help_text=_("Leave empty to have it written out from the Cyrillic spelling."),
    )
    latin_given_names = forms.CharField(label=_("Given names in the passport (Latin)"), max_length=100, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_date = forms.DateField(label=_("Date of birth"), widget=_DATE_INPUT, validators=[validate_birth_date])
    origin_region = forms.ModelChoiceField(
        label=_("Region of origin"), queryset=Region.objects.all(), required=False
    )
    origin_district = forms.ModelChoiceField(
        label=_("District of origin"), queryset=District.objects.select_related("region"), required=False
    )
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False)

    issuing_country = forms.ModelChoiceField(label=_("Passport issued by"), queryset=Country.objects.all())
    document_number = forms.CharField(label=_("Passport number"), max_length=20)
    mrz = forms.CharField(
        label=_("Machine-readable zone (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false", "autocapitalize": "characters", "class": "mono"}),
        help_text=_("The two lines at the bottom of the passport's photo page. Its check digits are verified."),
    )

    country = forms.ModelChoiceField(label=_("Country of stay"), queryset=Country.objects.all())
    host_region = HostRegionChoiceField(
        label=_("Region or city of stay"), queryset=HostRegion.objects.select_related("country"), required=False
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=200, required=False)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=StayPurpose.choices, initial=StayPurpose.WORK)
    permit_type = forms.ChoiceField(label=_("Permit"), choices=PermitType.choices, initial=PermitType.NONE)
    permit_expiry = forms.DateField(label=_("Permit expires"), widget=_DATE_INPUT, required=False)
    arrival_date = forms.DateField(label=_("Arrival date"), widget=_DATE_INPUT)

    consent_register = forms.BooleanField(
        label=_("The person agreed to be kept on the register of citizens abroad."),
        error_messages={"required": _("Without the person's consent they cannot be put on the register.")},
    )
    consent_contact = forms.BooleanField(
        label=_("The person agreed to be contacted about their stay, cases and emergencies."), required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.district = None
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())
            home_country = Region.objects.values_list("country", flat=True).order_by("country").first()
            if home_country:
                self.initial.setdefault("issuing_country", home_country)

    def clean_latin_surname(self) -> str:
        return _passport_latin(self.cleaned_data.get("latin_surname", ""))

    def clean_latin_given_names(self) -> str:
        return _passport_latin(self.cleaned_data.get("latin_given_names", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if bool(data.get("latin_surname")) != bool(data.get("latin_given_names")) and not self.has_error("latin_surname"):
            self.add_error("latin_given_names" if data.get("latin_surname") else "latin_surname",
                           _("Give both the surname and the given names as in the passport, or neither."))
        region, district = data.get("origin_region"), data.get("origin_district")
        if district is not None and region is not None and district.region_id != region.pk:
            self.add_error("origin_district", _("This district is not in the chosen region."))
        country, host_region = data.get("country"), data.get("host_region")
        if country is not None and host_region is not None and host_region.country_id != country.pk:
            self.add_error("host_region", _("This region is not in the chosen country."))
        elif country is not None:
            self.district = selectors.officer_district_for_stay(self.user, country=country, host_region=host_region)
            if self.district is None:
                self.add_error("host_region", _(
                    "This place is outside your consular districts: the consulate that serves it registers the stay."
                ))
        try:
            validate_stay_dates(data.get("arrival_date"), None)
        except ValidationError as exc:
            self.add_error(None, exc)
        return data

    def names(self) -> list[NameInput]:
        data = self.cleaned_data
        names = [NameInput(script=data["script"], surname=data["surname"], given_names=data["given_names"],
                           patronymic=data["patronymic"], source=NameSource.OFFICER)]
        if data["latin_surname"]:
            names.append(NameInput(script=Script.PASSPORT_LATIN, surname=data["latin_surname"],
                                   given_names=data["latin_given_names"], source=NameSource.PASSPORT))
        else:
            names.append(NameInput(script=Script.PASSPORT_LATIN, surname=icao_latin(data["surname"]),
                                   given_names=icao_latin(data["given_names"]), source=NameSource.DERIVED))
        return names

    def person_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        consents = [ConsentPurpose.REGISTER]
        if data["consent_contact"]:
            consents.append(ConsentPurpose.CONSULAR_CONTACT)
        return {
            "sex": data["sex"],
            "birth_date": data["birth_date"],
            "names": self.names(),
            "origin_region": data["origin_region"] or (data["origin_district"].region if data["origin_district"] else None),
            "origin_district": data["origin_district"],
            "phone": data["phone"],
            "document": DocumentInput(number=data["document_number"], issuing_country=data["issuing_country"],
                                      mrz=data["mrz"].strip()),
            "consents": consents,
        }

    def stay_input(self) -> StayInput:
        data = self.cleaned_data
        return StayInput(
            country=data["country"], host_region=data["host_region"], city=data["city"], address=data["address"],
            employer=data["employer"], purpose=data["purpose"], permit_type=data["permit_type"],
            permit_expiry=data["permit_expiry"], arrival_date=data["arrival_date"],
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """Put an error raised by a service on the field it names (or on the form)."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            field = SERVICE_FIELD_NAMES.get(name, name)
            self.add_error(field if field in self.fields else None, errors)
