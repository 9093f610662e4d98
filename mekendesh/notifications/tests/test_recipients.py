"""Where and in which language a person or a user is reached: a person's own e-mail address and
phone number only while they consent to consular contact."""

from __future__ import annotations

import pytest

from mekendesh.notifications.services import Recipient, recipient_for_person, recipient_for_user
from mekendesh.people.models import ConsentPurpose
from mekendesh.people.services import consent_grant, consent_withdraw

pytestmark = pytest.mark.kyrgyz_data


def test_a_migrant_is_reached_at_their_confirmed_account_address_in_their_language(registered_migrant, confirmed):
    account = confirmed(registered_migrant.account)
    account.preferred_language = "ru"
    account.save()
    recipient = recipient_for_person(registered_migrant)
    assert recipient == Recipient(language="ru", email="aigerim@example.com", person=registered_migrant, user=account)


def test_without_consent_to_consular_contact_no_message_goes_to_the_persons_own_address_or_phone(
    registered_migrant,
):
    registered_migrant.phone = "+996555123456"
    registered_migrant.email = "aigerim.t@example.org"
    registered_migrant.save()
    # Her account's address is not confirmed, and she never consented to consular contact.
    assert recipient_for_person(registered_migrant) is None


def test_with_consent_to_consular_contact_the_persons_own_address_and_phone_are_used(registered_migrant):
    registered_migrant.phone = "+996555123456"
    registered_migrant.email = "aigerim.t@example.org"
    registered_migrant.save()
    consent_grant(actor=None, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    recipient = recipient_for_person(registered_migrant)
    assert recipient is not None
    assert (recipient.email, recipient.phone) == ("aigerim.t@example.org", "+996555123456")
    assert recipient.consent_channels == {"email", "sms"}
    consent_withdraw(actor=None, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    assert recipient_for_person(registered_migrant) is None


def test_a_confirmed_account_address_comes_before_the_persons_own_and_needs_no_consent(reachable_migrant):
    reachable_migrant.email = "other@example.org"
    reachable_migrant.save()
    recipient = recipient_for_person(reachable_migrant)
    assert recipient is not None
    assert (recipient.email, recipient.phone, recipient.language) == ("aigerim@example.com", "+996555123456", "ky")
    assert recipient.consent_channels == {"sms"}


def test_an_inactive_account_is_not_written_to(registered_migrant, confirmed):
    account = confirmed(registered_migrant.account)
    account.is_active = False
    account.save()
    assert recipient_for_person(registered_migrant) is None
    assert recipient_for_user(account) is None


def test_a_person_without_an_account_reads_the_sites_default_language(registered_migrant, settings):
    registered_migrant.account = None
    registered_migrant.save()
    consent_grant(actor=None, person=registered_migrant, purpose=ConsentPurpose.CONSULAR_CONTACT)
    settings.LANGUAGE_CODE = "ky"
    recipient = recipient_for_person(registered_migrant)
    assert recipient is not None and (recipient.language, recipient.email, recipient.user) == (
        "ky",
        "aigerim@example.com",
        None,
    )


def test_a_staff_user_is_reached_at_their_address_in_their_language_or_the_sites(officer_moscow, settings):
    settings.LANGUAGE_CODE = "ky"
    assert recipient_for_user(officer_moscow) == Recipient(
        language="ky", email=officer_moscow.email, user=officer_moscow
    )
    officer_moscow.preferred_language = "ru"
    assert getattr(recipient_for_user(officer_moscow), "language", None) == "ru"
    officer_moscow.preferred_language = "de"  # not a language of the site
    assert getattr(recipient_for_user(officer_moscow), "language", None) == "ky"


def test_a_migrant_account_is_reached_as_a_user_only_once_its_address_is_confirmed(registered_migrant, confirmed):
    account = registered_migrant.account
    assert recipient_for_user(account) is None
    confirmed(account)
    assert recipient_for_user(account) == Recipient(language="en", email=account.email, user=account)
