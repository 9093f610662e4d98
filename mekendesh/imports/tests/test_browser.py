"""An officer of the Moscow consulate imports a consulate's CSV in the browser: uploads it, confirms
the columns, watches the check, reads the report with the bad row's number, downloads the error
report, imports the valid rows and finds the imported person on the search page. Headless
Chromium against the live server, axe-core on every page; the queued jobs are run by the test, as
the worker would run them."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from mekendesh.accounts.services import totp_activate
from mekendesh.conftest import TOTP_SECRET
from mekendesh.imports.models import BatchStatus, ImportBatch
from mekendesh.jobs.models import Job
from mekendesh.jobs.services import job_execute
from mekendesh.web.tests.test_browser_officer import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LINES = [
    "ФИО;Пол;Дата рождения;Номер паспорта;Страна пребывания;Регион;Дата въезда;Согласие",
    "Осмонов Нурлан Бакытович;М;02.01.1990;AC7654321;Россия;Москва;01.06.2025;да",
    "Асанова Жылдыз;Ж;31.02.1995;AC7654322;Россия;Москва;01.06.2025;да",
]


def run_the_job(status: str, *, seconds: float = 20) -> None:
    """Wait until the import's job is queued, then run it as the worker would."""
    deadline = time.monotonic() + seconds
    while True:
        batch = ImportBatch.objects.get()
        kind = "imports.check" if status == BatchStatus.VALIDATING else "imports.promote"
        if batch.status == status and batch.job_id is not None:
            job = Job.objects.get(pk=batch.job_id)
            if job.kind == kind:
                job_execute(job_id=job.pk, run_token=job.run_token)
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"no {kind} job was queued")
        time.sleep(0.1)


def test_an_officer_imports_a_csv_with_a_bad_row_and_finds_the_imported_person(
    live_server, desk, officer_moscow, places, settings, tmp_path
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }
    totp_activate(user=officer_moscow, secret=TOTP_SECRET)
    sign_in(desk, live_server.url, officer_moscow.email)

    desk.goto(live_server.url + reverse("staff:imports"))
    desk.fill("input[name=source]", "Посольство в Москве")
    desk.set_input_files(
        "input[name=file]",
        files=[
            {"name": "moscow.csv", "mimeType": "text/csv", "buffer": ("\r\n".join(LINES) + "\r\n").encode("cp1251")}
        ],
    )
    desk.click("#upload button[type=submit]")
    desk.wait_for_selector("#mapping")
    # The preview reads the Windows-1251 file as Cyrillic.
    assert "Осмонов Нурлан Бакытович" in desk.inner_text("table.preview")
    assert desk.input_value("#mapping select[name=column_2]") == "birth_date"

    desk.click("#mapping button[type=submit]")
    desk.wait_for_selector("#job-progress")
    run_the_job(BatchStatus.VALIDATING)
    # The progress fragment polls the job; when the job ends the page reloads with the report.
    desk.wait_for_selector("#report", timeout=15_000)
    first_error = desk.locator("table.row-errors tbody tr").first
    assert first_error.locator("td").nth(0).inner_text() == "3"
    assert "Дата рождения" in desk.inner_text("table.row-errors")

    with desk.expect_download() as download:
        desk.click(
            f"a[href='{reverse('staff:import_report_csv', kwargs={'import_id': ImportBatch.objects.get().public_id})}']"
        )
    report = download.value.path().read_bytes().decode("utf-8-sig")
    assert "Асанова Жылдыз" in report and "31.02.1995" in report
    assert "Осмонов" not in report

    desk.click("#promote button[type=submit]")
    run_the_job(BatchStatus.PROMOTING)
    desk.wait_for_selector("#imported", timeout=15_000)
    assert ImportBatch.objects.get().promoted == 1

    desk.goto(live_server.url + reverse("staff:search"))
    desk.fill("input[name=q]", "Осмонов Нурлан")
    desk.press("input[name=q]", "Enter")
    desk.wait_for_load_state()
    assert desk.get_by_role("link", name="Осмонов Нурлан Бакытович").count() == 1
