"""SQLite: the audit table refuses INSERT OR REPLACE of an existing row (see ``audit.append_only``)."""

from django.db import migrations

from mekendesh.audit.append_only import replace_guard_install, replace_guard_remove


def install(apps, schema_editor):
    replace_guard_install(schema_editor.connection)


def remove(apps, schema_editor):
    replace_guard_remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_audit_head")]

    operations = [migrations.RunPython(install, remove, elidable=False)]
