"""The register's linkage features, kept in a table instead of computed for every screening run.

Each person on the register has a :class:`~mekendesh.people.models.LinkageFeatures` row: what
:func:`mekendesh.linkage.features.record_features` makes of their primary name, date of birth and
sex (the columns a linkage engine compares, before the steps that look at both sides of a run).
The people services write it in the transaction that changes those values
(:func:`linkage_features_write`). Bulk loads (the demo, imports) do not: a screening run first
refreshes the rows of the people it reads whose values differ from those the row was computed
from, or that have none (:func:`linkage_features_refresh`, one anti-join in the database), then
reads them in bulk (:func:`linkage_features_read`: ``COPY`` on PostgreSQL).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from django.db import IntegrityError, connections, transaction
from django.db.models import Exists, OuterRef, QuerySet

from mekendesh.linkage.features import COLUMNS, FEATURES_VERSION, record_features
from mekendesh.linkage.io import Record
from mekendesh.people.models import LinkageFeatures, NameForm, Person

# The feature columns stored (the person's id stands for unique_id).
FEATURE_COLUMNS = [name for name in COLUMNS if name != "unique_id"]
_SOURCE = ("person_id", "surname", "given_names", "patronymic", "person__birth_date", "person__sex")
CHUNK = 10_000


def name_record(person_id: Any, name: tuple[str, str, str], birth_date: Any, sex: str) -> Record:
    """A registered name form (surname, given names, patronymic) as the linkage reads a register
    row: what screening stores the features of, and what search and the duplicate proposals score."""
    surname, given, patronymic = name
    return Record(
        id=str(person_id),
        full_name=" ".join(part for part in (surname, given, patronymic) if part),
        birth_date=birth_date.isoformat() if birth_date else None,
        sex=sex or None,
        surname=surname or None,
        given_name=given or None,
        patronymic=patronymic or None,
    )


_STORED = ["person_id", "version", "src_surname", "src_given_names", "src_patronymic", "src_birth_date", "src_sex"]
_STORED += FEATURE_COLUMNS


def _rows(sources: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The stored rows (values in the order of ``_STORED``) of people's (id, surname, given names,
    patronymic, date of birth, sex)."""
    rows = []
    for pk, surname, given, patronymic, birth_date, sex in sources:
        features = record_features(name_record(pk, (surname, given, patronymic), birth_date, sex))
        rows.append(
            (pk, FEATURES_VERSION, surname, given, patronymic, birth_date, sex, *(features[n] for n in FEATURE_COLUMNS))
        )
    return rows


def _store(rows: list[tuple[Any, ...]], *, people: Iterable[int] | None = None, new: bool = False) -> None:
    """Replace the features of ``people`` (those of ``rows`` by default) by ``rows`` (``COPY`` on
    PostgreSQL); ``new`` says that they have none yet."""
    if not new:
        ids = list(people) if people is not None else [row[0] for row in rows]
        LinkageFeatures.objects.filter(person_id__in=ids).delete()
    connection = connections[LinkageFeatures.objects.db]
    if connection.vendor != "postgresql":
        LinkageFeatures.objects.bulk_create(
            [LinkageFeatures(**dict(zip(_STORED, row, strict=True))) for row in rows], batch_size=1000
        )
        return
    table = connection.ops.quote_name(LinkageFeatures._meta.db_table)
    column = {field.attname: str(field.column) for field in LinkageFeatures._meta.concrete_fields}
    columns = ", ".join(connection.ops.quote_name(column[name]) for name in _STORED)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def linkage_features_write(*, people: Iterable[int]) -> None:
    """Compute the features of these people (ids) again; call it inside the transaction that
    changes their primary name, date of birth or sex."""
    ids = list(people)
    _store(_rows(NameForm.objects.filter(is_primary=True, person_id__in=ids).values_list(*_SOURCE)), people=ids)


def linkage_features_add(*, people: Iterable[tuple[Any, str, str, str, Any, str]]) -> None:
    """Store the features of people just stored by a bulk load, who have none yet: each given as
    (id, primary surname, given names, patronymic, date of birth, sex)."""
    _store(_rows(people), new=True)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while chunk := list(islice(items, size)):
        yield chunk


# Up to this many people, a run's people are looked up by their ids (index look-ups), beyond it
# by a subquery (a join over the whole table, which a run of the whole register reads anyway).
FEW = 20_000


def _scope(people: QuerySet[Person]) -> Any:
    """``people``'s ids, as a list when they are few, else as a subquery."""
    ids = list(people.order_by().values_list("pk", flat=True)[: FEW + 1])
    return ids if len(ids) <= FEW else people.values("pk")


def linkage_features_refresh(people: QuerySet[Person]) -> int:
    """Compute the features of the people of ``people`` whose row is missing, of another
    version, or made from other values than their current ones; the number computed."""
    fresh = LinkageFeatures.objects.filter(
        person_id=OuterRef("person_id"),
        version=FEATURES_VERSION,
        src_surname=OuterRef("surname"),
        src_given_names=OuterRef("given_names"),
        src_patronymic=OuterRef("patronymic"),
        src_birth_date=OuterRef("person__birth_date"),
        src_sex=OuterRef("person__sex"),
    )
    stale = (
        NameForm.objects.filter(is_primary=True, person__in=_scope(people))
        .exclude(Exists(fresh))
        .order_by()
        .values_list(*_SOURCE)
    )
    done = 0
    for chunk in _chunks(iter(list(stale)), CHUNK):
        rows = _rows(chunk)
        try:
            with transaction.atomic():
                _store(rows)
        except IntegrityError:
            # Another run or a service stored one of these people's rows meanwhile: replace it.
            with transaction.atomic():
                _store(rows)
        done += len(rows)
    return done


def linkage_features_read(people: QuerySet[Person]) -> dict[str, list[Any]]:
    """The stored features of the people of ``people`` who have a primary name, in the order of
    their ids, as columns (``unique_id`` and :data:`mekendesh.linkage.features.COLUMNS`); run
    :func:`linkage_features_refresh` on the same people first."""
    query = (
        LinkageFeatures.objects.filter(person__in=_scope(people))
        .filter(Exists(NameForm.objects.filter(person_id=OuterRef("person_id"), is_primary=True)))
        .order_by("person_id")
        .values_list("person_id", *FEATURE_COLUMNS)
    )
    connection = connections[query.db]
    if not query.exists():
        columns: list[list[Any]] = [[] for _ in range(len(COLUMNS))]
    elif connection.vendor == "postgresql":
        columns = _copied(connection, *query.query.sql_with_params())
    else:
        rows = list(query.iterator(chunk_size=CHUNK))
        columns = [list(values) for values in zip(*rows, strict=True)]
    table = dict(zip(COLUMNS, columns, strict=True))
    table["unique_id"] = [str(pk) for pk in table["unique_id"]]
    return table


def _copied(connection: Any, sql: str, params: Sequence[Any]) -> list[list[Any]]:
    """The columns of a query's result, by ``COPY … TO STDOUT`` as CSV read by pyarrow (an
    unquoted empty field is NULL, a quoted one the empty string)."""
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    buffer = io.BytesIO()
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
        for data in copy:
            buffer.write(data)
    if not buffer.tell():
        return [[] for _ in range(len(COLUMNS))]
    buffer.seek(0)
    names = [f"c{i}" for i in range(len(COLUMNS))]
    table = pa_csv.read_csv(
        buffer,
        read_options=pa_csv.ReadOptions(column_names=names, block_size=1 << 24),
        convert_options=pa_csv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=True, quoted_strings_can_be_null=False
        ),
    )
    return [table.column(name).to_pylist() for name in names]
