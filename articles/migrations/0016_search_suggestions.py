import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """A trigram index: PostgreSQL has pg_trgm, SQLite suggests words without it."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    """Search suggestions ("Did you mean"): pg_trgm, trigram indexes on title and standfirst.

    TrigramExtension does nothing on SQLite. Creating the extension needs a
    superuser, or (PostgreSQL 13+, pg_trgm being trusted) the database's owner.
    """

    dependencies = [
        ("articles", "0015_roles_use_the_library"),
    ]

    operations = [
        TrigramExtension(),
        AddIndexOnPostgreSQL(
            model_name="story",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["title"], name="story_title_trgm_idx", opclasses=["gin_trgm_ops"]
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="story",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["standfirst"], name="story_standfirst_trgm_idx", opclasses=["gin_trgm_ops"]
            ),
        ),
    ]
