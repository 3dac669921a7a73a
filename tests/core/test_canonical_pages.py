"""The Danish pages are the canonical set: an English translation is never listed or
counted beside its Danish page, and under English it lends that page its words."""

import feedparser
import pytest
from django.utils import translation
from wagtail.models import Site

from portal.core.translations import in_default_locale, show_in_language
from portal.opportunities.models import OpportunityPage
from tests.cases.factories import CasePageFactory, ToolPageFactory
from tests.core.test_translations import translate
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home, organisation_index, opportunity_index, case_index, tool_index, organisation):
    return {
        "opportunity": OpportunityPageFactory(
            parent=organisation, title="Besøgsven i Aalborg", summary="Besøg en ældre."
        ),
        "other_opportunity": OpportunityPageFactory(parent=organisation, title="Lektiehjælp"),
        "case": CasePageFactory(parent=organisation, title="Besøgsvenner i samarbejde"),
        "tool": ToolPageFactory(parent=organisation, title="Vagtplan for besøgsvenner"),
    }


@pytest.fixture
def translated(content, home, organisation_index, opportunity_index, case_index, tool_index,
               organisation):
    """Everything above translated into English and published, sections first."""
    for page in (home, organisation_index, opportunity_index, case_index, tool_index):
        translate(page)
    return {
        "organisation": translate(organisation, title="The Visiting Friends"),
        "opportunity": translate(
            content["opportunity"], title="Visiting friend in Aalborg",
            summary="Visit an older person.",
        ),
        "case": translate(content["case"], title="Visiting friends working together"),
        "tool": translate(content["tool"], title="Rota for visiting friends"),
    }


def _titles(pages):
    return sorted(page.title for page in pages)


def what_visitors_can_enumerate(client):
    """Every list and count a visitor can get, as titles and numbers."""
    seen = {}
    for path in ("/frivilligopgaver/", "/erfaringer/", "/vaerktoejer/", "/organisationer/"):
        context = client.get(path).context
        results = context.get("opportunities") or context["results"]
        seen[path] = (context["result_count"], _titles(results))
    home = client.get("/").context
    seen["/"] = (
        home["figures"],
        _titles(home["featured_opportunities"]),
        _titles(home["featured_knowledge"]),
        _titles(home["featured_tools"]),
    )
    search = client.get("/soeg/", {"q": "besøgsven"}).context
    seen["/soeg/"] = (search["total"], _titles(result["page"] for result in search["results"]))
    for kind in ("opportunities", "organisations", "cases", "tools"):
        data = client.get(f"/api/v1/{kind}/").json()
        seen[kind] = (data["count"], sorted(item.get("title") for item in data["results"]))
    feed = feedparser.parse(client.get("/frivilligopgaver/rss/").content)
    seen["rss"] = sorted(entry.title for entry in feed.entries)
    return seen


def test_publishing_translations_changes_no_list_count_feed_or_search(client, content, request):
    before = what_visitors_can_enumerate(client)
    assert before["/frivilligopgaver/"][0] == 2 and before["/soeg/"][0] >= 2

    request.getfixturevalue("translated")

    assert what_visitors_can_enumerate(client) == before


def test_in_default_locale_keeps_the_danish_page_of_each_translation(translated, content):
    pages = in_default_locale(OpportunityPage.objects.live())

    assert _titles(pages) == ["Besøgsven i Aalborg", "Lektiehjælp"]


def test_under_english_a_translated_card_shows_the_english_words_and_address(
    translated, content
):
    with translation.override("en"):
        shown, untranslated = show_in_language(
            OpportunityPage.objects.open().order_by("title")
        )

    assert shown.pk == content["opportunity"].pk
    assert (shown.title, shown.summary) == ("Visiting friend in Aalborg", "Visit an older person.")
    assert shown.url == translated["opportunity"].url
    assert untranslated.title == "Lektiehjælp"


def test_under_danish_the_cards_are_left_alone(translated, content):
    shown, untranslated = show_in_language(OpportunityPage.objects.open().order_by("title"))

    assert shown.title == "Besøgsven i Aalborg"
    assert shown.url == content["opportunity"].url


def test_the_english_words_cost_one_query_per_page_type(
    translated, content, django_assert_num_queries
):
    pages = list(OpportunityPage.objects.open()) + [content["case"], content["tool"]]
    Site.get_site_root_paths()  # every page address reads these, kept in the cache
    with translation.override("en"), django_assert_num_queries(3):
        show_in_language(pages)


def test_the_english_listing_shows_english_cards_and_keeps_visitors_in_english(
    client, translated, content, organisation
):
    response = client.get("/en/frivilligopgaver/")
    html = response.content.decode()

    assert response.context["result_count"] == 2
    assert "Visiting friend in Aalborg" in html and "Besøgsven i Aalborg" not in html
    path = f"/organisationer/{organisation.slug}/"
    assert f'href="/en{path}{content["opportunity"].slug}/"' in html
    assert f'href="/en{path}{content["other_opportunity"].slug}/"' in html


def test_the_english_home_page_shows_the_same_sections_in_english(client, translated, content):
    danish = client.get("/").context
    english = client.get("/en/")

    assert english.context["figures"] == danish["figures"]
    assert _titles(english.context["featured_opportunities"]) == [
        "Lektiehjælp", "Visiting friend in Aalborg"]
    assert _titles(english.context["featured_tools"]) == ["Rota for visiting friends"]
