"""Public self-registration of a stay abroad: one page, one transaction, clear messages per field."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from mekendesh.accounts.models import User
from mekendesh.audit.models import AuditEvent
from mekendesh.lib.mrz import build_td3
from mekendesh.people.models import Consent, IdentityDocument, NameForm, Person, Stay

pytestmark = pytest.mark.kyrgyz_data

REGISTER = reverse("migrant:register")
SENT = reverse("migrant:register_sent")
PASSWORD = "kara-suu-moscow-2025"


def confirmation_link(email):
    """The address-confirmation link of the last message sent to ``email``."""
    import re

    from django.core import mail

    sent = [message for message in mail.outbox if email in message.to]
    assert sent, f"no message to {email}"
    found = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", str(sent[-1].body))
    assert found, sent[-1].body
    return found.group(1)


def confirm_and_sign_in(client, email, password=PASSWORD):
    """What a new migrant does after registering: follow the e-mailed link, then sign in."""
    client.post(confirmation_link(email))
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def registration_data(places, **changes):
    """A complete, valid registration of Bakyt Asanov uulu from Kara-Suu, working in Moscow."""
    data = {
        "submission_key": str(uuid.uuid4()),
        "name_script": "ky-Cyrl",
        "surname": "Асанов",
        "given_names": "Бакыт",
        "patronymic": "Асан уулу",
        "latin_surname": "ASANOV",
        "latin_given_names": "BAKYT",
        "sex": "M",
        "birth_date": "05.09.1996",
        "origin_region": str(places["osh"].pk),
        "origin_district": str(places["kara_suu"].pk),
        "document_number": "AC7654321",
        "document_expiry": "",
        "mrz": "",
        "country": "RU",
        "host_region": str(places["moscow"].pk),
        "city": "Москва",
        "address": "ул. Ленина, 1",
        "employer": "ООО «Стройка»",
        "purpose": "work",
        "permit_type": "patent",
        "permit_expiry": "01.03.2027",
        "arrival_date": "01.03.2025",
        "email": "bakyt@example.com",
        "phone": "+996 555 123 456",
        "login_with": "email",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent_register": "on",
        "consent_reminders": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def valid_mrz(**changes):
    fields: dict[str, Any] = {
        "issuing_state": "KGZ",
        "surname": "ASANOV",
        "given_names": "BAKYT",
        "document_number": "AC7654321",
        "nationality": "KGZ",
        "birth_date": dt.date(1996, 9, 5),
        "sex": "M",
        "expiry_date": dt.date(2030, 1, 1),
    }
    fields.update(changes)
    return build_td3(**fields)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def field_errors(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def nothing_stored():
    return not Person.objects.exists() and not User.objects.exists() and not Stay.objects.exists()


def test_the_registration_page_shows_every_fieldset_and_a_fresh_submission_key(client, places):
    response = client.get(REGISTER)
    assert response.status_code == 200
    page = response.content.decode()
    for field in (
        "surname",
        "latin_surname",
        "birth_date",
        "origin_district",
        "document_number",
        "mrz",
        "arrival_date",
        "password2",
        "consent_register",
        "submission_key",
    ):
        assert f'name="{field}"' in page
    assert 'name="viewport"' in page
    assert "novalidate" in page


def test_a_migrant_registers_confirms_the_address_and_signs_in_with_everything_stored(client, places):
    response = client.post(REGISTER, registration_data(places, mrz=valid_mrz()))
    assert response.status_code == 302
    assert response.url == SENT
    assert not client.get(SENT).wsgi_request.user.is_authenticated
    assert "Check your e-mail" in client.get(SENT).content.decode()

    person = Person.objects.get()
    user = User.objects.get()
    assert person.account == user and user.role == "migrant" and user.email == "bakyt@example.com"
    assert user.check_password(PASSWORD)
    assert person.birth_date == dt.date(1996, 9, 5) and person.sex == "M"
    assert person.origin_district == places["kara_suu"] and person.phone == "+996555123456"
    names = {name.script: name.full_name for name in NameForm.objects.filter(person=person)}
    assert names == {"ky-Cyrl": "Асанов Бакыт Асан уулу", "Latn-ICAO": "ASANOV BAKYT"}
    document = IdentityDocument.objects.get(person=person)
    assert document.number == "AC7654321" and document.expiry_date == dt.date(2030, 1, 1)
    stay = Stay.objects.get(person=person)
    assert stay.status == "declared" and stay.consular_district == places["moscow_district"]
    assert stay.permit_expiry == dt.date(2027, 3, 1)
    assert set(Consent.objects.filter(person=person).values_list("purpose", flat=True)) == {"register", "reminders"}

    audited = set(AuditEvent.objects.filter(person_id=str(person.public_id)).values_list("object_type", flat=True))
    assert {
        "accounts.user",
        "people.person",
        "people.nameform",
        "people.identitydocument",
        "people.stay",
        "people.consent",
    } <= audited
    assert AuditEvent.objects.filter(actor=user).count() == AuditEvent.objects.count()

    # Until the address is confirmed the password does not let anyone in.
    before = client.post(reverse("account_login"), {"login": "bakyt@example.com", "password": PASSWORD})
    assert before.url == reverse("account_email_verification_sent")
    assert not client.get(reverse("migrant:home")).wsgi_request.user.is_authenticated
    confirm_and_sign_in(client, "bakyt@example.com")
    confirmation = client.get(reverse("migrant:registered"))
    assert confirmation.status_code == 200
    assert confirmation.wsgi_request.user == user
    assert "Embassy in Moscow" in confirmation.content.decode()


def test_without_a_passport_latin_name_the_icao_spelling_is_kept_as_derived(client, places):
    client.post(REGISTER, registration_data(places, latin_surname="", latin_given_names=""))
    latin = NameForm.objects.get(script="Latn-ICAO")
    assert (latin.surname, latin.given_names, latin.source) == ("ASANOV", "BAKYT", "derived")


def test_without_a_typed_latin_name_the_one_in_the_machine_readable_zone_is_kept(client, places):
    mrz = valid_mrz(given_names="BAKYTBEK")
    client.post(REGISTER, registration_data(places, latin_surname="", latin_given_names="", mrz=mrz))
    latin = NameForm.objects.get(script="Latn-ICAO")
    assert (latin.surname, latin.given_names, latin.source) == ("ASANOV", "BAKYTBEK", "passport")


def test_the_passport_spelling_is_offered_as_a_hint(client, places):
    response = client.get(reverse("migrant:latin_hint"), {"surname": "Жээнбеков", "given_names": "Үмүт"})
    assert "ZHEENBEKOV UMUT" in response.content.decode()
    response = client.post(
        REGISTER, registration_data(places, surname="Жээнбеков", given_names="Үмүт", birth_date="31.02.1996")
    )
    assert "ZHEENBEKOV UMUT" in response.content.decode()


def test_a_wrong_check_digit_in_the_machine_readable_zone_is_refused_on_that_field(client, places):
    line1, line2 = valid_mrz().splitlines()
    wrong = line2[:9] + str((int(line2[9]) + 1) % 10) + line2[10:]
    response = client.post(REGISTER, registration_data(places, mrz=f"{line1}\n{wrong}"))
    assert response.status_code == 200
    assert field_errors(response, "mrz") == [
        "The check digit of the document number in the machine-readable zone is wrong."
    ]
    assert nothing_stored()


def test_the_31st_of_february_is_refused_as_a_date_of_birth(client, places):
    response = client.post(REGISTER, registration_data(places, birth_date="31.02.1996"))
    assert field_errors(response, "birth_date") == ["31.02.1996 is not a date: month 02 of 1996 has 29 days."]
    assert "31.02.1996" in response.content.decode()  # what was typed stays in the form
    assert nothing_stored()


def test_a_date_of_birth_in_the_future_is_refused(client, places):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(REGISTER, registration_data(places, birth_date=tomorrow.strftime("%d.%m.%Y")))
    assert field_errors(response, "birth_date") == ["The date of birth cannot be in the future."]
    assert nothing_stored()


def test_a_picked_date_in_iso_form_is_accepted(client, places):
    client.post(REGISTER, registration_data(places, birth_date="1996-09-05"))
    assert Person.objects.get().birth_date == dt.date(1996, 9, 5)


def test_a_word_mixing_cyrillic_and_latin_is_refused_naming_the_word(client, places):
    response = client.post(REGISTER, registration_data(places, surname="Асанoв"))  # Latin "o"
    assert field_errors(response, "surname") == [
        "The word “Асанoв” mixes Cyrillic and Latin letters. Type it in one alphabet."
    ]
    assert nothing_stored()


def test_a_name_of_500_characters_is_refused_with_its_length(client, places):
    response = client.post(REGISTER, registration_data(places, given_names="Б" * 500))
    assert field_errors(response, "given_names") == ["A name may have at most 100 characters; this one has 500."]
    assert nothing_stored()


def test_a_cyrillic_name_in_the_passport_fields_gets_the_latin_spelling_suggested(client, places):
    response = client.post(REGISTER, registration_data(places, latin_surname="Асанов"))
    assert field_errors(response, "latin_surname") == [
        "Type the name in Latin letters as in the passport, for example ASANOV."
    ]


def test_a_formula_in_a_passport_name_is_refused_on_its_field(client, places):
    formula = '=HYPERLINK("http://evil.example","CLICK")'
    response = client.post(REGISTER, registration_data(places, latin_surname=formula))
    assert field_errors(response, "latin_surname") == [
        "Type the name exactly as in the passport: the letters A to Z, spaces, hyphens and apostrophes."
    ]
    assert nothing_stored()


def test_a_district_of_another_region_is_refused_without_javascript(client, places):
    from mekendesh.reference.models import District, Region

    chuy, _ = Region.objects.get_or_create(code="KG-C", defaults={"country": places["KG"], "name_en": "Chuy Region"})
    sokuluk, _ = District.objects.get_or_create(code="KG-C-SOKULUK", defaults={"region": chuy, "name_en": "Sokuluk"})
    response = client.post(REGISTER, registration_data(places, origin_district=str(sokuluk.pk)))
    assert field_errors(response, "origin_district") == ["This district is not in the chosen region."]
    options = client.get(reverse("migrant:districts"), {"origin_region": chuy.pk}).content.decode()
    assert "Sokuluk" in options and "Kara-Suu" not in options


def test_passwords_that_differ_or_are_too_short_are_refused_on_the_password_fields(client, places):
    response = client.post(REGISTER, registration_data(places, password2="something-else-2025"))
    assert field_errors(response, "password2") == ["The two passwords differ. Type the same password twice."]
    response = client.post(REGISTER, registration_data(places, password1="12345", password2="12345"))
    assert field_errors(response, "password1")
    assert nothing_stored()


def test_registration_needs_the_consent_to_be_on_the_register(client, places):
    data = registration_data(places)
    del data["consent_register"]
    response = client.post(REGISTER, data)
    assert field_errors(response, "consent_register") == [
        "Registration needs your consent to keep you on the register."
    ]
    assert nothing_stored()


def test_the_public_answer_does_not_tell_whether_a_passport_number_is_registered(client, places, registered_migrant):
    from mekendesh.people.models import DocumentClaim

    answers = []
    for number, email in (("AC1234567", "first@example.com"), ("AC7777777", "second@example.com")):
        response = client.post(REGISTER, registration_data(places, document_number=number, email=email))
        confirm_and_sign_in(client, email)
        page = client.get(reverse("migrant:home")).content.decode()
        answers.append(
            (
                response.status_code,
                response.url,
                "••••••567" in page or "••••••777" in page,
                "No document registered" in page,
            )
        )
        client.logout()
    assert answers[0] == answers[1] == (302, SENT, True, False)
    # The consulate is told: the number is kept as a claim beside the first person's document.
    claimant = Person.objects.get(account__email="first@example.com")
    claim = DocumentClaim.objects.get()
    assert claim.person == claimant and claim.holder == registered_migrant and claim.number == "AC1234567"
    assert not claimant.documents.exists()
    assert IdentityDocument.objects.get(number_hash=claim.number_hash).person == registered_migrant


def test_the_same_form_sent_twice_makes_one_registration_and_the_same_confirmation(client, places):
    data = registration_data(places)
    first = client.post(REGISTER, data)
    client.logout()  # a retry after a timeout: the first answer (and its cookie) never arrived
    second = client.post(REGISTER, data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == SENT
    assert Person.objects.count() == 1 and Stay.objects.count() == 1 and User.objects.count() == 1
    confirm_and_sign_in(client, "bakyt@example.com")
    assert client.get(reverse("migrant:registered")).wsgi_request.user.email == "bakyt@example.com"


def test_a_second_copy_racing_the_first_gets_the_first_registration(client, places, monkeypatch):
    # The second copy looked for its submission key just before the first copy was stored.
    from mekendesh.people import services

    data = registration_data(places)
    client.post(REGISTER, data)
    client.logout()
    real_lookup = services.submission_get
    calls = []

    def too_early(**kwargs):
        calls.append(kwargs)
        return None if len(calls) == 1 else real_lookup(**kwargs)

    monkeypatch.setattr(services, "submission_get", too_early)
    response = client.post(REGISTER, data)
    assert response.status_code == 302 and response.url == SENT
    assert Person.objects.count() == 1 and User.objects.count() == 1 and Stay.objects.count() == 1


def test_a_repeated_form_with_another_password_does_not_sign_anyone_in(client, places):
    data = registration_data(places)
    client.post(REGISTER, data)
    client.logout()
    response = client.post(REGISTER, {**data, "password1": "another-password-99", "password2": "another-password-99"})
    assert response.status_code == 302 and response.url == SENT
    assert not client.get(SENT).wsgi_request.user.is_authenticated
    refused = client.post(reverse("account_login"), {"login": "bakyt@example.com", "password": "another-password-99"})
    assert refused.status_code == 200 and not refused.wsgi_request.user.is_authenticated


def test_a_tampered_id_field_does_not_touch_the_other_person(client, places, registered_migrant):
    other = registered_migrant
    before = (other.email, other.phone, other.version, other.account_id)
    client.post(
        REGISTER,
        registration_data(
            places,
            person=str(other.pk),
            person_id=str(other.pk),
            public_id=str(other.public_id),
            account=str(other.account_id),
        ),
    )
    other.refresh_from_db()
    assert (other.email, other.phone, other.version, other.account_id) == before
    assert other.stays.count() == 1 and other.names.count() == 2
    newcomer = Person.objects.exclude(pk=other.pk).get()
    assert newcomer.account is not None and newcomer.account.email == "bakyt@example.com"


def test_a_repeated_form_from_another_signed_in_account_shows_nothing(client, places, migrant_account):
    data = registration_data(places)
    client.post(REGISTER, data)
    client.logout()
    client.force_login(migrant_account)
    response = client.post(
        REGISTER, {k: v for k, v in data.items() if k not in ("login_with", "password1", "password2")}
    )
    assert response.status_code == 200
    assert "This form was already sent." in response.content.decode()
    assert Person.objects.count() == 1 and not Person.objects.filter(account=migrant_account).exists()


def test_a_migrant_may_register_with_a_phone_number_and_sign_in_with_it(client, places):
    response = client.post(REGISTER, registration_data(places, email="", login_with="phone"))
    assert response.status_code == 302
    user = User.objects.get()
    assert user.phone == "+996555123456" and user.email == "996555123456@phone.invalid"
    client.logout()
    response = client.post(reverse("account_login"), {"login": "+996555123456", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("migrant:home")).status_code == 200


def test_signing_in_with_the_phone_needs_a_phone_to_be_given(client, places):
    response = client.post(REGISTER, registration_data(places, phone="", login_with="phone"))
    assert field_errors(response, "phone") == [
        "Type the phone number you will sign in with, or choose to sign in with your e-mail."
    ]


def test_a_signed_in_account_without_a_registration_registers_without_a_new_account(client, places, migrant_account):
    client.force_login(migrant_account)
    data = registration_data(places)
    for field in ("login_with", "password1", "password2"):
        del data[field]
    response = client.post(REGISTER, data)
    assert response.status_code == 302
    assert Person.objects.get().account == migrant_account and User.objects.count() == 1


def test_submissions_over_the_hourly_limit_get_429(client, places, settings):
    settings.REGISTRATION_RATE_PER_HOUR = 2
    for _ in range(2):
        assert client.post(REGISTER, registration_data(places, birth_date="31.02.1996")).status_code == 200
    response = client.post(REGISTER, registration_data(places))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many registrations from your network" in response.content.decode()
    assert nothing_stored()
    assert client.get(REGISTER).status_code == 200  # reading the form is not limited


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_copies_sent_at_the_same_moment_make_one_registration(places):
    """A double click: two requests with the same form, each on its own database connection."""
    import threading

    from django.db import connection
    from django.test import Client

    data = registration_data(places)
    start = threading.Barrier(2)
    answers = []

    def send():
        browser = Client(HTTP_ACCEPT_LANGUAGE="en")
        start.wait()
        try:
            answers.append(browser.post(REGISTER, data))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [answer.status_code for answer in answers] == [302, 302]
    assert {answer["Location"] for answer in answers} == {SENT}
    assert Person.objects.count() == 1 and User.objects.count() == 1 and Stay.objects.count() == 1


def test_the_service_says_a_repeated_form_may_be_shown_only_to_its_first_sender(places, migrant_account):
    from mekendesh.people import services
    from mekendesh.people.forms import RegistrationForm

    form = RegistrationForm(registration_data(places), with_account=False)
    assert form.is_valid(), form.errors
    send = {
        "submission_key": form.cleaned_data["submission_key"],
        "person_data": form.person_data(),
        "stay": form.stay_input(),
    }
    stranger_account = User.objects.create_user(email="x@example.com", password="another-password-99")
    first = services.migrant_register(**send, user=migrant_account)
    again = services.migrant_register(**send, user=migrant_account)
    stranger = services.migrant_register(**send, user=stranger_account)
    anonymous = services.migrant_register(
        **send, account=services.AccountInput(password="another-password-99", email="y@example.com")
    )
    assert (first.created, first.may_see) == (True, True)
    assert (again.created, again.may_see) == (False, True)
    assert (stranger.created, stranger.may_see) == (False, False)
    assert anonymous.may_see is False
    assert Person.objects.count() == 1 and not User.objects.filter(email="y@example.com").exists()
