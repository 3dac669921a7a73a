"""An opportunity page suggests the newest open opportunities like it."""

import re

import pytest

from portal.core.models import Activity, Municipality
from portal.opportunities.models import Status
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


def suggested(client, page):
    html = client.get(page.url).content.decode()
    section = html.split('id="related-heading"', 1)[1] if 'id="related-heading"' in html else ""
    return re.findall(r'<h[23] class="card__title"><a href="[^"]+">([^<]+)</a>', section)


@pytest.fixture
def taxonomies():
    return {"aalborg": Municipality.objects.get(slug="aalborg"),
            "odense": Municipality.objects.get(slug="odense"),
            "visiting": Activity.objects.all()[0], "cooking": Activity.objects.all()[1]}


def opportunity(organisation, title, municipalities=(), activities=(), **fields):
    return OpportunityPageFactory(parent=organisation, title=title,
                                  municipalities=list(municipalities),
                                  activities=list(activities), **fields)


def test_the_newest_three_sharing_an_activity_or_a_municipality_are_suggested(
    client, organisation, taxonomies
):
    page = opportunity(organisation, "Besøgsven i Aalborg", [taxonomies["aalborg"]],
                       [taxonomies["visiting"]])
    opportunity(organisation, "Oldest alike", [taxonomies["aalborg"]])
    opportunity(organisation, "Same place", [taxonomies["aalborg"]], [taxonomies["cooking"]])
    opportunity(organisation, "Nothing alike", [taxonomies["odense"]], [taxonomies["cooking"]])
    opportunity(organisation, "Same activity", [taxonomies["odense"]], [taxonomies["visiting"]])
    opportunity(organisation, "Closed but alike", [taxonomies["aalborg"]],
                [taxonomies["visiting"]], status=Status.CLOSED)
    opportunity(organisation, "Newest alike", [taxonomies["aalborg"]], [taxonomies["visiting"]])

    assert suggested(client, page) == ["Newest alike", "Same activity", "Same place"]
