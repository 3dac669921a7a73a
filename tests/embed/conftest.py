import pytest

from portal.core.models import Activity, Municipality
from tests.factories import OrganisationPageFactory
from tests.opportunities.factories import OpportunityPageFactory


def published(parent, **fields):
    page = OpportunityPageFactory(parent=parent, **fields)
    page.save_revision().publish()
    return page


@pytest.fixture
def other_organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Lektiecaféen")


@pytest.fixture
def opportunities(opportunity_index, organisation, other_organisation):
    """Four open opportunities in two municipalities, of two organisations, newest last."""
    aalborg = Municipality.objects.get(slug="aalborg")
    odense = Municipality.objects.get(slug="odense")
    activity = Activity.objects.order_by("name").first()
    return [
        published(organisation, title="Besøgsven i Aalborg", municipalities=[aalborg],
                  activities=[activity]),
        published(organisation, title="Spiseven i Odense", municipalities=[odense],
                  commitment="ad_hoc"),
        published(other_organisation, title="Lektiehjælp i Aalborg", municipalities=[aalborg],
                  activities=[activity]),
        published(other_organisation, title="Lektiehjælp i Odense", municipalities=[odense]),
    ]
