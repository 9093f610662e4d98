"""Forms of the person's side of a case: asking for help (for oneself, or for someone else as a
relative or representative), a note and a document on a case.

They parse and check what was typed, naming the field that is wrong; the rules of a request —
the place's consulate, the representative's consent — are the services' (:mod:`.services`), whose
refusals are put back on the fields they name.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from mekendesh.cases.models import CaseType, ConsentBasis, Relationship
from mekendesh.cases.services import TEXT_MAX_LENGTH, RepresentativeInput, SubjectInput
from mekendesh.people.form_fields import (
    CHOOSE,
    ContactFields,
    ServiceErrorsMixin,
    SubmissionKeyFields,
    TypedDateField,
    country_choices,
    grouped_choices,
)
from mekendesh.people.forms import CONSENT_WORDING
from mekendesh.people.models import ConsentPurpose
from mekendesh.people.validators import validate_birth_date
from mekendesh.people.widgets import FastSelect
from mekendesh.reference.models import Country, HostRegion

NAME_MAX_LENGTH = 200
# The service's words (the same message, so translated once): a request for someone else is not
# taken without the consent its sender records.
CONSENT_NEEDED = _(
    "Confirm that the person agreed that you ask for help for them, or that they cannot agree now and you "
    "are their close relative: without it the consulate cannot take your request."
)


def _textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class PlaceFields(forms.Form):
    """Where the trouble is: the country and, where several consulates serve it, the region; the
    region list follows the chosen country (htmx) and the server checks that the two agree."""

    country = forms.ChoiceField(
        label=_("Country"), widget=FastSelect, error_messages={"required": _("Say which country you are in.")}
    )
    host_region = forms.ModelChoiceField(
        queryset=HostRegion.objects.select_related("country"),
        required=False,
        label=_("Region or province"),
        empty_label=CHOOSE,
        widget=FastSelect,
        help_text=_("It decides which consulate answers. Leave it empty if it is not in the list."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
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

    def clean_country(self) -> Country:
        try:
            return Country.objects.get(code=self.cleaned_data["country"])
        except Country.DoesNotExist as exc:
            raise forms.ValidationError(_("Choose a country from the list."), code="invalid") from exc

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        country, region = cleaned.get("country"), cleaned.get("host_region")
        if country is not None and region is not None and region.country_id != country.pk:
            self.add_error("host_region", _("This region is not in the chosen country."))
        return cleaned


class CaseFields(forms.Form):
    """What the trouble is and what happened."""

    case_type = forms.ChoiceField(
        label=_("What is it about?"),
        choices=CaseType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the request is about.")},
    )
    summary = forms.CharField(
        label=_("What happened?"),
        max_length=TEXT_MAX_LENGTH,
        widget=_textarea(6),
        help_text=_("When and where, who is involved, what you need. Write in any language you like."),
        error_messages={"required": _("Tell the consulate what happened.")},
    )


class HelpRequestForm(ServiceErrorsMixin, SubmissionKeyFields, CaseFields, PlaceFields):
    """A registered migrant asks for help for themself."""

    contact_consent = forms.BooleanField(label=CONSENT_WORDING[ConsentPurpose.CONSULAR_CONTACT], required=False)

    field_order = ["case_type", "country", "host_region", "summary", "contact_consent"]
    FIELDSETS = (
        ("about", _("What happened"), ("case_type", "summary")),
        ("place", _("Where you are now"), ("country", "host_region")),
        ("consent", _("Contact"), ("contact_consent",)),
    )

    def __init__(self, *args: Any, contact_given: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if contact_given:
            # Already agreed (and withdrawn on the person's page only): nothing to ask again.
            del self.fields["contact_consent"]

    def fieldsets(self) -> list[tuple[str, Any, list[Any]]]:
        return [
            (key, legend, [self[name] for name in names if name in self.fields])
            for key, legend, names in self.FIELDSETS
        ]


class HelpForOtherForm(ServiceErrorsMixin, SubmissionKeyFields, CaseFields, PlaceFields, ContactFields):
    """A relative or representative asks for help for someone else: the person as far as they
    know them, the place and what happened, who they are themself, and the consent they record."""

    subject_name = forms.CharField(
        label=_("Full name of the person who needs help"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocapitalize": "words"}),
        help_text=_("As in their passport if you know it, in any letters."),
        error_messages={"required": _("Give the full name of the person who needs help.")},
    )
    subject_birth_date = TypedDateField(
        label=_("Their date of birth"),
        required=False,
        help_text=_("If you know it: it helps the consulate find them on the register."),
    )
    representative_name = forms.CharField(
        label=_("Your full name"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name", "autocapitalize": "words"}),
        error_messages={"required": _("Give your own full name.")},
    )
    relationship = forms.ChoiceField(
        label=_("Who are you to the person?"),
        choices=[("", CHOOSE), *Relationship.choices],
        error_messages={"required": _("Say who you are to the person.")},
    )
    consent_basis = forms.ChoiceField(
        label=_("Why may you ask for them?"),
        choices=ConsentBasis.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    consent_confirmed = forms.BooleanField(
        label=_(
            "I confirm that what I chose above is true, and that the consulate may keep my details and the "
            "person's to answer this request."
        ),
        required=False,
    )

    field_order = [
        "subject_name",
        "subject_birth_date",
        "case_type",
        "country",
        "host_region",
        "summary",
        "representative_name",
        "relationship",
        "phone",
        "email",
        "consent_basis",
        "consent_confirmed",
    ]
    FIELDSETS = (
        ("person", _("The person who needs help"), ("subject_name", "subject_birth_date")),
        ("about", _("What happened"), ("case_type", "summary")),
        ("place", _("Where the person is"), ("country", "host_region")),
        ("you", _("About you"), ("representative_name", "relationship", "phone", "email")),
        ("consent", _("Consent"), ("consent_basis", "consent_confirmed")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phone"].help_text = _(
            "So that the consulate can call you back; with the country code, e.g. %(example)s."
        ) % {"example": settings.ORIGIN.phone_example}
        self.fields["email"].help_text = _("The consulate also writes to you in your account.")

    def fieldsets(self) -> list[tuple[str, Any, list[Any]]]:
        return [(key, legend, [self[name] for name in names]) for key, legend, names in self.FIELDSETS]

    def clean_subject_name(self) -> str:
        return " ".join(self.cleaned_data.get("subject_name", "").split())

    def clean_subject_birth_date(self) -> Any:
        value = self.cleaned_data.get("subject_birth_date")
        return validate_birth_date(value) if value else value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        if not cleaned.get("consent_basis") or not cleaned.get("consent_confirmed"):
            self.add_error("consent_confirmed", CONSENT_NEEDED)
        return cleaned

    def representative(self) -> RepresentativeInput:
        data = self.cleaned_data
        return RepresentativeInput(
            full_name=data["representative_name"],
            relationship=data["relationship"],
            consent_basis=data.get("consent_basis") or "",
            consent_confirmed=bool(data.get("consent_confirmed")),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
        )

    def subject(self) -> SubjectInput:
        return SubjectInput(
            full_name=self.cleaned_data["subject_name"], birth_date=self.cleaned_data.get("subject_birth_date")
        )


class CaseNoteForm(ServiceErrorsMixin, SubmissionKeyFields):
    """A note from the person's side: the consulate reads it, and so does the person's side."""

    body = forms.CharField(
        label=_("Your message to the consulate"),
        max_length=TEXT_MAX_LENGTH,
        widget=_textarea(4),
        error_messages={"required": _("Write the note.")},
    )


class CaseDocumentForm(forms.Form):
    """A document for the case: a PDF or a photo. What the file really is, its size and its name
    are checked by the service, which says what is wrong."""

    file = forms.FileField(
        label=_("A document (PDF or photo)"),
        allow_empty_file=True,  # the service names an empty file itself
        error_messages={"required": _("Choose the file to add."), "invalid": _("Choose the file to add.")},
    )

    def __init__(self, *args: Any, max_megabytes: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("A scan or a photo of a paper, at most %(max)d MB.") % {"max": max_megabytes}
        self.fields["file"].widget.attrs["accept"] = (
            ".pdf,.jpg,.jpeg,.png,.heic,.webp,.tif,.tiff,application/pdf,image/*"
        )
