"""The import pages, as an officer of the Moscow consulate uses them: a cp1251 CSV with Russian
headers is uploaded, read and mapped, its rows checked, its error report downloaded and its valid
rows imported; nobody else sees the import, and the same file sent twice is one import."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mekendesh.audit.models import AuditEvent
from mekendesh.imports.models import BatchStatus, ImportBatch
from mekendesh.jobs.models import JobStatus
from mekendesh.jobs.services import job_execute
from mekendesh.people.models import NameForm

pytestmark = pytest.mark.django_db

HEADER = "ФИО;Пол;Дата рождения;Номер паспорта;Страна пребывания;Регион;Дата въезда;Согласие"
GOOD = "Осмонов Нурлан Бакытович;М;02.01.1990;AC7654321;Россия;Москва;01.06.2025;да"
# Row 3: 31 February does not exist. Its name is a formula a spreadsheet would run.
BAD = '"=HYPERLINK(""http://evil.example"",""x"")";Ж;31.02.1995;AC7654322;Россия;Москва;01.06.2025;да'


def csv_file(*lines: str, name: str = "moscow.csv") -> io.BytesIO:
    upload = io.BytesIO(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    upload.name = name
    return upload


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**settings.STORAGES["default"], "OPTIONS": {"location": str(tmp_path)}},
    }


@pytest.fixture
def officer(sign_in, officer_moscow):
    return sign_in(officer_moscow)


def upload(client: Any, *lines: str, source: str = "Посольство в Москве", name: str = "moscow.csv") -> Any:
    return client.post(
        reverse("staff:imports"),
        {"target": "registrations", "source": source, "file": csv_file(*lines, name=name)},
    )


def the_batch() -> ImportBatch:
    return ImportBatch.objects.get()


def detail(batch: ImportBatch) -> str:
    return reverse("staff:import_detail", kwargs={"import_id": batch.public_id})


def run_job(batch: ImportBatch) -> None:
    """Run the batch's queued job as the worker would, in this process."""
    batch.refresh_from_db()
    job = batch.job
    assert job is not None
    job_execute(job_id=job.pk, run_token=job.run_token)
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error


def mapping_post(client: Any, batch: ImportBatch, **changes: str) -> Any:
    page = client.get(detail(batch))
    form = page.context["mapping"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(changes)
    return client.post(reverse("staff:import_check", kwargs={"import_id": batch.public_id}), data, follow=True)


def checked(client: Any, *lines: str) -> ImportBatch:
    upload(client, *lines)
    batch = the_batch()
    response = mapping_post(client, batch)
    assert response.status_code == 200
    batch.refresh_from_db()
    assert batch.status == BatchStatus.VALIDATING
    run_job(batch)
    batch.refresh_from_db()
    return batch


def test_the_page_lists_the_officers_kinds_of_data_and_the_upload_form(officer):
    page = officer.get(reverse("staff:imports"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Registrations of citizens abroad" in text
    assert 'enctype="multipart/form-data"' in text
    assert "You have not imported any file yet." in text


def test_an_upload_shows_what_was_guessed_the_guessed_mapping_and_the_first_rows(officer):
    response = upload(officer, HEADER, GOOD, BAD)
    batch = the_batch()
    assert response.status_code == 302 and response["Location"] == detail(batch)

    page = officer.get(detail(batch))
    text = page.content.decode()
    assert "cp1251" in text and "CSV" in text
    # The decoded preview: the Cyrillic of the file, not mojibake.
    assert "Осмонов Нурлан Бакытович" in text
    form = page.context["mapping"]
    assert form["column_0"].value() == "full_name"
    assert form["column_2"].value() == "birth_date"
    assert form["column_7"].value() == "consent"
    # Nothing to decide: no column lacks its field.
    assert not page.context["has_problems"]
    # And the upload is listed among the officer's imports.
    assert "moscow.csv" in officer.get(reverse("staff:imports")).content.decode()


def test_a_column_no_field_matches_blocks_the_check_with_a_message_naming_it(officer):
    upload(officer, HEADER + ";Примечание", GOOD + ";звонить вечером")
    batch = the_batch()

    response = mapping_post(officer, batch)
    text = response.content.decode()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.UPLOADED
    assert batch.job is None
    assert "The columns do not fit yet" in text
    assert "The column “Примечание” matches no field" in text

    # "Do not import" for that column lets the check start.
    mapping_post(officer, batch, column_8="-")
    batch.refresh_from_db()
    assert batch.status == BatchStatus.VALIDATING


def test_a_missing_required_column_is_named_on_the_mapping_page(officer):
    upload(
        officer,
        "ФИО;Пол;Номер паспорта;Страна пребывания;Дата въезда;Согласие",
        "Осмонов Нурлан;М;AC7654321;Россия;01.06.2025;да",
    )
    text = officer.get(detail(the_batch())).content.decode()
    assert "The column “date of birth” is missing." in text


def test_the_check_reports_the_bad_rows_number_and_its_column_as_in_the_file(officer):
    batch = checked(officer, HEADER, GOOD, BAD)
    assert batch.status == BatchStatus.VALIDATED

    page = officer.get(detail(batch))
    text = page.content.decode()
    # The formula is no name either: the bad row has two problems, each named by its column.
    assert {
        "row": 3,
        "column": "ФИО",
        "value": '=HYPERLINK("http://evil.example","x")',
        "text": "Type the name exactly as in the passport: the letters A to Z, spaces, hyphens and apostrophes.",
    } in page.context["error_rows"]
    assert {
        "row": 3,
        "column": "Дата рождения",
        "value": "31.02.1995",
        "text": "“31.02.1995” is not a date; write it as 31.12.1990.",
    } in page.context["error_rows"]
    assert "<td>3</td><td>Дата рождения</td>" in text
    counts = dict(zip(("rows", "valid", "invalid"), (batch.rows, batch.valid, batch.invalid), strict=True))
    assert counts == {"rows": 2, "valid": 1, "invalid": 1}
    assert reverse("staff:import_report_csv", kwargs={"import_id": batch.public_id}) in text
    assert reverse("staff:import_report_xlsx", kwargs={"import_id": batch.public_id}) in text


def test_the_csv_error_report_has_the_bad_row_its_error_and_its_formula_neutralised(officer, officer_moscow):
    batch = checked(officer, HEADER, GOOD, BAD)

    response = officer.get(reverse("staff:import_report_csv", kwargs={"import_id": batch.public_id}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [*HEADER.split(";"), "Errors"]
    assert len(rows) == 2
    bad = rows[1]
    assert bad[0] == '\'=HYPERLINK("http://evil.example","x")'
    assert bad[2] == "31.02.1995"
    assert "row 3, Дата рождения: “31.02.1995” is not a date" in bad[-1]
    # Downloading the bad rows' personal data is audited.
    assert AuditEvent.objects.filter(actor=officer_moscow, action=AuditEvent.Action.EXPORT).exists()


def test_the_xlsx_error_report_is_a_workbook_with_the_bad_row(officer):
    batch = checked(officer, HEADER, GOOD, BAD)
    response = officer.get(reverse("staff:import_report_xlsx", kwargs={"import_id": batch.public_id}))
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][0] == '\'=HYPERLINK("http://evil.example","x")'


def test_the_import_stores_the_valid_rows_and_the_page_says_when_and_by_whom(officer, officer_moscow):
    batch = checked(officer, HEADER, GOOD, BAD)
    page = officer.get(detail(batch))
    data = {
        "submission_key": page.context["promote"]["submission_key"].value(),
        "mode": "skip_bad",
    }
    officer.post(reverse("staff:import_promote", kwargs={"import_id": batch.public_id}), data)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PROMOTING
    run_job(batch)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PROMOTED and batch.promoted == 1

    assert NameForm.objects.filter(surname="Осмонов", given_names="Нурлан").exists()
    assert not NameForm.objects.filter(surname__icontains="HYPERLINK").exists()
    text = officer.get(detail(batch)).content.decode()
    assert "1 row imported on" in text and officer_moscow.full_name in text


def test_all_or_nothing_with_a_bad_row_imports_nothing_and_says_why(officer):
    batch = checked(officer, HEADER, GOOD, BAD)
    page = officer.get(detail(batch))
    data = {"submission_key": page.context["promote"]["submission_key"].value(), "mode": "all_or_nothing"}
    response = officer.post(reverse("staff:import_promote", kwargs={"import_id": batch.public_id}), data, follow=True)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.VALIDATED
    assert "1 rows have errors" in response.content.decode()
    assert not NameForm.objects.filter(surname="Осмонов").exists()


def test_change_the_columns_goes_back_to_the_mapping_and_discard_ends_the_import(officer):
    batch = checked(officer, HEADER, GOOD, BAD)
    officer.post(reverse("staff:import_remap", kwargs={"import_id": batch.public_id}))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.UPLOADED
    assert "Which column is which" in officer.get(detail(batch)).content.decode()

    officer.post(reverse("staff:import_discard", kwargs={"import_id": batch.public_id}))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DISCARDED


def test_the_check_page_shows_the_jobs_progress_while_it_runs(officer):
    upload(officer, HEADER, GOOD)
    batch = the_batch()
    mapping_post(officer, batch)
    batch.refresh_from_db()
    assert batch.job is not None
    text = officer.get(detail(batch)).content.decode()
    assert reverse("jobs:progress", kwargs={"job_id": batch.job.pk}) in text
    assert 'hx-trigger="every 1s"' in text


def test_another_officer_gets_404_on_the_import_and_its_report(officer, sign_in, officer_other):
    upload(officer, HEADER, GOOD, BAD)
    batch = the_batch()
    other = sign_in(officer_other)
    for name in ("staff:import_detail", "staff:import_report_csv", "staff:import_report_xlsx"):
        assert other.get(reverse(name, kwargs={"import_id": batch.public_id})).status_code == 404
    for name in ("staff:import_check", "staff:import_discard", "staff:import_promote"):
        assert other.post(reverse(name, kwargs={"import_id": batch.public_id})).status_code == 404
    assert "moscow.csv" not in other.get(reverse("staff:imports")).content.decode()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.UPLOADED


def test_a_migrant_cannot_open_the_import_pages(sign_in, migrant_account):
    client = sign_in(migrant_account)
    assert client.get(reverse("staff:imports")).status_code == 404


def test_the_same_file_sent_twice_is_one_import_and_the_second_upload_says_so(officer):
    upload(officer, HEADER, GOOD)
    batch = the_batch()
    response = officer.post(
        reverse("staff:imports"),
        {"target": "registrations", "source": "Посольство в Москве", "file": csv_file(HEADER, GOOD, name="again.csv")},
        follow=True,
    )
    assert ImportBatch.objects.count() == 1
    assert response.redirect_chain[-1][0] == detail(batch)
    assert "This file was already uploaded on" in response.content.decode()
    assert "nothing changed" in response.content.decode()


def test_a_file_that_is_not_a_table_is_refused_and_the_page_says_why(officer):
    upload(officer, "<!doctype html><html><body>hello</body></html>", name="page.csv")
    batch = the_batch()
    assert batch.status == BatchStatus.REFUSED
    text = officer.get(detail(batch)).content.decode()
    assert "The file is refused" in text
    assert batch.refusal_text in text


def test_a_wrong_encoding_chosen_by_hand_reads_the_file_again(officer):
    upload(officer, HEADER, GOOD)
    batch = the_batch()
    officer.post(
        reverse("staff:import_reading", kwargs={"import_id": batch.public_id}), {"encoding": "koi8-r", "delimiter": ";"}
    )
    batch.refresh_from_db()
    assert batch.encoding == "koi8-r"
    assert "Осмонов" not in officer.get(detail(batch)).content.decode()


def test_seeing_a_files_rows_on_its_pages_is_audited(officer, officer_moscow):
    batch = checked(officer, HEADER, GOOD, BAD)
    officer.get(detail(batch))
    reads = AuditEvent.objects.filter(
        actor=officer_moscow, action=AuditEvent.Action.READ, object_type="imports.importbatch"
    ).values_list("fields", flat=True)
    # The mapping page showed the file's first rows, the report its bad rows' values.
    assert ["preview"] in list(reads)
    assert ["errors"] in list(reads)
