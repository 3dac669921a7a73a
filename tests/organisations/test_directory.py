"""The partner directory: filters at /organisationer/ and what a profile links to."""

import re

import pytest

from portal.cases.models import PartnerRole
from portal.core.models import Municipality, Theme
from portal.organisations.models import OrganisationKind
from tests.cases.factories import (
    CasePageFactory,
    GuidePageFactory,
    ToolPageFactory,
    add_partner,
    add_usage,
)
from tests.cases.test_pages import queries_for
from tests.factories import OrganisationPageFactory
from tests.queries import visit_asking

pytestmark = pytest.mark.django_db


def names(body):
    return set(re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', body))


@pytest.fixture
def directory(organisation_index):
    aalborg, odense = (Municipality.objects.get(name=name) for name in ("Aalborg", "Odense"))
    ensomhed, demens = (Theme.objects.get(slug=slug) for slug in ("ensomhed", "demens"))
    return {
        "ngo": OrganisationPageFactory(parent=organisation_index, title="Besøgsvenner",
                                       municipalities=[aalborg], themes=[ensomhed]),
        "kommune": OrganisationPageFactory(parent=organisation_index, title="Odense Kommune",
                                           kind=OrganisationKind.MUNICIPALITY,
                                           municipalities=[odense], themes=[demens]),
        "fond": OrganisationPageFactory(parent=organisation_index, title="Fonden",
                                        kind=OrganisationKind.FOUNDATION, works_nationwide=True,
                                        themes=[ensomhed]),
    }


@pytest.mark.parametrize("query, expected", [
    ("", {"Besøgsvenner", "Odense Kommune", "Fonden"}),
    ("type=ngo&type=foundation", {"Besøgsvenner", "Fonden"}),
    ("kommune=aalborg", {"Besøgsvenner", "Fonden"}),  # nationwide serves Aalborg too
    ("tema=ensomhed&type=municipality", set()),
    ("tema=demens&tema=ensomhed&kommune=odense", {"Odense Kommune", "Fonden"}),
    ("q=odense", {"Odense Kommune"}),
    ("type=bogus&tema=ensomhed", {"Besøgsvenner", "Fonden"}),
])
def test_directory_filters(client, directory, query, expected):
    response = client.get(f"/organisationer/?{query}")
    assert response.status_code == 200
    assert names(response.content.decode()) == expected


def test_directory_counts_and_messages(client, directory):
    body = client.get("/organisationer/?tema=ensomhed&type=bogus").content.decode()
    assert re.search(r'value="foundation"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">'
                     r"\(1", body)
    assert "kunne vi ikke bruge" in body


def test_profile_shows_cases_guides_tools_and_partnership_contact(
    client, directory, organisation
):
    ngo, fond = directory["ngo"], directory["fond"]
    ngo.contact_email = "samarbejde@besoeg.example"
    ngo.save_revision().publish()
    own_case = CasePageFactory(parent=ngo, title="Egen case")
    funded = CasePageFactory(parent=organisation, title="Støttet case")
    add_partner(funded, fond, PartnerRole.FUNDER)
    add_partner(funded, ngo, PartnerRole.PARTNER)
    guide = GuidePageFactory(parent=ngo, title="Egen vejledning")
    tool = ToolPageFactory(parent=fond, title="VagtPlan")
    add_usage(tool, ngo, used_for="vagtplaner")

    body = client.get(ngo.url).content.decode()

    for page in (own_case, funded, guide, tool):
        assert f'href="{page.url}"' in body
    assert "tovholder" in body and "partner" in body
    assert "Samarbejd med os" in body
    assert "mailto:samarbejde@besoeg.example?subject=" in body
    assert "finansierer" in client.get(fond.url).content.decode()


def test_profile_queries_do_not_grow_with_its_links(
    client, directory, organisation, django_assert_max_num_queries
):
    ngo = directory["ngo"]
    CasePageFactory(parent=ngo)
    add_usage(ToolPageFactory(parent=organisation), ngo)
    few, _ = queries_for(client, ngo.url)
    for _ in range(8):
        case = CasePageFactory(parent=organisation)
        add_partner(case, ngo)
        GuidePageFactory(parent=ngo)
        add_usage(ToolPageFactory(parent=organisation), ngo)
    many, body = queries_for(client, ngo.url)
    assert body.count("Samskabelse") >= 9
    assert many == few
    with django_assert_max_num_queries(25):
        client.get(ngo.url)


def test_directory_queries_do_not_grow_with_the_organisations(
    client, directory, organisation_index, django_assert_max_num_queries
):
    url = "/organisationer/?tema=ensomhed&tema=demens&kommune=aalborg"
    few, _ = queries_for(client, url)
    themes = list(Theme.objects.all())
    for _ in range(15):
        OrganisationPageFactory(parent=organisation_index, works_nationwide=True, themes=themes,
                                municipalities=list(Municipality.objects.all()[:5]))
    many, _ = queries_for(client, url)
    assert many == few
    with django_assert_max_num_queries(20):
        client.get(url)


def test_the_facets_other_apps_add_cost_no_query_of_their_own(client, directory):
    # Their conditions are subqueries of the one query that counts every facet.
    _html, asked = visit_asking(client, "/organisationer/?tema=ensomhed",
                                "needs_needpage", "opportunities_opportunitypage")

    assert len(asked) == 1
    assert "COUNT(DISTINCT" in asked[0]


def test_profile_and_directory_know_open_opportunities(client, directory, organisation):
    from portal.opportunities.models import Status
    from tests.opportunities.factories import OpportunityPageFactory

    ngo, kommune = directory["ngo"], directory["kommune"]
    open_one = OpportunityPageFactory(parent=ngo, title="Bliv besøgsven")
    closed = OpportunityPageFactory(parent=kommune, title="Lukket opgave", status=Status.CLOSED)

    profile = client.get(ngo.url).content.decode()
    assert f'href="{open_one.url}"' in profile
    assert "Lukket opgave" not in client.get(kommune.url).content.decode()
    assert names(client.get("/organisationer/?opgaver=ja").content.decode()) == {"Besøgsvenner"}

    closed.status = Status.OPEN
    closed.save_revision().publish()
    assert names(client.get("/organisationer/?opgaver=ja").content.decode()) == {
        "Besøgsvenner", "Odense Kommune"
    }
