"""Public pages send a fixed number of queries, however many items they show."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.core.models import Activity, Municipality, Theme
from portal.opportunities.models import Commitment
from tests.cases.factories import CasePageFactory, ToolPageFactory
from tests.core.test_html_pictures import photo
from tests.factories import OrganisationPageFactory
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db

# Of the opportunity page's queries, finding the page (the visitor's locale, the
# path and the page with its organisation and picture: portal.core.routing) are 3;
# its own municipalities, activities, target groups, skills and shifts 5; the
# related opportunities and cases 2. The site and its home page are known to the
# process (portal.core.sites), the view restrictions are read from the cache
# (portal.core.privacy).
OPPORTUNITY_PAGE_QUERIES = 10
NUMBERS = itertools.count()


def queries_of(client, url):
    client.get(url)  # the first visit may fill caches (taxonomies, the facet index)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def taxonomies():
    return (list(Municipality.objects.filter(slug__in=["aalborg", "aarhus", "odense"])),
            list(Activity.objects.all()[:2]))


def add_opportunities(organisation, count):
    municipalities, activities = taxonomies()
    for _ in range(count):
        OpportunityPageFactory(parent=organisation, title=f"Naboopgave {next(NUMBERS)}",
                               municipalities=municipalities, activities=activities)


def test_the_opportunity_page_does_not_grow_with_its_related_items(
    client, opportunity_index, case_index, organisation
):
    municipalities, activities = taxonomies()
    page = OpportunityPageFactory(parent=organisation, title="Besøgsven",
                                  municipalities=municipalities, activities=activities)
    add_opportunities(organisation, 1)
    one_related = queries_of(client, page.url)
    add_opportunities(organisation, 4)
    CasePageFactory(parent=case_index, tags={"municipalities": municipalities})

    assert queries_of(client, page.url) == one_related <= OPPORTUNITY_PAGE_QUERIES


def test_an_opportunity_in_shifts_reads_its_shifts_once_for_the_page_and_the_form(
    client, opportunity_index, case_index, organisation
):
    municipalities, activities = taxonomies()
    page = OpportunityPageFactory(parent=organisation, title="Festivalvagt",
                                  commitment=Commitment.ONE_OFF,
                                  municipalities=municipalities, activities=activities)
    for days in (3, 4, 5):
        ShiftFactory(opportunity=page, starts_at=timezone.now() + datetime.timedelta(days=days))

    html = client.get(page.url).content.decode()

    # The page lists its shifts and the form offers them: one more query than a page
    # without shifts, for the places kept for the waiting list.
    assert html.count('name="shifts"') == 3
    assert queries_of(client, page.url) == OPPORTUNITY_PAGE_QUERIES + 1


@pytest.mark.parametrize("make", [
    lambda organisation, **picture: OpportunityPageFactory(parent=organisation, **picture),
    lambda organisation, **picture: ToolPageFactory(parent=organisation, **picture),
    lambda organisation, **picture: CasePageFactory(parent=organisation, **picture),
], ids=["opportunity", "tool", "case"])
def test_a_pages_picture_is_read_with_the_page(
    client, opportunity_index, case_index, tool_index, organisation, make
):
    plain = make(organisation, title="Uden billede")
    pictured = make(organisation, title="Med billede", image=photo("Haven"),
                    image_alt="To frivillige i et højbed")

    assert queries_of(client, pictured.url) == queries_of(client, plain.url)


def test_an_organisations_logo_is_read_with_its_page(client, organisation_index):
    plain = OrganisationPageFactory(parent=organisation_index, title="Uden logo")
    with_logo = OrganisationPageFactory(parent=organisation_index, title="Med logo",
                                        logo=photo("Logo"), image_alt="Foreningens logo")

    assert queries_of(client, with_logo.url) == queries_of(client, plain.url)


def test_the_knowledge_listing_does_not_grow_with_its_cases(client, case_index):
    theme = Theme.objects.first()
    municipalities, _ = taxonomies()
    CasePageFactory(parent=case_index, tags={"themes": [theme], "municipalities": municipalities})
    few = queries_of(client, case_index.url)
    for _ in range(6):
        CasePageFactory(parent=case_index,
                        tags={"themes": [theme], "municipalities": municipalities})

    assert queries_of(client, case_index.url) == few


def test_the_organisation_directory_does_not_grow_with_its_organisations(
    client, organisation_index
):
    municipalities, _ = taxonomies()
    OrganisationPageFactory(parent=organisation_index, municipalities=municipalities)
    few = queries_of(client, organisation_index.url)
    for number in range(6):
        OrganisationPageFactory(parent=organisation_index, title=f"Forening {number}",
                                municipalities=municipalities)

    assert queries_of(client, organisation_index.url) == few
