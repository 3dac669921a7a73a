import pytest

from portal.core.models import Municipality, Theme
from search.stats import local_tally
from tests.factories import OrganisationPageFactory, StandardPageFactory


@pytest.fixture(autouse=True)
def no_counts_from_other_tests():
    """Searches counted in this process's memory by earlier tests are not this test's."""
    local_tally.take()


@pytest.fixture
def aalborg():
    return Municipality.objects.get(slug="aalborg")


@pytest.fixture
def aarhus():
    return Municipality.objects.get(slug="aarhus")


@pytest.fixture
def theme():
    return Theme.objects.order_by("name").first()


@pytest.fixture
def visiting_friends(organisation_index, aalborg, theme):
    """An organisation in Aalborg, with a page of its own below it."""
    organisation = OrganisationPageFactory(
        parent=organisation_index,
        title="Besøgsvenner Nordjylland",
        summary="Frivillige besøgsvenner til ensomme ældre.",
        municipalities=[aalborg],
        themes=[theme],
    )
    StandardPageFactory(
        parent=organisation,
        title="Demenscafé i Vejgaard",
        intro="En café for mennesker med demens og deres pårørende.",
    )
    return organisation


@pytest.fixture
def search_page(client):
    def get(**params):
        return client.get("/soeg/", params)

    return get
