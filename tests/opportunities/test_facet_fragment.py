"""The listing's facet block is rendered once per listing version, language and filters."""

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key

from portal.core.models import Municipality
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(opportunity_index, organisation):
    aalborg = Municipality.objects.get(slug="aalborg")
    return [OpportunityPageFactory(parent=organisation, title=f"Opgave {n}",
                                   municipalities=[aalborg]) for n in range(2)]


def kept_block(response):
    key = make_template_fragment_key("opportunity_facets", [response.context["facet_fragment"]])
    return cache.get(key)


def aalborg_count(response):
    html = response.content.decode()
    start = html.index('id="f-kommune-aalborg"')
    return html[start:html.index("</li>", start)]


def test_the_facet_block_is_kept_and_served_again(client, catalogue):
    first = client.get("/frivilligopgaver/?type=regular")
    again = client.get("/frivilligopgaver/?type=regular")

    assert kept_block(first) is not None
    assert aalborg_count(first) == aalborg_count(again)


def test_other_filters_and_a_change_get_a_block_of_their_own(client, catalogue, organisation,
                                                           django_capture_on_commit_callbacks):
    before = client.get("/frivilligopgaver/")
    assert "(2<span" in aalborg_count(before)
    filtered = client.get("/frivilligopgaver/?kommune=aalborg")
    assert filtered.context["facet_fragment"] != before.context["facet_fragment"]
    assert 'checked' in aalborg_count(filtered)

    with django_capture_on_commit_callbacks(execute=True):
        OpportunityPageFactory(parent=organisation, title="Opgave 3",
                               municipalities=[Municipality.objects.get(slug="aalborg")])
    after = client.get("/frivilligopgaver/")

    assert after.context["facet_fragment"] != before.context["facet_fragment"]
    assert "(3<span" in aalborg_count(after)
