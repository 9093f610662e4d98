"""A release's title and summary and a table's title in each interface language.

The title and summary kept so far were written in one language, whichever the statistician
used; each moves to the field of the language its letters show (Kyrgyz's ң, ө, ү; other Cyrillic:
Russian; Turkmen's ä, ç, ň, ş, ý, ž; else English). A table's title moves the same way: a title
that was computed is kept as typed in its language, and can be cleared to be computed again."""

from django.db import migrations, models

KYRGYZ_LETTERS = set("ңөүҢӨҮ")
TURKMEN_LETTERS = set("äçňşýžÄÇŇŞÝŽ")


def language_of(text):
    if any(letter in KYRGYZ_LETTERS for letter in text):
        return "ky"
    if any("\u0400" <= letter <= "\u04ff" for letter in text):
        return "ru"
    if any(letter in TURKMEN_LETTERS for letter in text):
        return "tk"
    return "en"


def forwards(apps, schema_editor):
    Release = apps.get_model("statistics", "Release")
    ReleaseTable = apps.get_model("statistics", "ReleaseTable")
    for release in Release.objects.all():
        if release.title:
            setattr(release, f"title_{language_of(release.title)}", release.title)
        if release.summary:
            setattr(release, f"summary_{language_of(release.summary)}", release.summary)
        release.save()
    for table in ReleaseTable.objects.all():
        if table.title:
            setattr(table, f"title_{language_of(table.title)}", table.title)
            table.save()


def backwards(apps, schema_editor):
    Release = apps.get_model("statistics", "Release")
    ReleaseTable = apps.get_model("statistics", "ReleaseTable")
    order = ("ru", "en", "ky", "tk")
    for release in Release.objects.all():
        release.title = next((getattr(release, f"title_{code}") for code in order if getattr(release, f"title_{code}")), "")
        release.summary = next(
            (getattr(release, f"summary_{code}") for code in order if getattr(release, f"summary_{code}")), ""
        )
        release.save()
    for table in ReleaseTable.objects.all():
        table.title = next((getattr(table, f"title_{code}") for code in order if getattr(table, f"title_{code}")), "")
        table.save()


def _title(label):
    return models.CharField(label, max_length=300, blank=True)


class Migration(migrations.Migration):
    dependencies = [
        ("statistics", "0003_release_table_parents"),
    ]

    operations = [
        migrations.AddField("release", "title_ky", _title("title (Kyrgyz)")),
        migrations.AddField("release", "title_ru", _title("title (Russian)")),
        migrations.AddField("release", "title_tk", _title("title (Turkmen)")),
        migrations.AddField("release", "title_en", _title("title (English)")),
        migrations.AddField("release", "summary_ky", models.TextField("summary (Kyrgyz)", blank=True)),
        migrations.AddField("release", "summary_ru", models.TextField("summary (Russian)", blank=True)),
        migrations.AddField("release", "summary_tk", models.TextField("summary (Turkmen)", blank=True)),
        migrations.AddField("release", "summary_en", models.TextField("summary (English)", blank=True)),
        migrations.AddField("releasetable", "title_ky", _title("title (Kyrgyz)")),
        migrations.AddField("releasetable", "title_ru", _title("title (Russian)")),
        migrations.AddField("releasetable", "title_tk", _title("title (Turkmen)")),
        migrations.AddField("releasetable", "title_en", _title("title (English)")),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("release", "title"),
        migrations.RemoveField("release", "summary"),
        migrations.RemoveField("releasetable", "title"),
    ]
