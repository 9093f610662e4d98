"""The import pipeline end to end, through ``mekendesh import``: what an officer checks after
sending a file — which rows were refused and why, by row number and column, and that the
register holds exactly the rows it should (nothing at all when the file is refused)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from mekendesh.audit.models import AuditEvent
from mekendesh.imports.models import BatchStatus, ImportBatch, StagedRow
from mekendesh.imports.tests.support import HEADERS, csv_bytes, people_rows, person_row, write
from mekendesh.people.models import IdentityDocument, NameForm, Person, Stay
from mekendesh.people.selectors import person_search

pytestmark = [pytest.mark.django_db, pytest.mark.kyrgyz_data]


@pytest.fixture(autouse=True)
def _inline_jobs(settings, django_capture_on_commit_callbacks):
    # The command line runs each job here once its batch has moved; the test's transaction
    # holds the database, so the heartbeat thread stays off.
    settings.IMPORT_INLINE_HEARTBEAT = False
    with django_capture_on_commit_callbacks(execute=True):
        yield


def run_import(path, *args, actor="officer.moscow@mfa.example", source="Moscow consulate"):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(
            "import", str(path), "--source", source, "--as", actor, "--no-progress", *args, stdout=out, stderr=err
        )
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def register_state():
    return (
        Person.objects.count(),
        NameForm.objects.count(),
        IdentityDocument.objects.count(),
        Stay.objects.count(),
        AuditEvent.objects.filter(object_type="people.person").count(),
    )


def test_a_consulate_spreadsheet_in_windows_1251_with_semicolons_is_imported(tmp_path, officer_moscow):
    path = write(tmp_path, "moscow.csv", csv_bytes(people_rows(5)))
    code, out, err = run_import(path)
    assert code == 0, err
    assert "rows 5, valid 5, invalid 0" in out
    assert Person.objects.count() == 5
    stay = Stay.objects.select_related("consular_district").first()
    assert stay is not None and stay.consular_district is not None
    assert stay.consular_district.code == "RU-MOSCOW"
    assert stay.status == "declared"
    document = IdentityDocument.objects.get(number_hash__isnull=False, person__names__surname="Кулубаев")
    assert document.number == "AC7000001"  # stored encrypted, read back through the field
    # One audit row per person created, and one for the import itself.
    assert AuditEvent.objects.filter(object_type="people.person", action="create").count() == 5
    import_rows = AuditEvent.objects.filter(object_type="imports.importbatch").values_list("fields", flat=True)
    assert sum("promoted" in fields for fields in import_rows) == 1
    # The bulk-written rows are chained like every other: the check of the trail passes.
    from mekendesh.audit.verification import chain_verify

    assert chain_verify().intact


def test_the_imported_people_are_found_by_name_in_another_script(tmp_path, officer_moscow):
    run_import(write(tmp_path, "one.csv", csv_bytes([person_row("Кулубаев", "Жээнбек", "Асанович")])))
    assert [str(person) for person in person_search(user=officer_moscow, query="KULUBAEV ZHEENBEK")] == [
        "Кулубаев Жээнбек Асанович"
    ]


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", True, "\r\n"), ("utf-16", False, "\r\n"), ("koi8-r", False, "\n"), ("cp1251", False, "\r")],
)
def test_the_encoding_and_line_endings_are_recognised(tmp_path, officer_moscow, encoding, bom, newline):
    # (Python's utf-16 codec writes its own byte-order mark.)
    path = write(tmp_path, "f.csv", csv_bytes(people_rows(3), encoding=encoding, bom=bom, newline=newline))
    code, _out, err = run_import(path)
    assert code == 0, err
    assert set(NameForm.objects.values_list("surname", flat=True)) == {"Кулубаев", "Асанов", "Токтогулов"}


def test_mixed_line_endings_and_a_quoted_line_break_keep_the_row_numbers(tmp_path, officer_moscow):
    rows = people_rows(4)
    rows[0][10] = "ул. Ленина, 5;\nкв. 3"  # a line break inside a quoted field: still row 2
    rows[2][4] = "31.02.1991"  # row 4 of the file as a spreadsheet shows it
    text = csv_bytes(rows, encoding="utf-8").decode()
    lines = text.split("\r\n")
    data = ("\r\n".join(lines[:3]) + "\n" + "\n".join(lines[3:])).encode("utf-8")
    code, out, err = run_import(write(tmp_path, "mixed.csv", data))
    assert code == 0, err
    assert "row 4, Дата рождения: “31.02.1991” is not a date" in out
    assert Stay.objects.filter(address="ул. Ленина, 5; кв. 3").exists()  # spaces collapsed, as in the form
    assert Person.objects.count() == 3


def test_bad_rows_are_named_by_row_and_column_and_the_others_imported(tmp_path, officer_moscow):
    rows = people_rows(6)
    rows[1][4] = "31.02.1991"
    rows[3][0] = "Kулубаев"  # a Latin K inside a Cyrillic word
    rows[4][6] = "12"
    code, out, err = run_import(write(tmp_path, "bad.csv", csv_bytes(rows)))
    assert code == 0, err
    assert "rows 6, valid 3, invalid 3" in out
    assert "row 3, Дата рождения:" in out
    assert "row 5, Фамилия:" in out and "mixes Cyrillic and Latin" in out
    assert "row 6, Серия и номер паспорта:" in out
    assert Person.objects.count() == 3


def test_all_or_nothing_with_a_bad_row_leaves_the_register_as_it_was(tmp_path, officer_moscow, registered_migrant):
    before = register_state()
    rows = people_rows(4)
    rows[2][4] = "01.01.2090"
    code, out, _err = run_import(write(tmp_path, "bad.csv", csv_bytes(rows)), "--all-or-nothing")
    assert code == 2
    assert "row 4, Дата рождения:" in out
    assert register_state() == before


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.csv", b"", "The file is empty."),
        ("headers.csv", csv_bytes([]), "The file has a header row but no data rows."),
        ("program.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200), "is a program"),
        ("page.xlsx", b"<!DOCTYPE html><html><body>hello</body></html>", "is a web page"),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1016) + "EncryptedPackage".encode("utf-16-le") + bytes(1024),
            "password",
        ),
    ],
)
def test_a_file_that_is_not_a_readable_table_is_refused(tmp_path, officer_moscow, name, data, reason):
    before = register_state()
    code, _out, err = run_import(write(tmp_path, name, data))
    assert code == 2
    assert reason in err
    assert register_state() == before
    assert ImportBatch.objects.get().status == BatchStatus.REFUSED


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, officer_moscow, settings):
    settings.IMPORT_MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        # 1.2 GiB of zeros compresses to about a megabyte.
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = bytes(16 * 1024 * 1024)
            for _ in range(72):
                member.write(block)
    code, _out, err = run_import(path)
    assert code == 2
    assert "unsafe" in err
    assert Person.objects.count() == 0


def test_an_xlsx_is_read_by_its_values_and_formula_text_stays_text(tmp_path, officer_moscow):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append(person_row(passport="AC7000001"))
    sheet.append(person_row("Асанов", "Бакыт", "", passport="AC7000002"))
    # A formula (never evaluated: no value was cached for it) in the city of the first person,
    # and a text that only looks like one as the employer of the second.
    sheet["J2"] = '=CONCATENATE("Мос","ква")'
    sheet["L3"] = '=HYPERLINK("http://example.org","click")'
    sheet["L3"].data_type = "s"
    path = tmp_path / "book.xlsx"
    book.save(path)
    code, out, err = run_import(path)
    assert code == 0, err
    assert "rows 2, valid 2" in out
    assert Stay.objects.get(person__names__surname="Кулубаев").city == ""
    assert Stay.objects.get(person__names__surname="Асанов").employer == '=HYPERLINK("http://example.org","click")'


def test_a_windows_1251_file_with_a_utf8_byte_order_mark_is_read_as_windows_1251(tmp_path, officer_moscow):
    data = b"\xef\xbb\xbf" + csv_bytes(people_rows(2), encoding="cp1251")
    code, _out, err = run_import(write(tmp_path, "bom.csv", data))
    assert code == 0, err
    assert set(NameForm.objects.values_list("surname", flat=True)) == {"Кулубаев", "Асанов"}


def test_a_missing_column_an_unknown_column_and_two_columns_for_one_field_are_named(tmp_path, officer_moscow):
    without_birth = [header for header in HEADERS if header != "Дата рождения"]
    rows = [
        [value for header, value in zip(HEADERS, row, strict=True) if header != "Дата рождения"]
        for row in people_rows(2)
    ]
    code, _out, err = run_import(write(tmp_path, "a.csv", csv_bytes(rows, headers=without_birth)))
    assert code == 2 and "“date of birth” is missing" in err

    code, _out, err = run_import(
        write(tmp_path, "b.csv", csv_bytes([[*row, "рыбалка"] for row in people_rows(2)], headers=[*HEADERS, "Хобби"]))
    )
    assert code == 2 and "“Хобби” matches no field" in err

    twice = [*HEADERS, "Дата рождения"]
    code, _out, err = run_import(
        write(tmp_path, "c.csv", csv_bytes([[*row, row[4]] for row in people_rows(2)], headers=twice))
    )
    assert code == 2 and "are all mapped to" in err
    assert Person.objects.count() == 0

    # The officer decides: the unknown column is not imported.
    code, _out, err = run_import(tmp_path / "b.csv", "--map", "Хобби=-")
    assert code == 0, err
    assert Person.objects.count() == 2


def test_a_repeated_header_row_is_a_bad_row_of_its_own(tmp_path, officer_moscow):
    rows = [*people_rows(2), list(HEADERS), *people_rows(2, start=10)]
    code, out, err = run_import(write(tmp_path, "h.csv", csv_bytes(rows)))
    assert code == 0, err
    assert "row 4: The header row is repeated here." in out
    assert Person.objects.count() == 4


def test_the_same_file_twice_changes_nothing_the_second_time(tmp_path, officer_moscow):
    path = write(tmp_path, "twice.csv", csv_bytes(people_rows(3)))
    assert run_import(path)[0] == 0
    before = register_state()
    code, out, _err = run_import(path)
    assert code == 0
    assert "already imported" in out
    assert register_state() == before
    assert ImportBatch.objects.count() == 1


def test_the_same_file_at_the_same_moment_from_two_tabs_makes_one_import(tmp_path, officer_moscow, monkeypatch):
    from mekendesh.imports import services

    with (tmp_path / "f.csv").open("wb") as handle:
        handle.write(csv_bytes(people_rows(2)))
    first = services.import_upload(
        actor=officer_moscow,
        target="registrations",
        source="tab 1",
        upload=(tmp_path / "f.csv").open("rb"),
        name="f.csv",
    )
    # The second request looked before the first one stored its batch: the database's
    # constraint on live imports of one file still keeps one.
    real_filter = ImportBatch.objects.filter
    calls = {"n": 0}

    def late_filter(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            return ImportBatch.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(ImportBatch.objects, "filter", late_filter)
    second = services.import_upload(
        actor=officer_moscow,
        target="registrations",
        source="tab 2",
        upload=(tmp_path / "f.csv").open("rb"),
        name="f.csv",
    )
    assert second.batch.pk == first.batch.pk and not second.created


def test_a_person_already_registered_is_proposed_not_imported_again(tmp_path, officer_moscow, registered_migrant):
    rows = people_rows(2)
    rows[1] = person_row("Токтосунова", "Айгерим", "", sex="Ж", birth="12.04.1998", passport="AC1234567")
    before = Person.objects.count()
    code, out, err = run_import(write(tmp_path, "r.csv", csv_bytes(rows)))
    assert code == 0, err
    assert "already registered 1" in out
    assert "row 3: already registered" in out
    assert Person.objects.count() == before + 1
    assert (
        IdentityDocument.objects.filter(
            number_hash=IdentityDocument.objects.get(person=registered_migrant).number_hash
        ).count()
        == 1
    )


def test_a_row_of_the_same_person_twice_in_the_file_is_a_duplicate(tmp_path, officer_moscow):
    rows = [*people_rows(2), people_rows(1)[0]]
    _code, out, _err = run_import(write(tmp_path, "d.csv", csv_bytes(rows)))
    assert "duplicates in file 1" in out
    assert "row 4, Серия и номер паспорта: The same document number as row 2" in out
    assert Person.objects.count() == 2


def test_a_row_in_another_officers_district_is_refused(tmp_path, officer_moscow, officer_other):
    rows = people_rows(2)
    rows[1][8] = "Свердловская область"
    _code, out, _err = run_import(write(tmp_path, "o.csv", csv_bytes(rows)))
    assert "row 3, Регион пребывания: This place is outside your consular districts" in out
    assert Person.objects.count() == 1


def test_who_may_import_registrations(tmp_path, analyst, statistician):
    path = write(tmp_path, "x.csv", csv_bytes(people_rows(1)))
    for user in (analyst, statistician):
        code, _out, _err = run_import(path, actor=user.email)
        assert code == 2
    assert Person.objects.count() == 0


def test_a_promotion_that_fails_midway_stores_nothing_and_runs_again(tmp_path, officer_moscow, monkeypatch, settings):
    from mekendesh.imports import registrations
    from mekendesh.jobs.models import Job
    from mekendesh.jobs.services import job_run_inline

    settings.IMPORT_CHUNK_ROWS = 3
    real = registrations._promote_chunk
    calls = {"n": 0}

    def dies_on_the_second_chunk(chunk, actor, now):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("the worker went away")
        return real(chunk, actor, now)

    monkeypatch.setattr(registrations, "PROMOTE_CHUNK", 3)
    monkeypatch.setattr(registrations, "_promote_chunk", dies_on_the_second_chunk)
    path = write(tmp_path, "k.csv", csv_bytes(people_rows(8)))
    with pytest.raises(CommandError):
        run_import(path)
    assert register_state()[0] == 0
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.PROMOTING
    assert StagedRow.objects.filter(batch=batch, status="valid").count() == 8
    # The job starts the promotion again (as the worker does after an interruption).
    monkeypatch.setattr(registrations, "_promote_chunk", real)
    job_run_inline(kind="imports.promote", params={"batch": batch.pk}, actor=officer_moscow)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PROMOTED and batch.promoted == 8
    assert Person.objects.count() == 8
    assert Job.objects.filter(kind="imports.promote").count() >= 1


def test_a_check_interrupted_after_a_chunk_goes_on_from_its_checkpoint(tmp_path, officer_moscow, monkeypatch, settings):
    from mekendesh.imports import jobs as import_jobs
    from mekendesh.jobs.models import Job
    from mekendesh.jobs.services import job_run_inline

    settings.IMPORT_CHUNK_ROWS = 3
    real = import_jobs._stage
    calls = {"n": 0}

    def dies_on_the_third_chunk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(import_jobs, "_stage", dies_on_the_third_chunk)
    rows = people_rows(10)
    rows[7][4] = "31.02.1991"
    with pytest.raises(KeyboardInterrupt):
        run_import(write(tmp_path, "c.csv", csv_bytes(rows)))
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.VALIDATING
    job = Job.objects.filter(kind="imports.check").latest("pk")
    assert job.checkpoint is not None and job.checkpoint["row"] == 7  # two chunks of three rows after the header
    monkeypatch.setattr(import_jobs, "_stage", real)
    resumed = job_run_inline(kind="imports.check", params={"batch": batch.pk}, actor=officer_moscow)
    del resumed
    batch.refresh_from_db()
    assert (batch.status, batch.rows, batch.valid, batch.invalid) == (BatchStatus.VALIDATED, 10, 9, 1)
    assert StagedRow.objects.filter(batch=batch).count() == 10


def test_the_error_report_holds_the_rows_found_duplicates_after_their_check(
    tmp_path, officer_moscow, registered_migrant
):
    from mekendesh.imports.services import report_rows

    rows = [*people_rows(2), people_rows(1)[0]]
    rows.append(person_row("Токтосунова", "Айгерим", "", sex="Ж", birth="12.04.1998", passport="AC1234567"))
    run_import(write(tmp_path, "d.csv", csv_bytes(rows)))
    batch = ImportBatch.objects.get()
    report = list(report_rows(batch))
    assert report[0][-1] == "Errors"
    by_surname = {row[0]: row[-1] for row in report[1:]}
    assert by_surname["Кулубаев"].startswith("row 4, Серия и номер паспорта: The same document number as row 2")
    assert "already registered" in by_surname["Токтосунова"]


def test_an_import_whose_job_stopped_can_be_discarded_and_one_running_cannot(tmp_path, officer_moscow, monkeypatch):
    from mekendesh.imports import registrations, services
    from mekendesh.jobs.models import Job, JobStatus

    def stops(chunk, actor, now):
        raise RuntimeError("the worker went away")

    monkeypatch.setattr(registrations, "_promote_chunk", stops)
    with pytest.raises(CommandError):
        run_import(write(tmp_path, "s.csv", csv_bytes(people_rows(2))))
    batch = ImportBatch.objects.get()
    assert batch.status == BatchStatus.PROMOTING
    # While a job of the import runs, it is not discarded under it.
    job = Job.objects.filter(kind="imports.promote").latest("pk")
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    with pytest.raises(ValidationError, match="still running"):
        services.import_discard(actor=officer_moscow, batch=batch)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED)
    services.import_discard(actor=officer_moscow, batch=batch)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DISCARDED
    assert not StagedRow.objects.filter(batch=batch).exists()
    assert Person.objects.count() == 0


def test_a_registered_person_in_another_spelling_is_proposed_not_imported(tmp_path, officer_moscow, registered_migrant):
    rows = [
        *people_rows(2),
        person_row("TOKTOSUNOVA", "AIGERIM", "", sex="Ж", birth="12.04.1998", passport="AC7999999"),
    ]
    before = Person.objects.count()
    code, out, err = run_import(write(tmp_path, "p.csv", csv_bytes(rows)))
    assert code == 0, err
    assert "possibly registered 1" in out
    assert "row 4: possibly already registered" in out
    assert Person.objects.count() == before + 2
    staged = StagedRow.objects.get(row=4)
    assert staged.existing_person == registered_migrant.public_id
    # The officer decides: sent again with the possible duplicates, it is imported as a new person.
    code, out, err = run_import(write(tmp_path, "p2.csv", csv_bytes(rows[2:])), "--import-possible-duplicates")
    assert code == 0, err
    assert Person.objects.count() == before + 3
