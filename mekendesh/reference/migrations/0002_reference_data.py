"""Loads the reference data shipped in mekendesh/reference/data (countries, Kyrgyzstan's regions
and districts, host regions, consular districts, languages)."""

from django.db import migrations


def load(apps, schema_editor):
    from mekendesh.reference.loading import reference_load

    reference_load(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
