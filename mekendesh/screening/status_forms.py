"""The forms of the public status check: the details that find a person (surname, date of birth,
passport number) and the one-time code."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from mekendesh.people.form_fields import TypedDateField
from mekendesh.people.validators import validate_birth_date
from mekendesh.screening.status import StatusQuery


class StatusForm(forms.Form):
    surname = forms.CharField(
        label=_("Surname"),
        max_length=100,
        help_text=_("As in your passport, in Latin or Cyrillic letters."),
        widget=forms.TextInput(attrs={"autocomplete": "family-name", "spellcheck": "false"}),
        error_messages={"required": _("Type your surname.")},
    )
    birth_date = TypedDateField(
        label=_("Date of birth"), autocomplete="bday", error_messages={"required": _("Type your date of birth.")}
    )
    document_number = forms.CharField(
        label=_("Passport number"),
        max_length=40,
        help_text=_("For example AC0123456."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false", "autocomplete": "off"}),
        error_messages={"required": _("Type your passport number.")},
    )

    def clean_birth_date(self) -> dt.date | None:
        value = self.cleaned_data.get("birth_date")
        return validate_birth_date(value) if value else value

    def query(self) -> StatusQuery:
        data = self.cleaned_data
        return StatusQuery(
            surname=data["surname"], birth_date=data["birth_date"], document_number=data["document_number"]
        )


class CodeForm(forms.Form):
    check = forms.CharField(widget=forms.HiddenInput, max_length=100)
    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        help_text=_("The six digits of the message."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}),
        error_messages={"required": _("Type the code of the message.")},
    )
