"""``mekendesh audit verify`` names the first changed or missing record; the database refuses
to change or delete audit rows."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from mekendesh.audit.models import AuditEvent
from mekendesh.audit.services import audit_record


@pytest.fixture
def chain(db, officer_moscow):
    """Five audit rows: an officer reading five people's pages."""
    with transaction.atomic():
        return [
            audit_record(actor=officer_moscow, action="read", object_type="people.person", object_id=f"person-{n}")
            for n in range(5)
        ]


def lift_append_only_guard() -> None:
    """What a database superuser would do to tamper with the trail: switch the triggers off.

    DDL is transactional on PostgreSQL and SQLite, so the test's rollback puts them back.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_append_only")
        else:
            cursor.execute("DROP TRIGGER audit_refuse_update")
            cursor.execute("DROP TRIGGER audit_refuse_delete")


def verify(**options) -> str:
    from io import StringIO

    out = StringIO()
    call_command("audit", "verify", "--no-progress", stdout=out, **options)
    return out.getvalue().strip()


def test_a_fresh_chain_is_intact(chain):
    assert verify() == f"audit trail intact: {AuditEvent.objects.count()} records"


def test_the_chain_is_read_in_batches(chain):
    assert verify(batch_size=2) == f"audit trail intact: {AuditEvent.objects.count()} records"


def test_a_record_changed_by_hand_is_named(chain):
    lift_append_only_guard()
    tampered = chain[2]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET object_id = %s WHERE sequence = %s", ["someone-else", tampered.sequence])

    with pytest.raises(CommandError, match=rf"^record #{tampered.sequence} was changed$"):
        verify()


def test_a_record_changed_together_with_its_hash_breaks_the_link_to_the_next(chain):
    from mekendesh.audit.services import event_digest

    lift_append_only_guard()
    tampered = chain[1]
    tampered.object_id = "someone-else"
    tampered.hash = event_digest(tampered)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET object_id = %s, hash = %s WHERE sequence = %s",
                       [tampered.object_id, tampered.hash, tampered.sequence])

    with pytest.raises(CommandError, match=rf"^a record before #{chain[2].sequence} is missing$"):
        verify()


def test_a_deleted_record_is_named(chain):
    lift_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence = %s", [chain[3].sequence])

    with pytest.raises(CommandError, match=rf"^a record before #{chain[4].sequence} is missing$"):
        verify()


def test_deleting_the_first_records_is_noticed(chain):
    lift_append_only_guard()
    first = AuditEvent.objects.order_by("sequence").first()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence = %s", [first.sequence])

    with pytest.raises(CommandError, match="is missing"):
        verify()


def test_the_database_refuses_to_change_an_audit_row(chain):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=chain[0].pk).update(object_id="someone-else")

    chain[0].refresh_from_db()
    assert chain[0].object_id == "person-0"


def test_the_database_refuses_to_delete_an_audit_row(chain):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=chain[0].pk).delete()

    assert AuditEvent.objects.filter(pk=chain[0].pk).exists()


def test_the_command_exits_with_status_1_when_the_chain_is_broken(chain):
    """Django turns a CommandError into exit status 1 on the command line."""
    from django.core.management import load_command_class

    command = load_command_class("mekendesh.audit", "audit")
    lift_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET fields = %s WHERE sequence = %s", ['["role"]', chain[0].sequence])
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["mekendesh", "audit", "verify", "--no-progress"])
    assert exit_.value.code == 1
