"""The site-wide search as a visitor meets it at /soeg/."""

import pytest
from wagtail.models import PageViewRestriction

from search.models import ZeroResultQuery
from search.stats import flush_statistics
from tests.factories import OrganisationPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def result_titles(response):
    return [result["page"].title for result in response.context["results"]]


def test_a_result_shows_type_title_summary_organisation_and_municipality(
    search_page, visiting_friends
):
    response = search_page(q="demens")

    assert response.status_code == 200
    result = response.context["results"][0]
    assert result["page"].title == "Demenscafé i Vejgaard"
    html = response.content.decode()
    assert "Standardside" in html
    assert "<mark>Demenscafé</mark> i Vejgaard" in html
    assert "mennesker med <mark>demens</mark>" in html
    assert result["organisation"].title == "Besøgsvenner Nordjylland"
    assert result["municipalities"] == []

    organisation = search_page(q="besøgsvenner")
    assert organisation.context["results"][0]["municipalities"] == ["Aalborg"]
    assert "Aalborg" in organisation.content.decode()


def test_the_summary_field_is_preferred(search_page, visiting_friends):
    result = search_page(q="nordjylland").context["results"][0]

    assert result["summary"] == "Frivillige besøgsvenner til ensomme ældre."


def test_a_title_match_outranks_a_body_match(search_page, home):
    StandardPageFactory(parent=home, title="Om vores arbejde", intro="Vi hjælper ved demens.")
    StandardPageFactory(parent=home, title="Demens", intro="Om vores arbejde.")

    assert result_titles(search_page(q="demens")) == ["Demens", "Om vores arbejde"]


def test_unpublished_and_private_pages_never_appear(search_page, home):
    StandardPageFactory(parent=home, title="Spisevenner offentlig")
    draft = StandardPageFactory(parent=home, title="Spisevenner kladde")
    draft.unpublish()
    private = StandardPageFactory(parent=home, title="Spisevenner privat")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    below_private = StandardPageFactory(parent=private, title="Spisevenner under privat")

    response = search_page(q="spisevenner")

    assert result_titles(response) == ["Spisevenner offentlig"]
    assert below_private.title not in response.content.decode()
    assert search_page(q="spisevenner kladde").context["total"] == 0


def test_twenty_results_per_page_and_the_next_page_keeps_the_query(search_page, home):
    for number in range(25):
        StandardPageFactory(parent=home, title=f"Lektiehjælp {number}")

    first = search_page(q="lektiehjælp")
    second = search_page(q="lektiehjælp", page="2")

    assert first.context["total"] == 25
    assert len(first.context["results"]) == 20
    assert len(second.context["results"]) == 5
    assert 'href="?q=lektiehj%C3%A6lp&amp;page=2"' in first.content.decode()
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    # A page number that does not exist shows the last page instead of an error.
    assert search_page(q="lektiehjælp", page="99").status_code == 200


def test_facets_count_types_and_taxonomies_and_links_keep_the_query(
    search_page, organisation_index, visiting_friends, aarhus, home
):
    OrganisationPageFactory(
        parent=organisation_index, title="Ældre hjælper ældre Aarhus", municipalities=[aarhus]
    )
    StandardPageFactory(parent=home, title="Om ældre og frivillighed")

    response = search_page(q="ældre")

    groups = {group.param: group for group in response.context["facets"]}
    types = {option.label: option.count for option in groups["type"].options}
    assert types == {"Organisation": 2, "Standardside": 1}
    municipalities = {option.value: option.count for option in groups["kommune"].options}
    assert municipalities == {"aalborg": 1, "aarhus": 1}
    regions = {option.label: option.count for option in groups["region"].options}
    assert regions == {"Region Nordjylland": 1, "Region Midtjylland": 1}
    assert "tema" in groups
    aalborg_link = next(o.url for o in groups["kommune"].options if o.value == "aalborg")
    assert aalborg_link == "?q=%C3%A6ldre&kommune=aalborg"


def test_choosing_facets_narrows_the_results(search_page, organisation_index, visiting_friends,
                                             aarhus, home):
    OrganisationPageFactory(
        parent=organisation_index, title="Ældre hjælper ældre Aarhus", municipalities=[aarhus]
    )
    StandardPageFactory(parent=home, title="Om ældre og frivillighed")

    in_aarhus = search_page(q="ældre", kommune="aarhus")
    in_region = search_page(q="ældre", region="nordjylland")
    organisations = search_page(q="ældre", type="organisations.organisationpage")

    assert result_titles(in_aarhus) == ["Ældre hjælper ældre Aarhus"]
    assert result_titles(in_region) == ["Besøgsvenner Nordjylland"]
    assert sorted(result_titles(organisations)) == [
        "Besøgsvenner Nordjylland", "Ældre hjælper ældre Aarhus"
    ]
    selected = next(g for g in in_aarhus.context["facets"] if g.param == "kommune").selected
    assert selected.url == "?q=%C3%A6ldre"  # the link that removes the filter
    # Nonsense facet values never break the page.
    assert search_page(q="ældre", type="auth.user", kommune="x" * 500).status_code == 200


def test_zero_results_explain_themselves_and_suggest_broader_searches(search_page, home):
    StandardPageFactory(parent=home, title="Besøgsven i Aalborg")

    response = search_page(q="besøgsven xyzzy")

    html = response.content.decode()
    assert response.context["total"] == 0
    assert "Ingen resultater for »besøgsven xyzzy«" in html
    assert "Søg kun efter »besøgsven«" in html
    assert 'href="?q=bes%C3%B8gsven"' in html
    assert 'href="/frivilligopgaver/"' in html
    flush_statistics()
    assert ZeroResultQuery.objects.get().query_string == "besøgsven xyzzy"


def test_zero_results_with_a_filter_offer_the_search_without_it(search_page, home):
    StandardPageFactory(parent=home, title="Besøgsven i Aalborg")

    response = search_page(q="besøgsven", kommune="aarhus")

    assert "Søg uden filtre" in response.content.decode()
    flush_statistics()
    assert not ZeroResultQuery.objects.exists()  # the query itself does find something


def test_personal_looking_queries_are_not_recorded(search_page, home):
    search_page(q="ring 12 34 56 78")
    search_page(q="anna@example.org")
    flush_statistics()

    assert not ZeroResultQuery.objects.exists()


def test_an_empty_query_shows_the_form_only(search_page):
    response = search_page(q="   ")

    assert response.status_code == 200
    assert response.context.get("results") is None
    assert 'name="q"' in response.content.decode()
