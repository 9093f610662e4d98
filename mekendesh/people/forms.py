"""Forms of the migrant's own pages: public self-registration, a new stay, corrections of the
migrant's data and the end of a stay.

They are made of the field groups of :mod:`mekendesh.people.form_fields`, shared with the
officer's entry form, and name the field that is wrong; the writes are done by
:mod:`mekendesh.people.services`, whose refusals are put back on the fields they name.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from mekendesh.names import icao_latin
from mekendesh.people import services
from mekendesh.people.form_fields import (
    BirthFields,
    ContactFields,
    NameFields,
    OriginFields,
    PassportFields,
    ServiceErrorsMixin,
    StayFields,
    SubmissionKeyFields,
    VersionForm,
)
from mekendesh.people.models import ConsentPurpose, NameForm, NameSource, Person
from mekendesh.people.validators import name_script_kind, validate_name_in_script

CONSENT_WORDING = {
    ConsentPurpose.REGISTER: _(
        "I agree that the consular service keeps my names, date of birth, origin, documents, stays abroad "
        "and contacts on the register of citizens abroad, to protect and assist me. I can see, correct and "
        "download these data and withdraw this consent at any time."
    ),
    ConsentPurpose.REMINDERS: _("Send me reminders before my permit or registration expires."),
    ConsentPurpose.CONSULAR_CONTACT: _("The consulate may contact me about my stay, my cases and in emergencies."),
}


RESIDENCE_HELP = _(
    "Where you lived last before leaving, even if it is your region of origin; leave it empty only if you do not know."
)


def latin_hint_context(surname: str, given_names: str) -> dict[str, str]:
    surname, given_names = surname[:100], given_names[:100]
    return {
        "latin_hint": icao_latin(f"{surname} {given_names}"),
        "latin_surname": icao_latin(surname),
        "latin_given": icao_latin(given_names),
    }


class StayForm(ServiceErrorsMixin, SubmissionKeyFields, StayFields):
    """A new stay of a registered migrant (``birth_date``: theirs, for the date checks)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["address"].label = _("Address where you live")
        self.fields["employer"].help_text = _("The company or person you work for, if you work.")
        self.fields["host_region"].help_text = _("If yours is not in the list, leave this empty and type the city.")
        self.fields["residence_region"].help_text = RESIDENCE_HELP


class RegistrationForm(
    ServiceErrorsMixin,
    SubmissionKeyFields,
    NameFields,
    BirthFields,
    OriginFields,
    PassportFields,
    StayFields,
    ContactFields,
):
    """The public self-registration: name, person, origin, passport, stay, contacts, account and
    consents on one page."""

    login_with = forms.ChoiceField(
        label=_("Sign in with"),
        widget=forms.RadioSelect,
        initial="email",
        choices=[("email", _("my e-mail address")), ("phone", _("my phone number"))],
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    consent_register = forms.BooleanField(
        label=CONSENT_WORDING[ConsentPurpose.REGISTER],
        error_messages={"required": _("Registration needs your consent to keep you on the register.")},
    )
    # Consent is opt-in: no box is ticked in advance.
    consent_reminders = forms.BooleanField(label=CONSENT_WORDING[ConsentPurpose.REMINDERS], required=False)
    consent_consular_contact = forms.BooleanField(
        label=CONSENT_WORDING[ConsentPurpose.CONSULAR_CONTACT], required=False
    )

    ACCOUNT_FIELDS = ("login_with", "password1", "password2")
    FIELDSETS = (
        (
            "name",
            _("Your name"),
            ("name_script", "surname", "given_names", "patronymic", "latin_surname", "latin_given_names"),
        ),
        ("person", _("About you"), ("sex", "birth_date", "origin_region", "origin_district")),
        ("passport", _("Passport"), ("document_number", "document_expiry", "mrz")),
        (
            "stay",
            _("Your stay abroad"),
            (
                "country",
                "host_region",
                "city",
                "address",
                "employer",
                "purpose",
                "permit_type",
                "permit_expiry",
                "arrival_date",
                "residence_region",
                "residence_district",
            ),
        ),
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
        self.fields["name_script"].label = _("Your name is written in")
        self.fields["origin_region"].help_text = _("The region (oblast) or city you come from.")
        self.fields["address"].label = _("Address where you live")
        self.fields["employer"].help_text = _("The company or person you work for, if you work.")
        self.fields["host_region"].help_text = _("If yours is not in the list, leave this empty and type the city.")
        self.fields["residence_region"].help_text = RESIDENCE_HELP
        self.fields["mrz"].help_text = _(
            "The two lines of letters, digits and < at the bottom of the photo page. "
            "If you type them, the check digits are checked."
        )
        for name in ("surname", "given_names"):
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": reverse_lazy("migrant:latin_hint"),
                    "hx-trigger": "change",
                    "hx-target": "#latin-hint",
                    "hx-include": "#id_surname, #id_given_names",
                    "hx-sync": "closest fieldset:replace",  # a newer hint replaces one still on its way
                }
            )

    def fieldsets(self) -> list[tuple[str, Any, list[Any]]]:
        return [
            (key, legend, [self[name] for name in names if name in self.fields])
            for key, legend, names in self.FIELDSETS
        ]

    def latin_hint(self) -> dict[str, str]:
        """The passport Latin spelling of the Cyrillic name typed, offered as a hint."""
        surname = str(self.data.get("surname", "")) if self.is_bound else ""
        given = str(self.data.get("given_names", "")) if self.is_bound else ""
        return latin_hint_context(surname, given)

    def issuing_country(self) -> Any:
        # A citizen's passport is issued by the country they come from.
        region = self.cleaned_data.get("origin_region")
        return region.country if region is not None else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.with_account:
            login_with = cleaned.get("login_with")
            if login_with == "email" and not cleaned.get("email") and "email" not in self.errors:
                self.add_error(
                    "email", _("Type the e-mail address you will sign in with, or choose to sign in with your phone.")
                )
            if login_with == "phone" and not cleaned.get("phone") and "phone" not in self.errors:
                self.add_error(
                    "phone", _("Type the phone number you will sign in with, or choose to sign in with your e-mail.")
                )
            first, second = cleaned.get("password1"), cleaned.get("password2")
            if first and second and first != second:
                self.add_error("password2", _("The two passwords differ. Type the same password twice."))
        return cleaned

    def person_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        consents = [purpose for purpose in ConsentPurpose if data.get(f"consent_{purpose.value}")]
        return {
            "sex": data["sex"],
            "birth_date": data["birth_date"],
            "names": self.name_inputs(
                source=NameSource.SELF_DECLARED, typed_latin_source=NameSource.SELF_DECLARED, mrz=data.get("mrz", "")
            ),
            "origin_region": data["origin_region"],
            "origin_district": data.get("origin_district"),
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "document": self.document_input(),
            "consents": consents,
        }

    def account_input(self) -> services.AccountInput:
        data = self.cleaned_data
        by_phone = data.get("login_with") == "phone"
        return services.AccountInput(
            password=data["password1"],
            email="" if by_phone else data["email"],
            phone=data["phone"] if by_phone else "",
        )


class ContactsForm(ServiceErrorsMixin, ContactFields, OriginFields, VersionForm):
    """The contacts and origin a migrant may correct themself."""

    field_order = ["email", "phone", "origin_region", "origin_district"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["origin_region"].help_text = _("The region (oblast) or city you come from.")

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data.get(name) for name in ("email", "phone", "origin_region", "origin_district")}


class IdentityForm(ServiceErrorsMixin, BirthFields, VersionForm):
    """The migrant corrects their names (every spelling on record, each in its own letters), sex
    and date of birth. Each name form has the fields ``<id>-surname``, ``<id>-given_names`` and
    ``<id>-patronymic``, checked like the same fields of the registration form."""

    PARTS = (("surname", _("Surname")), ("given_names", _("Given name")), ("patronymic", _("Patronymic")))

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.names: list[NameForm] = list(person.names.all())
        self.name_groups: list[tuple[NameForm, list[Any]]] = []
        for name in self.names:
            kind = name_script_kind(name.script)
            group = []
            for part, label in self.PARTS:
                field_name = f"{name.pk}-{part}"
                required = part == "surname"
                self.fields[field_name] = forms.CharField(
                    label=label,
                    required=required,
                    initial=getattr(name, part),
                    widget=forms.TextInput(
                        attrs={"autocapitalize": "characters" if kind != "cyrillic" else "words", "spellcheck": "false"}
                    ),
                )
                self.fields[field_name].script_kind = kind  # type: ignore[attr-defined]
                group.append(self[field_name])
            self.name_groups.append((name, group))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        assert cleaned is not None
        for name, field in self.fields.items():
            kind = getattr(field, "script_kind", None)
            if kind is None or name not in cleaned:
                continue
            try:
                cleaned[name] = validate_name_in_script(cleaned[name], script=kind)
            except forms.ValidationError as exc:
                self.add_error(name, exc)
        return cleaned

    def name_corrections(self) -> list[services.NameCorrection]:
        data = self.cleaned_data
        return [
            services.NameCorrection(
                name_id=name.pk,
                surname=data[f"{name.pk}-surname"],
                given_names=data[f"{name.pk}-given_names"],
                patronymic=data[f"{name.pk}-patronymic"],
            )
            for name in self.names
        ]


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(choices=ConsentPurpose.choices)
