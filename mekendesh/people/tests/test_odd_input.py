"""Input a probe of the running site sent: year 0000 in a date, an id too large for the database,
bytes that are not UTF-8. Each gets a clear message or an empty answer, never an error page."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.urls import reverse

from mekendesh.people.models import NameForm, Person
from mekendesh.people.tests.test_registration_page import REGISTER, registration_data

TOO_LARGE = "99999999999999999999"
YEAR_ZERO = "There is no year 0000: type the year with four digits, for example 1996."


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("birth_date", "01.01.0000"),
        ("arrival_date", "0000-05-05"),
        ("permit_expiry", "29.02.0000"),
        ("document_expiry", "0000-01-01"),
    ],
)
def test_a_date_in_year_0000_gets_a_message_on_the_registration_form(client, places, field, typed):
    response = client.post(REGISTER, registration_data(places, **{field: typed}))
    assert response.status_code == 200
    assert errors_of(response, field) == [YEAR_ZERO]
    assert not Person.objects.exists()


def test_a_date_in_year_0000_gets_a_message_on_the_officers_entry_form(sign_in, officer_moscow, places):
    form_data = {
        "submission_key": "5b4c7f0e-2a53-4f55-9d0e-9d1f4a3b2c10",
        "name_script": "ky-Cyrl",
        "surname": "Асанов",
        "given_names": "Бакыт",
        "sex": "M",
        "birth_date": "0000-05-17",
        "origin_region": places["osh"].pk,
        "issuing_country": "KG",
        "document_number": "AC7654321",
        "country": "RU",
        "host_region": places["moscow"].pk,
        "purpose": "work",
        "permit_type": "none",
        "arrival_date": "01.01.0000",
        "consent_register": "on",
    }
    response = sign_in(officer_moscow).post(reverse("staff:person_new"), form_data)
    assert response.status_code == 200
    assert errors_of(response, "birth_date") == [YEAR_ZERO]
    assert errors_of(response, "arrival_date") == [YEAR_ZERO]


def test_a_date_in_year_0000_gets_a_message_on_the_migrants_own_forms(client, aigerim):
    stay = aigerim.stays.get()
    response = client.post(
        reverse("migrant:stay_end", kwargs={"stay_id": stay.pk}),
        {"version": stay.version, "departure_date": "05.05.0000"},
    )
    assert errors_of(response, "departure_date") == [YEAR_ZERO]
    response = client.post(
        reverse("migrant:identity"), {"version": aigerim.version, "sex": "F", "birth_date": "01.01.0000"}
    )
    assert errors_of(response, "birth_date") == [YEAR_ZERO]


@pytest.mark.parametrize(
    ("url", "parameter"), [("migrant:districts", "origin_region"), ("migrant:host_regions", "country")]
)
def test_an_id_too_large_for_the_database_gets_an_empty_list(client, places, url, parameter):
    response = client.get(reverse(url), {parameter: TOO_LARGE})
    assert response.status_code == 200
    assert "<option" not in response.content.decode().replace('<option value="">', "")


def test_a_region_id_too_large_for_the_database_is_a_field_error_on_the_form(client, places):
    response = client.post(
        REGISTER, registration_data(places, origin_region=TOO_LARGE, origin_district=TOO_LARGE, host_region=TOO_LARGE)
    )
    assert response.status_code == 200
    assert errors_of(response, "origin_region") and errors_of(response, "host_region")
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    "path", ["/staff/stays/99999999999999999999/verify/", "/staff/stays/99999999999999999999/end/"]
)
def test_a_stay_id_too_large_for_the_database_is_not_found_on_the_staff_pages(sign_in, officer_moscow, path):
    assert sign_in(officer_moscow).post(path, {"version": "1"}).status_code == 404


def test_a_stay_id_too_large_for_the_database_is_not_found_on_the_migrants_pages(client, aigerim):
    response = client.post(f"/me/stays/{TOO_LARGE}/end/", {"version": "1", "departure_date": "01.07.2025"})
    assert response.status_code == 404


def test_a_name_with_bytes_that_are_not_utf8_is_refused_with_a_message(client, places):
    data = registration_data(places)
    body = urlencode({key: value for key, value in data.items() if key != "surname"})
    response = client.post(
        REGISTER,
        body + "&surname=%D0%90%D1%81%FF%FEov",  # Ас, then two bytes no UTF-8 has
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "not UTF-8" in response.content.decode()
    assert not NameForm.objects.exists()


def test_a_name_holding_the_replacement_character_names_the_field(client, places):
    # Typed, or pasted, as the character itself (valid UTF-8), in a form as browsers send it.
    response = client.post(
        REGISTER,
        urlencode(registration_data(places, surname="Ас\ufffdанов")),
        content_type="application/x-www-form-urlencoded",
    )
    assert errors_of(response, "surname") == [
        "The name holds “\ufffd”, the mark of a letter that was lost on the way. Type the name again."
    ]
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        f"/admin/accounts/user/{TOO_LARGE}/change/",
        f"/admin/accounts/user/{TOO_LARGE}/history/",
        f"/admin/accounts/user/?consular_districts__id__exact={TOO_LARGE}",
        f"/admin/reference/district/{TOO_LARGE}/change/",
        f"/admin/audit/auditevent/{TOO_LARGE}/change/",
    ],
)
def test_an_id_too_large_for_the_database_is_not_an_error_in_the_admin(staff_client, administrator, path):
    response = staff_client(administrator).get(path, follow=True)
    assert response.status_code in (200, 404)


def test_a_multipart_form_with_bytes_that_are_not_utf8_is_refused_with_a_message(client, places):
    boundary = "mekendesh-test-boundary"
    parts = [(key, str(value).encode()) for key, value in registration_data(places).items() if key != "city"]
    parts.append(("city", "Моск".encode() + b"\xff\xfe"))
    body = (
        b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode() + value + b"\r\n"
            for key, value in parts
        )
        + f"--{boundary}--\r\n".encode()
    )
    response = client.generic("POST", REGISTER, body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 400
    assert "not UTF-8" in response.content.decode()
    assert not Person.objects.exists()
