"""What runs in the screening benchmark's leg processes: ``python -m bench.screening.legs COMMAND …``.

Each prints one JSON line last (what it did). Django is set up against ``DATABASE_URL``.

- ``source NAME``: the demo analyst describes the list (country, authority, kind, consequence).
- ``generate OUT ROWS MEMBERS NEW NEW_LISTED CHANGED SEED``: the list's first version (``list-1.csv``:
  ROWS rows in Russian spelling, MEMBERS of them people of the register written with errors,
  NEW_LISTED of them people who register only later) and its second (``list-2.csv``: CHANGED rows
  changed).
- ``run-queued [--fresh-model] [--pairs FILE]``: the screening runs the imports queued, carried out
  as the worker does (``job_execute`` of each run's ``screening.run`` job); ``--fresh-model``
  first removes the saved model, so that the run trains it as the first large run does;
  ``--pairs`` writes the run's pairs and decisions for the Spark comparison.
- ``register NEW SEED``: the scheduled screening of registrations is said to have run just now,
  then NEW demo people register (the demo's bulk load).
- ``people``: the ``screening.people`` job (registrations changed since its last run, against
  every list in force), run in this process.
- ``spark PAIRS [SAMPLE]``: the first version's entries (or SAMPLE of them, every k-th) against
  the same register with Spark in local mode and the saved model, pair by pair against the DuckDB
  run's decisions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

LIST_NAME = "Реестр контролируемых лиц (бенчмарк)"


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
    import django

    django.setup()


def _analyst() -> Any:
    from mekendesh.accounts.models import User
    from mekendesh.demo.users import DEMO_ANALYST

    return User.objects.get(email=DEMO_ANALYST)


def _new_people(count: int, seed: int) -> list[Any]:
    """The demo people who register during the benchmark, with passport numbers of a series the
    demo never gives (so that none is a number the register holds already)."""
    from django.utils import timezone

    from mekendesh.demo.generator import people_generate

    people = []
    for index, person in enumerate(people_generate(count=count, seed=seed, today=timezone.localdate())):
        document = dataclasses.replace(person.document, kind="passport", number=f"AZ{index:07d}", mrz="")
        people.append(dataclasses.replace(person, document=document))
    return people


def source_create(name: str) -> dict[str, Any]:
    from mekendesh.reference.models import Country
    from mekendesh.screening.services import list_source_create

    source = list_source_create(
        actor=_analyst(),
        name=name,
        country=Country.objects.get(code="RU"),
        authority="МВД России",
        kind="controlled_persons",
        consequence="You may not change your place of stay without notice; you may be expelled.",
        advice="Ask your consulate to help you apply for removal from the register.",
    )
    return {"source": source.pk}


def generate(out: Path, rows: int, members: int, new: int, new_listed: int, changed: int, seed: int) -> dict[str, Any]:
    from django.utils import timezone

    from mekendesh.demo.lists import Listed, host_list_changed, host_list_rows, host_list_write
    from mekendesh.demo.screening import register_sample

    today = timezone.localdate()
    started = time.perf_counter()
    listed = register_sample(count=members, seed=seed)
    later = [
        Listed(p.names[0].surname, p.names[0].given_names, p.names[0].patronymic, p.birth_date, p.sex)
        for p in _new_people(new, seed + 1)[:new_listed]
    ]
    first = host_list_rows(members=listed + later, count=rows, seed=seed, today=today)
    host_list_write(out / "list-1.csv", first)
    second = host_list_changed(first, changed=changed, seed=seed + 2, today=today)
    host_list_write(out / "list-2.csv", second)
    return {
        "rows": len(first),
        "members": len(listed),
        "listed_before_registering": len(later),
        "changed": sum(a != b for a, b in zip(first, second, strict=True)),
        "work_seconds": time.perf_counter() - started,
    }


def run_queued(*, fresh_model: bool, pairs: Path | None) -> dict[str, Any]:
    from django.conf import settings

    from mekendesh.demo.screening import runs_carry_out
    from mekendesh.people.models import Person
    from mekendesh.screening.models import Candidate

    if fresh_model:
        settings.SCREENING_MODEL_FILE.unlink(missing_ok=True)
    started = time.perf_counter()
    runs = runs_carry_out()
    seconds = time.perf_counter() - started
    if not runs:
        raise SystemExit("no screening run was waiting")
    found = [
        {
            "run": run.pk,
            "kind": run.kind,
            "version": run.version_id,
            "entries": run.entries,
            "people": run.people,
            "matches": run.matches,
            "reviews": run.reviews,
            "job": run.job.status if run.job else "",
        }
        for run in runs
    ]
    if pairs is not None:
        run = runs[0]
        decided = Candidate.objects.filter(run=run).values_list("entry_id", "person_id", "decision")
        last_person = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
        pairs.write_text(
            json.dumps(
                {
                    "run": run.pk,
                    "version": run.version_id,
                    "last_person": last_person,
                    "pairs": [[entry, person, decision] for entry, person, decision in decided],
                }
            )
        )
    return {
        "runs": found,
        "work_seconds": seconds,
        "model_trained": fresh_model and settings.SCREENING_MODEL_FILE.exists(),
    }


def register(new: int, seed: int) -> dict[str, Any]:
    from django.utils import timezone

    from mekendesh.demo.loading import demo_people_load
    from mekendesh.screening.models import RunKind, ScreeningRun

    now = timezone.now()
    ScreeningRun.objects.create(kind=RunKind.PEOPLE, people_since=now, finished_at=now)
    time.sleep(0.01)
    started = time.perf_counter()
    stored = demo_people_load(people=_new_people(new, seed + 1))
    return {"registered": stored, "work_seconds": time.perf_counter() - started}


def people() -> dict[str, Any]:
    from mekendesh.jobs.services import job_run_inline
    from mekendesh.screening.models import RunKind, ScreeningRun

    started = time.perf_counter()
    job = job_run_inline(kind="screening.people")
    seconds = time.perf_counter() - started
    run = ScreeningRun.objects.filter(kind=RunKind.PEOPLE, job=job).first()
    return {
        "job": job.status,
        "message": job.messages[-1]["text"] if job.messages else "",
        "people": run.people if run else 0,
        "entries": run.entries if run else 0,
        "matches": run.matches if run else 0,
        "reviews": run.reviews if run else 0,
        "work_seconds": seconds,
    }


def spark(pairs_path: Path, sample: int = 0) -> dict[str, Any]:
    from django.conf import settings

    from mekendesh.linkage.engine import link
    from mekendesh.people.models import Person
    from mekendesh.screening.models import ListEntry
    from mekendesh.screening.services import _entry_records, _on_register, _register_features

    duck = json.loads(pairs_path.read_text())
    started = time.perf_counter()
    entries = ListEntry.objects.filter(first_version_id=duck["version"])
    if sample:
        # Every k-th entry: the DuckDB decisions compared are those of these entries.
        ids = list(entries.order_by("pk").values_list("pk", flat=True))
        entries = entries.filter(pk__in=ids[:: max(1, len(ids) // sample)][:sample])
    right = _entry_records(entries)
    left = _register_features(Person.objects.filter(_on_register(), pk__lte=duck["last_person"]))
    read = time.perf_counter() - started
    model = settings.SCREENING_MODEL_FILE
    result = link(
        [], right, engine="spark", model=str(model) if model.exists() else None, train=False, left_features=left
    )
    seconds = time.perf_counter() - started
    kept = {int(record["id"]) for record in right}
    by_duckdb = {(int(entry), int(person)): decision for entry, person, decision in duck["pairs"] if int(entry) in kept}
    by_spark = {(int(pair.right_id), int(pair.left_id)): pair.decision for pair in result.pairs}
    union = set(by_duckdb) | set(by_spark)
    same = sum(by_duckdb.get(pair) == by_spark.get(pair) for pair in union)
    differ: dict[str, int] = {}
    for pair in union:
        if by_duckdb.get(pair) != by_spark.get(pair):
            label = f"{by_duckdb.get(pair, 'none')}→{by_spark.get(pair, 'none')}"
            differ[label] = differ.get(label, 0) + 1
    return {
        "people": len(left["unique_id"]),
        "entries": len(right),
        "sample": bool(sample),
        "pairs_duckdb": len(by_duckdb),
        "pairs_spark": len(by_spark),
        "pairs": len(union),
        "same": same,
        "share": same / len(union) if union else 1.0,
        "differ": differ,
        "read_seconds": read,
        "work_seconds": seconds,
        "engine_timings": result.timings,
    }


def main(argv: list[str]) -> int:
    command, *args = argv
    _django()
    found: dict[str, Any]
    if command == "source":
        found = source_create(args[0] if args else LIST_NAME)
    elif command == "generate":
        out, *numbers = args
        rows, members, new, new_listed, changed, seed = (int(number) for number in numbers)
        found = generate(Path(out), rows, members, new, new_listed, changed, seed)
    elif command == "run-queued":
        pairs = Path(args[args.index("--pairs") + 1]) if "--pairs" in args else None
        found = run_queued(fresh_model="--fresh-model" in args, pairs=pairs)
    elif command == "register":
        found = register(int(args[0]), int(args[1]))
    elif command == "people":
        found = people()
    elif command == "spark":
        found = spark(Path(args[0]), int(args[1]) if len(args) > 1 else 0)
    else:
        raise SystemExit(f"unknown command {command}")
    found["at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    print(json.dumps(found, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
