"""Bad input and a failing backend never give a visitor a server error."""

import pytest
from django.db import connection
from django.test import override_settings

from portal.core.text_search import clean_query, query_terms
from search import ranking, views
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "x" * 10_000,
    '"besøgsven',
    '""',
    "*",
    "besøg*",
    "title:demens",
    ":",
    "\\",
    "C:\\Windows\\",
    "-",
    "-demens",
    "--",
    "AND",
    "demens AND OR NOT ældre",
    "NOT",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "😀🙈",
    "frivillig 😀 Ελληνικά 中文 עברית",
    "nul\x00byte",
    "\x01\x02\x1b[31m",
    "()[]{}<>&|!^~?",
    "<script>alert(1)</script>",
    "%",
    "_",
]


@pytest.fixture
def some_pages(home):
    StandardPageFactory(parent=home, title="Frivillig besøgsven", intro="Demens og ældre.")


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_is_answered_without_an_error(client, some_pages, query):
    response = client.get("/soeg/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert client.get("/soeg/forslag/", {"q": query}).status_code == 200


def test_queries_are_capped_and_cleaned():
    assert len(clean_query("x" * 10_000)) == 200
    assert clean_query("a\x00b\x1bc\n d") == "a b c d"
    assert query_terms('"it-hjælp" for *ældre* title:x') == ["it", "hjælp", "ældre", "title", "x"]
    assert query_terms("for og i") == ["for", "og", "i"]  # nothing but stop words: keep them


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            # Nothing listens on port 9: the connection is refused at once.
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        }
    }
)
def test_an_unreachable_elasticsearch_shows_a_message(client):
    response = client.get("/soeg/", {"q": "besøgsven"})

    assert response.status_code == 200
    assert "Søgningen er midlertidigt utilgængelig" in response.content.decode()
    # An outage must not be kept by any cache after it is over.
    assert "no-store" in response["Cache-Control"]
    assert client.get("/soeg/forslag/", {"q": "besø"}).json() == {"results": []}


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
def test_a_search_the_database_cannot_answer_in_time_shows_a_message(
    client, some_pages, monkeypatch, settings
):
    settings.SEARCH_DATABASE_TIMEOUT_MS = 50
    answer = ranking.rank

    def slow_rank(*args, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
        return answer(*args, **kwargs)

    monkeypatch.setattr(views, "rank", slow_rank)

    response = client.get("/soeg/", {"q": "besøgsven"})

    # Without the limit the search would wait the five seconds out and show results.
    assert response.status_code == 200
    assert "Søgningen er midlertidigt utilgængelig" in response.content.decode()
    # The limit is the search's alone: the rest of the request has none.
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout")
def test_the_time_limit_ends_with_the_search(client, some_pages, settings):
    settings.SEARCH_DATABASE_TIMEOUT_MS = 50

    assert client.get("/soeg/", {"q": "besøgsven"}).context["total"] == 1
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"
