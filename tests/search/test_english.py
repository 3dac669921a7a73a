"""Searching in English: English texts stemmed in English, Danish in Danish.

A Danish page's index entry holds its live English translation's text, so the
search (which lists the Danish pages) finds a translated page once, by words
of either language; English queries are stemmed in English (and Danish).
Run on SQLite (Snowball in Python) and on PostgreSQL (its text-search
configurations); the last tests read PostgreSQL's index itself.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import translation
from modelsearch.conf import get_app_config
from wagtail.models import Locale, Page

from tests.factories import StandardPageFactory, translate_page
from tests.opportunities.factories import OpportunityPageFactory

DANISH_TITLE = "Besøgsven til ensomme ældre"
ENGLISH_TITLE = "Volunteers for lonely older people"


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def translate():
    """Publish an English translation of a Danish page, with English texts."""
    return translate_page


@pytest.fixture
def volunteering(home, translate):
    """A Danish page about volunteering with a live English translation."""
    danish = StandardPageFactory(
        parent=home, title=DANISH_TITLE,
        intro="Vi søger besøgsvenner i Aarhus, der har tid en gang om ugen.",
    )
    translate(danish, title=ENGLISH_TITLE,
              intro="We are looking for visiting volunteers in Aarhus with an hour a week.")
    return danish


def search(query, prefix=""):
    """The ids of the pages the site search at ``{prefix}/soeg/`` shows for ``query``."""
    response = Client().get(f"{prefix}/soeg/", {"q": query})
    assert response.status_code == 200
    return [result["page"].id for result in response.context.get("results", [])]


def english_search(query):
    return search(query, prefix="/en")


@pytest.mark.django_db
def test_an_english_query_finds_the_danish_page_by_its_english_translation(volunteering):
    # "volunteering" is on neither page: English stemming takes it to "volunteers".
    assert english_search("volunteering") == [volunteering.id]
    assert english_search("visiting lonely people") == [volunteering.id]


@pytest.mark.django_db
def test_the_english_search_page_shows_the_translation_in_english(client, volunteering):
    response = client.get("/en/soeg/", {"q": "volunteering"})
    page = response.content.decode()

    assert '<html lang="en"' in page
    assert ENGLISH_TITLE in page
    assert DANISH_TITLE not in page
    assert [result["page"].url for result in response.context["results"]] == [
        volunteering.get_translation(Locale.objects.get(language_code="en")).url
    ]


@pytest.mark.django_db
def test_a_translated_page_is_one_result(volunteering):
    # "Aarhus" is in the Danish text and in the English one.
    assert english_search("aarhus") == [volunteering.id]
    assert search("aarhus") == [volunteering.id]


@pytest.mark.django_db
def test_an_english_query_still_finds_untranslated_danish_pages(home, volunteering):
    untranslated = StandardPageFactory(
        parent=home, title="Lektiecafé i Aarhus", intro="Hjælp børn med lektierne."
    )

    assert set(english_search("aarhus")) == {volunteering.id, untranslated.id}
    # A Danish word under /en/ is stemmed in Danish too: "lektier" finds "lektierne".
    assert english_search("lektier") == [untranslated.id]


@pytest.mark.django_db
def test_a_danish_query_still_stems_danish(home, volunteering):
    everyday = StandardPageFactory(parent=home, title="Ældres hverdag", intro="")

    assert search("besøgsvennerne") == [volunteering.id]
    assert search("ensomhed") == [volunteering.id]
    assert set(search("ældre")) == {volunteering.id, everyday.id}


@pytest.mark.django_db
def test_the_translation_is_searched_only_while_it_is_live(volunteering):
    translated = volunteering.get_translation(Locale.objects.get(language_code="en"))

    translated.unpublish()
    assert english_search("volunteering") == []

    translated.save_revision().publish()
    assert english_search("volunteering") == [volunteering.id]

    translated.delete()
    assert english_search("volunteering") == []
    assert english_search("besøgsven") == [volunteering.id]


@pytest.mark.django_db
def test_an_edited_translation_is_searched_by_its_new_text(volunteering, english):
    translated = volunteering.get_translation(english).specific
    translated.intro = "Our befrienders phone older people who live alone."
    translated.save_revision().publish()

    assert english_search("befriending") == [volunteering.id]
    assert english_search("looking") == []


@pytest.mark.django_db
def test_english_pages_are_indexed_in_english_for_the_editors(volunteering, english):
    # An editor using the admin in English finds the English page by an English stem.
    with translation.override("en"):
        found = list(Page.objects.filter(locale=english).search("volunteering"))

    assert [page.title for page in found] == [ENGLISH_TITLE]


@pytest.mark.django_db
def test_update_index_keeps_the_english_text_of_a_danish_page(volunteering):
    get_app_config().get_model("IndexEntry").objects.all().delete()
    assert english_search("volunteering") == []

    call_command("update_index", stdout=io.StringIO())

    assert english_search("volunteering") == [volunteering.id]
    assert search("besøgsvennerne") == [volunteering.id]


@pytest.mark.django_db
def test_an_english_title_is_suggested_under_english(client, volunteering, english):
    results = client.get("/en/soeg/forslag/", {"q": "volunt"}).json()["results"]

    assert [(result["title"], result["url"]) for result in results] == [
        (ENGLISH_TITLE, volunteering.get_translation(english).url)
    ]


def _lexemes(page):
    """The words of ``page``'s index entry, as PostgreSQL stemmed them."""
    entries = get_app_config().get_model("IndexEntry")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tsvector_to_array(title || body) FROM {entries._meta.db_table} "
            "WHERE object_id = %s",
            [str(page.pk)],
        )
        return set(cursor.fetchone()[0])


@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's tsvectors")
def test_postgresql_stems_each_language_with_its_configuration(volunteering, english):
    danish_entry = _lexemes(volunteering)
    english_entry = _lexemes(volunteering.get_translation(english))

    # Danish with ``danish`` ("besøgsvenner" → "besøgsven"), English with ``english``
    # ("volunteers" → "volunt", "people" → "peopl").
    assert {"besøgsven", "volunt", "peopl", "aarhus"} <= danish_entry
    assert {"volunt", "peopl"} <= english_entry
    assert "besøgsven" not in english_entry


@pytest.mark.django_db
def test_the_english_listing_filters_by_english_words(client, organisation, opportunity_index,
                                                      translate):
    night_watch = OpportunityPageFactory(
        parent=organisation, title="Nattevagt", summary="Ved livets afslutning.",
        commitment="ad_hoc",
    )
    OpportunityPageFactory(parent=organisation, title="Lektiecafé", summary="Hjælp med lektier.")
    translate(night_watch, title="Night watch", summary="Sitting with the dying.")

    response = client.get("/en/frivilligopgaver/", {"q": "sit"})

    assert [card.pk for card in response.context["page_obj"]] == [night_watch.id]
    assert "Night watch" in response.content.decode()


def _facet_labels(response):
    return {group.param: [option.label for option in group.options]
            for group in response.context["facets"]}


@pytest.mark.django_db
def test_the_facets_name_regions_and_themes_in_the_visitors_language(client, visiting_friends,
                                                                     theme):
    theme.name_en = "Loneliness"
    theme.save()

    english = _facet_labels(client.get("/en/soeg/", {"q": "besøgsvenner"}))
    danish = _facet_labels(client.get("/soeg/", {"q": "besøgsvenner"}))

    assert english["region"] == ["North Denmark Region"]
    assert english["tema"] == ["Loneliness"]
    assert english["kommune"] == danish["kommune"] == ["Aalborg"]
    assert danish["region"] == ["Region Nordjylland"]
    assert danish["tema"] == [theme.name]


@pytest.mark.django_db
def test_a_facet_term_without_an_english_name_is_named_in_danish(client, visiting_friends,
                                                                 theme):
    theme.name_en = ""
    theme.save()

    english = _facet_labels(client.get("/en/soeg/", {"q": "besøgsvenner"}))

    assert english["tema"] == [theme.name]


@pytest.mark.django_db
def test_a_fact_the_danish_page_changed_is_not_found_by_its_translations_old_copy(
    organisation, opportunity_index, translate
):
    # The place is the Danish page's: the translation's copy is the place it had then.
    danish = OpportunityPageFactory(parent=organisation, title=DANISH_TITLE, place="Solhøj")
    translate(danish, title=ENGLISH_TITLE)
    danish.place = "Bakkehuset"
    danish.save_revision().publish()

    assert search("Bakkehuset") == [danish.id]
    assert search("Solhøj") == []
    assert english_search("Solhøj") == []
    assert english_search("lonely") == [danish.id]
