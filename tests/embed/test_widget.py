"""The widget shows the listing's own results for the host's filters, and never fails."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.core.models import Activity
from tests.embed.conftest import published

pytestmark = pytest.mark.django_db

WIDGET = "/indlejr/frivilligopgaver/"


def titles(response):
    html = response.content.decode()
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def listing_titles(client, query):
    response = client.get("/frivilligopgaver/?" + query)
    return [page.title for page in response.context["opportunities"]]


@pytest.mark.parametrize("query", [
    "", "kommune=aalborg", "kommune=odense&type=ad_hoc", "region=region-hovedstaden",
    "q=lektiehj%C3%A6lp", "sorter=frist", "kommune=aalborg&kommune=odense",
])
def test_the_widget_shows_the_listings_results_for_the_same_filters(client, opportunities, query):
    response = client.get(f"{WIDGET}?{query}&antal=20")

    assert response.status_code == 200
    assert titles(response) == listing_titles(client, query)


def test_the_activity_filter_matches_the_listing(client, opportunities):
    activity = Activity.objects.order_by("name").first()
    query = f"aktivitet={activity.slug}"
    assert titles(client.get(f"{WIDGET}?{query}")) == listing_titles(client, query) == [
        "Lektiehjælp i Aalborg", "Besøgsven i Aalborg"]


def test_an_organisation_shows_only_its_own_and_links_to_its_profile(
        client, opportunities, other_organisation):
    response = client.get(f"{WIDGET}?organisation={other_organisation.slug}&kommune=aalborg")

    assert titles(response) == ["Lektiehjælp i Aalborg"]
    link = f'<a href="{other_organisation.url}">Se alle på Bindeled</a>'
    assert link in response.content.decode()


def test_without_an_organisation_see_all_links_to_the_filtered_listing(client, opportunities):
    html = client.get(f"{WIDGET}?kommune=aalborg&antal=1").content.decode()

    assert '<a href="/frivilligopgaver/?kommune=aalborg">Se alle på Bindeled</a>' in html
    assert "Viser 1 af 2 åbne opgaver" in html


def test_the_number_of_items_is_antal(client, opportunities):
    assert len(titles(client.get(f"{WIDGET}?antal=2"))) == 2
    assert len(titles(client.get(WIDGET))) == 4


@pytest.mark.parametrize(("query", "notice"), [
    ("antal=mange", "Antal opgaver skal være et helt tal fra 1 til 20; her vises 5."),
    ("antal=0", "Antal opgaver skal være et helt tal fra 1 til 20; her vises 5."),
    ("antal=99999999999999999999", "Antal opgaver skal være et helt tal fra 1 til 20"),
    ("kommune=atlantis", "Vi kender ikke kommune “atlantis”, så det filter er udeladt."),
    ("organisation=findes-ikke", "Vi kender ikke organisation “findes-ikke”"),
    ("fra=igaar", "Fra dato: "),
    ("fra=2026-05-01&til=2026-01-01", "Til-datoen ligger før fra-datoen."),
    ("sorter=tilfaeldig", "Sortér efter: "),
    ("q=" + "x" * 300, "Fritekst: "),
])
def test_bad_parameters_give_the_page_with_a_notice(client, opportunities, query, notice):
    response = client.get(f"{WIDGET}?{query}")

    assert response.status_code == 200
    assert notice in response.content.decode()
    assert len(titles(response)) == 4


def test_nul_bytes_and_odd_text_never_fail(client, opportunities):
    response = client.get(WIDGET + "?q=%00%27%22%3C&kommune=%00&organisation=%00&antal=%00")
    assert response.status_code == 200


def test_unpublished_private_and_closed_opportunities_are_never_shown(
        client, opportunities, organisation):
    draft = published(organisation, title="Kladde")
    draft.unpublish()
    private = published(organisation, title="Kun for medlemmer")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    private.save_revision().publish()
    published(organisation, title="Lukket opgave", status="closed")

    shown = titles(client.get(f"{WIDGET}?antal=20&organisation={organisation.slug}"))

    assert sorted(shown) == ["Besøgsven i Aalborg", "Spiseven i Odense"]


def test_a_private_organisation_is_no_filter(client, opportunities, other_organisation):
    PageViewRestriction.objects.create(page=other_organisation, restriction_type="login")

    html = client.get(f"{WIDGET}?organisation={other_organisation.slug}").content.decode()

    assert "Vi kender ikke organisation" in html
    assert "Lektiehjælp" not in html


def test_no_site_header_or_footer_and_links_open_on_bindeled(client, opportunities):
    html = client.get(WIDGET).content.decode()

    assert "site-header" not in html and "site-footer" not in html
    assert '<base target="_top">' in html
    assert "<script" not in html
    assert f'href="{opportunities[0].url}"' in html


def test_nothing_matching_says_so(client, opportunities):
    html = client.get(f"{WIDGET}?kommune=aarhus").content.decode()
    assert "Der er ingen åbne frivilligopgaver, der passer, lige nu." in html


def test_only_get_and_head(client, opportunities):
    assert client.post(WIDGET).status_code == 405
    assert client.head(WIDGET).status_code == 200


def test_the_query_count_does_not_grow_with_the_items(client, opportunities, organisation):
    client.get(WIDGET)  # warms the taxonomy cache
    with CaptureQueriesContext(connection) as few:
        client.get(f"{WIDGET}?antal=2")
    for number in range(6):
        published(organisation, title=f"Ekstra {number}")
    client.get(WIDGET)
    with CaptureQueriesContext(connection) as many:
        client.get(f"{WIDGET}?antal=10")
    assert len(many) == len(few)
