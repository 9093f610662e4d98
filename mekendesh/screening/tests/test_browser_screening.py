"""An analyst describes Russia's register of controlled persons, uploads its file through the
import pages, reads on the version's page what it added, opens the candidate that names a
registered migrant and proposes the match with the explanation in front of her; a second analyst
confirms it, and the case is opened for the Moscow consulate, whose officer finds it in the case
list with the list's row. A later file without the migrant moves the case on to "removed".

Headless Chromium against the live server, in Russian, axe-core on every page; the queued jobs
(the import's check and promotion, the screening run) are run by the test, as the worker would.
"""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from mekendesh.accounts.services import totp_activate
from mekendesh.cases.models import Case
from mekendesh.conftest import TOTP_SECRET
from mekendesh.jobs.models import Job, JobStatus
from mekendesh.jobs.services import job_execute
from mekendesh.reference.models import Country
from mekendesh.screening.models import Candidate, CandidateStatus, ListSource, ListVersion
from mekendesh.web.tests.test_browser_officer import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.kyrgyz_data,
]

HEADER = "№ п/п;ФИО;Дата рождения;Гражданство;Документ;Дата включения"
AIGERIM = "1;ТОКТОСУНОВА Айгерим Асановна;12.04.1998;Киргизия;AC1234567;05.02.2025"
TALANT = "9;Абдыкадыров Талант;14.07.1995;Киргизия;;01.03.2024"
ERLAN = "3;Жумабаев Эрлан;01.01.1992;Киргизия;;10.10.2024"
LIST_NAME = "Реестр контролируемых лиц"


def run_queued(kind: str, *, seconds: float = 20) -> Job:
    """Wait until a job of ``kind`` is queued, then run it as the worker would."""
    deadline = time.monotonic() + seconds
    while True:
        job = Job.objects.filter(kind=kind, status=JobStatus.QUEUED).order_by("pk").first()
        if job is not None:
            job_execute(job_id=job.pk, run_token=job.run_token)
            return Job.objects.get(pk=job.pk)
        if time.monotonic() > deadline:
            raise AssertionError(f"no {kind} job was queued")
        time.sleep(0.1)


def desk_page(chromium):
    """Another desktop page in Russian, in a context of its own (another person at another desk)."""
    from mekendesh.tests.accessibility import checked_page

    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="ru-RU", extra_http_headers={"Accept-Language": "ru"}
    )
    return context, checked_page(context)


def upload_list_file(page, base_url: str, lines: list[str], name: str) -> None:
    """From the list's page: upload a file, confirm its columns, let it be checked and imported."""
    source = ListSource.objects.get(name=LIST_NAME)
    page.goto(base_url + reverse("staff:screening_list", kwargs={"list_id": source.public_id}))
    page.click("#upload-next")
    page.wait_for_selector("#upload")
    assert page.input_value("input[name=source]") == LIST_NAME
    assert page.input_value("select[name=target]") == "host_list"
    content = ("\r\n".join([HEADER, *lines]) + "\r\n").encode("cp1251")
    page.set_input_files("input[name=file]", files=[{"name": name, "mimeType": "text/csv", "buffer": content}])
    page.click("#upload button[type=submit]")
    page.wait_for_selector("#mapping")
    page.click("#mapping button[type=submit]")
    page.wait_for_selector("#job-progress")
    run_queued("imports.check")
    page.wait_for_selector("#report", timeout=15_000)
    page.click("#promote button[type=submit]")
    run_queued("imports.promote")
    page.wait_for_selector("#imported", timeout=15_000)


def test_an_analyst_imports_a_list_reviews_a_match_a_second_confirms_it_and_the_case_follows_the_list(
    live_server, desk, chromium, analyst, analyst_2, officer_moscow, registered_migrant, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }
    settings.SCREENING_MODEL_FILE = tmp_path / "screening-model.json"
    for user in (analyst, analyst_2, officer_moscow):
        totp_activate(user=user, secret=TOTP_SECRET)
    base = live_server.url
    sign_in(desk, base, analyst.email)

    # The analyst describes the list, then sends its first file from the list's page.
    desk.goto(base + reverse("staff:screening_lists"))
    desk.click(f"a[href='{reverse('staff:screening_list_new')}']")
    desk.fill("input[name=name]", LIST_NAME)
    desk.select_option("select[name=country]", value=str(Country.objects.get(code="RU").pk))
    desk.fill("input[name=authority]", "МВД России")
    desk.select_option("select[name=kind]", value="controlled_persons")
    desk.fill("textarea[name=consequence]", "Вам нельзя менять место пребывания без уведомления; вас могут выдворить.")
    desk.click("#list-new button[type=submit]")
    desk.wait_for_selector("#upload-next")
    upload_list_file(desk, base, [AIGERIM, TALANT, ERLAN], "rkl-2025-02.csv")
    run_queued("screening.run")  # the screening of the version's new entries, started by its import

    # The version's page says what the file added.
    version = ListVersion.objects.get()
    desk.goto(base + reverse("staff:screening_version", kwargs={"version_id": version.public_id}))
    added = desk.locator("#added")
    assert "ТОКТОСУНОВА Айгерим Асановна" in added.inner_text() and "Жумабаев Эрлан" in added.inner_text()
    assert desk.locator("#removed table").count() == 0

    # The queue holds one pair; its page explains the score part by part and shows the row as read.
    desk.goto(base + reverse("staff:screening_queue"))
    candidate = Candidate.objects.get()
    desk.click(f"a[href='{reverse('staff:screening_candidate', kwargs={'candidate_id': candidate.public_id})}']")
    desk.wait_for_selector("figure.waterfall svg")
    assert desk.locator("figure.waterfall rect.bar").count() == 7  # the starting point, five comparisons, the sum
    assert "ТОКТОСУНОВА Айгерим Асановна" in desk.inner_text("table.raw-row")
    assert "AC1234567" not in desk.content()  # an analyst reads document numbers masked
    desk.fill("textarea[name=note]", "Совпадают дата рождения и номер паспорта.")
    desk.click("button[name=verdict][value=same]")
    desk.wait_for_load_state()
    assert Candidate.objects.get().status == CandidateStatus.PROPOSED
    # Four eyes: the proposer's own confirmation is refused.
    desk.click("button[name=verdict][value=confirm]")
    desk.wait_for_load_state()
    assert desk.locator(".message.error").count() == 1
    assert Candidate.objects.get().status == CandidateStatus.PROPOSED

    # A second analyst confirms it: the case is opened for the Moscow consulate.
    second_context, second = desk_page(chromium)
    try:
        sign_in(second, base, analyst_2.email)
        second.goto(base + reverse("staff:screening_candidate", kwargs={"candidate_id": candidate.public_id}))
        assert "Совпадают дата рождения и номер паспорта." in second.inner_text("ol.timeline")
        second.click("button[name=verdict][value=confirm]")
        second.wait_for_load_state()
        second.wait_for_selector("section.case-opened")
        second.axe_assert_no_violations()
    finally:
        second_context.close()
    case = Case.objects.get()
    assert (case.person, case.case_type, case.consular_district_id, case.status) == (
        registered_migrant,
        "register_removal",
        officer_moscow.consular_districts.get().pk,
        "requested",
    )
    assert Candidate.objects.get().case == case

    # The Moscow officer finds it among the requests of the consulate, with the list's row.
    officer_context, officer = desk_page(chromium)
    try:
        sign_in(officer, base, officer_moscow.email)
        officer.goto(base + reverse("staff:cases") + "?state=requested")
        officer.get_by_role("link", name=case.number).click()
        officer.wait_for_url("**" + reverse("staff:case", kwargs={"case_id": case.public_id}))
        origin = officer.inner_text(".screening-origin")
        assert LIST_NAME in origin and "AC1234567" in origin
        officer.axe_assert_no_violations()
    finally:
        officer_context.close()

    # A later file without her: the list no longer names her, and the case moves on.
    upload_list_file(desk, base, [TALANT, ERLAN], "rkl-2025-05.csv")
    later = ListVersion.objects.get(number=2)
    assert (later.status, later.removed) == ("applied", 1)
    desk.goto(base + reverse("staff:screening_version", kwargs={"version_id": later.public_id}))
    assert "ТОКТОСУНОВА Айгерим Асановна" in desk.inner_text("#removed")
    assert Case.objects.get(pk=case.pk).status == "removed"
