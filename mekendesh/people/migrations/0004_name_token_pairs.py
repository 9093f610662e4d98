"""Pairs of name words in the search index: a search for a surname and a given name reads the
short list of names holding both instead of the long lists of each. Made from the words already
indexed, in one statement on the database."""

from django.db import migrations


def pairs_insert(connection):
    """Add the pair rows of every name form whose words are indexed (the SQL of both databases;
    no parameters, so the ``%`` are the SQL's own)."""
    # The two words of a pair in code-point order, as Python's sorted() puts them (search_index).
    collate = ' COLLATE "C"' if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        # Statistics first: a planner that takes the (bulk-loaded) table for empty joins it with
        # itself row by row.
        cursor.execute("ANALYZE people_nametoken")
        cursor.execute(
            "INSERT INTO people_nametoken (token, name_form_id, person_id) "
            "SELECT a.token || ' ' || b.token, a.name_form_id, a.person_id "
            "FROM people_nametoken a JOIN people_nametoken b "
            f"ON b.name_form_id = a.name_form_id AND a.token{collate} < b.token{collate} "
            "WHERE a.token NOT LIKE '% %' AND b.token NOT LIKE '% %'"
        )
        # The table may have grown many times over: let the query planner know at once.
        cursor.execute("ANALYZE people_nametoken")


def pairs_backfill(apps, schema_editor):
    pairs_insert(schema_editor.connection)


def pairs_remove(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM people_nametoken WHERE token LIKE '% %'")


class Migration(migrations.Migration):

    dependencies = [("people", "0003_name_tokens")]

    operations = [migrations.RunPython(pairs_backfill, pairs_remove)]
