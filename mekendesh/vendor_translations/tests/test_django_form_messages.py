"""Django 6.1 form messages that Django's own Kyrgyz, Russian and Turkmen catalogues do not
translate yet (the blank choice «- Select an option -» above all) read in the visitor's language."""

from __future__ import annotations

from pathlib import Path

import django
import polib
import pytest
from django import forms
from django.db import models
from django.utils import translation

from mekendesh.reference.models import District, Region

LOCALE = Path(__file__).resolve().parents[1] / "locale"
DJANGO_LOCALE = Path(django.__file__).resolve().parent / "conf" / "locale"
BLANK = "- Select an option -"
BLANK_LABELS = {
    "ky": "- Вариантты тандаңыз -",
    "ru": "- Выберите вариант -",
    "tk": "- Wariant saýlaň -",
}


class DistrictForm(forms.ModelForm):
    class Meta:
        model = District
        fields = ["region"]


@pytest.mark.parametrize("language", sorted(BLANK_LABELS))
def test_each_catalogue_is_complete_and_matches_djangos_plural_forms(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    django_po = polib.pofile(str(DJANGO_LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == django_po.metadata["Plural-Forms"]
    entries = [entry for entry in po if not entry.obsolete]
    assert all(entry.translated() and "fuzzy" not in entry.flags for entry in entries)
    assert po.find(BLANK).msgstr == BLANK_LABELS[language]


@pytest.mark.django_db
@pytest.mark.parametrize("language", sorted(BLANK_LABELS))
def test_a_model_forms_choice_field_shows_the_blank_label_translated(language):
    with translation.override(language):
        html = str(DistrictForm()["region"])
    assert f'<option value="" selected>{BLANK_LABELS[language]}</option>' in html
    assert BLANK not in html


@pytest.mark.parametrize("language", sorted(BLANK_LABELS))
def test_a_model_fields_choices_have_the_blank_label_translated(language):
    field = models.CharField(max_length=8, choices=Region.Kind.choices).formfield()
    assert field is not None
    with translation.override(language):
        html = field.widget.render("kind", "")
    assert BLANK_LABELS[language] in html
    assert BLANK not in html
