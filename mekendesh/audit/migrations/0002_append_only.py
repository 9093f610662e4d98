"""The audit table refuses UPDATE and DELETE at the database level (see ``audit.append_only``)."""

from django.db import migrations

from mekendesh.audit.append_only import guard_install, guard_remove


def install(apps, schema_editor):
    guard_install(schema_editor.connection)


def remove(apps, schema_editor):
    guard_remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install, remove, elidable=False)]
