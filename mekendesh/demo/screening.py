"""The demo's host-country list: Russia's register of controlled persons, described by the demo
analyst, a generated file of it imported as any list is (``mekendesh import --target host_list``),
and its first screening run carried out at once, so that the review queue has work on first start.
The list names citizens of the installation's country of origin; outside Kyrgyzstan (whose
people are mostly in Russia, and whose demo keeps its list as it was) the people of the register
it names are drawn from those who have stayed in Russia.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from io import StringIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import gettext as _

from mekendesh.demo.lists import Listed, host_list_rows, host_list_write
from mekendesh.people.models import NameForm, Person
from mekendesh.reference.models import Country
from mekendesh.screening.models import ListKind, ListSource, ListVersion, RunKind, ScreeningRun

DEMO_LIST_NAME = "Реестр контролируемых лиц (МВД России)"
DEMO_LIST_ROWS = 3000
# Share of the demo people the list names (written with its errors), at most DEMO_LIST_MEMBERS.
DEMO_LIST_SHARE = 0.05
DEMO_LIST_MEMBERS = 250


def register_sample(*, count: int, seed: int, people: Any = None) -> list[Listed]:
    """``count`` people of the register drawn at random (the same seed, the same people), with
    their name in Cyrillic (the primary name; its Russian spelling where the primary is in Latin,
    as a Russian list writes it), date of birth and sex."""
    queryset = people if people is not None else Person.objects.all()
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    chosen = sorted(random.Random(seed).sample(ids, min(count, len(ids))))
    names = {}
    latin = []
    for person_id, surname, given, patronymic, script in NameForm.objects.filter(
        is_primary=True, person_id__in=chosen
    ).values_list("person_id", "surname", "given_names", "patronymic", "script"):
        names[person_id] = (surname, given, patronymic)
        if not script.endswith("-Cyrl"):
            latin.append(person_id)
    if latin:
        names.update(
            (person_id, (surname, given, patronymic))
            for person_id, surname, given, patronymic in NameForm.objects.filter(
                script="ru-Cyrl", person_id__in=latin
            ).values_list("person_id", "surname", "given_names", "patronymic")
        )
    found = Person.objects.filter(pk__in=chosen).values_list("pk", "birth_date", "sex")
    return [
        Listed(*names[pk], birth_date=birth_date, sex=sex)
        for pk, birth_date, sex in sorted(found.iterator(chunk_size=10_000))
        if pk in names
    ]


def demo_list_source(*, analyst: Any) -> ListSource:
    from mekendesh.screening.services import list_source_create

    return list_source_create(
        actor=analyst,
        name=DEMO_LIST_NAME,
        country=Country.objects.get(code="RU"),
        authority="МВД России",
        kind=ListKind.CONTROLLED_PERSONS,
        consequence=_(
            "You may not change your place of stay without notice, open a bank account, marry or drive; "
            "you may be expelled from Russia."
        ),
        advice=_("Ask your consulate to help you apply for removal from the register."),
    )


def runs_carry_out() -> list[ScreeningRun]:
    """Carry out the screening runs still waiting, here and now, as the worker would (each run's
    job, claimed under its token)."""
    from mekendesh.jobs.services import job_execute

    done = []
    for run in ScreeningRun.objects.filter(finished_at__isnull=True, job__isnull=False).select_related("job"):
        assert run.job is not None
        job_execute(job_id=run.job.pk, run_token=run.job.run_token)
        run.refresh_from_db()
        done.append(run)
    return done


def demo_list_screen(*, analyst: Any, seed: int, today: dt.date, rows: int = DEMO_LIST_ROWS) -> ListVersion:
    """Describe the demo list, import a generated file of it as the analyst and screen it."""
    from mekendesh.screening.services import screening_run_start

    source = demo_list_source(analyst=analyst)
    country = settings.ORIGIN_COUNTRY
    people = Person.objects.count()
    in_russia = None if country == "KG" else Person.objects.filter(stays__country_id="RU").distinct()
    members = register_sample(
        count=min(DEMO_LIST_MEMBERS, max(3, round(people * DEMO_LIST_SHARE))), seed=seed, people=in_russia
    )
    with tempfile.TemporaryDirectory(prefix="mekendesh-demo-list-") as folder:
        path = host_list_write(
            Path(folder) / "reestr-kontroliruemyh-lic.csv",
            host_list_rows(members=members, count=rows, seed=seed, today=today, country=country),
        )
        call_command(
            "import", str(path), "--target", "host_list", "--source", source.name, "--as", analyst.email,
            "--no-progress", stdout=StringIO(), stderr=StringIO(),
        )  # fmt: skip
    version = ListVersion.objects.filter(source=source).order_by("-number").first()
    if version is None:
        raise RuntimeError("the demo list was not imported")
    if not ScreeningRun.objects.filter(version=version).exists():
        # Inside a transaction (a test's) the run the import starts on commit has not started yet.
        screening_run_start(actor=analyst, kind=RunKind.VERSION, version=version)
    runs_carry_out()
    return version
