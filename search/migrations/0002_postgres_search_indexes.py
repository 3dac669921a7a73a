"""Indexes the PostgreSQL database search backend's queries need.

The backend (modelsearch 1.3) matches ``(title || body) @@ query`` on its index
entries and joins them to pages on ``object_id = page.id::varchar(50)``.
Neither expression has an index of its own, so every search read the whole
index-entry table and the whole page table (150–300 ms even for a word found
nowhere, at 100,000 pages). These two expression indexes match the backend's
SQL exactly, so the planner answers selective queries from the GIN index and
fetches the matched pages by index. Other databases are left alone: SQLite
searches through its own FTS table.

Built concurrently (outside a transaction), so deploying on a large page table
does not block writes.
"""

from django.db import migrations
from modelsearch.conf import get_app_config
from wagtail.models import Page

from portal.core.indexes import create_index_concurrently, drop_index_concurrently

ENTRIES_INDEX = "search_entry_title_body_gin"
PAGES_INDEX = "search_page_id_as_text"


def _tables(schema_editor):
    entry = get_app_config().get_model("IndexEntry")
    quote = schema_editor.quote_name
    # The backend casts the page id to the type of ``object_id``; the index
    # expression has to be the same cast for the planner to match it.
    object_id_type = entry._meta.get_field("object_id").db_type(schema_editor.connection)
    return quote(entry._meta.db_table), quote(Page._meta.db_table), object_id_type


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries, pages, object_id_type = _tables(schema_editor)
    create_index_concurrently(schema_editor, ENTRIES_INDEX, f"{entries} USING gin ((title || body))")
    create_index_concurrently(schema_editor, PAGES_INDEX, f"{pages} (((id)::{object_id_type}))")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    drop_index_concurrently(schema_editor, ENTRIES_INDEX)
    drop_index_concurrently(schema_editor, PAGES_INDEX)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("portal_search", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
