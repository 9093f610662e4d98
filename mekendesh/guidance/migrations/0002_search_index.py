"""The full-text index of published guidance: an FTS5 table on SQLite, an expression index over
``to_tsvector`` (``russian`` for Russian versions, ``simple`` for the others) on PostgreSQL. Each
runs only on its own database."""

from typing import Any

from django.db import migrations


class VendorRunSQL(migrations.RunSQL):
    """``RunSQL`` for one database vendor only."""

    def __init__(self, vendor: str, *args: Any, **kwargs: Any) -> None:
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0001_initial")]

    operations = [
        VendorRunSQL(
            "sqlite",
            sql="CREATE VIRTUAL TABLE guidance_search USING fts5(content, tokenize = 'unicode61 remove_diacritics 0')",
            reverse_sql="DROP TABLE guidance_search",
        ),
        VendorRunSQL(
            "postgresql",
            sql=(
                "CREATE INDEX guidance_version_fts ON guidance_articleversion USING gin (to_tsvector("
                "CASE WHEN language = 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END, search_text))"
            ),
            reverse_sql="DROP INDEX guidance_version_fts",
        ),
    ]
