"""Fixtures of the screening tests: a second analyst, Russia's register of controlled persons as
the ministry describes it, and a way to send a list's file through the import pipeline as the
analyst would (``mekendesh import --target host_list``) and run the screening it starts."""

from __future__ import annotations

import io

import pytest

HEADER = ["№ п/п", "ФИО", "Дата рождения", "Гражданство", "Документ", "Дата включения"]


def list_csv(rows, header=HEADER) -> bytes:
    lines = [";".join(header), *(";".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode("cp1251")


@pytest.fixture(autouse=True)
def _inline_jobs(settings, tmp_path):
    # The command line runs the import's jobs in its process; the test's transaction holds the
    # database, so the heartbeat thread stays off.
    settings.IMPORT_INLINE_HEARTBEAT = False
    settings.SCREENING_MODEL_FILE = tmp_path / "screening-model.json"


@pytest.fixture
def analyst_2(db):
    from mekendesh.accounts.models import User

    return User.objects.create_user(
        email="analyst2@mfa.example", password="correct-horse-battery-7", role="screening_analyst", full_name="analyst2"
    )


@pytest.fixture
def controlled(analyst, places):
    from mekendesh.screening.services import list_source_create

    return list_source_create(
        actor=analyst,
        name="Реестр контролируемых лиц",
        country=places["RU"],
        authority="МВД России",
        kind="controlled_persons",
        consequence="You may not change your place of stay without notice, open a bank account or drive; you may be deported.",
        advice="Ask your consulate to help you apply for removal from the register.",
    )


@pytest.fixture
def send_list(tmp_path, analyst, django_capture_on_commit_callbacks):
    """``send_list(rows, name=..., header=...)`` → (exit code, output): the file imported as the
    analyst, and each screening run it starts carried out."""
    from django.core.management import call_command

    from mekendesh.screening.models import ScreeningRun
    from mekendesh.screening.services import screening_run_execute

    counter = {"n": 0}

    def send(rows, *, name="Реестр контролируемых лиц", header=HEADER, actor=analyst, extra=()):
        counter["n"] += 1
        path = tmp_path / f"list-{counter['n']}.csv"
        path.write_bytes(list_csv(rows, header))
        out, err = io.StringIO(), io.StringIO()
        code = 0
        # What the import's transactions start once they commit (the screening run) starts here.
        with django_capture_on_commit_callbacks(execute=True):
            try:
                call_command(
                    "import", str(path), "--target", "host_list", "--source", name, "--as", actor.email,
                    "--no-progress", *extra, stdout=out, stderr=err,
                )  # fmt: skip
            except SystemExit as exc:
                code = int(exc.code or 0)
        for run in ScreeningRun.objects.filter(finished_at__isnull=True):
            screening_run_execute(run=run)
        return code, out.getvalue() + err.getvalue()

    return send


# Aigerim (the registered migrant working in Moscow) as Russia's register writes her, with her passport.
AIGERIM_ROW = ["1", "ТОКТОСУНОВА Айгерим Асановна", "12.04.1998", "Киргизия", "AC1234567", "05.02.2025"]
OTHER_ROW = ["9", "Абдыкадыров Талант", "14.07.1995", "Киргизия", "", "01.03.2024"]


@pytest.fixture
def listed_candidate(send_list, controlled, registered_migrant):
    """The candidate pair of Aigerim and her row on the register of controlled persons (with a
    second row that matches no one), screened as the import starts it."""
    from mekendesh.screening.models import Candidate

    send_list([AIGERIM_ROW, OTHER_ROW])
    return Candidate.objects.get()
