"""Indexes the bounded ranking's queries need on PostgreSQL (see ``search.ranking``).

- The newest pages whose title holds every word: the backend searches
  ``fields=["title"]`` as ``to_tsvector(config, COALESCE(title, ''))`` on the
  page table itself. A GIN index on exactly that expression finds them without
  reading the search index. Its configuration is the database backend's
  ``SEARCH_CONFIG``; without one (Elasticsearch configured, or no
  configuration) there is nothing to match and no index is made.
- The newest matching pages: the database walks pages newest first and looks up
  each one's index entry by ``object_id``. The backend's join also names every
  indexed content type, which the unique ``(content_type_id, object_id)`` index
  serves with one descent per content type; an index on ``object_id`` alone
  takes one.

Other databases are left alone. Built concurrently (outside a transaction), so
deploying on a large page table does not block writes.
"""

from django.conf import settings
from django.db import migrations
from modelsearch.conf import get_app_config
from wagtail.models import Page

from portal.core.indexes import create_index_concurrently, drop_index_concurrently

TITLE_INDEX = "search_page_title_tsvector"
OBJECT_ID_INDEX = "search_entry_object_id"


def search_config():
    return settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("SEARCH_CONFIG")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    entries = quote(get_app_config().get_model("IndexEntry")._meta.db_table)
    create_index_concurrently(schema_editor, OBJECT_ID_INDEX, f"{entries} (object_id)")
    config = search_config()
    if config:
        create_index_concurrently(
            schema_editor, TITLE_INDEX,
            f"{quote(Page._meta.db_table)} USING gin "
            f"(to_tsvector({schema_editor.quote_value(config)}::regconfig, COALESCE(title, '')))",
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    drop_index_concurrently(schema_editor, TITLE_INDEX)
    drop_index_concurrently(schema_editor, OBJECT_ID_INDEX)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("portal_search", "0002_postgres_search_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
