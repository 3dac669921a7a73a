"""Addresses find their pages as Wagtail's walk down the tree would, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OrganisationPageFactory
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity(opportunity_index, organisation):
    return OpportunityPageFactory(parent=organisation, title="Besøgsven")


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [query["sql"] for query in captured
                      if query["sql"].startswith('SELECT "wagtailcore_page"')]


def test_a_page_deep_in_the_tree_is_found_with_its_breadcrumbs(client, opportunity, organisation):
    response = client.get(opportunity.url)

    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('class="breadcrumbs"')
    trail = html[start:html.index("</nav>", start)]
    for ancestor in ("Bindeled", "Organisationer", organisation.title):
        assert ancestor in trail
    assert trail.index("Organisationer") < trail.index(organisation.title)


def test_finding_a_page_costs_the_same_at_any_depth(client, opportunity, organisation):
    _, shallow = page_queries(client, organisation.url)
    _, deep = page_queries(client, opportunity.url)

    def lookups(queries):
        return [sql for sql in queries if '"url_path" IN' in sql]

    assert len(lookups(shallow)) == len(lookups(deep)) == 1
    # Wagtail's own walk asks for each level's child by its slug.
    assert not [sql for sql in deep if '"wagtailcore_page"."slug" =' in sql]


@pytest.mark.parametrize("suffix", ["findes-ikke/", "findes-ikke/heller-ikke/"])
def test_an_unknown_address_below_a_page_is_a_404(client, opportunity, suffix):
    assert client.get(opportunity.url + suffix).status_code == 404
    assert client.get("/organisationer/findes-ikke/" + suffix).status_code == 404


def test_a_routable_pages_own_addresses_still_answer(client, tool_index):
    assert client.get(tool_index.url + "sammenlign/").status_code == 200


def test_a_moved_page_answers_at_its_new_address_and_an_unpublished_one_is_a_404(
    client, opportunity, organisation_index
):
    other = OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")
    old_url = opportunity.url
    opportunity.move(other, pos="last-child")
    opportunity.refresh_from_db()

    redirect = client.get(old_url)
    assert (redirect.status_code, redirect["Location"]) == (301, opportunity.url)
    assert client.get(opportunity.url).status_code == 200

    opportunity.unpublish()
    assert client.get(opportunity.url).status_code == 404
