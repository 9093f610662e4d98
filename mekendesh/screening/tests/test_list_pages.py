"""The host-country list pages: the lists with their versions and entries in force, describing a
new list, a list's page with its versions, runs and the link to upload its next file, a version's
page with what it added, changed and removed, and running the whole register against a list."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mekendesh.audit.models import AuditEvent
from mekendesh.screening.conftest import AIGERIM_ROW, OTHER_ROW
from mekendesh.screening.models import ListSource, ListVersion, RunKind, ScreeningRun

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


def test_the_lists_page_shows_each_list_with_its_versions_and_entries_in_force(
    sign_in, analyst, send_list, controlled, registered_migrant
):
    send_list([AIGERIM_ROW, OTHER_ROW])
    send_list([OTHER_ROW, ["3", "Жумабаев Эрлан", "01.01.1992", "Киргизия", "", ""]])
    page = sign_in(analyst).get(reverse("staff:screening_lists"))
    assert page.status_code == 200
    row = page.text.split("Реестр контролируемых лиц</a>")[1].split("</tr>")[0]
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells == ["Russia", "МВД России", "Register of controlled persons", "2", "2"]


def test_an_analyst_describes_a_new_list_and_lands_on_its_page(sign_in, analyst, places):
    client = sign_in(analyst)
    response = client.post(
        reverse("staff:screening_list_new"),
        {
            "name": "Entry bans of Kazakhstan",
            "country": places["KZ"].pk,
            "authority": "КНБ",
            "kind": "entry_ban",
            "consequence": "You may not enter Kazakhstan.",
            "advice": "",
        },
    )
    source = ListSource.objects.get(name="Entry bans of Kazakhstan")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:screening_list", kwargs={"list_id": source.public_id})
    assert "Send its first file under the name" in client.get(response["Location"]).text


def test_a_list_of_an_existing_name_is_refused_with_what_was_typed_kept(sign_in, analyst, controlled, places):
    response = sign_in(analyst).post(
        reverse("staff:screening_list_new"),
        {
            "name": "реестр контролируемых лиц",
            "country": places["RU"].pk,
            "authority": "ГУВМ МВД",
            "kind": "controlled_persons",
            "consequence": "Something else",
        },
    )
    assert response.status_code == 400
    assert "A list of this name exists already." in response.text
    assert 'value="ГУВМ МВД"' in response.text
    assert ListSource.objects.count() == 1


def test_the_list_page_links_to_the_import_page_ready_for_its_next_file(
    sign_in, analyst, send_list, controlled, registered_migrant
):
    send_list([AIGERIM_ROW])
    client = sign_in(analyst)
    page = client.get(reverse("staff:screening_list", kwargs={"list_id": controlled.public_id})).text
    version = ListVersion.objects.get()
    assert reverse("staff:screening_version", kwargs={"version_id": version.public_id}) in page
    upload = reverse("staff:imports") + "?target=host_list&amp;source=" in page
    assert upload
    imports = client.get(reverse("staff:imports"), {"target": "host_list", "source": controlled.name}).text
    assert 'value="Реестр контролируемых лиц"' in imports
    assert '<option value="host_list" selected>' in imports
    # The run the version started, with its counts and its job.
    run = ScreeningRun.objects.get(kind=RunKind.VERSION)
    assert reverse("jobs:detail", kwargs={"job_id": run.job_id}) in page


def test_the_version_page_lists_what_was_added_changed_and_removed_and_writes_read_rows(
    sign_in, analyst, send_list, controlled, registered_migrant
):
    send_list([AIGERIM_ROW, OTHER_ROW, ["3", "Жумабаев Эрлан", "01.01.1992", "Киргизия", "", ""]])
    changed = ["9", "Абдыкадыров Талант", "14.07.1995", "Киргизия", "", "02.03.2024"]
    new = ["4", "Сыдыкова Бермет", "", "Киргизия", "", ""]
    send_list([AIGERIM_ROW, changed, new])
    version = ListVersion.objects.get(number=2)
    before = AuditEvent.objects.count()
    page = sign_in(analyst).get(reverse("staff:screening_version", kwargs={"version_id": version.public_id}))
    assert page.status_code == 200
    body = page.text
    added = body.split('id="added"')[1].split("</section>")[0]
    assert "Сыдыкова Бермет" in added and "no date of birth" in added
    changed_part = body.split('id="changed"')[1].split("</section>")[0]
    assert "02.03.2024" in changed_part and "Before:" in changed_part and "01.03.2024" in changed_part
    removed = body.split('id="removed"')[1].split("</section>")[0]
    assert "Жумабаев Эрлан" in removed
    unchanged = body.split('id="unchanged"')[1].split("</section>")[0]
    assert "ТОКТОСУНОВА Айгерим Асановна" in unchanged and "Жумабаев" not in unchanged
    assert "1 unchanged" in body and "Without a date of birth" in body
    reads = AuditEvent.objects.order_by("pk")[before:]
    assert sum(1 for row in reads if row.object_type == "screening.listentry" and row.action == "read") == 5


def test_the_whole_register_is_run_against_a_list_from_its_page(
    sign_in, analyst, send_list, controlled, registered_migrant
):
    send_list([AIGERIM_ROW])
    client = sign_in(analyst)
    url = reverse("staff:screening_list_run", kwargs={"list_id": controlled.public_id})
    response = client.post(url)
    assert response.status_code == 302
    run = ScreeningRun.objects.get(kind=RunKind.FULL)
    assert run.source == controlled and run.started_by == analyst
    assert run.job is not None and run.job.kind == "screening.run"
    # A second press while it is queued starts nothing more.
    client.post(url)
    assert ScreeningRun.objects.filter(kind=RunKind.FULL).count() == 1


@pytest.mark.parametrize("role", ["officer_moscow", "statistician", "ministry_officer"])
def test_the_list_pages_are_the_analysts_alone(request, sign_in, send_list, controlled, registered_migrant, role):
    send_list([AIGERIM_ROW])
    client = sign_in(request.getfixturevalue(role))
    version = ListVersion.objects.get()
    for url in (
        reverse("staff:screening_lists"),
        reverse("staff:screening_list_new"),
        reverse("staff:screening_list", kwargs={"list_id": controlled.public_id}),
        reverse("staff:screening_version", kwargs={"version_id": version.public_id}),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("staff:screening_list_run", kwargs={"list_id": controlled.public_id})).status_code == 404
    assert not ScreeningRun.objects.filter(kind=RunKind.FULL).exists()
