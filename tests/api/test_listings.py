"""Organisations, cases, guides and tools: the API lists what the site's own listings list."""

import pytest

from tests.cases.factories import CasePageFactory, GuidePageFactory, ToolPageFactory
from tests.factories import OrganisationPageFactory

from .conftest import api_ids

pytestmark = pytest.mark.django_db


def listing_ids(client, url):
    seen, number = [], 1
    while True:
        response = client.get(f"{url}?page={number}")
        assert response.status_code == 200
        seen += [page.pk for page in response.context["results"]]
        if not response.context["page_obj"].has_next():
            return seen
        number += 1


@pytest.fixture
def more(catalogue, organisation, organisation_index, case_index, tool_index):
    """Enough of each to need several pages, on the site and in the API."""
    for number in range(13):
        OrganisationPageFactory(parent=organisation_index, title=f"Forening {number:02}")
        CasePageFactory(parent=organisation, title=f"Case {number:02}")
        GuidePageFactory(parent=organisation, title=f"Vejledning {number:02}")
        ToolPageFactory(parent=organisation, title=f"Værktøj {number:02}")
    return catalogue


def test_organisations_are_the_directorys(client, more, organisation_index):
    listed = listing_ids(client, organisation_index.url)
    walked = api_ids(client, "/api/v1/organisations/?limit=7")
    assert len(walked) == len(set(walked)) == 14
    assert sorted(walked) == sorted(listed)
    assert more["private_organisation"].pk not in walked


def test_cases_and_guides_are_the_knowledge_listings(client, more, case_index):
    listed = listing_ids(client, case_index.url)
    cases = api_ids(client, "/api/v1/cases/?limit=5")
    guides = api_ids(client, "/api/v1/guides/?limit=5")
    assert (len(cases), len(guides)) == (14, 14)
    assert sorted(cases + guides) == sorted(listed)


def test_tools_are_the_tool_listings(client, more, tool_index):
    listed = listing_ids(client, tool_index.url)
    walked = api_ids(client, "/api/v1/tools/?limit=6")
    assert len(walked) == 14
    assert sorted(walked) == sorted(listed)
    assert more["draft_tool"].pk not in walked


def test_lists_are_newest_first_and_hold_still_while_others_are_published(
    client, more, organisation
):
    first = client.get("/api/v1/tools/?limit=5").json()
    assert [item["title"] for item in first["results"]] == [
        f"Værktøj {number:02}" for number in range(12, 7, -1)]
    rest = api_ids(client, first["next"])
    ToolPageFactory(parent=organisation, title="Helt nyt værktøj")
    assert api_ids(client, first["next"]) == rest
