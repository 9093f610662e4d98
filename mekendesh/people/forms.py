"""Forms of the migrant's own pages: public self-registration, a new stay, contacts and origin.

They check what is typed and name the field that is wrong; the writes are done by
:mod:`mekendesh.people.services`, whose refusals are put back on the fields they name.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from calendar import monthrange
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from mekendesh.lib.mrz import parse_mrz
from mekendesh.names import detect_script, icao_latin
from mekendesh.people import services
from mekendesh.people.models import ConsentPurpose, PermitType, Script, Sex, StayPurpose
from mekendesh.people.validators import validate_birth_date, validate_name_part, validate_stay_dates
from mekendesh.reference.models import Country, District, HostRegion, Region

# Destinations most registrations name, offered first in the country list.
COMMON_DESTINATIONS = ("RU", "KZ", "TR", "KR", "US", "JP", "DE", "GB", "AE")

CONSENT_WORDING = {
    ConsentPurpose.REGISTER: _(
        "I agree that the consular service keeps my names, date of birth, origin, documents, stays abroad "
        "and contacts on the register of citizens abroad, to protect and assist me. I can see, correct and "
        "download these data and withdraw this consent at any time."
    ),
    ConsentPurpose.REMINDERS: _("Send me reminders before my permit or registration expires."),
    ConsentPurpose.CONSULAR_CONTACT: _(
        "The consulate may contact me about my stay, my cases and in emergencies."
    ),
}

_DATE_TYPED = re.compile(r"^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$")
_DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_PHONE = re.compile(r"^\+[1-9]\d{5,14}$")


class TypedDateField(forms.Field):
    """A date typed as DD.MM.YYYY (also with / or -), or picked (a date picker sends YYYY-MM-DD).

    An impossible day such as 31.02 gets a message saying so, not a generic "invalid".
    """

    def __init__(self, *, autocomplete: str = "off", **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "placeholder": _("DD.MM.YYYY"),
                                   "autocomplete": autocomplete, "data-date": ""}),
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
                code="invalid_month", params={"value": value, "month": month},
            )
        days = monthrange(year, month)[1] if year >= 1 else 31
        if not 1 <= day <= days:
            raise ValidationError(
                _("%(value)s is not a date: month %(month)02d of %(year)d has %(days)d days."),
                code="invalid_day", params={"value": value, "month": month, "year": year, "days": days},
            )
        return dt.date(year, month, day)


def normalise_phone(value: str) -> str:
    """A phone number as E.164 (+996555123456): spaces, dashes and brackets dropped, 00 → +."""
    phone = re.sub(r"[\s\-().]", "", value or "")
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if phone and not _PHONE.match(phone):
        raise ValidationError(
            _("Type the phone number with its country code, for example +996 555 123 456."), code="invalid_phone"
        )
    return phone


def _country_choices() -> list[Any]:
    countries = list(Country.objects.all())
    common = sorted((c for c in countries if c.code in COMMON_DESTINATIONS), key=lambda c: COMMON_DESTINATIONS.index(c.code))
    others = sorted((c for c in countries if c.code not in COMMON_DESTINATIONS), key=lambda c: c.name)
    choices: list[Any] = [("", "—")]
    if common:
        choices.append((_("Most common"), [(c.code, c.name) for c in common]))
    choices.append((_("All countries"), [(c.code, c.name) for c in others]))
    return choices


def _grouped(items: list[Any], group_of: Any) -> list[Any]:
    """Choices grouped by a parent (districts by region, host regions by country)."""
    groups: dict[Any, list[Any]] = {}
    for item in items:
        groups.setdefault(group_of(item), []).append((item.pk, item.name))
    return [("", "—"), *((str(parent), sorted(options, key=lambda o: o[1])) for parent, options in groups.items())]


def latin_hint_context(surname: str, given_names: str) -> dict[str, str]:
    surname, given_names = surname[:100], given_names[:100]
    return {"latin_hint": icao_latin(f"{surname} {given_names}"), "latin_surname": icao_latin(surname),
            "latin_given": icao_latin(given_names)}


def _script_of_letters(value: str) -> str:
    return detect_script("".join(char for char in value if char.isalpha()))


class ServiceErrorsMixin:
    """Puts a service's ValidationError on the fields it names (others above the form)."""

    def apply_service_errors(self, error: ValidationError) -> None:
        form: forms.Form = self  # type: ignore[assignment]
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)


class StayForm(ServiceErrorsMixin, forms.Form):
    """A stay abroad: where, for whom, on which permit, since when."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, error_messages={
        "required": _("The form is out of date. Check your data and send it again."),
        "invalid": _("The form is out of date. Check your data and send it again."),
    })
    country = forms.ChoiceField(label=_("Country"))
    host_region = forms.ModelChoiceField(
        queryset=HostRegion.objects.select_related("country"), required=False, label=_("Region or province"),
        help_text=_("If yours is not in the list, leave this empty and type the city."),
    )
    city = forms.CharField(label=_("City or town"), max_length=100, required=False)
    address = forms.CharField(label=_("Address where you live"), max_length=300, required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "street-address"}))
    employer = forms.CharField(label=_("Employer"), max_length=200, required=False,
                               help_text=_("The company or person you work for, if you work."))
    purpose = forms.ChoiceField(label=_("Purpose of the stay"), choices=StayPurpose.choices, initial=StayPurpose.WORK)
    permit_type = forms.ChoiceField(label=_("Permit"), choices=PermitType.choices, initial=PermitType.NONE)
    permit_expiry = TypedDateField(label=_("Permit valid until"), required=False)
    arrival_date = TypedDateField(label=_("Date of arrival"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and "submission_key" not in self.initial:
            self.initial["submission_key"] = uuid.uuid4()
        self.fields["country"].choices = _country_choices()
        host_region = self.fields["host_region"]
        host_region.choices = _grouped(list(host_region.queryset), lambda r: r.country)  # type: ignore[attr-defined]
        self.fields["country"].widget.attrs.update({
            "hx-get": reverse_lazy("migrant:host_regions"), "hx-target": "#id_host_region", "hx-swap": "innerHTML",
        })

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
        cleaned = super().clean()
        country, region = cleaned.get("country"), cleaned.get("host_region")
        if country and region and region.country_id != country.pk:
            self.add_error("host_region", _("This region is not in the chosen country."))
        try:
            validate_stay_dates(cleaned.get("arrival_date"), None)
        except ValidationError as exc:
            self.apply_service_errors(exc)
        return cleaned

    def stay_input(self) -> services.StayInput:
        data = self.cleaned_data
        return services.StayInput(
            country=data["country"], host_region=data.get("host_region"), city=data.get("city", ""),
            address=data.get("address", ""), employer=data.get("employer", ""), purpose=data["purpose"],
            permit_type=data["permit_type"], permit_expiry=data.get("permit_expiry"), arrival_date=data["arrival_date"],
        )


class OriginForm(forms.Form):
    """Region and district of origin. The district list follows the chosen region (htmx); the
    server checks that the two agree, for browsers without JavaScript."""

    origin_region = forms.ModelChoiceField(
        queryset=Region.objects.select_related("country"), label=_("Region of origin"),
        help_text=_("The region (oblast) or city you come from."),
    )
    origin_district = forms.ModelChoiceField(
        queryset=District.objects.select_related("region"), required=False, label=_("District of origin"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district = self.fields["origin_district"]
        district.choices = _grouped(list(district.queryset), lambda d: d.region)  # type: ignore[attr-defined]
        self.fields["origin_region"].widget.attrs.update({
            "hx-get": reverse_lazy("migrant:districts"), "hx-target": "#id_origin_district", "hx-swap": "innerHTML",
        })

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        region, district = cleaned.get("origin_region"), cleaned.get("origin_district")
        if region and district and district.region_id != region.pk:
            self.add_error("origin_district", _("This district is not in the chosen region."))
        return cleaned


class RegistrationForm(OriginForm, StayForm):
    """The public self-registration: name, person, origin, passport, stay, contacts, account and
    consents on one page."""

    name_script = forms.ChoiceField(
        label=_("Your name is written in"), widget=forms.RadioSelect, initial=Script.KYRGYZ_CYRILLIC,
        choices=[(Script.KYRGYZ_CYRILLIC, _("Kyrgyz")), (Script.RUSSIAN_CYRILLIC, _("Russian"))],
    )
    surname = forms.CharField(label=_("Surname"), strip=True,
                              widget=forms.TextInput(attrs={"autocomplete": "family-name", "autocapitalize": "words"}))
    given_names = forms.CharField(label=_("Given name"), strip=True,
                                  widget=forms.TextInput(attrs={"autocomplete": "given-name", "autocapitalize": "words"}))
    patronymic = forms.CharField(label=_("Patronymic"), required=False, strip=True,
                                 help_text=_("For example Асан кызы, Асан уулу or Асанович."),
                                 widget=forms.TextInput(attrs={"autocapitalize": "words"}))
    latin_surname = forms.CharField(
        label=_("Surname as in the passport (Latin letters)"), required=False, strip=True,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    latin_given_names = forms.CharField(
        label=_("Given name as in the passport (Latin letters)"), required=False, strip=True,
        help_text=_("Leave empty if you do not know it: the usual passport spelling is kept instead."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)
    birth_date = TypedDateField(label=_("Date of birth"), autocomplete="bday")
    document_number = forms.CharField(
        label=_("Passport number"), max_length=40,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false", "autocomplete": "off"}),
        help_text=_("For example AC1234567."),
    )
    document_expiry = TypedDateField(label=_("Passport valid until"), required=False)
    mrz = forms.CharField(
        label=_("Machine-readable zone (optional)"), required=False,
        help_text=_("The two lines of letters, digits and < at the bottom of the photo page. "
                    "If you type them, the check digits are checked."),
        widget=forms.Textarea(attrs={"rows": 2, "class": "mrz", "spellcheck": "false",
                                     "autocapitalize": "characters", "autocomplete": "off"}),
    )
    email = forms.EmailField(label=_("E-mail address"), required=False, max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=30,
                            help_text=_("With the country code, for example +7 999 123 45 67 or +996 555 123 456."),
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}))
    login_with = forms.ChoiceField(
        label=_("Sign in with"), widget=forms.RadioSelect, initial="email",
        choices=[("email", _("my e-mail address")), ("phone", _("my phone number"))],
    )
    password1 = forms.CharField(label=_("Password"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                help_text=_("At least 10 characters; not only digits, not a common password."))
    password2 = forms.CharField(label=_("Password again"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    consent_register = forms.BooleanField(
        label=CONSENT_WORDING[ConsentPurpose.REGISTER],
        error_messages={"required": _("Registration needs your consent to keep you on the register.")},
    )
    # Consent is opt-in: no box is ticked in advance.
    consent_reminders = forms.BooleanField(label=CONSENT_WORDING[ConsentPurpose.REMINDERS], required=False)
    consent_consular_contact = forms.BooleanField(label=CONSENT_WORDING[ConsentPurpose.CONSULAR_CONTACT],
                                                  required=False)

    ACCOUNT_FIELDS = ("login_with", "password1", "password2")
    FIELDSETS = (
        ("name", _("Your name"), ("name_script", "surname", "given_names", "patronymic", "latin_surname",
                                  "latin_given_names")),
        ("person", _("About you"), ("sex", "birth_date", "origin_region", "origin_district")),
        ("passport", _("Passport"), ("document_number", "document_expiry", "mrz")),
        ("stay", _("Your stay abroad"), ("country", "host_region", "city", "address", "employer", "purpose",
                                         "permit_type", "permit_expiry", "arrival_date")),
        ("contacts", _("Contacts"), ("email", "phone")),
        ("account", _("Your account"), ACCOUNT_FIELDS),
        ("consent", _("Consent"), ("consent_register", "consent_reminders", "consent_consular_contact")),
    )

    def __init__(self, *args: Any, with_account: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.with_account = with_account
        if not with_account:
            for name in self.ACCOUNT_FIELDS:
                del self.fields[name]
        for name in ("surname", "given_names"):
            self.fields[name].widget.attrs.update({
                "hx-get": reverse_lazy("migrant:latin_hint"), "hx-trigger": "change",
                "hx-target": "#latin-hint", "hx-include": "#id_surname, #id_given_names",
                "hx-sync": "closest fieldset:replace",  # a newer hint replaces one still on its way
            })

    def fieldsets(self) -> list[tuple[str, Any, list[Any]]]:
        return [(key, legend, [self[name] for name in names if name in self.fields])
                for key, legend, names in self.FIELDSETS]

    # --- names ----------------------------------------------------------------------------------

    def _name_part(self, name: str, *, script: str) -> str:
        value = validate_name_part(self.cleaned_data.get(name, ""))
        if not value:
            return value
        found = _script_of_letters(value)
        if script == "cyrillic" and found == "latin":
            raise ValidationError(
                _("Type your name in Cyrillic letters here; the passport spelling has its own fields below."),
                code="wrong_script",
            )
        if script == "latin" and found == "cyrillic":
            raise ValidationError(
                _("Type the name in Latin letters as in your passport, for example %(hint)s."),
                code="wrong_script", params={"hint": icao_latin(value)},
            )
        return value

    def clean_surname(self) -> str:
        return self._name_part("surname", script="cyrillic")

    def clean_given_names(self) -> str:
        return self._name_part("given_names", script="cyrillic")

    def clean_patronymic(self) -> str:
        return self._name_part("patronymic", script="cyrillic")

    def clean_latin_surname(self) -> str:
        return self._name_part("latin_surname", script="latin")

    def clean_latin_given_names(self) -> str:
        return self._name_part("latin_given_names", script="latin")

    def latin_hint(self) -> dict[str, str]:
        """The passport Latin spelling of the Cyrillic name typed, offered as a hint."""
        surname = str(self.data.get("surname", "")) if self.is_bound else ""
        given = str(self.data.get("given_names", "")) if self.is_bound else ""
        return latin_hint_context(surname, given)

    # --- the rest -------------------------------------------------------------------------------

    def clean_birth_date(self) -> dt.date | None:
        value = self.cleaned_data.get("birth_date")
        return validate_birth_date(value) if value else value

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self) -> str:
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        birth, arrival = cleaned.get("birth_date"), cleaned.get("arrival_date")
        if birth and arrival and arrival < birth:
            self.add_error("arrival_date", _("The arrival date cannot be before your date of birth."))
        if self.with_account:
            login_with = cleaned.get("login_with")
            if login_with == "email" and not cleaned.get("email") and "email" not in self.errors:
                self.add_error("email", _("Type the e-mail address you will sign in with, or choose to sign in with your phone."))
            if login_with == "phone" and not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error("phone", _("Type the phone number you will sign in with, or choose to sign in with your e-mail."))
            first, second = cleaned.get("password1"), cleaned.get("password2")
            if first and second and first != second:
                self.add_error("password2", _("The two passwords differ. Type the same password twice."))
        region = cleaned.get("origin_region")
        number = cleaned.get("document_number")
        if region and number:
            try:
                services.document_check(self._document_input(), birth_date=cleaned.get("birth_date"))
            except ValidationError as exc:
                self.apply_service_errors(exc)
        return cleaned

    def _document_input(self) -> services.DocumentInput:
        data = self.cleaned_data
        return services.DocumentInput(
            number=data["document_number"],
            # A citizen's passport is issued by the country they come from.
            issuing_country=data["origin_region"].country,
            expiry_date=data.get("document_expiry"),
            mrz=(data.get("mrz") or "").strip(),
        )

    def person_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        names = [services.NameInput(script=data["name_script"], surname=data["surname"],
                                    given_names=data["given_names"], patronymic=data.get("patronymic", ""))]
        mrz = parse_mrz(data["mrz"]) if data.get("mrz") else None  # already checked in clean()
        if data.get("latin_surname") or data.get("latin_given_names"):
            names.append(services.NameInput(script=Script.PASSPORT_LATIN, surname=data.get("latin_surname", ""),
                                            given_names=data.get("latin_given_names", "")))
        elif mrz is not None and mrz.surname:
            names.append(services.NameInput(script=Script.PASSPORT_LATIN, surname=mrz.surname,
                                            given_names=mrz.given_names, source="passport"))
        else:
            names.append(services.NameInput(script=Script.PASSPORT_LATIN, surname=icao_latin(data["surname"]),
                                            given_names=icao_latin(data["given_names"]), source="derived"))
        consents = [purpose for purpose in ConsentPurpose if data.get(f"consent_{purpose.value}")]
        return {
            "sex": data["sex"], "birth_date": data["birth_date"], "names": names,
            "origin_region": data["origin_region"], "origin_district": data.get("origin_district"),
            "email": data.get("email", ""), "phone": data.get("phone", ""),
            "document": self._document_input(), "consents": consents,
        }

    def account_input(self) -> services.AccountInput:
        data = self.cleaned_data
        by_phone = data.get("login_with") == "phone"
        return services.AccountInput(
            password=data["password1"], email="" if by_phone else data["email"], phone=data["phone"] if by_phone else "",
        )


class ContactsForm(ServiceErrorsMixin, OriginForm):
    """The contacts and origin a migrant may correct themself."""

    email = forms.EmailField(label=_("E-mail address"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=30,
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    field_order = ["email", "phone", "origin_region", "origin_district"]

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data.get("phone", ""))

    def clean_email(self) -> str:
        return (self.cleaned_data.get("email") or "").strip().lower()

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data.get(name) for name in ("email", "phone", "origin_region", "origin_district")}


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=ConsentPurpose.choices)

