"""The /erfaringer/ listing: OR within a filter, AND between, counts, robustness."""

import datetime
import re

import pytest

from portal.cases.models import PartnerRole
from portal.core.models import Municipality, TargetGroup, Theme
from portal.organisations.models import OrganisationKind
from tests.cases.factories import CasePageFactory, GuidePageFactory, add_partner
from tests.cases.test_pages import queries_for
from tests.factories import OrganisationPageFactory

pytestmark = pytest.mark.django_db


def titles(body):
    return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', body))


def count_of(body, name, value):
    match = re.search(
        rf'name="{name}" value="{value}"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">'
        r"\((\d+)", body,
    )
    return int(match.group(1)) if match else None


@pytest.fixture
def partners(organisation_index):
    return {
        "kommune": OrganisationPageFactory(
            parent=organisation_index, title="Kommunen", kind=OrganisationKind.MUNICIPALITY
        ),
        "fond": OrganisationPageFactory(
            parent=organisation_index, title="Fonden", kind=OrganisationKind.FOUNDATION
        ),
        "forening": OrganisationPageFactory(parent=organisation_index, title="Foreningen"),
    }


@pytest.fixture
def stories(organisation, partners, case_index):
    ensomhed, demens, integration = (
        Theme.objects.get(slug=slug) for slug in ("ensomhed", "demens", "integration")
    )
    aalborg, odense = Municipality.objects.get(name="Aalborg"), Municipality.objects.get(
        name="Odense"
    )
    aeldre = TargetGroup.objects.get(slug="aeldre")
    spisevenner = CasePageFactory(
        parent=organisation, title="Spisevenner", start_date=datetime.date(2014, 1, 1),
        end_date=datetime.date(2016, 1, 1),
        tags={"themes": [ensomhed], "municipalities": [aalborg], "target_groups": [aeldre]},
    )
    add_partner(spisevenner, organisation, PartnerRole.LEAD)
    add_partner(spisevenner, partners["kommune"])
    motion = CasePageFactory(
        parent=organisation, title="Motionsvenner", start_date=datetime.date(2021, 1, 1),
        tags={"themes": [demens], "municipalities": [odense]},
    )
    add_partner(motion, organisation, PartnerRole.LEAD)
    add_partner(motion, partners["fond"], PartnerRole.FUNDER)
    sprog = CasePageFactory(
        parent=organisation, title="Sprogvenner", tags={"themes": [integration, ensomhed],
                                                        "municipalities": [odense]},
    )
    add_partner(sprog, organisation, PartnerRole.LEAD)
    add_partner(sprog, partners["forening"])
    guide = GuidePageFactory(
        parent=partners["kommune"], title="Kom i gang", for_municipalities=True,
        for_associations=False, tags={"themes": [ensomhed], "municipalities": [aalborg]},
    )
    return spisevenner, motion, sprog, guide


def test_lists_published_cases_and_guides(client, stories):
    stories[1].unpublish()
    body = client.get("/erfaringer/").content.decode()
    assert titles(body) == {"Spisevenner", "Sprogvenner", "Kom i gang"}
    assert "3 erfaringer" in body


def test_choices_within_a_filter_are_alternatives(client, stories):
    body = client.get("/erfaringer/?tema=demens&tema=integration").content.decode()
    assert titles(body) == {"Motionsvenner", "Sprogvenner"}


def test_different_filters_must_all_hold(client, stories):
    body = client.get("/erfaringer/?tema=ensomhed&kommune=odense").content.decode()
    assert titles(body) == {"Sprogvenner"}


def test_counts_show_what_each_choice_would_give(client, stories):
    body = client.get("/erfaringer/?tema=ensomhed").content.decode()
    # Within the chosen facet, counts ignore the facet's own choice …
    assert count_of(body, "tema", "ensomhed") == 3
    assert count_of(body, "tema", "demens") == 1
    # … and other facets count within the current results.
    assert count_of(body, "kommune", "aalborg") == 2
    assert count_of(body, "kommune", "odense") == 1
    assert count_of(body, "type", "vejledning") == 1


def test_partner_constellations_come_from_the_partners_kinds(client, stories):
    def listed(value):
        return titles(client.get(f"/erfaringer/?partnere={value}").content.decode())

    assert listed("forening-kommune") == {"Spisevenner"}
    assert listed("med-fond") == {"Motionsvenner"}
    assert listed("kun-foreninger") == {"Sprogvenner"}


def test_period_type_audience_and_region(client, stories):
    def listed(query):
        return titles(client.get(f"/erfaringer/?{query}").content.decode())

    assert listed("periode=afsluttet") == {"Spisevenner"}
    assert listed("periode=igang") == {"Motionsvenner", "Sprogvenner"}
    assert listed("periode=foer-2015&periode=2020-") == {"Spisevenner", "Motionsvenner"}
    assert listed("type=vejledning") == {"Kom i gang"}
    assert listed("til=kommuner") == {"Kom i gang"}
    assert listed("region=nordjylland") == {"Spisevenner", "Kom i gang"}


def test_free_text_needs_every_word(client, stories):
    body = client.get("/erfaringer/?q=sprogvenner").content.decode()
    assert titles(body) == {"Sprogvenner"}
    assert titles(client.get("/erfaringer/?q=sprogvenner+motionsvenner").content.decode()) == set()


@pytest.mark.parametrize("query", [
    "tema=findes-ikke",
    "tema=ensomhed&tema=findes-ikke",
    "page=abc",
    "page=999",
    "page=-1",
    "q=" + "x" * 500,
    "q=%00",
    "periode=%ff%fe",
    "ukendt=1&tema[]=x",
])
def test_bad_parameters_never_break_the_listing(client, stories, query):
    response = client.get(f"/erfaringer/?{query}")
    assert response.status_code == 200


def test_unusable_filters_are_dropped_with_a_message(client, stories):
    body = client.get("/erfaringer/?tema=ensomhed&tema=findes-ikke").content.decode()
    assert "kunne vi ikke bruge" in body
    assert "Tema" in body
    # The usable choice still applies.
    assert titles(body) == {"Spisevenner", "Sprogvenner", "Kom i gang"}


def test_filters_live_in_the_address_and_survive_paging(client, organisation, case_index):
    theme = Theme.objects.get(slug="ensomhed")
    for number in range(14):
        CasePageFactory(parent=organisation, title=f"Case {number}", tags={"themes": [theme]})
    body = client.get("/erfaringer/?tema=ensomhed").content.decode()
    assert "Side 1 af 2" in body
    assert 'href="?tema=ensomhed&amp;page=2"' in body
    second = client.get("/erfaringer/?tema=ensomhed&page=2").content.decode()
    assert len(titles(second)) == 2
    assert 'value="ensomhed" checked' in second
    assert "(1 valgt)" in second


def test_listing_queries_do_not_grow_with_what_is_stored(
    client, organisation, stories, django_assert_max_num_queries
):
    url = "/erfaringer/?tema=ensomhed&partnere=forening-kommune&partnere=med-fond&q=e"
    few, _ = queries_for(client, url)
    themes = list(Theme.objects.all())
    for number in range(20):
        case = CasePageFactory(parent=organisation, title=f"Case e{number}",
                               tags={"themes": themes})
        add_partner(case, organisation, PartnerRole.LEAD)
    many, _ = queries_for(client, url)
    assert many == few
    # The text search is one query of ids, inside a savepoint with its own time
    # limit (set and reset on PostgreSQL).
    with django_assert_max_num_queries(30):
        client.get(url)
