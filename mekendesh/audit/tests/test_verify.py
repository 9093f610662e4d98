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
        cursor.execute(
            "UPDATE audit_auditevent SET object_id = %s WHERE sequence = %s", ["someone-else", tampered.sequence]
        )

    with pytest.raises(CommandError, match=rf"^record #{tampered.sequence} was changed$"):
        verify()


def test_a_record_changed_together_with_its_hash_breaks_the_link_to_the_next(chain):
    from mekendesh.audit.services import event_digest

    lift_append_only_guard()
    tampered = chain[1]
    tampered.object_id = "someone-else"
    tampered.hash = event_digest(tampered)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET object_id = %s, hash = %s WHERE sequence = %s",
            [tampered.object_id, tampered.hash, tampered.sequence],
        )

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
    assert first is not None
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence = %s", [first.sequence])

    with pytest.raises(CommandError, match="is missing"):
        verify()


def test_removing_the_newest_records_is_noticed(chain):
    lift_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence >= %s", [chain[3].sequence])

    with pytest.raises(CommandError, match=rf"^records after #{chain[2].sequence} are missing$"):
        verify()


def test_moving_the_end_of_the_trail_back_without_the_key_is_noticed(chain):
    from mekendesh.audit.models import AuditHead

    lift_append_only_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE sequence >= %s", [chain[3].sequence])
    AuditHead.objects.filter(pk=1).update(sequence=chain[2].sequence, hash=chain[2].hash, count=3)

    with pytest.raises(
        CommandError, match=rf"^the end of the audit trail was changed after record #{chain[2].sequence}$"
    ):
        verify()


def test_a_record_rebuilt_without_the_chain_key_is_named(chain):
    """Someone who can write to the database but does not hold the key recomputes the hashes of a
    changed row and of every row after it with plain SHA-256: the chain no longer verifies."""
    import hashlib

    from mekendesh.audit.services import _canonical

    lift_append_only_guard()
    previous = chain[1].prev_hash
    for event in AuditEvent.objects.filter(sequence__gte=chain[1].sequence).order_by("sequence"):
        if event.sequence == chain[1].sequence:
            event.object_id = "someone-else"
        event.prev_hash = previous
        event.hash = hashlib.sha256(_canonical(event).encode("utf-8")).hexdigest()
        previous = event.hash
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE audit_auditevent SET object_id = %s, prev_hash = %s, hash = %s WHERE sequence = %s",
                [event.object_id, event.prev_hash, event.hash, event.sequence],
            )

    with pytest.raises(CommandError, match=rf"^record #{chain[1].sequence} was changed$"):
        verify()


def test_rows_written_under_an_earlier_key_still_verify_after_the_key_is_rotated(chain, settings):
    settings.AUDIT_CHAIN_KEYS = ["a-new-audit-chain-key-" + "x" * 40, *settings.AUDIT_CHAIN_KEYS]
    with transaction.atomic():
        audit_record(actor=None, action="read", object_type="people.person", object_id="after-rotation")

    assert verify() == f"audit trail intact: {AuditEvent.objects.count()} records"


def test_many_reads_are_written_in_one_insert(chain, officer_moscow, django_assert_max_num_queries):
    from mekendesh.audit.services import AuditEntry, audit_record_many

    entries = [AuditEntry(action="read", object_type="people.person", object_id=f"p{n}") for n in range(40)]
    # a savepoint, the locked end of the chain, one insert, the new end, the release
    with django_assert_max_num_queries(5), transaction.atomic():
        audit_record_many(actor=officer_moscow, entries=entries)

    assert verify() == f"audit trail intact: {AuditEvent.objects.count()} records"


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
