"""One setting names the country of origin; what does not belong to it is refused with a message."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from typing import cast

import pytest
from django import forms
from django.core.exceptions import ValidationError

from mekendesh.origin import ORIGINS, UnknownOrigin, origin_for


@pytest.mark.parametrize("code", ["XX", "kgz", "Turkmenistan"])
def test_an_unknown_country_code_names_the_known_ones(code):
    with pytest.raises(UnknownOrigin) as error:
        origin_for(code)
    assert code in str(error.value) and "KG, TM, TJ, UZ" in str(error.value)


def test_an_empty_country_code_is_refused_with_a_message():
    with pytest.raises(UnknownOrigin, match="is empty"):
        origin_for("")


def test_the_mekendesh_command_stops_with_one_line_for_an_unknown_country(tmp_path):
    env = {**os.environ, "MEKENDESH_ORIGIN_COUNTRY": "XK", "MEKENDESH_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "mekendesh", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert "MEKENDESH_ORIGIN_COUNTRY='XK'" in result.stderr and "Traceback" not in result.stderr


def test_each_country_offers_its_own_language_besides_russian_and_english():
    assert ORIGINS["TM"].languages == ("tk", "ru", "en")
    assert ORIGINS["TJ"].languages[0] == "tg" and ORIGINS["UZ"].languages[0] == "uz"
    assert {code: origin.alpha3 for code, origin in ORIGINS.items()} == {
        "KG": "KGZ",
        "TM": "TKM",
        "TJ": "TJK",
        "UZ": "UZB",
    }


@pytest.mark.django_db
def test_a_database_of_one_country_is_not_served_as_another(settings):
    from mekendesh.reference.installed import origin_check

    recorded = settings.ORIGIN_COUNTRY
    assert origin_check() == []
    settings.ORIGIN_COUNTRY = other = "UZ" if recorded != "UZ" else "KG"
    [error] = origin_check()
    assert f"holds the register of {recorded}" in error.msg and f"MEKENDESH_ORIGIN_COUNTRY is {other}" in error.msg


@pytest.mark.django_db
def test_the_recorded_country_changes_only_on_an_empty_register(settings, registered_migrant):
    from mekendesh.audit.models import AuditEvent
    from mekendesh.people.models import Person
    from mekendesh.reference.installed import installed_origin
    from mekendesh.reference.services import installed_origin_set

    recorded = settings.ORIGIN_COUNTRY
    other = "UZ" if recorded != "UZ" else "KG"
    with pytest.raises(ValidationError, match=f"already holds people of {recorded}"):
        installed_origin_set(country=other)
    assert installed_origin() == recorded
    Person.objects.all().delete()
    installed_origin_set(country=other.lower())
    assert installed_origin() == other
    assert AuditEvent.objects.filter(
        object_type="reference.installedorigin",
    ).exists()


@pytest.mark.django_db
@pytest.mark.kyrgyz_data
def test_a_region_of_another_country_is_refused_naming_both_countries(places, officer_moscow):
    from mekendesh.people.services import NameInput, person_register
    from mekendesh.reference.models import Country, Region

    turkmenistan, _ = Country.objects.get_or_create(
        code="TM", defaults={"alpha3": "TKM", "numeric": "795", "name_en": "Turkmenistan"}
    )
    lebap, _ = Region.objects.get_or_create(code="TM-L", defaults={"country": turkmenistan, "name_en": "Lebap"})
    with pytest.raises(ValidationError) as error:
        person_register(
            actor=officer_moscow,
            sex="M",
            birth_date=dt.date(1990, 1, 2),
            names=[NameInput(script="ky-Cyrl", surname="Осмонов", given_names="Нурлан")],
            origin_region=lebap,
        )
    [message] = error.value.message_dict["origin_region"]
    assert lebap.name in message and "Turkmenistan" in message and "Kyrgyzstan" in message


def test_the_name_form_offers_the_countrys_own_script_first(settings):
    from mekendesh.people.form_fields import NameFields

    settings.ORIGIN = ORIGINS["TM"]
    form = NameFields()
    choices = cast(list[tuple[str, str]], cast(forms.ChoiceField, form.fields["name_script"]).choices)
    assert next(value for value, _label in choices) == "tk-Latn"
    assert "Orazowiç" in str(form.fields["patronymic"].help_text)
    settings.ORIGIN = ORIGINS["KG"]
    assert NameFields().fields["name_script"].initial == "ky-Cyrl"
