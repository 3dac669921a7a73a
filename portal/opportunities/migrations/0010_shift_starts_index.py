"""An index on the shifts' start, for the home page's next shifts across all
opportunities. Built concurrently on PostgreSQL (``portal.core.indexes``), so a
deploy does not block sign-ups; a plain index elsewhere."""

from django.db import migrations, models

from portal.core.indexes import create_index_concurrently, drop_index_concurrently

NAME = "shift_starts_idx"


def create_index(apps, schema_editor):
    table = schema_editor.quote_name(apps.get_model("opportunities", "Shift")._meta.db_table)
    if schema_editor.connection.vendor == "postgresql":
        create_index_concurrently(schema_editor, NAME, f"{table} (starts_at)")
    else:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} (starts_at)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        drop_index_concurrently(schema_editor, NAME)
    else:
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("opportunities", "0009_english_speakers_welcome"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="shift",
                    index=models.Index(fields=["starts_at"], name=NAME),
                ),
            ],
            database_operations=[
                migrations.RunPython(create_index, drop_index, elidable=False),
            ],
        ),
    ]
