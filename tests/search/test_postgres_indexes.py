"""The PostgreSQL search backend's queries are served by indexes.

modelsearch matches ``(title || body)`` of its index entries and joins them to
pages on ``page.id::varchar``; without the search app's expression indexes every
search reads both tables whole. These tests check that the backend's own SQL
still uses exactly the indexed expressions (a modelsearch upgrade could change
them) and that each index serves its expression; likewise for the indexes of
the bounded ranking (``search.ranking``): the page title's text-search vector
and the index entries' ``object_id``.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.views import searchable_pages
from tests.factories import StandardPageFactory

pytestmark = [
    pytest.mark.postgres,
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


def test_migration_creates_the_ranking_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN (%s, %s)",
            ["search_page_title_tsvector", "search_entry_object_id"],
        )
        assert sorted(row[0] for row in cursor.fetchall()) == [
            "search_entry_object_id",
            "search_page_title_tsvector",
        ]


def test_the_title_search_is_served_by_the_title_index(home):
    """The bounded ranking's title matches: the backend's own SQL for
    ``fields=["title"]`` must be the expression the index was made on."""
    StandardPageFactory(parent=home, title="Demens i Aalborg")
    titled = searchable_pages().search(
        "demens", operator="and", fields=["title"], order_by_relevance=False
    )
    sql, params = titled.get_queryset().order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        explained = "\n".join(row[0] for row in cursor.fetchall())

    assert [page.title for page in titled] == ["Demens i Aalborg"]
    assert "search_page_title_tsvector" in explained


def test_an_entry_is_found_by_its_object_id_alone():
    # By object id alone: the entries' own unique index leads with the content
    # type, so only the ranking's index can answer this.
    entries = _entry_table()
    lookup = f"SELECT 1 FROM {entries} WHERE object_id = '1'"

    assert "search_entry_object_id" in plan(lookup)
