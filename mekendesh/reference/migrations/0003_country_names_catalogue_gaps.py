"""Reloads the shipped reference data so that existing databases get the Turkmen and Kyrgyz
country names that pycountry's catalogues lack (countries.CATALOGUE_GAPS). The loader matches
every row by its code and updates it in place, so running it again changes nothing."""

from django.db import migrations


def load(apps, schema_editor):
    from mekendesh.reference.loading import reference_load

    reference_load(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0002_reference_data"),
    ]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop, elidable=False),
    ]
