"""Field groups shared by the migrant's forms and the officer's entry form.

Each group declares its fields and checks them with the validators of
:mod:`mekendesh.people.validators`; rules of the register (the dates of a stay, the consular
district an officer may enter a stay in, the machine-readable zone) are asked of
:mod:`mekendesh.people.services`, which enforces them again when it stores. A form is made of
groups, so every rule applies to every form that has the field.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from calendar import monthrange
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from mekendesh.lib.mrz import parse_mrz
from mekendesh.names import icao_latin
from mekendesh.people import services
from mekendesh.people.models import NameSource, PermitType, Script, Sex, StayPurpose
from mekendesh.people.validators import (
    PASSPORT_LATIN,
    name_script_kind,
    normalise_phone,
    validate_birth_date,
    validate_name_in_script,
)
from mekendesh.people.widgets import FastSelect
from mekendesh.reference.models import Country, District, HostRegion, Region

# The first option of every list, for "nothing chosen yet".
CHOOSE = _("Choose…")
# Destinations most registrations name, offered first in the country list.
COMMON_DESTINATIONS = ("RU", "KZ", "TR", "KR", "US", "JP", "DE", "GB", "AE")

_DATE_TYPED = re.compile(r"^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_OUT_OF_DATE = _("The form is out of date. Check your data and send it again.")


class TypedDateField(forms.Field):
    """A date typed as DD.MM.YYYY (also with / or -), or picked (a date picker sends YYYY-MM-DD).

    An impossible day such as 31.02 gets a message saying so, not a generic "invalid".
    """

    def __init__(self, *, autocomplete: str = "off", **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "placeholder": _("DD.MM.YYYY"),
                    "autocomplete": autocomplete,
                    "data-date": "",
                }
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.strftime("%d.%m.%Y")
        return value

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        value = (value or "").strip()
        if not value:
            return None
        typed = _DATE_TYPED.match(value)
        iso = _DATE_ISO.match(value)
        if typed:
            day, month, year = (int(part) for part in typed.groups())
        elif iso:
            year, month, day = (int(part) for part in iso.groups())
        else:
            raise ValidationError(_("Type the date as DD.MM.YYYY, for example 05.09.1996."), code="invalid")
        if not 1 <= month <= 12:
            raise ValidationError(
                _("%(value)s is not a date: there is no month %(month)d."),
                code="invalid_month",
                params={"value": value, "month": month},
            )
        if year < 1:
            raise ValidationError(
                _("There is no year 0000: type the year with four digits, for example 1996."),
                code="invalid_year",
            )
        days = monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise ValidationError(
                _("%(value)s is not a date: month %(month)02d of %(year)d has %(days)d days."),
                code="invalid_day",
                params={"value": value, "month": month, "year": year, "days": days},
            )
        return dt.date(year, month, day)


def country_choices() -> list[Any]:
    countries = list(Country.objects.all())
    common = sorted(
        (c for c in countries if c.code in COMMON_DESTINATIONS), key=lambda c: COMMON_DESTINATIONS.index(c.code)
    )
    others = sorted((c for c in countries if c.code not in COMMON_DESTINATIONS), key=lambda c: c.name)
    choices: list[Any] = [("", CHOOSE)]
    if common:
        choices.append((_("Most common"), [(c.code, c.name) for c in common]))
    choices.append((_("All countries"), [(c.code, c.name) for c in others]))
    return choices


def grouped_choices(items: list[Any], group_of: Any) -> list[Any]:
    """Choices grouped by a parent (districts by region, host regions by country)."""
    groups: dict[Any, list[Any]] = {}
    for item in items:
        groups.setdefault(group_of(item), []).append((item.pk, item.name))
    return [("", CHOOSE), *((str(parent), sorted(options, key=lambda o: o[1])) for parent, options in groups.items())]


class ServiceErrorsMixin:
    """Puts a service's ValidationError on the fields it names (others above the form)."""

    def apply_service_errors(self, error: ValidationError) -> None:
        form: forms.Form = self  # type: ignore[assignment]
        if isinstance(error, services.SubmissionKeyTaken) and "submission_key" in form.fields:
            # A form whose key belongs to someone else's stay gets a fresh key to send again with.
            data = cast(QueryDict, form.data).copy()
            data[form.add_prefix("submission_key")] = str(uuid.uuid4())
            form.data = data
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)

    add_service_errors = apply_service_errors


class SubmissionKeyFields(forms.Form):
    """The hidden key that makes a repeated form (a double click, a retry) store nothing twice."""

    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _OUT_OF_DATE,
            "invalid": _OUT_OF_DATE,
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and "submission_key" not in self.initial:
            self.initial["submission_key"] = uuid.uuid4()


def _name_widget(**attrs: str) -> forms.TextInput:
    return forms.TextInput(attrs={"autocapitalize": "words", **attrs})


def _latin_widget() -> forms.TextInput:
    return forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"})


# The script a country's citizens write their names in, as offered first in the name forms,
# with an example of its patronymics.
NATIVE_SCRIPTS = {
    Script.KYRGYZ_CYRILLIC: (_("Kyrgyz"), _("For example Асан кызы, Асан уулу or Асанович.")),
    Script.TURKMEN_LATIN: (_("Turkmen"), _("For example Orazowiç, Orazowna or Oraz ogly.")),
    Script.TAJIK_CYRILLIC: (_("Tajik"), _("For example Раҳимович, Раҳимовна or leave it empty.")),
    Script.UZBEK_LATIN: (_("Uzbek"), _("For example Olimovich, Olimovna or Olim oʻgʻli.")),
}


def native_script() -> str:
    """The script of the country of origin's names (``settings.ORIGIN``)."""
    return settings.ORIGIN.name_script


class NameFields(forms.Form):
    """A name in the country of origin's script (Kyrgyz Cyrillic, Turkmen Latin, Tajik Cyrillic or
    Uzbek Latin), in Russian Cyrillic or in other Latin letters, and as written in the passport."""

    name_script = forms.ChoiceField(label=_("The name is written in"), widget=forms.RadioSelect)
    surname = forms.CharField(label=_("Surname"), widget=_name_widget(autocomplete="family-name"))
    given_names = forms.CharField(label=_("Given name"), widget=_name_widget(autocomplete="given-name"))
    patronymic = forms.CharField(
        label=_("Patronymic"),
        required=False,
        widget=_name_widget(),
    )
    latin_surname = forms.CharField(
        label=_("Surname as in the passport (Latin letters)"), required=False, widget=_latin_widget()
    )
    latin_given_names = forms.CharField(
        label=_("Given name as in the passport (Latin letters)"),
        required=False,
        widget=_latin_widget(),
        help_text=_("Leave both empty if you do not know them: the usual passport spelling is kept instead."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        native = native_script()
        label, patronymic_example = NATIVE_SCRIPTS[Script(native)]
        script = cast(forms.ChoiceField, self.fields["name_script"])
        script.choices = [
            (native, label),
            (Script.RUSSIAN_CYRILLIC, _("Russian")),
            (Script.OTHER_LATIN, _("Latin letters")),
        ]
        script.initial = native
        self.fields["patronymic"].help_text = patronymic_example

    def _name_part(self, field: str, script: str) -> str:
        return validate_name_in_script(self.cleaned_data.get(field, ""), script=script)

    def _typed_script(self) -> str:
        return name_script_kind(self.cleaned_data.get("name_script") or native_script())

    def clean_surname(self) -> str:
        return self._name_part("surname", self._typed_script())

    def clean_given_names(self) -> str:
        return self._name_part("given_names", self._typed_script())

    def clean_patronymic(self) -> str:
        return self._name_part("patronymic", self._typed_script())

    def clean_latin_surname(self) -> str:
        return self._name_part("latin_surname", PASSPORT_LATIN)

    def clean_latin_given_names(self) -> str:
        return self._name_part("latin_given_names", PASSPORT_LATIN)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        surname, given = cleaned.get("latin_surname"), cleaned.get("latin_given_names")
        if (
            bool(surname) != bool(given)
            and not self.has_error("latin_surname")
            and not self.has_error("latin_given_names")
        ):
            self.add_error(
                "latin_given_names" if surname else "latin_surname",
                _("Give both the surname and the given name as in the passport, or neither."),
            )
        return cleaned

    def name_inputs(self, *, source: str, typed_latin_source: str, mrz: str = "") -> list[services.NameInput]:
        """The Cyrillic name, then the passport Latin one: as typed, else from the machine-readable
        zone, else written out from the Cyrillic."""
        data = self.cleaned_data
        names = [
            services.NameInput(
                script=data["name_script"],
                surname=data["surname"],
                given_names=data["given_names"],
                patronymic=data.get("patronymic", ""),
                source=source,
            )
        ]
        parsed = parse_mrz(mrz) if mrz else None  # already checked in clean()
        if data.get("latin_surname"):
            names.append(
                services.NameInput(
                    script=Script.PASSPORT_LATIN,
                    surname=data["latin_surname"],
                    given_names=data.get("latin_given_names", ""),
                    source=typed_latin_source,
                )
            )
        elif parsed is not None and parsed.surname:
            names.append(
                services.NameInput(
                    script=Script.PASSPORT_LATIN,
                    surname=parsed.surname,
                    given_names=parsed.given_names,
                    source=NameSource.PASSPORT,
                )
            )
        else:
            names.append(
                services.NameInput(
                    script=Script.PASSPORT_LATIN,
                    surname=icao_latin(data["surname"]),
                    given_names=icao_latin(data["given_names"]),
                    source=NameSource.DERIVED,
                )
            )
        return names


class BirthFields(forms.Form):
    """Sex and date of birth."""

    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_date = TypedDateField(label=_("Date of birth"), autocomplete="bday")

    def clean_birth_date(self) -> dt.date | None:
        value = self.cleaned_data.get("birth_date")
        return validate_birth_date(value) if value else value


class OriginFields(forms.Form):
    """Region and district of origin. The district list follows the chosen region (htmx); the
    server checks that the two agree, for browsers without JavaScript."""

    origin_region = forms.ModelChoiceField(
        queryset=Region.objects.select_related("country"),
        label=_("Region of origin"),
        empty_label=CHOOSE,
        widget=FastSelect,
        help_text=_("The region (oblast) or city the person comes from."),
    )
    origin_district = forms.ModelChoiceField(
        queryset=District.objects.select_related("region"),
        required=False,
        label=_("District of origin"),
        empty_label=CHOOSE,
        widget=FastSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the places of the country of origin can be chosen (the services refuse others too).
        origin = settings.ORIGIN_COUNTRY
        region = cast(forms.ModelChoiceField, self.fields["origin_region"])
        region.queryset = Region.objects.filter(country_id=origin).select_related("country")
        district = cast(forms.ModelChoiceField, self.fields["origin_district"])
        district.queryset = District.objects.filter(region__country_id=origin).select_related("region")
        district.choices = grouped_choices(list(district.queryset), lambda d: d.region)
        self.fields["origin_region"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("migrant:districts"),
                "hx-target": "#id_origin_district",
                "hx-swap": "innerHTML",
            }
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        region, district = cleaned.get("origin_region"), cleaned.get("origin_district")
        if region and district and district.region_id != region.pk:
            self.add_error("origin_district", _("This district is not in the chosen region."))
        return cleaned


class ContactFields(forms.Form):
    """E-mail address and phone number (stored as E.164: +996555123456)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _("With the country code, for example +7 999 123 45 67 or %(example)s.") % {
            "example": settings.ORIGIN.phone_example
        }

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self) -> str:
        return (self.cleaned_data.get("email") or "").strip().lower()


class PassportFields(forms.Form):
    """The passport: number, expiry and machine-readable zone, whose check digits are checked and
    which must agree with the number and the date of birth typed."""

    document_number = forms.CharField(
        label=_("Passport number"),
        max_length=40,
        help_text=_("For example AC0123456."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false", "autocomplete": "off"}),
    )
    document_expiry = TypedDateField(label=_("Passport valid until"), required=False)
    mrz = forms.CharField(
        label=_("Machine-readable zone"),
        required=False,
        help_text=_(
            "The two lines of letters, digits and < at the bottom of the photo page. "
            "If they are typed, their check digits are checked."
        ),
        widget=forms.Textarea(
            attrs={
                "rows": 2,
                "class": "mrz",
                "spellcheck": "false",
                "autocapitalize": "characters",
                "autocomplete": "off",
            }
        ),
    )

    def issuing_country(self) -> Country | None:
        """The country that issued the passport (a form without the field says which)."""
        return self.cleaned_data.get("issuing_country")

    def clean_mrz(self) -> str:
        return (self.cleaned_data.get("mrz") or "").strip()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        country = self.issuing_country()
        if country is not None and cleaned.get("document_number") and not self.has_error("mrz"):
            try:
                services.document_check(self.document_input(), birth_date=cleaned.get("birth_date"))
            except ValidationError as exc:
                self.apply_service_errors(exc)  # type: ignore[attr-defined]
        return cleaned

    def document_input(self) -> services.DocumentInput:
        data = self.cleaned_data
        country = self.issuing_country()
        assert country is not None, "document_input() is called once the issuing country is known"
        return services.DocumentInput(
            number=data["document_number"],
            issuing_country=country,
            expiry_date=data.get("document_expiry"),
            mrz=data.get("mrz", ""),
        )


class StayFields(forms.Form):
    """A stay abroad: where, for whom, on which permit, since when. The rules of the register on
    a stay (:func:`services.stay_check`) are asked here and again when it is stored."""

    country = forms.ChoiceField(label=_("Country"), widget=FastSelect)
    host_region = forms.ModelChoiceField(
        queryset=HostRegion.objects.select_related("country"),
        required=False,
        label=_("Region or province"),
        empty_label=CHOOSE,
        help_text=_("If it is not in the list, leave this empty and type the city."),
        widget=FastSelect,
    )
    city = forms.CharField(label=_("City or town"), max_length=100, required=False)
    address = forms.CharField(
        label=_("Address where the person lives"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    employer = forms.CharField(
        label=_("Employer"), max_length=200, required=False, help_text=_("The company or person worked for, if any.")
    )
    purpose = forms.ChoiceField(label=_("Purpose of the stay"), choices=StayPurpose.choices, initial=StayPurpose.WORK)
    permit_type = forms.ChoiceField(label=_("Permit"), choices=PermitType.choices, initial=PermitType.NONE)
    permit_expiry = TypedDateField(label=_("Permit valid until"), required=False)
    arrival_date = TypedDateField(label=_("Date of arrival"))
    # Where in the country of origin the person lived last before leaving. Optional, and never
    # taken from the region of origin when left empty: empty means not stated.
    residence_region = forms.ModelChoiceField(
        queryset=Region.objects.none(),
        required=False,
        label=_("Region of last residence"),
        empty_label=CHOOSE,
        widget=FastSelect,
        help_text=_(
            "Where the person lived last before leaving, even if it is their region of origin; empty only if unknown."
        ),
    )
    residence_district = forms.ModelChoiceField(
        queryset=District.objects.none(),
        required=False,
        label=_("District of last residence"),
        empty_label=CHOOSE,
        widget=FastSelect,
    )

    def __init__(self, *args: Any, actor: Any = None, birth_date: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.known_birth_date = birth_date
        cast(forms.ChoiceField, self.fields["country"]).choices = country_choices()
        host_region = self.fields["host_region"]
        host_region.choices = grouped_choices(list(host_region.queryset), lambda r: r.country)  # type: ignore[attr-defined]
        self.fields["country"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("migrant:host_regions"),
                "hx-target": "#id_host_region",
                "hx-swap": "innerHTML",
            }
        )
        # Only the places of the country of origin (its regions and districts) can be chosen.
        origin = settings.ORIGIN_COUNTRY
        residence_region = cast(forms.ModelChoiceField, self.fields["residence_region"])
        residence_region.queryset = Region.objects.filter(country_id=origin).select_related("country")
        residence_district = cast(forms.ModelChoiceField, self.fields["residence_district"])
        residence_district.queryset = District.objects.filter(region__country_id=origin).select_related("region")
        residence_district.choices = grouped_choices(list(residence_district.queryset), lambda d: d.region)
        residence_region.widget.attrs.update(
            {
                "hx-get": reverse_lazy("migrant:districts"),
                "hx-target": "#id_residence_district",
                "hx-swap": "innerHTML",
            }
        )

    def clean_country(self) -> Country:
        try:
            return Country.objects.get(code=self.cleaned_data["country"])
        except Country.DoesNotExist as exc:
            raise ValidationError(_("Choose a country from the list."), code="invalid") from exc

    def clean_permit_expiry(self) -> dt.date | None:
        expiry = self.cleaned_data.get("permit_expiry")
        if expiry and expiry < dt.date(1990, 1, 1):
            raise ValidationError(_("This permit date is too far in the past."), code="too_early")
        return expiry

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        birth_date = cleaned.get("birth_date") if "birth_date" in self.fields else self.known_birth_date
        try:
            services.stay_check(
                actor=self.actor,
                country=cleaned.get("country"),
                host_region=cleaned.get("host_region"),
                arrival_date=cleaned.get("arrival_date"),
                birth_date=birth_date,
                residence_region=cleaned.get("residence_region"),
                residence_district=cleaned.get("residence_district"),
            )
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                if not self.has_error(field):
                    self.add_error(field, errors)
        return cleaned

    def stay_input(self) -> services.StayInput:
        data = self.cleaned_data
        return services.StayInput(
            country=data["country"],
            host_region=data.get("host_region"),
            city=data.get("city", ""),
            address=data.get("address", ""),
            employer=data.get("employer", ""),
            purpose=data["purpose"],
            permit_type=data["permit_type"],
            permit_expiry=data.get("permit_expiry"),
            arrival_date=data["arrival_date"],
            residence_region=data.get("residence_region"),
            residence_district=data.get("residence_district"),
        )


class VersionForm(forms.Form):
    """The version of a record as the user saw it, so that a second save does not overwrite
    what someone else did in between."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class StayEndForm(ServiceErrorsMixin, VersionForm):
    """The end of a stay: the day of departure or return (its rules are checked by the service)."""

    departure_date = TypedDateField(label=_("Departure or return date"))
