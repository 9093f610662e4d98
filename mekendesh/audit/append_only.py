"""Database triggers that make the audit table append-only.

PostgreSQL: a row trigger refuses UPDATE and DELETE. Only the table's owner or a superuser can
switch it off (``ALTER TABLE … DISABLE TRIGGER``); run the application as a role that owns no
tables, and grant it INSERT and SELECT only, so that it cannot TRUNCATE either.

PostgreSQL's ``INSERT … ON CONFLICT DO UPDATE`` on an existing row fires the UPDATE trigger, so it is
refused too.

SQLite: BEFORE UPDATE and BEFORE DELETE triggers abort the statement. ``INSERT OR REPLACE`` (and
``REPLACE``) would delete a conflicting row without firing DELETE triggers (unless
``recursive_triggers`` is on), so a BEFORE INSERT trigger refuses an insert whose sequence or hash is
already there: a genuine append never collides. Anyone who can write the
database file can drop them, which is why ``mekendesh audit verify`` checks the hash chain too.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"
MESSAGE = "the audit trail is append-only: rows cannot be changed or deleted"

_POSTGRESQL_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql
    """,
    f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
    f"""
    CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()
    """,
]
_POSTGRESQL_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_refuse_change()",
]
_SQLITE_INSTALL_REPLACE = [
    f"""
    CREATE TRIGGER IF NOT EXISTS audit_refuse_replace BEFORE INSERT ON {TABLE}
    WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE sequence = NEW.sequence OR hash = NEW.hash)
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,  # noqa: S608  (the module's constants, no input)
]
_SQLITE_INSTALL = [
    f"""
    CREATE TRIGGER IF NOT EXISTS audit_refuse_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS audit_refuse_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    *_SQLITE_INSTALL_REPLACE,
]
_SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_refuse_update",
    "DROP TRIGGER IF EXISTS audit_refuse_delete",
    "DROP TRIGGER IF EXISTS audit_refuse_replace",
]


def _statements(connection: BaseDatabaseWrapper, install: bool) -> list[str]:
    if connection.vendor == "postgresql":
        return _POSTGRESQL_INSTALL if install else _POSTGRESQL_REMOVE
    if connection.vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_REMOVE
    return []


def guard_install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(connection, install=True):
            cursor.execute(statement)


def guard_remove(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(connection, install=False):
            cursor.execute(statement)


def replace_guard_install(connection: BaseDatabaseWrapper) -> None:
    """The SQLite trigger against INSERT OR REPLACE, for databases made before it existed."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for statement in _SQLITE_INSTALL_REPLACE:
                cursor.execute(statement)


def replace_guard_remove(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS audit_refuse_replace")
