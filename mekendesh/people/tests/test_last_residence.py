"""Where a migrant last lived in the country of origin before leaving: asked (optionally) with
every stay, checked like the region and district of origin, shown, exported and audited. Left
empty it stays empty (not stated): it is never taken from the region of origin."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.people.models import Person, Stay
from mekendesh.people.services import StayInput, stay_add
from mekendesh.people.tests.staff_support import officer_entry_data
from mekendesh.people.tests.test_migrant_pages import STAY_ADD, stay_data
from mekendesh.people.tests.test_registration_page import REGISTER, registration_data
from mekendesh.reference.models import District, Region

pytestmark = pytest.mark.kyrgyz_data

OTHER_REGION = "This district is not in the chosen region of last residence."


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def bishkek(places):
    """Bishkek and one of its districts (shipped by the reference migrations)."""
    region = Region.objects.get(code="KG-GB")
    return {"region": region, "district": District.objects.get(code="KG-GB-LENIN")}


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_the_registration_form_asks_for_the_last_residence_as_an_optional_question(client, places):
    page = client.get(REGISTER).content.decode()
    assert 'name="residence_region"' in page and 'name="residence_district"' in page
    assert (
        "Where you lived last before leaving, even if it is your region of origin; leave it empty only if you do not know."
        in page
    )


def test_a_migrant_from_osh_who_lived_in_bishkek_registers_their_last_residence(client, places, bishkek):
    data = registration_data(
        places, residence_region=str(bishkek["region"].pk), residence_district=str(bishkek["district"].pk)
    )
    assert client.post(REGISTER, data).status_code == 302
    stay = Stay.objects.get()
    assert stay.person.origin_region == places["osh"]
    assert (stay.residence_region, stay.residence_district) == (bishkek["region"], bishkek["district"])
    row = AuditEvent.objects.get(object_type="people.stay", object_id=str(stay.pk), action="create")
    assert {"residence_region", "residence_district"} <= set(row.fields)


def test_an_empty_last_residence_is_kept_unknown_not_taken_from_the_origin(client, places):
    assert client.post(REGISTER, registration_data(places)).status_code == 302
    stay = Stay.objects.get()
    assert stay.residence_region is None and stay.residence_district is None


def test_the_registration_form_refuses_a_district_of_another_region_on_its_field(client, places, bishkek):
    data = registration_data(
        places, residence_region=str(bishkek["region"].pk), residence_district=str(places["kara_suu"].pk)
    )
    response = client.post(REGISTER, data)
    assert response.status_code == 200
    assert errors_of(response, "residence_district") == [OTHER_REGION]
    assert not Person.objects.exists()


def test_the_add_a_stay_form_stores_and_refuses_like_the_registration(client, aigerim, places, bishkek):
    response = client.post(
        STAY_ADD,
        stay_data(places, residence_region=str(bishkek["region"].pk), residence_district=str(places["kara_suu"].pk)),
    )
    assert errors_of(response, "residence_district") == [OTHER_REGION]
    assert client.post(STAY_ADD, stay_data(places, residence_district=str(bishkek["district"].pk))).status_code == 302
    stay = Stay.objects.get(person=aigerim, city="Екатеринбург")
    # The district names its region.
    assert (stay.residence_region, stay.residence_district) == (bishkek["region"], bishkek["district"])


def test_the_officers_entry_form_refuses_a_district_of_another_region_and_stores_a_right_one(
    sign_in, officer_moscow, places, bishkek
):
    client = sign_in(officer_moscow)
    data = officer_entry_data(places)
    data.update(residence_region=bishkek["region"].pk, residence_district=places["kara_suu"].pk)
    response = client.post(reverse("staff:person_new"), data)
    assert errors_of(response, "residence_district") == [OTHER_REGION]
    assert not Person.objects.exists()
    data.update(residence_district=bishkek["district"].pk)
    response = client.post(reverse("staff:person_new"), data, follow=True)
    stay = Stay.objects.get()
    assert stay.residence_district == bishkek["district"]
    assert "Last residence before leaving" in response.text and bishkek["district"].name in response.text


def test_the_service_refuses_a_region_outside_the_country_of_origin(registered_migrant, places):
    elsewhere = Region.objects.create(country=places["KZ"], code="KZ-TEST", name_en="Almaty Region")
    with pytest.raises(ValidationError) as refused:
        stay_add(
            actor=registered_migrant.account,
            person=registered_migrant,
            stay=StayInput(
                country=places["RU"],
                host_region=places["moscow"],
                arrival_date=dt.date(2026, 1, 10),
                residence_region=elsewhere,
            ),
        )
    assert set(refused.value.error_dict) == {"residence_region"}


def test_the_migrant_sees_and_downloads_their_last_residence(client, aigerim, places, bishkek):
    client.post(STAY_ADD, stay_data(places, residence_region=str(bishkek["region"].pk)))
    assert "Last residence before leaving" in client.get(reverse("migrant:home")).content.decode()
    data = json.loads(client.get(reverse("migrant:export_json")).content)
    residences = {(s["last_residence_region"], s["last_residence_district"]) for s in data["stays"]}
    assert residences == {(bishkek["region"].name_en, None), (None, None)}
    page = client.get(reverse("migrant:export_page")).content.decode()
    assert "Last residence before leaving" in page and bishkek["region"].name in page


def test_the_api_gives_the_last_residence_of_a_stay(sign_in, officer_moscow, registered_migrant, bishkek):
    stay = registered_migrant.stays.get()
    Stay.objects.filter(pk=stay.pk).update(residence_region=bishkek["region"], residence_district=bishkek["district"])
    url = reverse("api:person_detail", kwargs={"public_id": registered_migrant.public_id})
    stays = sign_in(officer_moscow).get(url).json()["stays"]
    assert [(s["residence_region"], s["residence_district"]) for s in stays] == [("KG-GB", "KG-GB-LENIN")]


def test_the_district_list_follows_the_region_of_last_residence(client, places, bishkek):
    options = client.get(reverse("migrant:districts"), {"residence_region": bishkek["region"].pk}).content.decode()
    assert bishkek["district"].name in options and places["kara_suu"].name not in options
