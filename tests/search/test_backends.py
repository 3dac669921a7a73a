"""Backend configuration: Danish on both databases, Elasticsearch when SEARCH_URL is set.

No Elasticsearch server can run where these tests run; the Elasticsearch tests
check what can be checked without one (the settings, the backend they build,
the index settings and the mapping of every page type).
"""

import importlib
import os
from unittest import mock

import pytest
from django.test import override_settings
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from wagtail.models import Page

from tests.factories import StandardPageFactory


def settings_with(**environ):
    from portal.settings import base

    with mock.patch.dict(os.environ, environ):
        return importlib.reload(base)


@pytest.fixture
def search_url_settings():
    settings = settings_with(SEARCH_URL="https://search.example.org:9200")
    yield settings.WAGTAILSEARCH_BACKENDS
    settings_with()


def test_without_search_url_postgresql_searches_with_its_danish_configuration():
    settings = settings_with(DATABASE_URL="postgres://bindeled@db.example.org/bindeled")
    try:
        assert settings.WAGTAILSEARCH_BACKENDS["default"] == {
            "BACKEND": "search.backends.postgres",
            "SEARCH_CONFIG": "danish",
        }
    finally:
        settings_with()


def test_search_url_gives_elasticsearch_9_with_a_danish_analyser(search_url_settings):
    from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

    with override_settings(WAGTAILSEARCH_BACKENDS=search_url_settings):
        backend = get_search_backend()

    assert isinstance(backend, Elasticsearch9SearchBackend)
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "danish"}
    assert "asciifolding" not in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    # Wagtail's own n-gram analysers are still there for autocomplete.
    assert "ngram_analyzer" in analysis["analyzer"]
    assert backend.index_prefix == "bindeled_"
    assert backend.timeout == 3


def test_every_page_type_has_an_elasticsearch_mapping(search_url_settings):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_url_settings):
        backend = get_search_backend()

    for model in get_indexed_models():
        mapping = backend.mapping_class(model).get_mapping()
        assert mapping["properties"]["_all_text"] == {"type": "text"}, model
        if issubclass(model, Page):
            assert backend.get_index_for_model(model).name == "bindeled_wagtailcore_page"


@pytest.mark.django_db
def test_danish_stemming_frivillige_finds_frivillig(client, home):
    StandardPageFactory(parent=home, title="Bliv frivillig", intro="")
    StandardPageFactory(parent=home, title="Ældres hverdag", intro="")

    frivillige = client.get("/soeg/", {"q": "frivillige"}).context["results"]
    aeldre = client.get("/soeg/", {"q": "ældre"}).context["results"]

    assert [result["page"].title for result in frivillige] == ["Bliv frivillig"]
    assert [result["page"].title for result in aeldre] == ["Ældres hverdag"]


@pytest.mark.django_db
def test_danish_stop_words_do_not_narrow_the_search(client, home):
    StandardPageFactory(parent=home, title="It-hjælp til ældre borgere", intro="")

    results = client.get("/soeg/", {"q": "it-hjælp for ældre"}).context["results"]

    assert [result["page"].title for result in results] == ["It-hjælp til ældre borgere"]
