"""Where a person last lived in the country of origin before each departure (optional)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0004_name_token_pairs'),
        ('reference', '0004_consular_district_contacts'),
    ]

    operations = [
        migrations.AddField(
            model_name='stay',
            name='residence_district',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.district', verbose_name='district of last residence'),
        ),
        migrations.AddField(
            model_name='stay',
            name='residence_region',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reference.region', verbose_name='region of last residence'),
        ),
    ]
