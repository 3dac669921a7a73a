"""A search writes nothing to the database while the visitor waits; its statistics come later."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from search.models import ZeroResultQuery
from search.stats import flush_statistics
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def pages(home):
    StandardPageFactory(parent=home, title="Besøgsven i Aalborg")


def writes_during(client, *queries):
    with CaptureQueriesContext(connection) as captured:
        for query in queries:
            assert client.get("/soeg/", {"q": query}).status_code == 200
    return [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith(WRITES)]


def test_a_search_writes_nothing_and_its_counts_arrive_with_the_flush(
    client, shared_cache, redis_server, pages
):
    assert writes_during(client, "besøgsven", "Besøgsven ", "xyzzy") == []
    assert not Query.objects.exists()

    call_command("flush_search_statistics", stdout=open("/dev/null", "w"))

    assert Query.get("besøgsven").hits == 2
    assert Query.get("xyzzy").hits == 1
    assert list(ZeroResultQuery.objects.values_list("query_string", "count")) == [("xyzzy", 1)]
    assert flush_statistics() == 0  # each count is written once


def test_without_redis_the_counts_wait_in_the_process(client, shared_cache, redis_server, pages):
    redis_server.stop()

    assert writes_during(client, "besøgsven") == []
    assert flush_statistics() == 1
    assert Query.get("besøgsven").hits == 1


def test_with_the_local_cache_a_search_writes_nothing_either(client, pages):
    assert writes_during(client, "xyzzy", "xyzzy") == []

    flush_statistics()
    assert ZeroResultQuery.objects.get().count == 2
