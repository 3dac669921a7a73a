"""/frivilligopgaver/: filters (OR within, AND between), counts, sorting, bad input."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.core.models import Activity, Municipality, TargetGroup
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def municipality(slug):
    return Municipality.objects.get(slug=slug)


def activity(slug):
    return Activity.objects.get(slug=slug)


@pytest.fixture
def catalogue(opportunity_index, organisation):
    """Four open opportunities and one expired one, spread over the filters."""
    make = OpportunityPageFactory
    return {
        "visit_aalborg": make(
            parent=organisation, title="Besøgsven i Aalborg", commitment="regular",
            municipalities=[municipality("aalborg")], activities=[activity("besoegsven")],
            target_groups=[TargetGroup.objects.get(slug="aeldre")],
        ),
        "it_aalborg": make(
            parent=organisation, title="IT-café i Aalborg", commitment="ad_hoc",
            municipalities=[municipality("aalborg")], activities=[activity("it-hjaelp")],
        ),
        "homework_odense": make(
            parent=organisation, title="Lektiehjælp i Odense", commitment="short_project",
            requires_child_certificate=True,
            municipalities=[municipality("odense")], activities=[activity("lektiehjaelp")],
        ),
        "online_it": make(
            parent=organisation, title="Telefonhjælp til IT", commitment="one_off", is_online=True,
            activities=[activity("it-hjaelp")],
        ),
        "expired": make(
            parent=organisation, title="Julefrokost der var engang", commitment="one_off",
            end_date=TODAY() - datetime.timedelta(days=1),
            municipalities=[municipality("aalborg")], activities=[activity("arrangementer")],
        ),
    }


def titles(response):
    return [page.title for page in response.context["opportunities"]]


def choice(response, group, value):
    for candidate in response.context["groups"]:
        if candidate["name"] == group:
            return next((c for c in candidate["choices"] if c["value"] == value), None)
    raise AssertionError(group)


def test_lists_open_opportunities_only(client, catalogue):
    response = client.get("/frivilligopgaver/")
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(
        ["Besøgsven i Aalborg", "IT-café i Aalborg", "Lektiehjælp i Odense", "Telefonhjælp til IT"]
    )
    assert "Julefrokost" not in response.content.decode()


def test_choices_within_a_filter_are_or_ed(client, catalogue):
    response = client.get("/frivilligopgaver/?kommune=aalborg&kommune=odense")
    assert sorted(titles(response)) == [
        "Besøgsven i Aalborg", "IT-café i Aalborg", "Lektiehjælp i Odense"]


def test_filters_are_and_ed(client, catalogue):
    response = client.get("/frivilligopgaver/?kommune=aalborg&aktivitet=it-hjaelp")
    assert titles(response) == ["IT-café i Aalborg"]
    response = client.get("/frivilligopgaver/?region=nordjylland&type=regular")
    assert titles(response) == ["Besøgsven i Aalborg"]


def test_each_choice_shows_how_many_results_it_would_give(client, catalogue):
    response = client.get("/frivilligopgaver/?kommune=aalborg")
    # Within the chosen filter: what each other municipality would add.
    assert choice(response, "kommune", "aalborg")["count"] == 2
    assert choice(response, "kommune", "odense")["count"] == 1
    # Other filters count within the current results.
    assert choice(response, "aktivitet", "it-hjaelp")["count"] == 1
    assert choice(response, "aktivitet", "lektiehjaelp") is None  # no results: not offered
    assert choice(response, "type", "ad_hoc")["count"] == 1
    assert choice(response, "region", "nordjylland")["count"] == 2
    toggles = {toggle["name"]: toggle["count"] for toggle in response.context["toggles"]}
    assert toggles == {"uden_boerneattest": 2, "online": 0, "sprog": 0}
    assert response.context["result_count"] == 2


def test_the_quick_choice_keeps_one_off_and_ad_hoc(client, catalogue):
    response = client.get("/frivilligopgaver/?kommune=aalborg")
    url = response.context["short_commitments_url"]
    assert "type=one_off" in url and "type=ad_hoc" in url and "kommune=aalborg" in url
    response = client.get("/frivilligopgaver/" + url)
    assert titles(response) == ["IT-café i Aalborg"]


def test_no_child_certificate_and_online(client, catalogue):
    response = client.get("/frivilligopgaver/?uden_boerneattest=on")
    assert "Lektiehjælp i Odense" not in titles(response)
    assert len(titles(response)) == 3
    response = client.get("/frivilligopgaver/?online=on")
    assert titles(response) == ["Telefonhjælp til IT"]


def test_date_range_matches_a_shift_or_a_period_inside_it(client, catalogue, organisation):
    soon = timezone.now() + datetime.timedelta(days=10)
    ShiftFactory(opportunity=catalogue["it_aalborg"], starts_at=soon)
    ShiftFactory(opportunity=catalogue["online_it"], starts_at=soon + datetime.timedelta(days=30))
    summer = OpportunityPageFactory(
        parent=organisation, title="Sommerlejr", commitment="short_project",
        start_date=TODAY() + datetime.timedelta(days=60),
        end_date=TODAY() + datetime.timedelta(days=70),
    )
    start = (soon - datetime.timedelta(days=1)).date().isoformat()
    end = (soon + datetime.timedelta(days=1)).date().isoformat()
    response = client.get(f"/frivilligopgaver/?fra={start}&til={end}")
    found = titles(response)
    assert "IT-café i Aalborg" in found  # its shift is inside
    assert "Telefonhjælp til IT" not in found  # its only shift is later
    assert summer.title not in found  # its period is later
    assert "Besøgsven i Aalborg" in found  # ongoing, no shifts
    later = (TODAY() + datetime.timedelta(days=65)).isoformat()
    assert summer.title in titles(client.get(f"/frivilligopgaver/?fra={later}"))


def test_sorting(client, catalogue):
    later = timezone.now() + datetime.timedelta(days=20)
    ShiftFactory(opportunity=catalogue["it_aalborg"], starts_at=later)
    ShiftFactory(opportunity=catalogue["online_it"], starts_at=later - datetime.timedelta(days=5))
    response = client.get("/frivilligopgaver/?sorter=naeste-vagt")
    assert titles(response)[:2] == ["Telefonhjælp til IT", "IT-café i Aalborg"]

    page = catalogue["homework_odense"]
    page.application_deadline = TODAY() + datetime.timedelta(days=2)
    page.save()
    response = client.get("/frivilligopgaver/?sorter=frist")
    assert titles(response)[0] == "Lektiehjælp i Odense"


def test_sorting_by_next_shift_follows_shifts_that_began_without_a_save(
    client, catalogue, monkeypatch
):
    now = timezone.now()
    days = datetime.timedelta(days=1)
    ShiftFactory(opportunity=catalogue["it_aalborg"], starts_at=now + days)
    ShiftFactory(opportunity=catalogue["it_aalborg"], starts_at=now + 10 * days)
    ShiftFactory(opportunity=catalogue["online_it"], starts_at=now + 5 * days)
    assert titles(client.get("/frivilligopgaver/?sorter=naeste-vagt"))[:2] == [
        "IT-café i Aalborg", "Telefonhjælp til IT"]
    # Two days on, the first shift has begun; nothing was saved in between.
    monkeypatch.setattr(timezone, "now", lambda: now + 2 * days)
    assert titles(client.get("/frivilligopgaver/?sorter=naeste-vagt"))[:2] == [
        "Telefonhjælp til IT", "IT-café i Aalborg"]


def test_free_text(client, catalogue):
    response = client.get("/frivilligopgaver/?q=lektiehjælp")
    assert titles(response) == ["Lektiehjælp i Odense"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kommune=atlantis", "Vi kender ikke kommune “atlantis”"),
        ("type=hver-anden-tirsdag", "Vi kender ikke tidsforpligtelse"),
        ("page=abc", "Sidetallet “abc” findes ikke"),
        ("page=0", "Sidetallet skal være 1"),
        ("page=999", "Der er kun 1 sider"),
        ("fra=31-02-2025", "Fra dato"),
        ("fra=2030-01-10&til=2030-01-01", "Til-datoen ligger før fra-datoen"),
        ("sorter=tilfaeldig", "Sortér efter"),
        ("q=" + "x" * 300, "Fritekst"),
    ],
)
def test_invalid_parameters_give_a_normal_page_with_a_message(client, catalogue, query, message):
    response = client.get(f"/frivilligopgaver/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["opportunities"]


def test_unknown_values_are_dropped_but_known_ones_kept(client, catalogue):
    response = client.get("/frivilligopgaver/?kommune=atlantis&kommune=odense")
    assert titles(response) == ["Lektiehjælp i Odense"]


def test_an_empty_result_explains_itself_and_offers_to_widen(client, catalogue):
    response = client.get("/frivilligopgaver/?kommune=odense&online=on")
    html = response.content.decode()
    assert response.context["result_count"] == 0
    assert "Ingen åbne frivilligopgaver passer" in html
    assert "fjern filteret" in html
    assert "Ryd alle filtre" in html


def test_twenty_per_page_with_pagination(client, opportunity_index, organisation):
    for number in range(21):
        OpportunityPageFactory(parent=organisation, title=f"Opgave {number:02}",
                               municipalities=[municipality("aarhus")])
    response = client.get("/frivilligopgaver/?kommune=aarhus")
    assert len(titles(response)) == 20
    html = response.content.decode()
    assert "Side 1 af 2" in html
    assert re.search(r'href="\?kommune=aarhus&amp;page=2" rel="next"', html)
    response = client.get("/frivilligopgaver/?kommune=aarhus&page=2")
    assert len(titles(response)) == 1


# --- the query ceiling ---------------------------------------------------------------

QUERY_CEILING = 10


def queries_for(client, url):
    client.get(url)  # the taxonomy lists are cached from here on, as in production
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "query", ["", "?kommune=aarhus", "?kommune=aarhus&aktivitet=besoegsven&type=regular&online=on"]
)
def test_query_count_does_not_grow_with_results_or_stored_items(
    client, opportunity_index, organisation, query
):
    url = "/frivilligopgaver/" + query
    make = OpportunityPageFactory
    kwargs = {"municipalities": [municipality("aarhus")], "activities": [activity("besoegsven")],
              "is_online": True}
    make(parent=organisation, **kwargs)
    with_one = queries_for(client, url)
    for _number in range(24):
        page = make(parent=organisation, **kwargs)
        ShiftFactory(opportunity=page)
    with_many = queries_for(client, url)
    assert with_one == with_many
    assert with_many <= QUERY_CEILING


def test_counts_follow_a_newly_published_opportunity(client, catalogue, organisation):
    assert client.get("/frivilligopgaver/?kommune=odense").context["result_count"] == 1
    page = OpportunityPageFactory(parent=organisation, title="Ny i Odense", live=False,
                                  municipalities=[municipality("odense")])
    assert client.get("/frivilligopgaver/?kommune=odense").context["result_count"] == 1
    page.save_revision().publish()
    response = client.get("/frivilligopgaver/?kommune=odense")
    assert response.context["result_count"] == 2
    assert "Ny i Odense" in titles(response)


def test_the_next_shift_is_written_the_danish_way(client, opportunity_index, organisation):
    opportunity = OpportunityPageFactory(parent=organisation, commitment="ad_hoc")
    year = TODAY().year + 1
    starts = timezone.make_aware(datetime.datetime(year, 12, 2, 13, 0))
    ShiftFactory(opportunity=opportunity, starts_at=starts,
                 ends_at=starts + datetime.timedelta(hours=3))
    opportunity.save_revision().publish()

    body = client.get(opportunity_index.url).content.decode()

    assert "2. dec kl. 13.00" in body
