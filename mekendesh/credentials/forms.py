"""The forms of the credential pages: the public verification and an officer's revocation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mekendesh.credentials.models import OFFICER_REASONS
from mekendesh.lib.credential.token import MAX_TEXT_LENGTH


class VerifyForm(forms.Form):
    # Not stripped: a trailing space may belong to the credential's Base45 text.
    credential = forms.CharField(
        label=_("Credential text"),
        help_text=_("Paste the text under the QR code (it begins with MK1:), or scan the code."),
        max_length=MAX_TEXT_LENGTH,
        strip=False,
        widget=forms.Textarea(
            attrs={"rows": 5, "autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={"required": _("Paste or scan a credential first.")},
    )


class RevokeForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=[(reason.value, reason.label) for reason in OFFICER_REASONS])
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)
