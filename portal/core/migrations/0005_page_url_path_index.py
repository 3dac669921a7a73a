"""An index on the page table's ``url_path``, which the router looks pages up by.

See ``portal.core.routing``. Built concurrently on PostgreSQL, so deploying on
a large page table does not block writes; a plain index elsewhere.
"""

from django.db import migrations
from wagtail.models import Page

from portal.core.indexes import create_index_concurrently, drop_index_concurrently
from portal.core.routing import URL_PATH_INDEX


def create_index(apps, schema_editor):
    table = schema_editor.quote_name(Page._meta.db_table)
    if schema_editor.connection.vendor == "postgresql":
        create_index_concurrently(schema_editor, URL_PATH_INDEX, f"{table} (url_path)")
    else:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {URL_PATH_INDEX} ON {table} (url_path)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        drop_index_concurrently(schema_editor, URL_PATH_INDEX)
    else:
        schema_editor.execute(f"DROP INDEX IF EXISTS {URL_PATH_INDEX}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("core", "0004_portal_settings_overdue_after_days"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
