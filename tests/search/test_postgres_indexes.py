"""The PostgreSQL search backend's queries are served by indexes.

modelsearch matches ``(title || body)`` of its index entries and joins them to
pages on ``page.id::varchar``; without the search app's expression indexes every
search reads both tables whole. These tests run the backend's own SQL through
EXPLAIN with sequential scans discouraged: if the expressions ever drift apart
(a modelsearch upgrade), the plan stops naming the indexes and the test says so.
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


def plan(sql, *, nested_loops=True):
    with connection.cursor() as cursor:
        # A test database holds a handful of rows, where a sequential scan (or
        # a loop over every page) is always cheapest; the question here is
        # whether each index can serve the backend's expression at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"SET LOCAL enable_nestloop = {'on' if nested_loops else 'off'}")
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


def test_ranked_search_and_count_use_the_indexes(home):
    StandardPageFactory(parent=home, title="Besøgsven i Aalborg", intro="Frivillige besøgsvenner.")

    def search():
        results = searchable_pages().search("besøgsven aalborg", operator="and")
        assert [page.title for page in results[:20]] == ["Besøgsven i Aalborg"]
        assert results.count() == 1

    queries = backend_sql(search)

    assert len(queries) == 2
    for sql in queries:
        assert "search_entry_title_body_gin" in plan(sql, nested_loops=False)
        assert "search_page_id_as_text" in plan(sql)


def test_search_page_queries_use_the_entry_index(client, home):
    StandardPageFactory(parent=home, title="Demenscafé", intro="For mennesker med demens.")

    queries = backend_sql(lambda: client.get("/soeg/", {"q": "demens", "kommune": "aalborg"}))

    assert queries
    for sql in queries:
        assert "search_entry_title_body_gin" in plan(sql, nested_loops=False)
