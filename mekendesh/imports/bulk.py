"""Fast inserts for bulk loads (the import pipeline, the demo data): rows with the values Django
would write, by ``COPY`` on PostgreSQL and one ``executemany`` per batch elsewhere."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone


def new_ids(model: type[models.Model], count: int) -> list[int]:
    """Primary keys for ``count`` new rows, taken before inserting them (the caller's transaction
    is the only writer: SQLite has one, and on PostgreSQL the ids come from the table's sequence)."""
    connection = connections[DEFAULT_DB_ALIAS]
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                # The table's name comes from the model, not from input.
                f"SELECT nextval(pg_get_serial_sequence('{model._meta.db_table}', 'id')) FROM generate_series(1, %s)",  # noqa: S608
                [count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608 (the model's table)
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


def rows_insert(
    model: type[models.Model],
    rows: Sequence[dict[str, Any] | models.Model],
    *,
    prepared: Collection[str] = (),
) -> None:
    """Insert rows (dicts by field attribute name, or unsaved instances) with the column values
    Django would write (each field's ``get_db_prep_save``; defaults and ``auto_now`` times filled
    in), but fast: ``COPY`` on PostgreSQL, one ``executemany`` on other databases. A primary key
    given is written; one left out is the database's to give. The fields named in ``prepared``
    already hold their database values (an encrypted number made earlier) and are written as
    they are."""
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]  # the connection itself: no proxy to go through per value
    meta = model._meta
    dicts = [
        row if isinstance(row, dict) else {f.attname: getattr(row, f.attname) for f in meta.concrete_fields}
        for row in rows
    ]
    with_pk = dicts[0].get(meta.pk.attname) is not None
    fields = [field for field in meta.concrete_fields if with_pk or not field.primary_key]
    now = timezone.now()
    defaults: dict[str, Any] = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.attname] = now
        elif field.has_default():
            defaults[field.attname] = field.get_default()
        else:
            defaults[field.attname] = None

    def as_is(value: Any, connection: Any) -> Any:
        return value

    steps = [
        (field.attname, as_is if field.attname in prepared else field.get_db_prep_save, defaults[field.attname])
        for field in fields
    ]
    values = [
        tuple(
            prep(row.get(name, default) if row.get(name) is not None else default, connection)
            for name, prep, default in steps
        )
        for row in dicts
    ]
    table = connection.ops.quote_name(meta.db_table)
    columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608 (model's names)


def rows_copy(model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows given as tuples of ``columns`` (field attribute names) whose values are already
    what the database stores: Python dates, times, UUIDs, numbers and text, encrypted values
    encrypted. On PostgreSQL they go to ``COPY`` as they are (psycopg adapts those types), without
    Django's preparation of every value, the most expensive part of a bulk load; elsewhere they
    take :func:`rows_insert`'s path."""
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        rows_insert(model, [dict(zip(columns, row, strict=True)) for row in rows], prepared=_encrypted(model))
        return
    from psycopg.types.json import Jsonb

    fields = {field.attname: field for field in model._meta.concrete_fields}
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(str(fields[column].column)) for column in columns)
    # JSON values are the one kind psycopg does not send as JSON by itself.
    json_at = [index for index, column in enumerate(columns) if isinstance(fields[column], models.JSONField)]
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            if json_at:
                values = list(row)
                for index in json_at:
                    values[index] = Jsonb(values[index])
                copy.write_row(values)
            else:
                copy.write_row(row)


def _encrypted(model: type[models.Model]) -> set[str]:
    """The fields of ``model`` whose values :func:`rows_copy` receives already encrypted."""
    return {field.attname for field in model._meta.concrete_fields if hasattr(field, "f")}


# What the audit row of a person created by a bulk load (an import, the demo data) lists.
PERSON_AUDITED_FIELDS = [
    "sex",
    "birth_date",
    "origin_region",
    "origin_district",
    "email",
    "phone",
    "names",
    "documents",
    "stays",
    "consents",
]


@dataclass(frozen=True)
class StoredPerson:
    """What an audit row needs of a person stored by a bulk load: its public identifier."""

    public_id: Any
