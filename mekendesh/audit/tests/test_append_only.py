"""The database itself refuses every way of rewriting an audit row: UPDATE, DELETE, and the
inserts that replace an existing row (SQLite's INSERT OR REPLACE, PostgreSQL's ON CONFLICT DO UPDATE)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record

PLACEHOLDERS = ", ".join(["%s"] * 13)
COLUMNS = (
    "sequence, at, actor_label, actor_role, action, object_type, object_id, person_id, fields, "
    "user_agent, path, prev_hash, hash"
)


@pytest.fixture
def row(db, officer_moscow):
    with transaction.atomic():
        audit_record(actor=officer_moscow, action="read", object_type="people.person", object_id="person-1")
        return audit_record(actor=officer_moscow, action="read", object_type="people.person", object_id="person-2")


def _values(row: AuditEvent, *, sequence: int, hash: str) -> list[Any]:
    return [sequence, row.at, "someone", "", "read", "people.person", "forged", "", "[]", "", "", row.prev_hash, hash]


def _unchanged(row: AuditEvent) -> bool:
    stored = AuditEvent.objects.get(sequence=row.sequence)
    return stored.object_id == row.object_id and stored.hash == row.hash and AuditEvent.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's conflict resolution")
@pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE"])
def test_sqlite_refuses_a_replace_of_an_audit_row_by_its_sequence(row, verb):
    sql = f"{verb} INTO audit_auditevent ({COLUMNS}) VALUES ({PLACEHOLDERS})"
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, _values(row, sequence=row.sequence, hash="f" * 64))
    assert _unchanged(row)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's conflict resolution")
def test_sqlite_refuses_a_replace_that_collides_on_the_hash(row):
    sql = f"INSERT OR REPLACE INTO audit_auditevent ({COLUMNS}) VALUES ({PLACEHOLDERS})"  # noqa: S608
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, _values(row, sequence=row.sequence + 100, hash=row.hash))
    assert _unchanged(row)


def test_an_upsert_that_would_update_an_audit_row_is_refused(row):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO audit_auditevent ({COLUMNS}) VALUES ({PLACEHOLDERS}) "  # noqa: S608
            "ON CONFLICT (sequence) DO UPDATE SET object_id = excluded.object_id",
            _values(row, sequence=row.sequence, hash="e" * 64),
        )
    assert _unchanged(row)


def test_new_rows_are_still_appended(row, officer_moscow):
    with transaction.atomic():
        audit_record(actor=officer_moscow, action="read", object_type="people.person", object_id="person-3")
    assert AuditEvent.objects.count() == 3
