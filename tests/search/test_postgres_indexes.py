"""The PostgreSQL search backend's queries are served by indexes.

modelsearch matches ``(title || body)`` of its index entries and joins them to
pages on ``page.id::varchar``; without the search app's expression indexes every
search reads both tables whole. These tests check that the backend's own SQL
still uses exactly the indexed expressions (a modelsearch upgrade could change
them) and that each index serves its expression.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.views import searchable_pages
from tests.factories import StandardPageFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the indexes are PostgreSQL expression indexes; SQLite searches its FTS table",
    ),
    pytest.mark.django_db,
]


def backend_sql(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return [query["sql"] for query in captured.captured_queries if "@@" in query["sql"]]


def plan(sql):
    with connection.cursor() as cursor:
        # A test database holds a handful of rows, where a sequential scan is
        # always cheapest; the question is whether the index can serve at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_migration_creates_both_expression_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN (%s, %s)",
            ["search_entry_title_body_gin", "search_page_id_as_text"],
        )
        assert sorted(row[0] for row in cursor.fetchall()) == [
            "search_entry_title_body_gin",
            "search_page_id_as_text",
        ]


def _entry_table():
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")._meta.db_table


def test_backend_queries_use_the_indexed_expressions(client, home):
    """If a modelsearch upgrade changes its SQL, the indexes stop matching it."""
    StandardPageFactory(parent=home, title="Besøgsven i Aalborg", intro="Frivillige besøgsvenner.")
    entries = _entry_table()

    def search():
        results = searchable_pages().search("besøgsven aalborg", operator="and")
        assert [page.title for page in results[:20]] == ["Besøgsven i Aalborg"]
        assert results.count() == 1
        client.get("/soeg/", {"q": "besøgsven", "kommune": "aalborg"})

    queries = backend_sql(search)

    assert queries
    for sql in queries:
        assert f'("{entries}"."title" || "{entries}"."body") @@' in sql
        assert f'"{entries}"."object_id" = ("wagtailcore_page"."id")::varchar(50)' in sql


def test_the_indexes_serve_those_expressions():
    # Plans of the whole backend query depend on the statistics of a tiny test
    # database; what is fixed is that each expression can be served by its index.
    entries = _entry_table()
    match = f"SELECT 1 FROM {entries} WHERE (title || body) @@ to_tsquery('danish', 'demens')"
    join = "SELECT 1 FROM wagtailcore_page WHERE (id)::varchar(50) = '1'"

    assert "search_entry_title_body_gin" in plan(match)
    assert "search_page_id_as_text" in plan(join)
