"""Courses: enrolment from the migrant's account, the waiting list when full, the same enrolment
twice, a freed seat, attendance, completion and the certificate that can be verified."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mekendesh.employment.models import Enrolment
from mekendesh.employment.services import (
    course_create,
    enrolment_attendance,
    enrolment_cancel,
    enrolment_complete,
    enrolment_make,
)
from mekendesh.lib.credential.certificate import PREFIX


def test_a_course_that_ends_before_it_starts_or_has_no_seat_is_refused(employment_officer, today):
    import datetime as dt

    with pytest.raises(ValidationError) as refused:
        course_create(
            actor=employment_officer,
            title="Russian",
            provider="Centre",
            topic="language",
            place="Bishkek",
            starts_on=today,
            ends_on=today - dt.timedelta(days=1),
            seats=0,
        )
    assert "cannot end" in refused.value.message_dict["ends_on"][0]
    assert "at least one seat" in refused.value.message_dict["seats"][0]


def test_an_enrolment_over_capacity_goes_to_the_waiting_list(course, other_migrants, migrant_account):
    first, second, third = other_migrants
    assert enrolment_make(actor=first, course=course)[0].status == "enrolled"
    assert enrolment_make(actor=second, course=course)[0].status == "enrolled"
    waiting, created = enrolment_make(actor=third, course=course)
    assert created and waiting.status == "waiting"
    assert course.enrolments.filter(status="enrolled").count() == 2


def test_the_same_enrolment_twice_changes_nothing_and_says_so(client, aigerim, course):
    enrol = reverse("migrant:employment_enrol", kwargs={"course_id": course.public_id})
    first = client.post(enrol, {"submission_key": str(uuid.uuid4())}, follow=True)
    assert "You are enrolled in “Pre-departure orientation: Russia”." in first.content.decode()
    again = client.post(enrol, {"submission_key": str(uuid.uuid4())}, follow=True)
    assert (
        "You are already enrolled for “Pre-departure orientation: Russia”: nothing changed." in again.content.decode()
    )
    assert Enrolment.objects.count() == 1


def test_a_repeated_submission_of_the_same_form_replays_the_first(aigerim, course):
    key = uuid.uuid4()
    first, created = enrolment_make(actor=aigerim.account, course=course, submission_key=key)
    replayed, created_again = enrolment_make(actor=aigerim.account, course=course, submission_key=key)
    assert created and not created_again and replayed.pk == first.pk
    assert Enrolment.objects.count() == 1


def test_the_full_course_page_tells_the_migrant_she_is_on_the_waiting_list(client, aigerim, course, other_migrants):
    for migrant in other_migrants[:2]:
        enrolment_make(actor=migrant, course=course)
    enrol = reverse("migrant:employment_enrol", kwargs={"course_id": course.public_id})
    response = client.post(enrol, follow=True)
    assert "is full: you are on the waiting list" in response.content.decode()
    assert Enrolment.objects.get(user=aigerim.account).status == "waiting"


def test_a_freed_seat_goes_to_the_first_on_the_waiting_list(course, other_migrants, migrant_account):
    first, second, third = other_migrants
    seated, _ = enrolment_make(actor=first, course=course)
    enrolment_make(actor=second, course=course)
    waiting, _ = enrolment_make(actor=third, course=course)
    enrolment_cancel(actor=first, enrolment=seated)
    waiting.refresh_from_db()
    assert waiting.status == "enrolled"


def test_completion_issues_a_certificate_that_verifies_and_a_forged_one_does_not(
    client, course, aigerim, employment_officer
):
    enrolment, _ = enrolment_make(actor=aigerim.account, course=course)
    with pytest.raises(ValidationError):
        enrolment_complete(actor=employment_officer, enrolment=enrolment)  # no attendance yet
    enrolment_attendance(actor=employment_officer, enrolment=enrolment, days_attended=2)
    enrolment = enrolment_complete(actor=employment_officer, enrolment=enrolment)
    assert enrolment.status == "completed" and enrolment.certificate.startswith(PREFIX)

    page = client.get(reverse("migrant:employment_certificate", kwargs={"enrolment_id": enrolment.public_id}))
    assert enrolment.certificate in page.content.decode() and "<svg" in page.content.decode()

    verify = reverse("employment:certificate_verify")
    genuine = client.post(verify, {"certificate": enrolment.certificate}).content.decode()
    assert "Genuine: the ministry issued this certificate" in genuine
    assert "TOKTOSUNOVA" in genuine or "Токтосунова" in genuine

    forged = enrolment.certificate[:-6] + ("AAAAAA" if not enrolment.certificate.endswith("AAAAAA") else "BBBBBB")
    answer = client.post(verify, {"certificate": forged}).content.decode()
    assert "Genuine" not in answer
    assert "Not genuine" in answer or "Unreadable" in answer


def test_a_certificate_signed_with_another_key_is_not_genuine(client, course, aigerim, employment_officer):
    import datetime as dt

    from django.utils import timezone

    from mekendesh.lib.credential import SigningKey
    from mekendesh.lib.credential.certificate import Certificate, certificate_sign

    enrolment, _ = enrolment_make(actor=aigerim.account, course=course)
    now = timezone.now()
    forged = certificate_sign(
        Certificate(
            certificate_id=enrolment.public_id,
            issuer="KG",
            participant="TOKTOSUNOVA AIGERIM",
            course=course.title,
            provider=course.provider,
            topic="rights",
            starts_on=course.starts_on,
            ends_on=course.ends_on,
            completed_on=dt.date.today(),
            issued_at=now,
        ),
        SigningKey.generate(),
    )
    answer = client.post(reverse("employment:certificate_verify"), {"certificate": forged}).content.decode()
    assert "Not genuine" in answer and "Genuine:" not in answer


def test_attendance_beyond_the_course_length_is_refused(course, aigerim, employment_officer):
    enrolment, _ = enrolment_make(actor=aigerim.account, course=course)
    with pytest.raises(ValidationError) as refused:
        enrolment_attendance(actor=employment_officer, enrolment=enrolment, days_attended=5)
    assert "Between 0 and 2 days" in refused.value.message_dict["days_attended"][0]
    enrolment.refresh_from_db()
    assert enrolment.days_attended == 0
