"""The listings' free text: the same words find the same pages on every listing,
and a search that fails or cannot answer in time degrades to a smaller search
with a notice, never to an error."""

import datetime

import pytest
from django.utils import timezone

from portal.core.models import Municipality
from tests.cases.factories import CasePageFactory, ToolPageFactory
from tests.factories import OrganisationPageFactory
from tests.faults import search_table_unavailable
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db

FALLBACK = "Fritekstsøgningen er midlertidigt utilgængelig"
LISTINGS = ("/frivilligopgaver/", "/erfaringer/", "/vaerktoejer/", "/organisationer/")


@pytest.fixture
def hub(organisation, opportunity_index, case_index, tool_index):
    """On every listing one page whose body (not title or summary) says "vågetjeneste"."""
    aalborg = Municipality.objects.get(name="Aalborg")
    opportunity = OpportunityPageFactory(
        parent=organisation, title="Nattevagt", summary="Ved livets afslutning.",
        commitment="ad_hoc", municipalities=[aalborg],
        body=[("paragraph", "<p>Vi søger frivillige til vågetjeneste om natten.</p>")],
    )
    ShiftFactory(opportunity=opportunity,
                 starts_at=timezone.now() + datetime.timedelta(days=2))
    OpportunityPageFactory(parent=organisation, title="Lektiecafé", summary="Hjælp med lektier.")
    CasePageFactory(
        parent=organisation, title="Ingen skal dø alene", summary="Et samarbejde.",
        story=[("paragraph", "<p>Kommunen og foreningen byggede en vågetjeneste op.</p>")],
    )
    ToolPageFactory(parent=organisation, title="Vagtplanen",
                    description="<p>Planlæg vågetjeneste.</p>")
    OrganisationPageFactory(
        parent=organisation.get_parent(), title="Vågerne", summary="En forening.",
        description="<p>Vi står for vågetjeneste i hele kommunen.</p>",
    )
    return opportunity


def titles(response):
    context = response.context
    items = context.get("opportunities") or context.get("results") or []
    return {item.title for item in items}


@pytest.mark.parametrize("listing", LISTINGS)
def test_every_listing_searches_the_indexed_text_not_only_titles(client, hub, listing):
    found = titles(client.get(listing, {"q": "vågetjeneste"}))

    assert found == {
        "/frivilligopgaver/": {"Nattevagt"},
        "/erfaringer/": {"Ingen skal dø alene"},
        "/vaerktoejer/": {"Vagtplanen"},
        "/organisationer/": {"Vågerne"},
    }[listing]


SEARCH_SYNTAX = ['"', '"vågetjeneste', "våge*", "NEAR(a b)", "title:x", "(", "-", "a AND OR"]


@pytest.mark.parametrize(
    "address", [*LISTINGS, "/frivilligopgaver/rss/", "/frivilligopgaver/kalender/"]
)
def test_search_syntax_in_the_free_text_is_read_as_words(client, hub, address):
    answers = {query: client.get(address, {"q": query}).status_code for query in SEARCH_SYNTAX}

    assert answers == dict.fromkeys(SEARCH_SYNTAX, 200)


@pytest.fixture
def search_unavailable(settings):
    with search_table_unavailable(settings):
        yield


# The lock waits for uncommitted writes to the index: these tests commit theirs.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("listing", LISTINGS)
def test_a_search_that_fails_falls_back_to_titles_and_summaries_and_says_so(
    client, hub, search_unavailable, listing
):
    response = client.get(listing, {"q": "lektier"})

    assert response.status_code == 200
    assert FALLBACK in response.content.decode()
    assert titles(response) == ({"Lektiecafé"} if listing == "/frivilligopgaver/" else set())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("feed", ["/frivilligopgaver/rss/", "/frivilligopgaver/kalender/"])
def test_the_listing_feeds_answer_while_the_search_fails(client, hub, search_unavailable,
                                                          feed):
    assert client.get(feed, {"q": "vågetjeneste"}).status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_search_says_it_is_unavailable_while_the_search_fails(
    client, hub, search_unavailable
):
    response = client.get("/soeg/", {"q": "vågetjeneste"})

    assert response.status_code == 200
    assert "Søgningen er midlertidigt utilgængelig" in response.content.decode()
