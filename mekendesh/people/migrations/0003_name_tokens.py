"""Name search by an index: the words of every name form's search key in a table of their own
(NameToken), filled here for the names already stored; indexes for the officer's queue and
workload, for duplicates by date of birth and for the people who withdrew a consent."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def tokens_backfill(apps, schema_editor):
    NameForm = apps.get_model("people", "NameForm")
    NameToken = apps.get_model("people", "NameToken")
    rows = []
    names = NameForm.objects.order_by("pk").values_list("pk", "person_id", "search_key")
    for name_id, person_id, search_key in names.iterator(chunk_size=5000):
        for token in dict.fromkeys(token for token in search_key.split() if token):
            rows.append(NameToken(token=token, name_form_id=name_id, person_id=person_id))
        if len(rows) >= 5000:
            NameToken.objects.bulk_create(rows)
            rows = []
    NameToken.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0002_document_claim'),
        ('reference', '0003_country_names_catalogue_gaps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NameToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(max_length=400)),
            ],
        ),
        migrations.AddIndex(
            model_name='consent',
            index=models.Index(condition=models.Q(('withdrawn_at__isnull', False)), fields=['purpose', 'person'], name='consent_withdrawn'),
        ),
        migrations.AddIndex(
            model_name='person',
            index=models.Index(fields=['birth_date'], name='person_birth_date'),
        ),
        migrations.AddIndex(
            model_name='stay',
            index=models.Index(fields=['consular_district', 'status', 'arrival_date'], name='stay_district_queue'),
        ),
        migrations.AddField(
            model_name='nametoken',
            name='name_form',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tokens', to='people.nameform'),
        ),
        migrations.AddField(
            model_name='nametoken',
            name='person',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.person'),
        ),
        migrations.AddIndex(
            model_name='nametoken',
            index=models.Index(fields=['token', 'person'], name='name_token_lookup'),
        ),
        migrations.AddConstraint(
            model_name='nametoken',
            constraint=models.UniqueConstraint(fields=('name_form', 'token'), name='one_token_per_name_form'),
        ),
        migrations.RunPython(tokens_backfill, migrations.RunPython.noop),
    ]
