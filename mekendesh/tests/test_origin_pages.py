"""An installation for Turkmenistan, Tajikistan or Uzbekistan greets in its own language, offers
only its languages, and asks for its own regions of origin."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from mekendesh import settings as project_settings
from mekendesh.origin import ORIGINS

GREETING = {"tk": "Daşary ýurtda işleýärsiňizmi?", "tg": "Дар хориҷа кор мекунед?", "uz": "Chet elda ishlayapsizmi?"}
# A region and a district of each country, as its own language names them.
PLACES = {
    "TM": ("tk", "TM-L", "Lebap"),
    "TJ": ("tg", "TJ-SU", "Суғд"),
    "UZ": ("uz", "UZ-FA", "Fargʻona"),
}


@pytest.fixture
def origin(request, settings):
    """The settings of an installation for ``request.param`` (KG, TM, TJ or UZ)."""
    chosen = ORIGINS[request.param]
    settings.ORIGIN = chosen
    settings.ORIGIN_COUNTRY = chosen.code
    settings.LANGUAGES = [(code, project_settings._LANGUAGE_NAMES[code]) for code in chosen.languages]
    settings.LANGUAGE_CODE = chosen.languages[0]
    return chosen


@pytest.mark.django_db
@pytest.mark.parametrize("origin", ["TM", "TJ", "UZ"], indirect=True)
def test_the_landing_page_greets_in_the_countrys_language_and_offers_only_its_languages(client, origin):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="").content.decode()
    language = origin.languages[0]
    assert f'lang="{language}"' in page and GREETING[language] in page
    offered = {code for code in ("ky", "ru", "tk", "tg", "uz", "en") if f'<option value="{code}"' in page}
    assert offered == set(origin.languages)


@pytest.mark.django_db
@pytest.mark.parametrize("origin", ["TM", "TJ", "UZ"], indirect=True)
def test_the_registration_form_lists_the_countrys_own_regions(client, origin):
    from mekendesh.reference.models import Region

    language, code, name = PLACES[origin.code]
    with translation.override(language):
        page = client.get(reverse("migrant:register")).content.decode()
    region = Region.objects.get(code=code)
    assert name in region.name_in(language)
    choice = re.search(r'<select name="origin_region".*?</select>', page, re.S)
    assert choice is not None
    offered = {int(value) for value in re.findall(r'value="(\d+)"', choice.group(0))}
    assert region.pk in offered and region.name_in(language) in choice.group(0)
    assert offered == set(Region.objects.filter(country_id=origin.code).values_list("pk", flat=True))
