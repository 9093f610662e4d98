"""Forms of the import pages: the upload, how the file is read, the column mapping and the
promotion. They only collect the officer's choices; every rule (what a mapping needs, what a
checked file may become) is the pipeline's, in :mod:`mekendesh.imports.services`."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from mekendesh.imports.models import ImportBatch, ImportMode
from mekendesh.imports.services import IGNORED
from mekendesh.imports.targets import ImportTarget
from mekendesh.people.form_fields import CHOOSE, SubmissionKeyFields

# The encodings a consulate's or a host country's file comes in; the guess is one of them.
ENCODINGS = [
    ("utf-8", "UTF-8"),
    ("utf-8-sig", _("UTF-8 with a byte order mark")),
    ("cp1251", _("Windows-1251 (Cyrillic)")),
    ("koi8-r", "KOI8-R"),
    ("utf-16", "UTF-16"),
]
DELIMITERS = [(";", _("semicolon ;")), (",", _("comma ,")), ("\t", _("tab"))]


class UploadForm(forms.Form):
    target = forms.ChoiceField(label=_("Kind of data"))
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        help_text=_(
            "Who sent the file (the consulate, the list): its column choices are remembered for its next file."
        ),
        widget=forms.TextInput(attrs={"list": "import-sources", "autocomplete": "off"}),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("A CSV or XLSX file with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx,text/csv"}),
    )

    def __init__(self, *args: Any, targets: list[ImportTarget], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["target"]).choices = [(target.name, target.label) for target in targets]
        if len(targets) == 1:
            self.fields["target"].initial = targets[0].name


class ReadingForm(forms.Form):
    """How the file is read, when the guess is wrong (letters come out garbled, one column holds
    everything, the wrong sheet)."""

    encoding = forms.ChoiceField(label=_("Encoding"), choices=ENCODINGS, required=False)
    delimiter = forms.ChoiceField(label=_("Delimiter"), choices=DELIMITERS, required=False)
    sheet = forms.ChoiceField(label=_("Sheet"), required=False)

    def __init__(self, *args: Any, batch: ImportBatch, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"encoding": batch.encoding, "delimiter": batch.delimiter, "sheet": batch.sheet})
        super().__init__(*args, **kwargs)
        self.is_workbook = bool(batch.sheets)
        if self.is_workbook:
            del self.fields["encoding"], self.fields["delimiter"]
            cast(forms.ChoiceField, self.fields["sheet"]).choices = [(name, name) for name in batch.sheets]
        else:
            del self.fields["sheet"]
            encoding = cast(forms.ChoiceField, self.fields["encoding"])
            if batch.encoding and batch.encoding not in dict(ENCODINGS):
                # A guess outside the usual list stays choosable, or the form would change it.
                encoding.choices = [(batch.encoding, batch.encoding), *ENCODINGS]


def column_field_name(position: int) -> str:
    return f"column_{position}"


def default_field_name(field: str) -> str:
    return f"default_{field}"


class MappingForm(SubmissionKeyFields):
    """One choice per column of the file (a field, or "do not import"), a value for every row for
    the fields that allow one, and what to do with bad rows."""

    mode = forms.ChoiceField(
        label=_("Bad rows"), choices=ImportMode.choices, widget=forms.RadioSelect, initial=ImportMode.SKIP_BAD
    )

    def __init__(self, *args: Any, batch: ImportBatch, target: ImportTarget, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("mode", batch.mode)
        super().__init__(*args, **kwargs)
        choices = [
            ("", CHOOSE),
            *((item.name, f"{item.label} *" if item.required else item.label) for item in target.fields),
            (IGNORED, _("do not import")),
        ]
        self.columns: list[tuple[int, str, str]] = []
        for position, header in enumerate(batch.headers):
            name = column_field_name(position)
            self.fields[name] = forms.ChoiceField(label=header or f"#{position + 1}", choices=choices, required=False)
            self.initial.setdefault(name, batch.mapping.get(str(position), ""))
            self.columns.append((position, header, name))
        self.defaults: list[tuple[str, str]] = []
        for item in target.fields:
            if item.default_allowed:
                name = default_field_name(item.name)
                self.fields[name] = forms.CharField(label=str(item.label), max_length=200, required=False)
                self.initial.setdefault(name, batch.defaults.get(item.name, ""))
                self.defaults.append((item.name, name))

    def mapping(self) -> dict[str, str]:
        return {str(position): self.cleaned_data.get(name) or "" for position, _header, name in self.columns}

    def default_values(self) -> dict[str, str]:
        return {field: self.cleaned_data.get(name) or "" for field, name in self.defaults}


class PromoteForm(SubmissionKeyFields):
    mode = forms.ChoiceField(label=_("Bad rows"), choices=ImportMode.choices, widget=forms.RadioSelect)
    import_possible_duplicates = forms.BooleanField(
        label=_("Also import the possible duplicates as new people"), required=False
    )

    def __init__(self, *args: Any, batch: ImportBatch, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"mode": batch.mode, "import_possible_duplicates": batch.import_possible_duplicates}
        )
        super().__init__(*args, **kwargs)
