"""Where needs show: the organisation's profile, the directory's facet, the site search,
tool pages and funding call pages. Only current needs, at a fixed cost in queries."""

import datetime
import re

import pytest
from django.utils import timezone

from portal.funding.models import FundingCallPage, FundingDeadline
from portal.needs.models import NeedKind, NeedPage
from tests.cases.factories import ToolPageFactory, category
from tests.cases.test_pages import queries_for
from tests.factories import OrganisationPageFactory, ThemeFactory
from tests.needs.factories import NeedPageFactory

pytestmark = pytest.mark.django_db


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


def organisation_titles(body):
    return set(re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', body))


def funding_call(parent, themes):
    call = FundingCallPage(
        title="Puljen for fællesskab", slug="puljen", summary="Støtte til fællesskaber.",
        purpose="<p>Vi støtter fællesskaber.</p>", for_associations=True,
        application_url="https://fond.example/ansoeg",
    )
    parent.add_child(instance=call)
    call.deadlines.add(FundingDeadline(date=days(60), sort_order=0))
    call.themes.set(themes)
    call.save_revision().publish()
    return call


@pytest.fixture
def loneliness():
    return ThemeFactory(slug="ensomhed")


def test_current_is_the_one_definition_today_counts_expired_does_not(organisation):
    today = NeedPageFactory(parent=organisation, end_date=days(0))
    NeedPageFactory(parent=organisation, end_date=days(-1))
    NeedPageFactory(parent=organisation, end_date=days(30), live=False)
    assert list(NeedPage.objects.current()) == [today]


def test_a_need_past_its_end_date_is_marked_on_its_own_page(client, organisation):
    need = NeedPageFactory(parent=organisation, title="Lokale søges", end_date=days(-1))
    response = client.get(need.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<title>Udløbet: Lokale søges · Bindeled</title>" in body
    assert "<strong>Udløbet</strong>" in body
    assert '<meta name="robots" content="noindex">' in body
    assert need.get_sitemap_urls() == []


def test_the_profile_shows_current_needs_only(client, organisation):
    NeedPageFactory(parent=organisation, title="Kasserer søges")
    NeedPageFactory(parent=organisation, title="Gammelt lokalebehov", end_date=days(-1))
    NeedPageFactory(parent=organisation, title="Kladde til behov", live=False)
    body = client.get(organisation.url).content.decode()
    assert "Det har vi brug for" in body
    assert "Kasserer søges" in body
    assert "Gammelt lokalebehov" not in body
    assert "Kladde til behov" not in body


def test_a_profile_without_current_needs_has_no_needs_section(client, organisation):
    NeedPageFactory(parent=organisation, end_date=days(-1))
    assert "Det har vi brug for" not in client.get(organisation.url).content.decode()


def test_the_directory_facet_counts_organisations_with_current_needs_of_a_kind(
    client, organisation, other_organisation, organisation_index
):
    third = OrganisationPageFactory(parent=organisation_index, title="Lektiecaféen")
    NeedPageFactory(parent=organisation, kind=NeedKind.PREMISES)
    NeedPageFactory(parent=organisation, kind=NeedKind.PREMISES)  # one organisation, counted once
    NeedPageFactory(parent=other_organisation, kind=NeedKind.PREMISES)
    NeedPageFactory(parent=third, kind=NeedKind.PREMISES, end_date=days(-1))
    NeedPageFactory(parent=third, kind=NeedKind.SKILLS)

    body = client.get("/organisationer/").content.decode()
    assert re.search(r'value="premises"[^>]*>\s*<label[^>]*>Lokaler <span class="facet__count">'
                     r"\(2<", body)
    assert re.search(r'value="skills"[^>]*>\s*<label[^>]*>Kompetencer <span class="facet__count">'
                     r"\(1<", body)
    assert re.search(r'value="partner"[^>]*>\s*<label[^>]*>Partner <span class="facet__count">'
                     r"\(0<", body)

    filtered = client.get("/organisationer/?behov=premises").content.decode()
    assert organisation_titles(filtered) == {"Besøgsvennerne", "Vågekonerne"}
    either = client.get("/organisationer/?behov=premises&behov=skills").content.decode()
    assert organisation_titles(either) == {"Besøgsvennerne", "Vågekonerne", "Lektiecaféen"}


def test_the_site_search_finds_a_current_need_labelled_and_not_an_expired_one(
    client, organisation
):
    NeedPageFactory(parent=organisation, title="Kasserer til bestyrelsen",
                    summary="Regnskabskyndig frivillig søges.")
    NeedPageFactory(parent=organisation, title="Kasserer til festudvalget",
                    summary="Regnskabskyndig frivillig søges.", end_date=days(-1))
    body = client.get("/soeg/?q=kasserer").content.decode()
    assert "1 resultat for »kasserer«" in body
    assert '<p class="search-result__type">Behov</p>' in body
    assert "til bestyrelsen" in body
    assert "til festudvalget" not in body
    suggestions = client.get("/soeg/forslag/?q=kasserer").json()["results"]
    assert [item["type"] for item in suggestions] == ["Behov"]


def test_a_tool_page_shows_current_needs_for_a_tool_of_its_category(
    client, organisation, other_organisation
):
    tool = ToolPageFactory(parent=other_organisation, categories=[category("vagtplaner")])
    NeedPageFactory(parent=organisation, title="Vagtplan til vågere", kind=NeedKind.TOOL,
                    tool_category=category("vagtplaner"))
    NeedPageFactory(parent=organisation, title="Gammel vagtplan", kind=NeedKind.TOOL,
                    tool_category=category("vagtplaner"), end_date=days(-1))
    NeedPageFactory(parent=organisation, title="Chat til holdledere", kind=NeedKind.TOOL,
                    tool_category=category("kommunikation"))
    body = client.get(tool.url).content.decode()
    assert "Organisationer der søger et værktøj som dette" in body
    assert "Vagtplan til vågere" in body and "Besøgsvennerne" in body
    assert "Gammel vagtplan" not in body
    assert "Chat til holdledere" not in body


def test_a_funding_call_shows_current_funding_needs_in_its_themes(
    client, organisation, other_organisation, loneliness
):
    other_theme = ThemeFactory(slug="demens")
    call = funding_call(other_organisation, [loneliness])
    NeedPageFactory(parent=organisation, title="Kursus for besøgsvenner", kind=NeedKind.FUNDING,
                    funding_purpose="Kursus", themes=[loneliness, other_theme])
    NeedPageFactory(parent=organisation, title="Udløbet kursus", kind=NeedKind.FUNDING,
                    funding_purpose="Kursus", themes=[loneliness], end_date=days(-1))
    NeedPageFactory(parent=organisation, title="Demenscafé", kind=NeedKind.FUNDING,
                    funding_purpose="Café", themes=[other_theme])
    NeedPageFactory(parent=organisation, title="Partner mod ensomhed", kind=NeedKind.PARTNER,
                    themes=[loneliness])
    body = client.get(call.url).content.decode()
    assert "Organisationer der søger finansiering inden for samme tema" in body
    assert body.count("Kursus for besøgsvenner") == 1
    for title in ("Udløbet kursus", "Demenscafé", "Partner mod ensomhed"):
        assert title not in body, title


def shown(place, body):
    """How many needs (or, in the directory, organisations) a page lists."""
    if place == "directory":
        return len(organisation_titles(body))
    return len(set(re.findall(r'href="[^"]*/behov-\d+/"', body)))


@pytest.mark.parametrize("place", ["profile", "directory", "tool", "call", "search"])
def test_each_place_costs_the_same_queries_at_two_sizes(
    client, organisation, organisation_index, loneliness, place
):
    tool = ToolPageFactory(parent=organisation, categories=[category("vagtplaner")])
    call = funding_call(organisation, [loneliness])
    urls = {"profile": organisation.url, "directory": "/organisationer/?behov=tool",
            "tool": tool.url, "call": call.url, "search": "/soeg/?q=behov"}

    def add(count):
        for _number in range(count):
            owner = OrganisationPageFactory(parent=organisation_index)
            for parent in (owner, organisation):
                NeedPageFactory(parent=parent, kind=NeedKind.TOOL,
                                tool_category=category("vagtplaner"), themes=[loneliness])
                NeedPageFactory(parent=parent, kind=NeedKind.FUNDING, funding_purpose="Kursus",
                                themes=[loneliness])

    add(1)
    few, body = queries_for(client, urls[place])
    add(4)
    many, more = queries_for(client, urls[place])
    assert few == many
    assert shown(place, more) > shown(place, body) > 0


def test_a_need_moved_to_another_organisation_shows_on_that_profile(
    client, organisation, other_organisation
):
    need = NeedPageFactory(parent=organisation, title="Lokale søges")
    need.move(other_organisation, pos="last-child")
    assert NeedPage.objects.get(pk=need.pk).organisation_id == other_organisation.pk
    assert "Lokale søges" not in client.get(organisation.url).content.decode()
    assert "Lokale søges" in client.get(other_organisation.url).content.decode()
