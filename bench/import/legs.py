"""What runs in the import benchmark's leg processes: ``python -m bench.import.legs COMMAND …``.

- ``officer EMAIL PASSWORD``: the consular officer the pipeline imports as, in every district.
- ``copy MANIFEST``: the limit. Empties the tables of the manifest (not timed), then loads the
  rows dumped into it with ``COPY … FROM STDIN``, every table in one transaction, its COMMIT
  included in the time; prints ``{"seconds": …, "rows": …}``.
- ``final-rows FILE ROWS OUT``: when the pipeline cannot run, the rows it would store, made
  straight from the file with plain values (no validation, no encryption; the three bad rows
  left out), written as a manifest and COPY files for ``copy``.
- ``ie FILE ROWS``: django-import-export on the first ROWS rows of the file with a minimal
  resource; prints the time and counts.

Django is set up (against ``DATABASE_URL``) only by the commands that need it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import random
import sys
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import psycopg

from .generate import COLUMN, DELIMITER, ENCODING, HEADER, bad_rows

# The tables a registration import writes, parents before children (the order COPY loads them).
TABLES = (
    "people_person",
    "people_nameform",
    "people_nametoken",
    "people_identitydocument",
    "people_stay",
    "people_consent",
    "people_documentclaim",
    "audit_auditevent",
    "audit_audithead",
)
PURPOSES = {"работа": "work", "учёба": "study", "семья": "family"}
COUNTRIES = {"Россия": "RU", "Российская Федерация": "RU", "Казахстан": "KZ", "Турция": "TR"}


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendesh.settings")
    import django

    django.setup()


def _psycopg_url(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


# -- the officer ------------------------------------------------------------------------------


def officer_create(email: str, password: str) -> None:
    _django()
    from mekendesh.accounts.models import Role, User
    from mekendesh.reference.models import ConsularDistrict

    user = User.objects.create_user(email, password, role=Role.CONSULAR_OFFICER, full_name="Import benchmark officer")
    user.consular_districts.set(ConsularDistrict.objects.all())


# -- the limit: raw COPY ----------------------------------------------------------------------


def copy_load(manifest_path: Path) -> dict[str, Any]:
    manifest = json.loads(manifest_path.read_text())
    url = _psycopg_url(os.environ["DATABASE_URL"])
    tables = [entry["table"] for entry in manifest["tables"]]
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    rows = 0
    with psycopg.connect(url) as db:
        started = time.perf_counter()
        with db.cursor() as cursor:
            for entry in manifest["tables"]:
                columns = ", ".join(f'"{column}"' for column in entry["columns"])
                with (
                    cursor.copy(f"COPY {entry['table']} ({columns}) FROM STDIN") as copy,
                    (manifest_path.parent / entry["file"]).open("rb") as handle,
                ):
                    while chunk := handle.read(1 << 20):
                        copy.write(chunk)
                rows += entry["rows"]
        db.commit()
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": rows, "tables": {e["table"]: e["rows"] for e in manifest["tables"]}}


def copy_text(value: Any) -> str:
    """One value in COPY's text format: ``\\N`` for NULL, backslash escapes for the characters
    that would end a field or a row."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class _TableFile:
    def __init__(self, out: Path, model: Any, *, with_pk: bool) -> None:
        self.table = model._meta.db_table
        # A primary key not given is the database's to number.
        self.fields = [field for field in model._meta.concrete_fields if with_pk or not field.primary_key]
        self.columns = [field.column for field in self.fields]
        self.file = f"{self.table}.copy"
        self.handle = (out / self.file).open("w", encoding="utf-8", newline="")
        self.rows = 0
        now = dt.datetime.now(dt.UTC)
        self.defaults: dict[str, Any] = {}
        for field in self.fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.defaults[field.attname] = now
            elif field.has_default():
                self.defaults[field.attname] = field.get_default()
            else:
                self.defaults[field.attname] = "" if field.empty_strings_allowed and not field.null else None

    def write(self, row: dict[str, Any]) -> None:
        values = (row.get(field.attname, self.defaults[field.attname]) for field in self.fields)
        self.handle.write("\t".join(copy_text(value) for value in values) + "\n")
        self.rows += 1

    def entry(self) -> dict[str, Any]:
        self.handle.close()
        return {"table": self.table, "columns": self.columns, "file": self.file, "rows": self.rows}


def final_rows_write(path: Path, rows: int, out: Path) -> dict[str, Any]:
    """The rows an import of the file stores, written for ``copy``, with plain values."""
    _django()
    from mekendesh.audit.models import AuditEvent, AuditHead
    from mekendesh.names import detect_script, icao_latin
    from mekendesh.people.models import Consent, IdentityDocument, NameForm, NameToken, Person, Stay
    from mekendesh.people.search_index import index_terms
    from mekendesh.people.services import CONSENT_WORDING_VERSION, consular_district_for, name_search_key
    from mekendesh.reference.models import Country, HostRegion

    out.mkdir(parents=True, exist_ok=True)
    numbered = (Person, NameForm, AuditEvent, AuditHead)
    files = {
        model: _TableFile(out, model, with_pk=model in numbered)
        for model in (Person, NameForm, NameToken, IdentityDocument, Stay, Consent, AuditEvent, AuditHead)
    }
    countries = {code: Country.objects.get(code=code) for code in set(COUNTRIES.values())}
    regions = {(r.country_id, r.name_ru): r for r in HostRegion.objects.filter(country__in=list(countries))}
    districts = {
        key: consular_district_for(country=countries[key[0]], host_region=region) for key, region in regions.items()
    }
    skip = {bad.row for bad in bad_rows(rows)}
    rng = random.Random(rows)
    now = dt.datetime.now(dt.UTC)
    person_id = name_id = event_id = 0
    previous = "0" * 64

    def audit(object_type: str, object_id: str, person: str) -> None:
        nonlocal event_id, previous
        event_id += 1
        digest = hashlib.sha256(f"{previous}|{event_id}|{object_type}|{object_id}".encode()).hexdigest()
        files[AuditEvent].write(
            {
                "sequence": event_id,
                "at": now,
                "actor_label": "bench import",
                "actor_role": "consular_officer",
                "action": "create",
                "object_type": object_type,
                "object_id": object_id,
                "person_id": person,
                "fields": ["names", "documents", "stays", "consents"] if person else ["rows"],
                "prev_hash": previous,
                "hash": digest,
            }
        )
        previous = digest

    audit("imports.import", str(uuid.UUID(int=rng.getrandbits(128), version=4)), "")
    with path.open(encoding=ENCODING, newline="") as handle:
        reader = csv.reader(handle, delimiter=DELIMITER)
        if tuple(next(reader)) != HEADER:
            raise SystemExit(f"{path} does not start with the benchmark's header")
        for number, fields in enumerate(reader, start=2):
            if number in skip:
                continue
            person_id += 1
            public_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            day, month, year = fields[COLUMN["Дата рождения"]].split(".")
            files[Person].write(
                {
                    "id": person_id,
                    "public_id": public_id,
                    "sex": "M" if fields[COLUMN["Пол"]] == "М" else "F",
                    "birth_date": f"{year}-{month}-{day}",
                    "phone": fields[COLUMN["Телефон"]].replace(" ", "").replace("-", ""),
                }
            )
            surname, given, patronymic = fields[0], fields[1], fields[2]
            latin = detect_script(surname + given) == "latin"
            names = [("Latn-ICAO" if latin else "ru-Cyrl", surname, given, patronymic if not latin else "")]
            if not latin:
                names.append(("Latn-ICAO", icao_latin(surname).upper(), icao_latin(given).upper(), ""))
            for index, (script, *parts) in enumerate(names):
                name_id += 1
                key = name_search_key(*parts)
                files[NameForm].write(
                    {
                        "id": name_id,
                        "person_id": person_id,
                        "script": script,
                        "source": "import",
                        "surname": parts[0],
                        "given_names": parts[1],
                        "patronymic": parts[2],
                        "is_primary": index == 0,
                        "search_key": key,
                    }
                )
                for token in index_terms(key):
                    files[NameToken].write({"token": token, "name_form_id": name_id, "person_id": person_id})
            number_text = fields[COLUMN["Серия и номер паспорта"]]
            expiry_day, expiry_month, expiry_year = fields[COLUMN["Срок действия паспорта"]].split(".")
            files[IdentityDocument].write(
                {
                    "person_id": person_id,
                    "kind": "id_card" if number_text.startswith("ID") else "passport",
                    "issuing_country_id": "KG",
                    "number": number_text,
                    "number_hash": hashlib.sha256(number_text.encode()).hexdigest(),
                    "expiry_date": f"{expiry_year}-{expiry_month}-{expiry_day}",
                    "mrz": None,
                }
            )
            country = COUNTRIES[fields[COLUMN["Страна пребывания"]]]
            region_key = (country, fields[COLUMN["Регион пребывания"]])
            region = regions.get(region_key)
            district = districts.get(region_key)
            purpose = PURPOSES[fields[COLUMN["Цель пребывания"]]]
            arrival_day, arrival_month, arrival_year = fields[COLUMN["Дата въезда"]].split(".")
            files[Stay].write(
                {
                    "person_id": person_id,
                    "country_id": country,
                    "host_region_id": region.pk if region else None,
                    "city": fields[COLUMN["Город"]],
                    "address": fields[COLUMN["Адрес"]][:300],
                    "employer": fields[COLUMN["Работодатель"]][:200],
                    "purpose": purpose,
                    "permit_type": "eaeu_contract" if purpose == "work" and country in ("RU", "KZ") else "none",
                    "arrival_date": f"{arrival_year}-{arrival_month}-{arrival_day}",
                    "status": "declared",
                    "consular_district_id": district.pk if district else None,
                    "submission_key": None,
                }
            )
            files[Consent].write(
                {
                    "person_id": person_id,
                    "purpose": "register",
                    "wording_version": CONSENT_WORDING_VERSION,
                    "given_at": now,
                }
            )
            audit("people.person", str(public_id), str(public_id))
    files[AuditHead].write({"id": 1, "sequence": event_id, "hash": previous, "count": event_id, "seal": previous})
    manifest = {"source": "generated from the file", "tables": [table.entry() for table in files.values()]}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


# -- django-import-export ---------------------------------------------------------------------


def _ie_rows(path: Path, rows: int) -> Iterable[list[str]]:
    with path.open(encoding=ENCODING, newline="") as handle:
        reader = csv.reader(handle, delimiter=DELIMITER)
        for index, record in enumerate(reader):
            if index > rows:
                return
            yield record


def import_export_run(path: Path, rows: int) -> dict[str, Any]:
    """django-import-export as a Django team would first write it: a ModelResource for Person,
    the Russian columns converted in ``before_import_row``, the name stored in
    ``after_save_instance``, ``import_data`` in a transaction."""
    _django()
    import tablib  # type: ignore[import-untyped]
    from django.core.exceptions import ValidationError
    from import_export import resources  # type: ignore[import-untyped]

    from mekendesh.names import detect_script
    from mekendesh.people.models import NameForm, NameSource, Person
    from mekendesh.people.services import name_search_key

    class PersonResource(resources.ModelResource):
        class Meta:
            model = Person
            fields = ("sex", "birth_date")
            import_id_fields = ()

        def before_import_row(self, row: dict[str, Any], **kwargs: Any) -> None:
            row["sex"] = "M" if row["Пол"] == "М" else "F"
            try:
                row["birth_date"] = dt.datetime.strptime(row["Дата рождения"], "%d.%m.%Y").date().isoformat()  # noqa: DTZ007 (a date)
            except ValueError as error:
                raise ValidationError({"birth_date": str(error)}) from error

        def after_save_instance(self, instance: Person, row: dict[str, Any], **kwargs: Any) -> None:
            if kwargs.get("dry_run"):
                return
            surname, given, patronymic = row["Фамилия"], row["Имя"], row["Отчество"]
            NameForm.objects.create(
                person=instance,
                script="Latn-ICAO" if detect_script(surname) == "latin" else "ru-Cyrl",
                source=NameSource.IMPORT,
                surname=surname,
                given_names=given,
                patronymic=patronymic,
                is_primary=True,
                search_key=name_search_key(surname, given, patronymic),
            )

    started = time.perf_counter()
    records = iter(_ie_rows(path, rows))
    dataset = tablib.Dataset(headers=next(records))
    for record in records:
        dataset.append(record)
    read = time.perf_counter() - started
    result = PersonResource().import_data(dataset, dry_run=False, use_transactions=True)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "read_seconds": read,
        "rows": len(dataset),
        "new": result.totals.get("new", 0),
        "invalid": len(result.invalid_rows),
        "errors": len(result.row_errors()),
        "people": Person.objects.count(),
        "names": NameForm.objects.count(),
    }


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "officer":
        officer_create(args[0], args[1])
        return 0
    if command == "copy":
        print(json.dumps(copy_load(Path(args[0]))))
        return 0
    if command == "final-rows":
        manifest = final_rows_write(Path(args[0]), int(args[1]), Path(args[2]))
        print(json.dumps({entry["table"]: entry["rows"] for entry in manifest["tables"]}))
        return 0
    if command == "ie":
        print(json.dumps(import_export_run(Path(args[0]), int(args[1]))))
        return 0
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
