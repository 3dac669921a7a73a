import re

import pytest
from wagtail.test.utils import WagtailPageTestCase

from portal.home.models import HomePage
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import CostModel, Hosting, ToolIndexPage, ToolPage
from tests.cases.factories import (
    CasePageFactory,
    ToolPageFactory,
    add_usage,
    category,
)
from tests.cases.test_pages import queries_for
from tests.factories import (
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    ToolIndexPageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db


def titles(body):
    return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', body))


class PageRulesTests(WagtailPageTestCase):
    def test_tools_live_below_an_organisation_only(self):
        self.assertCanCreateAt(OrganisationPage, ToolPage)
        self.assertCanNotCreateAt(HomePage, ToolPage)
        self.assertCanNotCreateAt(ToolIndexPage, ToolPage)
        self.assertAllowedSubpageTypes(ToolPage, {})
        self.assertAllowedSubpageTypes(ToolIndexPage, {})

    def test_tool_page_and_comparison_are_routable_and_renderable(self):
        organisation = OrganisationPageFactory(
            parent=OrganisationIndexPageFactory(parent=home_page())
        )
        index = ToolIndexPageFactory(parent=home_page())
        tool = ToolPageFactory(parent=organisation)
        self.assertPageIsRoutable(tool)
        self.assertPageIsRenderable(tool)
        self.assertPageIsRoutable(index, "sammenlign/")
        self.assertPageIsRenderable(index, "sammenlign/", query_data={"vaerktoej": [tool.pk]})


def test_tool_page_shows_facts_experiences_and_cases(client, organisation, organisation_index):
    organisation.contact_email = "os@besoeg.example"
    organisation.save_revision().publish()
    maker = OrganisationPageFactory(parent=organisation_index, title="Frivilligcentret",
                                    contact_email="hej@center.example")
    tool = ToolPageFactory(parent=maker, title="VagtPlan", open_source=True, licence="AGPL-3.0",
                           hosting=Hosting.DENMARK, data_processing_agreement=True,
                           categories=[category("vagtplaner")])
    add_usage(tool, organisation, what_worked="Frivillige bytter selv vagter.",
              what_did_not="Svært for dem uden smartphone.", may_be_contacted=False)
    add_usage(tool, maker, what_worked="Hurtigt overblik.", may_be_contacted=True)
    case = CasePageFactory(parent=organisation, title="Vågetjeneste")
    case.tools.set([tool])
    case.save()

    body = client.get(tool.url).content.decode()

    for text in ("Open source (AGPL-3.0)", "I Danmark", "Vagtplaner og booking",
                 "Frivillige bytter selv vagter.", "Svært for dem uden smartphone.",
                 "2 organisationer fortæller", "Vågetjeneste"):
        assert text in body, text
    # Contact details only where the organisation said it may be contacted.
    assert "hej@center.example" in body
    assert "os@besoeg.example" not in body
    assert f'href="{case.url}"' in body


def test_organisation_profile_lists_the_tools_it_uses(client, organisation, organisation_index):
    maker = OrganisationPageFactory(parent=organisation_index)
    tool = ToolPageFactory(parent=maker, title="Beskedtråden")
    add_usage(tool, organisation, used_for="beskeder til holdledere")
    body = client.get(organisation.url).content.decode()
    assert f'href="{tool.url}"' in body
    assert "beskeder til holdledere" in body
    assert f'href="{tool.url}"' in client.get(maker.url).content.decode()


@pytest.fixture
def tools(organisation, tool_index):
    return {
        "vagt": ToolPageFactory(parent=organisation, title="VagtPlan", cost_model=CostModel.FREE,
                                open_source=True, hosting=Hosting.DENMARK, danish_interface=True,
                                categories=[category("vagtplaner")]),
        "chat": ToolPageFactory(parent=organisation, title="Chatten", cost_model=CostModel.PAID,
                                hosting=Hosting.OTHER, categories=[category("kommunikation")]),
        "match": ToolPageFactory(parent=organisation, title="Matcheren", hosting=Hosting.EU,
                                 data_processing_agreement=True, danish_interface=True,
                                 categories=[category("frivilligmatch"), category("vagtplaner")]),
    }


@pytest.mark.parametrize("query, expected", [
    ("", {"VagtPlan", "Chatten", "Matcheren"}),
    ("kategori=kommunikation&kategori=frivilligmatch", {"Chatten", "Matcheren"}),
    ("kategori=vagtplaner&sprog=dansk", {"VagtPlan", "Matcheren"}),
    ("kategori=vagtplaner&licens=open-source", {"VagtPlan"}),
    ("data=eu", {"VagtPlan", "Matcheren"}),
    ("data=dk", {"VagtPlan"}),
    ("databehandleraftale=ja", {"Matcheren"}),
    ("pris=free&pris=paid", {"VagtPlan", "Chatten"}),
    ("q=chat", {"Chatten"}),
])
def test_tool_filters(client, tools, query, expected):
    assert titles(client.get(f"/vaerktoejer/?{query}").content.decode()) == expected


def test_tool_listing_counts_and_bad_input(client, tools):
    body = client.get("/vaerktoejer/?sprog=dansk&kategori=findes-ikke&page=x").content.decode()
    assert re.search(r'value="vagtplaner"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">'
                     r"\(2", body)
    assert "kunne vi ikke bruge" in body
    assert titles(body) == {"VagtPlan", "Matcheren"}


def test_tool_listing_offers_a_compare_form_that_works_without_javascript(client, tools):
    body = client.get("/vaerktoejer/").content.decode()
    assert '<form method="get" action="/vaerktoejer/sammenlign/"' in body
    for tool in tools.values():
        assert f'name="vaerktoej" value="{tool.pk}"' in body


def compare(client, *ids):
    query = "&".join(f"vaerktoej={pk}" for pk in ids)
    response = client.get(f"/vaerktoejer/sammenlign/?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    return body, re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a></th>', body)


def test_comparing_two_or_three_tools_shows_a_table(client, tools):
    body, columns = compare(client, tools["vagt"].pk, tools["chat"].pk)
    assert columns == ["VagtPlan", "Chatten"]
    assert "<caption" in body
    assert '<th scope="row">Data ligger</th>' in body
    _, columns = compare(client, tools["match"].pk, tools["vagt"].pk, tools["chat"].pk)
    assert columns == ["Matcheren", "VagtPlan", "Chatten"]


def test_comparing_none_or_one_asks_for_more(client, tools):
    body, columns = compare(client)
    assert columns == [] and "Vælg to eller tre værktøjer" in body
    body, columns = compare(client, tools["vagt"].pk)
    assert columns == [] and "Vælg mindst ét værktøj mere" in body


def test_comparing_four_shows_the_first_three_and_says_so(client, tools, organisation):
    fourth = ToolPageFactory(parent=organisation, title="Fjerde")
    ids = [tools["vagt"].pk, tools["chat"].pk, tools["match"].pk, fourth.pk]
    body, columns = compare(client, *ids)
    assert columns == ["VagtPlan", "Chatten", "Matcheren"]
    assert "højst 3" in body


@pytest.mark.parametrize("bad", ["999999", "abc", "-1", "1e3", "", "%00", "9" * 30])
def test_unknown_tools_are_left_out_with_a_message(client, tools, bad):
    body, columns = compare(client, tools["vagt"].pk, bad, tools["chat"].pk, tools["chat"].pk)
    assert columns == ["VagtPlan", "Chatten"]
    assert "findes ikke" in body


def test_unpublished_tools_cannot_be_compared(client, tools):
    tools["chat"].unpublish()
    body, columns = compare(client, tools["vagt"].pk, tools["chat"].pk)
    assert columns == []
    assert "findes ikke" in body


def test_tool_page_queries_do_not_grow_with_experiences(
    client, organisation, organisation_index, tool_index, django_assert_max_num_queries
):
    tool = ToolPageFactory(parent=organisation, categories=[category("vagtplaner")])
    add_usage(tool, organisation)
    few, _ = queries_for(client, tool.url)
    for _ in range(10):
        other = OrganisationPageFactory(parent=organisation_index)
        add_usage(tool, other, may_be_contacted=True)
        case = CasePageFactory(parent=other)
        case.tools.set([tool])
        case.save()
    many, body = queries_for(client, tool.url)
    assert "11 organisationer fortæller" in body
    assert many == few
    with django_assert_max_num_queries(25):
        client.get(tool.url)


def test_tool_listing_and_comparison_queries_are_fixed(client, tools, organisation):
    ids = "&".join(f"vaerktoej={tool.pk}" for tool in tools.values())
    listing_few, _ = queries_for(client, "/vaerktoejer/?kategori=vagtplaner")
    compare_few, _ = queries_for(client, f"/vaerktoejer/sammenlign/?{ids}")
    for _ in range(15):
        tool = ToolPageFactory(parent=organisation, categories=[category("vagtplaner")])
        add_usage(tool, organisation)
    assert queries_for(client, "/vaerktoejer/?kategori=vagtplaner")[0] == listing_few
    assert queries_for(client, f"/vaerktoejer/sammenlign/?{ids}")[0] == compare_few
