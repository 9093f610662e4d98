"""Who may use the employment pages: the employment officer the staff pages, a migrant their own
pages; every other role gets 404, the anonymous are sent to sign in; the public pages are open."""

from __future__ import annotations

import pytest
from django.urls import reverse

STAFF_PAGES = (
    "staff:employment",
    "staff:employment_agencies",
    "staff:employment_agency_new",
    "staff:employment_warnings",
    "staff:employment_offers",
    "staff:employment_offer_new",
    "staff:employment_questions",
    "staff:employment_courses",
    "staff:employment_course_new",
)


def test_the_employment_officer_opens_every_staff_page(sign_in, employment_officer, vetted_offer, course):
    client = sign_in(employment_officer)
    for name in STAFF_PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    assert (
        client.get(reverse("staff:employment_agency", kwargs={"agency_id": vetted_offer.agency.public_id})).status_code
        == 200
    )
    assert client.get(reverse("staff:employment_offer", kwargs={"offer_id": vetted_offer.public_id})).status_code == 200
    assert client.get(reverse("staff:employment_course", kwargs={"course_id": course.public_id})).status_code == 200
    assert "Legal employment" in client.get(reverse("staff:home")).content.decode()


@pytest.mark.parametrize(
    "role", ["officer_moscow", "analyst", "statistician", "coordinator", "administrator", "migrant_account"]
)
def test_other_roles_get_404_for_the_staff_pages_and_change_nothing(request, sign_in, role, vetted_offer):
    client = sign_in(request.getfixturevalue(role))
    for name in STAFF_PAGES:
        assert client.get(reverse(name)).status_code == 404, (role, name)
    agency = vetted_offer.agency
    status = reverse("staff:employment_agency_status", kwargs={"agency_id": agency.public_id})
    response = client.post(status, {"action": "suspend", "reason": "x", "version": agency.version})
    assert response.status_code == 404
    agency.refresh_from_db()
    assert agency.status == "valid"


def test_the_anonymous_are_sent_to_sign_in_for_staff_and_migrant_pages(client, course):
    assert client.get(reverse("staff:employment"))["Location"].startswith(reverse("account_login"))
    enrol = reverse("migrant:employment_enrol", kwargs={"course_id": course.public_id})
    assert client.post(enrol)["Location"].startswith(reverse("account_login"))
    assert not course.enrolments.exists()


def test_staff_cannot_enrol_or_save_from_the_migrant_pages(sign_in, employment_officer, course, vetted_offer):
    client = sign_in(employment_officer)
    assert client.get(reverse("migrant:employment")).status_code == 404
    assert client.post(reverse("migrant:employment_enrol", kwargs={"course_id": course.public_id})).status_code == 404
    assert not course.enrolments.exists()


def test_a_migrant_sees_only_her_own_certificate(client, aigerim, course, other_migrants, employment_officer):
    from mekendesh.employment.services import enrolment_attendance, enrolment_complete, enrolment_make

    theirs, _ = enrolment_make(actor=other_migrants[0], course=course)
    enrolment_attendance(actor=employment_officer, enrolment=theirs, days_attended=1)
    enrolment_complete(actor=employment_officer, enrolment=theirs)
    page = reverse("migrant:employment_certificate", kwargs={"enrolment_id": theirs.public_id})
    assert client.get(page).status_code == 404


def test_the_public_pages_are_open_to_everyone(client, vetted_offer, course):
    for name in ("employment:licences", "employment:offers", "employment:courses", "employment:certificate_verify"):
        assert client.get(reverse(name)).status_code == 200, name


def test_an_officer_reading_the_enrolments_of_a_course_is_in_the_audit_trail(
    sign_in, employment_officer, other_migrants, course
):
    from mekendesh.audit.models import AuditEvent
    from mekendesh.employment.services import enrolment_make

    enrolment, _ = enrolment_make(actor=other_migrants[0], course=course)
    page = sign_in(employment_officer).get(reverse("staff:employment_course", kwargs={"course_id": course.public_id}))
    assert page.status_code == 200
    reads = AuditEvent.objects.filter(actor=employment_officer, action=AuditEvent.Action.READ)
    assert reads.filter(object_id=str(enrolment.public_id)).exists()
