"""The migrant's credentials in their account: one for each verified stay, with its QR code, a
page to print, and only their own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from mekendesh.credentials.models import Credential


@pytest.fixture
def someone_elses_credential(places, officer_moscow, django_capture_on_commit_callbacks):
    """Nurlan's verified Moscow stay and its credential."""
    from mekendesh.accounts.models import User
    from mekendesh.people.services import NameInput, StayInput, person_register, stay_add, stay_verify

    account = User.objects.create_user(email="nurlan@example.com", password="x-unused-password-1")
    person = person_register(
        actor=account,
        sex="M",
        birth_date=dt.date(1990, 1, 2),
        account=account,
        names=[NameInput(script="ky-Cyrl", surname="Осмонов", given_names="Нурлан")],
        origin_region=places["osh"],
    )
    stay, _ = stay_add(
        actor=account,
        person=person,
        stay=StayInput(country=places["RU"], host_region=places["moscow"], arrival_date=dt.date(2025, 2, 1)),
    )
    with django_capture_on_commit_callbacks(execute=True):
        stay_verify(actor=officer_moscow, stay=stay)
    return Credential.objects.get(stay=stay)


def test_the_migrant_home_leads_to_the_credentials(client, aigerim):
    assert reverse("migrant:credentials") in client.get(reverse("migrant:home")).text


def test_the_migrant_sees_the_credential_of_a_verified_stay_with_its_qr_code(client, aigerim, credential):
    page = client.get(reverse("migrant:credentials")).text
    assert '<svg viewBox="0 0' in page and "QR code of the registration credential" in page
    assert credential.token in page and "TOKTOSUNOVA AIGERIM" in page and "12.04.1998" in page
    assert reverse("migrant:credential", kwargs={"credential_id": credential.public_id}) in page


def test_the_migrant_sees_only_their_own_credentials(client, aigerim, credential, someone_elses_credential):
    page = client.get(reverse("migrant:credentials")).text
    assert credential.token in page and someone_elses_credential.token not in page and "OSMONOV" not in page
    other = client.get(reverse("migrant:credential", kwargs={"credential_id": someone_elses_credential.public_id}))
    assert other.status_code == 404 and "OSMONOV" not in other.text
    stay = someone_elses_credential.stay
    assert client.post(reverse("migrant:credential_issue", kwargs={"stay_id": stay.pk})).status_code == 404


def test_a_name_without_a_passport_spelling_is_written_in_passport_latin(someone_elses_credential):
    from mekendesh.credentials.selectors import credential_claims

    claims = credential_claims(credential=someone_elses_credential)
    assert (claims.surname, claims.given_names) == ("OSMONOV", "NURLAN")


def test_the_printable_page_holds_the_qr_code_the_claims_and_where_to_check_it(client, aigerim, credential):
    page = client.get(reverse("migrant:credential", kwargs={"credential_id": credential.public_id}))
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert '<svg viewBox="0 0' in page.text and "TOKTOSUNOVA AIGERIM" in page.text
    assert "http://testserver" + reverse("credentials:verify") in page.text
    assert "data-print" in page.text and "credentials/credentials.css" in page.text


def test_a_declared_stay_shows_no_credential_yet(client, aigerim):
    page = client.get(reverse("migrant:credentials")).text
    assert "You have no verified stay yet." in page


def test_a_verified_stay_without_a_credential_offers_to_get_one(client, aigerim, verified_stay, credential):
    credential.delete()
    page = client.get(reverse("migrant:credentials")).text
    assert "This verified stay has no credential yet." in page
    response = client.post(reverse("migrant:credential_issue", kwargs={"stay_id": verified_stay.pk}), follow=True)
    assert "Your registration credential is ready." in response.text
    assert Credential.objects.filter(stay=verified_stay, revoked_at=None).count() == 1


def test_an_account_without_a_registration_gets_the_registration_offer(client, db):
    from mekendesh.accounts.models import User

    client.force_login(User.objects.create_user(email="new@example.com", password="x-unused-password-1"))
    response = client.get(reverse("migrant:credentials"))
    assert response.status_code == 404 and reverse("migrant:register") in response.text


def test_the_anonymous_are_sent_to_sign_in(client, credential):
    response = client.get(reverse("migrant:credential", kwargs={"credential_id": credential.public_id}))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
