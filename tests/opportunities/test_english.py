"""English for international volunteers: the taxonomies' English names, and the
"English-speaking volunteers welcome" filter (``sprog=engelsk``) with its badge."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from portal.core.models import Activity, Municipality, Region, TargetGroup
from portal.opportunities import facet_index
from portal.opportunities.listing import listing_context
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

WELCOME = "Engelsktalende frivillige er velkomne"


def slugged(model, *slugs):
    return list(model.objects.filter(slug__in=slugs))


@pytest.fixture
def catalogue(opportunity_index, organisation):
    make = OpportunityPageFactory
    return {
        "visit": make(
            parent=organisation, title="Besøgsven i Aalborg",
            municipalities=slugged(Municipality, "aalborg"),
            activities=slugged(Activity, "besoegsven"),
            target_groups=slugged(TargetGroup, "aeldre"), english_speakers_welcome=True,
        ),
        "homework": make(
            parent=organisation, title="Lektiehjælp i Aalborg",
            municipalities=slugged(Municipality, "aalborg"),
            activities=slugged(Activity, "lektiehjaelp"),
        ),
        "festival": make(
            parent=organisation, title="Festivalhjælper i Odense", is_online=True,
            municipalities=slugged(Municipality, "odense"),
            activities=slugged(Activity, "arrangementer"), english_speakers_welcome=True,
        ),
        "closed": make(parent=organisation, title="Lukket opgave", status="closed",
                       english_speakers_welcome=True),
    }


def listing(opportunity_index, query=""):
    request = RequestFactory().get(f"/frivilligopgaver/?{query}")
    return listing_context(opportunity_index, request)


def labels(context, group):
    chosen = next(candidate for candidate in context["groups"] if candidate["name"] == group)
    return [choice["label"] for choice in chosen["choices"]]


def titles(response):
    return sorted(page.title for page in response.context["opportunities"])


def toggle(context, name):
    return next(candidate for candidate in context["toggles"] if candidate["name"] == name)


# --- Taxonomy names -------------------------------------------------------------------


def test_the_facets_name_the_taxonomies_in_the_visitors_language(opportunity_index, catalogue):
    with translation.override("en"):
        english = listing(opportunity_index)
        assert labels(english, "aktivitet") == ["Events", "Homework help", "Visiting friend"]
        assert labels(english, "maalgruppe") == ["Older people"]
        assert labels(english, "region") == ["North Denmark Region", "Region of Southern Denmark"]
        assert labels(english, "kommune") == ["Aalborg", "Odense"]  # proper names
        filtered = listing(opportunity_index, "aktivitet=besoegsven&region=nordjylland")
        assert [active["label"] for active in filtered["active_filters"]] == [
            "North Denmark Region", "Visiting friend"]
    with translation.override("da"):
        danish = listing(opportunity_index, "aktivitet=besoegsven")
        assert labels(danish, "aktivitet") == ["Arrangementer", "Besøgsven", "Lektiehjælp"]
        assert [active["label"] for active in danish["active_filters"]] == ["Besøgsven"]


def test_the_filter_forms_choices_are_named_in_the_visitors_language(opportunity_index,
                                                                     catalogue):
    with translation.override("en"):
        choices = dict(listing(opportunity_index)["filterset"].form.fields["maalgruppe"].choices)
    assert choices["aeldre"] == "Older people"


def render_page(page):
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()
    response = page.serve(request)
    return response.render().content.decode()


def test_the_opportunity_page_names_its_taxonomies_in_the_visitors_language(catalogue):
    page = catalogue["visit"]
    with translation.override("en"):
        english = render_page(page)
    with translation.override("da"):
        danish = render_page(page)
    assert "Visiting friend" in english and "Older people" in english
    assert "Visiting friend" not in danish and "Besøgsven</dd>" in danish
    assert "Ældre</dd>" in danish


def test_the_region_keeps_its_danish_name_where_there_is_no_english_one(opportunity_index,
                                                                        catalogue):
    Region.objects.filter(slug="syddanmark").update(name_en="")
    with translation.override("en"):
        assert "Region Syddanmark" in labels(listing(opportunity_index), "region")


# --- English-speaking volunteers welcome ------------------------------------------------


def test_the_language_filter_gives_the_open_opportunities_that_welcome_english(client,
                                                                               catalogue):
    response = client.get("/frivilligopgaver/?sprog=engelsk")
    assert titles(response) == ["Besøgsven i Aalborg", "Festivalhjælper i Odense"]
    assert response.context["result_count"] == 2
    assert [active["label"] for active in response.context["active_filters"]] == [WELCOME]


def test_the_language_toggle_counts_what_it_would_give_with_the_other_filters(
        opportunity_index, catalogue, client):
    unfiltered = toggle(listing(opportunity_index), "sprog")
    assert (unfiltered["count"], unfiltered["checked"]) == (2, False)
    assert (unfiltered["value"], unfiltered["label"]) == ("engelsk", WELCOME)
    assert toggle(listing(opportunity_index, "kommune=aalborg"), "sprog")["count"] == 1
    assert toggle(listing(opportunity_index, "sprog=engelsk"), "sprog")["checked"] is True
    for query in ("kommune=aalborg", "online=on", ""):
        count = toggle(listing(opportunity_index, query), "sprog")["count"]
        response = client.get(f"/frivilligopgaver/?{query}&sprog=engelsk")
        assert response.context["result_count"] == count


def test_the_listing_offers_the_toggle_with_its_danish_value(client, catalogue):
    html = client.get("/frivilligopgaver/").content.decode()
    assert 'name="sprog" value="engelsk"' in html
    assert f"{WELCOME} <span class=\"facet__count\">(2" in html


def test_a_language_the_filter_does_not_know_is_dropped_with_a_notice(client, catalogue):
    response = client.get("/frivilligopgaver/?sprog=dansk")
    assert response.context["result_count"] == 3
    assert any(str(notice).startswith("Sprog:") for notice in response.context["notices"])


def test_the_card_and_the_page_show_the_badge(client, catalogue):
    listing_html = client.get("/frivilligopgaver/").content.decode()
    assert listing_html.count(f'<li class="badge badge--language">{WELCOME}</li>') == 2
    badge = f'<p class="badge badge--language">{WELCOME}</p>'
    assert badge in client.get(catalogue["visit"].url).content.decode()
    # Only its neighbours' cards, below it, may say so.
    assert badge not in client.get(catalogue["homework"].url).content.decode()


def test_the_feed_keeps_the_language_filter(client, opportunity_index, catalogue):
    feed = client.get("/frivilligopgaver/rss/?sprog=engelsk").content.decode()
    assert "Besøgsven i Aalborg" in feed and "Festivalhjælper i Odense" in feed
    assert "Lektiehjælp i Aalborg" not in feed


def test_editors_find_the_field_among_the_requirements(admin_client, catalogue):
    page = catalogue["homework"]
    form = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="english_speakers_welcome"' in form
    assert "kan klare opgaven på engelsk" in form


def test_an_index_shared_before_the_language_facet_existed_is_not_taken(
        client, catalogue, monkeypatch):
    """After a deploy, the previous release's index may still be in the shared cache."""
    older = facet_index.FacetIndex.build()
    del older.values["sprog"]
    monkeypatch.setattr(facet_index.FacetIndex, "build", classmethod(lambda cls: older))
    monkeypatch.setattr(facet_index, "FACETS", tuple(
        name for name in facet_index.FACETS if name != "sprog"))
    assert facet_index.current_index() is older  # shared as the previous release did
    monkeypatch.undo()
    facet_index.forget_local_index()

    response = client.get("/frivilligopgaver/?sprog=engelsk")
    assert response.context["result_count"] == 2
