"""The same register in SQLite, copied from a PostgreSQL copy (making it with the demo takes half an
hour at a million people): ``python -m bench.statistics.sqlite_copy POSTGRES_URL SQLITE_FILE``.

The SQLite file is migrated by the platform (``mekendesh migrate``), then the tables the
indicators and the release workflow read are copied row by row (``executemany`` in batches, from a
server-side cursor): the people and their stays, the reference tables, the users, screening and
cases, the workflow definitions. The tables no indicator reads (name tokens and forms, consents,
identity documents, the audit trail) are left out; Django's own bookkeeping (migrations, content
types, permissions) is the migration's. Values are written as Django's SQLite backend writes
them: datetimes in UTC without zone, UUIDs as hex, JSON as text, booleans as 0/1.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import psycopg

LEFT_OUT = (
    "people_nametoken",
    "people_nameform",
    "people_consent",
    "people_identitydocument",
    "audit_",
    "django_migrations",
    "django_content_type",
    "django_session",
    "auth_permission",
    "auth_group_permissions",
    "accounts_user_user_permissions",
    "django_tasks",
    "statistics_",
)
BATCH = 20_000


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return str(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def copy(postgres_url: str, sqlite_file: Path) -> dict[str, int]:
    """Copy the tables both databases have (the columns both have) from PostgreSQL into the
    migrated SQLite file; returns the rows copied per table."""
    copied: dict[str, int] = {}
    target = sqlite3.connect(sqlite_file)
    target.execute("PRAGMA foreign_keys = OFF")
    target.execute("PRAGMA journal_mode = OFF")
    target.execute("PRAGMA synchronous = OFF")
    tables = [
        row[0]
        for row in target.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    with psycopg.connect(postgres_url.replace("postgres://", "postgresql://", 1)) as source:
        present = {
            row[0]
            for row in source.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchall()
        }
        for table in sorted(tables):
            if table not in present or any(table.startswith(prefix) for prefix in LEFT_OUT):
                continue
            theirs = {
                row[0]
                for row in source.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s", [table]
                ).fetchall()
            }
            columns = [row[1] for row in target.execute(f'PRAGMA table_info("{table}")') if row[1] in theirs]
            quoted = ", ".join(f'"{column}"' for column in columns)
            marks = ", ".join("?" for _ in columns)
            target.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from the schema
            count = 0
            with source.cursor(name=f"copy_{table}") as cursor:
                cursor.itersize = BATCH
                cursor.execute(f'SELECT {quoted} FROM "{table}"')  # noqa: S608 - names from the schema
                while rows := cursor.fetchmany(BATCH):
                    target.executemany(
                        f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})',  # noqa: S608 - names from the schema
                        [tuple(_value(value) for value in row) for row in rows],
                    )
                    count += len(rows)
            target.commit()
            if count:
                copied[table] = count
    target.execute("ANALYZE")
    target.commit()
    target.close()
    return copied


def make(postgres_url: str, sqlite_file: Path, env: dict[str, str], root: Path) -> dict[str, Any]:
    """A migrated SQLite file with the PostgreSQL register's rows; returns what was copied."""
    sqlite_file.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mekendesh", "migrate", "--no-input", "-v", "0"],
        cwd=root,
        env=dict(env, DATABASE_URL=f"sqlite:///{sqlite_file}"),
        check=True,
    )
    migrated = time.perf_counter() - started
    started = time.perf_counter()
    copied = copy(postgres_url, sqlite_file)
    return {"migrate_seconds": migrated, "copy_seconds": time.perf_counter() - started, "rows": copied}


if __name__ == "__main__":
    print(json.dumps(copy(sys.argv[1], Path(sys.argv[2]))))
