"""Elasticsearch: English texts analysed in English, beside the Danish.

No Elasticsearch server can run where these tests run. They check what the
backend the settings build with SEARCH_URL would send: the mapping, the
documents (the client's ``index``, ``delete`` and the backend's ``bulk`` are
replaced on the backend instance to capture them, as nothing answers them
here) and the query bodies under Danish and English. Whether Elasticsearch's
``english`` analyser then stems and matches as intended is not tested here.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchQueryCompiler
from modelsearch.index import get_indexed_models
from modelsearch.query import Phrase
from wagtail.models import Locale, Page

from portal.home.models import StandardPage
from search.backends.elasticsearch import LanguageElasticsearchBackend
from tests.factories import StandardPageFactory, translate_page
from tests.opportunities.factories import OpportunityPageFactory
from tests.search.test_backends import settings_with

ENGLISH_FIELD = "_english_text"
ENGLISH_TITLE = "Volunteers for lonely older people"
ENGLISH_INTRO = "We are looking for visiting volunteers in Aarhus."


@pytest.fixture
def backend():
    """The backend the settings build when SEARCH_URL is set, with nothing behind it."""
    try:
        params = settings_with(SEARCH_URL="https://search.example.org:9200").WAGTAILSEARCH_BACKENDS
    finally:
        settings_with()
    with override_settings(WAGTAILSEARCH_BACKENDS=params):
        return get_search_backend()


@pytest.fixture
def sent(backend):
    """What the backend sends to the cluster, as ``(action, id, document)``."""
    calls = []
    backend.es.index = lambda index, id, document: calls.append(("index", id, document))
    backend.es.delete = lambda index, id: calls.append(("delete", id, None))

    def bulk(client, actions, index):
        for action in actions:
            document = dict(action)
            calls.append(("bulk", document.pop("_id"), document))

    backend.bulk = bulk
    return calls


@pytest.fixture
def translated(home):
    danish = StandardPageFactory(parent=home, title="Besøgsven til ensomme ældre",
                                 intro="Vi søger besøgsvenner i Aarhus.")
    english = translate_page(danish, title=ENGLISH_TITLE, intro=ENGLISH_INTRO)
    return danish, english


def document(backend, page):
    return backend.mapping_class(type(page)).get_document(page)


def test_the_retrying_backend_is_the_one_with_english_analysis(backend):
    assert type(backend) is LanguageElasticsearchBackend


def test_every_mapping_has_an_english_analysed_text_field(backend):
    for model in get_indexed_models():
        properties = backend.mapping_class(model).get_mapping()["properties"]
        assert properties[ENGLISH_FIELD] == {"type": "text", "analyzer": "english"}, model
        # The Danish text keeps the index's default (Danish) analyser.
        assert properties["_all_text"] == {"type": "text"}, model


@pytest.mark.django_db
def test_a_translated_page_document_holds_the_english_words_beside_its_danish_ones(
    backend, translated
):
    danish, _english = translated

    doc = document(backend, danish)

    assert doc[ENGLISH_FIELD] == [ENGLISH_TITLE, ENGLISH_INTRO]
    assert doc["title"] == "Besøgsven til ensomme ældre"
    assert doc["home_standardpage__intro"] == "Vi søger besøgsvenner i Aarhus."


@pytest.mark.django_db
def test_an_english_page_document_holds_its_own_words_in_english(backend, translated):
    _danish, english = translated

    assert document(backend, english)[ENGLISH_FIELD] == [ENGLISH_TITLE, ENGLISH_INTRO]


@pytest.mark.django_db
def test_an_untranslated_page_document_has_no_english_text(backend, home):
    page = StandardPageFactory(parent=home, title="Lektiecafé", intro="Hjælp med lektierne.")

    assert ENGLISH_FIELD not in document(backend, page)


@pytest.mark.django_db
def test_a_draft_translation_is_not_in_its_danish_page_document(backend, home):
    danish = StandardPageFactory(parent=home, title="Lektiecafé", intro="")
    translate_page(danish, publish=False, title="Homework café")

    assert ENGLISH_FIELD not in document(backend, danish)


@pytest.mark.django_db
def test_the_english_text_leaves_out_the_translations_stale_copies_of_shared_facts(
    backend, organisation, opportunity_index, aarhus
):
    # The place is the Danish page's: the translation's copy is the place it had then.
    danish = OpportunityPageFactory(parent=organisation, title="Besøgsven", place="Solhøj",
                                    summary="Bliv besøgsven.", municipalities=[aarhus])
    english = translate_page(danish, title="Visiting friend", summary="Become a visiting friend.")
    danish.place = "Bakkehuset"
    danish.save_revision().publish()
    danish.refresh_from_db()
    assert english.place == "Solhøj"
    assert list(english.municipalities.all()) == [aarhus]

    doc = document(backend, danish)

    assert doc[ENGLISH_FIELD] == ["Visiting friend", "Become a visiting friend."]
    assert doc["opportunities_opportunitypage__place"] == "Bakkehuset"


@pytest.mark.django_db
def test_indexing_a_translation_sends_its_danish_page_document_again(backend, sent, translated):
    danish, english = translated

    backend.add(english)

    assert [(action, id) for action, id, _doc in sent] == [
        ("index", str(english.pk)), ("bulk", str(danish.pk))]
    assert sent[1][2] == document(backend, danish)
    assert sent[1][2][ENGLISH_FIELD] == [ENGLISH_TITLE, ENGLISH_INTRO]


@pytest.mark.django_db
def test_deleting_a_translation_sends_its_danish_page_document_without_english_text(
    backend, sent, translated
):
    danish, english = translated
    english_pk = english.pk
    english.delete()

    backend.delete(english)

    assert [(action, id) for action, id, _doc in sent] == [
        ("delete", str(english_pk)), ("bulk", str(danish.pk))]
    assert ENGLISH_FIELD not in sent[1][2]


@pytest.mark.django_db
def test_a_batch_of_danish_pages_is_sent_with_their_translations_english_words(
    backend, sent, translated, home
):
    danish, _english = translated
    untranslated = StandardPageFactory(parent=home, title="Lektiecafé", intro="")
    pages = StandardPage.objects.filter(pk__in=[danish.pk, untranslated.pk]).order_by("pk")

    backend.add_bulk(StandardPage, pages)

    assert [(action, id, doc.get(ENGLISH_FIELD)) for action, id, doc in sent] == [
        ("bulk", str(danish.pk), [ENGLISH_TITLE, ENGLISH_INTRO]),
        ("bulk", str(untranslated.pk), None),
    ]


def queries_to_index(backend, home, numbers):
    """How many Danish pages there are once pages ``numbers`` are added with English
    translations, and how many database queries indexing them all in one batch takes."""
    for number in numbers:
        danish = StandardPageFactory(parent=home, title=f"Side {number}", intro="")
        translate_page(danish, title=f"Page {number}", intro="")
    danish_locale = Locale.objects.get(language_code="da")
    pages = list(StandardPage.objects.filter(locale=danish_locale).order_by("pk"))
    index = backend.get_index_for_model(StandardPage)
    with CaptureQueriesContext(connection) as queries:
        index.add_items(StandardPage, pages)
    return len(pages), len(queries)


@pytest.mark.django_db
def test_the_queries_to_build_documents_do_not_grow_with_the_pages(backend, sent, home):
    # One query reads the live English translations of the whole batch.
    assert queries_to_index(backend, home, range(2)) == (2, 1)
    sent.clear()
    assert queries_to_index(backend, home, range(2, 5)) == (5, 1)
    assert [doc[ENGLISH_FIELD] for _action, _id, doc in sent] == [
        [f"Page {number}"] for number in range(5)]


def compiled(backend, query):
    return backend.search(query, Page, operator="and").query_compiler.get_inner_query()


@pytest.mark.django_db
def test_a_danish_query_is_modelsearchs_own(backend):
    with translation.override("da"):
        ours = compiled(backend, "frivillige")
        modelsearchs = Elasticsearch9SearchQueryCompiler(
            Page.objects.all(), "frivillige", operator="and").get_inner_query()

    assert ours == modelsearchs
    assert ENGLISH_FIELD not in str(ours)


@pytest.mark.django_db
def test_an_english_query_also_matches_the_english_text(backend):
    with translation.override("da"):
        danish = compiled(backend, "volunteering")
    with translation.override("en"):
        english = compiled(backend, "volunteering")

    assert english == {"bool": {"should": [
        danish,
        {"match": {ENGLISH_FIELD: {"query": "volunteering", "operator": "and"}}},
    ], "minimum_should_match": 1}}


@pytest.mark.django_db
def test_an_english_phrase_also_matches_the_english_text(backend):
    phrase = Phrase("lonely older people")
    with translation.override("da"):
        danish = compiled(backend, phrase)
    with translation.override("en"):
        english = compiled(backend, phrase)

    assert english == {"bool": {"should": [
        danish, {"match_phrase": {ENGLISH_FIELD: "lonely older people"}},
    ], "minimum_should_match": 1}}


@pytest.mark.django_db
def test_a_search_in_named_fields_searches_those_alone_in_english_too(backend):
    with translation.override("en"):
        query = backend.search("volunteering", Page, fields=["title"]).query_compiler

    assert ENGLISH_FIELD not in str(query.get_inner_query())
