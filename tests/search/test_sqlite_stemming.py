"""Danish stemming on SQLite (``search.backends.sqlite``), so the demo searches as
production does."""

import importlib
import io
import os
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Page

from tests.factories import OrganisationPageFactory, StandardPageFactory
from tests.matching.conftest import make_opportunity

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the stemming backend is for SQLite; PostgreSQL stems with its own Danish "
    "configuration (tests/search/test_backends.py)",
)

LONELY = "Telefonven for ensomme ældre"


def titles(results):
    return [page.title for page in results]


@pytest.fixture
def organisation(organisation_index):
    """An organisation whose own texts hold none of the words searched for."""
    return OrganisationPageFactory(
        parent=organisation_index, title="Naboskab Nord", summary="En forening.",
        description="<p>Vi mødes hver uge.</p>",
    )


@pytest.fixture
def lonely_elderly(organisation):
    return make_opportunity(organisation, title=LONELY)


@pytest.fixture
def visiting_friend(organisation):
    return make_opportunity(organisation, title="Besøgsven til Inger")


@sqlite_only
@pytest.mark.django_db
def test_ensomhed_finds_the_opportunity_for_lonely_elderly(lonely_elderly):
    assert titles(Page.objects.search("ensomhed")) == [LONELY]
    assert titles(Page.objects.search("ensom ældre")) == [LONELY]


@sqlite_only
@pytest.mark.django_db
def test_frivillige_finds_frivillig(home):
    StandardPageFactory(parent=home, title="Bliv frivillig", intro="")
    StandardPageFactory(parent=home, title="Ældres hverdag", intro="")

    assert titles(Page.objects.search("frivillige")) == ["Bliv frivillig"]
    assert titles(Page.objects.search("ældre")) == ["Ældres hverdag"]


@sqlite_only
@pytest.mark.django_db
def test_stemming_does_not_join_unrelated_words(home):
    StandardPageFactory(parent=home, title="Bliv frivillig", intro="")

    assert titles(Page.objects.search("frivilligcentral")) == []


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"ensomme', [LONELY]),
        ("ensom*", [LONELY]),
        ("title:ensomme", []),  # "title" is a word here, and no page holds it
        ("(ensomme ældre)", [LONELY]),
        ("ensomme NEAR ældre", []),  # "near" is a word, not FTS5's operator
        ("NEAR(ensomme ældre)", []),
        ('"', []),
        ("*", []),
        (":", []),
        ("(", []),
        ("ensomme'; --", [LONELY]),
    ],
)
def test_fts_syntax_in_a_query_is_searched_as_words(client, lonely_elderly, query, expected):
    assert titles(Page.objects.search(query)) == expected
    assert titles(Page.objects.search(query, operator="or")) == (
        [LONELY] if "ensom" in query else []
    )
    assert client.get("/soeg/", {"q": query}).status_code == 200


@sqlite_only
@pytest.mark.django_db
def test_a_phrase_is_stemmed_too(lonely_elderly):
    from modelsearch.query import Phrase

    assert titles(Page.objects.search(Phrase("ensomhedens ældres"))) == [LONELY]
    assert titles(Page.objects.search(Phrase("ældre ensomme"))) == []


@sqlite_only
@pytest.mark.django_db
def test_autocomplete_matches_unstemmed_prefixes(client, visiting_friend, lonely_elderly):
    assert titles(Page.objects.autocomplete("besø")) == ["Besøgsven til Inger"]
    # The stem of "ensomme" is "ensom"; the prefix "ensomm" still finds the word.
    assert titles(Page.objects.autocomplete("ensomm")) == [LONELY]

    suggestions = client.get("/soeg/forslag/", {"q": "besø"}).json()["results"]
    assert [suggestion["title"] for suggestion in suggestions] == ["Besøgsven til Inger"]


@sqlite_only
@pytest.mark.django_db
def test_the_search_page_shows_the_opportunity_for_ensomhed(client, lonely_elderly):
    response = client.get("/soeg/", {"q": "ensomhed"})

    assert response.status_code == 200
    assert [result["page"].title for result in response.context["results"]] == [LONELY]
    assert LONELY in response.content.decode()


@sqlite_only
@pytest.mark.django_db
def test_update_index_rebuilds_a_stemmed_index(lonely_elderly):
    get_app_config().get_model("IndexEntry").objects.all().delete()
    assert titles(Page.objects.search("ensomhed")) == []

    call_command("update_index", stdout=io.StringIO())

    assert titles(Page.objects.search("ensomhed")) == [LONELY]
    assert titles(Page.objects.autocomplete("telefonv")) == [LONELY]


@pytest.fixture
def backends_for():
    """The search backends the settings choose for an environment."""
    from portal.settings import base

    def reload(**environ):
        with mock.patch.dict(os.environ, environ):
            return importlib.reload(base).WAGTAILSEARCH_BACKENDS["default"]

    yield reload
    importlib.reload(base)


def test_settings_choose_the_stemming_backend_for_sqlite_only(backends_for):
    assert backends_for(DATABASE_URL="sqlite:///demo.sqlite3") == {
        "BACKEND": "search.backends.sqlite"
    }
    assert backends_for(DATABASE_URL="postgres://postgres@127.0.0.1:5432/bindeled") == {
        "BACKEND": "search.backends.postgres",
        "SEARCH_CONFIG": "danish",
    }
    elasticsearch = backends_for(
        DATABASE_URL="sqlite:///demo.sqlite3", SEARCH_URL="https://search.example.org:9200"
    )
    assert elasticsearch["URLS"] == ["https://search.example.org:9200"]
