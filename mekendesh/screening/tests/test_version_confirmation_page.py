"""A version that would take most of a list away waits on its page: the removal is said plainly
with who would leave the list, and the analyst applies it (with an explicit confirmation) or sets
it aside."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mekendesh.screening.conftest import AIGERIM_ROW, OTHER_ROW
from mekendesh.screening.models import ListEntry, ListVersion, VersionStatus

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]

THIRD = ["3", "Жумабаев Эрлан", "01.01.1992", "Киргизия", "", ""]


@pytest.fixture
def waiting(send_list, controlled, registered_migrant):
    """Three people on the list; then a file with only one of them."""
    send_list([AIGERIM_ROW, OTHER_ROW, THIRD])
    send_list([THIRD])
    version = ListVersion.objects.get(number=2)
    assert version.status == VersionStatus.PENDING
    return version


def url(name, version):
    return reverse(name, kwargs={"version_id": version.public_id})


def test_the_waiting_version_says_plainly_how_many_would_leave_and_who(sign_in, analyst, waiting):
    page = sign_in(analyst).get(url("staff:screening_version", waiting))
    assert page.status_code == 200
    assert "This file would take 2 of the 3 people the list names now off the list (67 %)." in page.text
    who = page.text.split("Who would leave the list")[1].split("</table>")[0]
    assert "ТОКТОСУНОВА Айгерим Асановна" in who and "Абдыкадыров Талант" in who and "Жумабаев" not in who
    assert 'name="confirm_large_removal"' in page.text


def test_applying_without_the_confirmation_is_refused_and_nothing_changes(sign_in, analyst, waiting):
    response = sign_in(analyst).post(url("staff:screening_version_apply", waiting), {"version": waiting.version})
    assert response.status_code == 400
    assert "This version removes 2 of the 3 people the list names now." in response.text
    waiting.refresh_from_db()
    assert waiting.status == VersionStatus.PENDING
    assert ListEntry.objects.filter(gone_in__isnull=True).count() == 3


def test_applying_with_the_confirmation_takes_them_off_the_list(sign_in, analyst, waiting):
    client = sign_in(analyst)
    response = client.post(
        url("staff:screening_version_apply", waiting), {"version": waiting.version, "confirm_large_removal": "on"}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == VersionStatus.APPLIED and waiting.applied_by == analyst
    assert list(ListEntry.objects.filter(gone_in__isnull=True).values_list("full_name", flat=True)) == [
        "Жумабаев Эрлан"
    ]
    page = client.get(response["Location"]).text
    assert "Version 2 is applied" in page
    removed = page.split('id="removed"')[1].split("</section>")[0]
    assert "ТОКТОСУНОВА Айгерим Асановна" in removed


def test_setting_the_version_aside_keeps_the_list_as_it_was(sign_in, analyst, waiting):
    client = sign_in(analyst)
    response = client.post(url("staff:screening_version_reject", waiting), {"version": waiting.version})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == VersionStatus.REJECTED
    assert ListEntry.objects.filter(gone_in__isnull=True).count() == 3
    assert "This version was set aside: the list stayed as it was." in client.get(response["Location"]).text


def test_a_version_confirmed_from_a_stale_page_is_refused_with_409(sign_in, analyst, analyst_2, waiting):
    seen = waiting.version
    sign_in(analyst_2).post(url("staff:screening_version_reject", waiting), {"version": seen})
    late = sign_in(analyst).post(
        url("staff:screening_version_apply", waiting), {"version": seen, "confirm_large_removal": "on"}
    )
    assert late.status_code == 409
    assert "Someone else changed this record" in late.text
    waiting.refresh_from_db()
    assert waiting.status == VersionStatus.REJECTED


def test_the_analysts_home_and_the_lists_page_point_to_the_waiting_version(sign_in, analyst, waiting):
    client = sign_in(analyst)
    link = url("staff:screening_version", waiting)
    assert link in client.get(reverse("staff:home")).text
    assert link in client.get(reverse("staff:screening_lists")).text
