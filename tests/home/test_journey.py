"""The home page starts the journey: the picker, this week's shifts, featured content, paths."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import RequestFactory

from portal.core.models import Municipality
from portal.home.models import FeaturedKnowledge, FeaturedOpportunity, FeaturedTool
from portal.home.sections import shifts_this_week
from portal.opportunities.models import Commitment, Status
from tests.cases.factories import CasePageFactory, GuidePageFactory, ToolPageFactory
from tests.factories import StandardPageFactory
from tests.opportunities.factories import (
    OpportunityPageFactory,
    ShiftBookingFactory,
    ShiftFactory,
)

pytestmark = pytest.mark.django_db
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# A Monday morning; the week shown runs to midnight after Sunday 13 December.
MONDAY = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=COPENHAGEN)


def at(day, hour, minute=0):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=COPENHAGEN)


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading_id):
    """The HTML of the home page's section labelled by ``heading_id``."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return match.group()


# --- Find en opgave nær dig -------------------------------------------------------------


def test_the_picker_offers_every_municipality_under_the_listings_own_parameter(client, home):
    html = section(home_html(client), "home-heading")

    assert re.search(r'<form class="home-picker" action="/frivilligopgaver/" method="get"', html)
    offered = re.findall(r'<option value="([^"]+)">', html)
    assert sorted(offered) == sorted(Municipality.objects.values_list("slug", flat=True))
    assert len(offered) == 98
    assert 'name="kommune"' in html
    assert html.count("<optgroup") == 5
    assert 'href="/frivilligopgaver/?online=on"' in html


def test_what_the_picker_sends_filters_the_listing(client, organisation, opportunity_index):
    aalborg = Municipality.objects.get(slug="aalborg")
    odense = Municipality.objects.get(slug="odense")
    OpportunityPageFactory(parent=organisation, title="Besøgsven i Aalborg",
                           municipalities=[aalborg])
    OpportunityPageFactory(parent=organisation, title="Lektiehjælp i Odense",
                           municipalities=[odense])
    OpportunityPageFactory(parent=organisation, title="Telefonven hjemmefra", is_online=True)

    in_aalborg = client.get("/frivilligopgaver/", {"kommune": "aalborg"}).content.decode()
    online = client.get("/frivilligopgaver/?online=on").content.decode()
    everywhere = client.get("/frivilligopgaver/", {"kommune": ""}).content.decode()

    assert "Besøgsven i Aalborg" in in_aalborg
    assert "Lektiehjælp i Odense" not in in_aalborg
    assert "Telefonven hjemmefra" in online and "Besøgsven i Aalborg" not in online
    # "Alle kommuner" sends an empty value: every opportunity, and no notice about it.
    assert all(title in everywhere for title in ("Aalborg", "Odense", "hjemmefra"))
    assert "Vi kender ikke" not in everywhere


# --- Denne uge -------------------------------------------------------------------------


@pytest.fixture
def ad_hoc(organisation):
    return OpportunityPageFactory(parent=organisation, title="Madudbringning",
                                  commitment=Commitment.AD_HOC, place="Kirkens Korshær")


@time_machine.travel(MONDAY, tick=False)
def test_this_week_shows_only_shifts_with_free_places_in_the_next_seven_days(
    client, organisation, ad_hoc
):
    tomorrow = ShiftFactory(opportunity=ad_hoc, starts_at=at(8, 17), ends_at=at(8, 20),
                            capacity=3, place="Vesterbro")
    ShiftBookingFactory(shift=tomorrow)
    full = ShiftFactory(opportunity=ad_hoc, starts_at=at(9, 10), ends_at=at(9, 12), capacity=1)
    ShiftBookingFactory(shift=full)
    released = ShiftFactory(opportunity=ad_hoc, starts_at=at(10, 10), ends_at=at(10, 12),
                            capacity=1, place="")  # where the opportunity is
    ShiftBookingFactory(shift=released, released_at=at(7, 8))
    last_evening = ShiftFactory(opportunity=ad_hoc, starts_at=at(13, 23, 30),
                                ends_at=at(14, 1))
    # 00:30 on Monday in Copenhagen is still Sunday in UTC: next week all the same.
    ShiftFactory(opportunity=ad_hoc, starts_at=at(14, 0, 30), ends_at=at(14, 2))
    ShiftFactory(opportunity=ad_hoc, starts_at=at(7, 8), ends_at=at(7, 10))  # begun an hour ago
    closed = OpportunityPageFactory(parent=organisation, title="Lukket opgave",
                                    commitment=Commitment.AD_HOC, status=Status.CLOSED)
    ShiftFactory(opportunity=closed, starts_at=at(8, 10), ends_at=at(8, 12))

    assert shifts_this_week() == [tomorrow, released, last_evening]
    html = section(home_html(client), "week-heading")
    assert html.count('class="week-shift"') == 3
    assert "tirsdag 8. december</time>, kl. 17.00–20.00" in html
    assert "2 ledige pladser" in html and "1 ledig plads" in html
    assert "Vesterbro" in html and "Kirkens Korshær" in html
    assert "Lukket opgave" not in html
    assert "fra=2026-12-07&amp;til=2026-12-13&amp;sorter=naeste-vagt" in html


@time_machine.travel(MONDAY, tick=False)
def test_a_week_without_free_shifts_says_so(client, ad_hoc):
    ShiftFactory(opportunity=ad_hoc, starts_at=at(20, 10), ends_at=at(20, 12))

    html = section(home_html(client), "week-heading")

    assert 'class="week-shift"' not in html
    assert "ingen vagter med ledige pladser de næste 7 dage" in html


# --- Featured content, chosen by editors, with the newest as fallback -------------------


def card_titles(html, heading_id):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]+)</a>', section(html, heading_id))


def test_without_choices_the_newest_are_shown(client, home, organisation):
    for number in range(4):
        OpportunityPageFactory(parent=organisation, title=f"Opgave {number}")
        CasePageFactory(parent=organisation, title=f"Case {number}")
        ToolPageFactory(parent=organisation, title=f"Værktøj {number}")

    html = home_html(client)

    assert card_titles(html, "opportunities-heading") == ["Opgave 3", "Opgave 2", "Opgave 1"]
    assert card_titles(html, "knowledge-heading") == ["Case 3", "Case 2", "Case 1"]
    assert card_titles(html, "tools-heading") == ["Værktøj 3", "Værktøj 2", "Værktøj 1"]


def test_an_editors_choices_are_shown_in_their_order(client, home, organisation):
    first, second, _newest = (OpportunityPageFactory(parent=organisation, title=f"Opgave {n}")
                              for n in range(3))
    guide = GuidePageFactory(parent=organisation, title="Vejledning om samskabelse")
    CasePageFactory(parent=organisation, title="Nyeste case")
    tool = ToolPageFactory(parent=organisation, title="Vagtplanen")
    ToolPageFactory(parent=organisation, title="Nyeste værktøj")
    FeaturedOpportunity.objects.create(home=home, page=second, sort_order=0)
    FeaturedOpportunity.objects.create(home=home, page=first, sort_order=1)
    FeaturedKnowledge.objects.create(home=home, page=guide, sort_order=0)
    FeaturedTool.objects.create(home=home, page=tool, sort_order=0)

    html = home_html(client)

    assert card_titles(html, "opportunities-heading") == ["Opgave 1", "Opgave 0"]
    assert card_titles(html, "knowledge-heading") == ["Vejledning om samskabelse"]
    assert "Besøgsvennerne" in section(html, "knowledge-heading")  # its organisation
    assert card_titles(html, "tools-heading") == ["Vagtplanen"]


def test_a_choice_no_longer_public_gives_way_to_the_newest(client, home, organisation):
    closed = OpportunityPageFactory(parent=organisation, title="Besat opgave")
    OpportunityPageFactory(parent=organisation, title="Åben opgave")
    unpublished = ToolPageFactory(parent=organisation, title="Trukket tilbage")
    ToolPageFactory(parent=organisation, title="Vagtplanen")
    FeaturedOpportunity.objects.create(home=home, page=closed, sort_order=0)
    FeaturedTool.objects.create(home=home, page=unpublished, sort_order=0)
    closed.status = Status.FILLED
    closed.save_revision().publish()
    unpublished.unpublish()

    html = home_html(client)

    assert card_titles(html, "opportunities-heading") == ["Åben opgave"]
    assert card_titles(html, "tools-heading") == ["Vagtplanen"]


def test_a_preview_shows_the_editors_unsaved_choices(home, organisation):
    tool = ToolPageFactory(parent=organisation, title="Vagtplanen")
    ToolPageFactory(parent=organisation, title="Nyeste værktøj")
    home.featured_tools = [FeaturedTool(page=tool)]  # in memory, as the edit form builds it
    request = RequestFactory().get("/")
    request.is_preview = True

    context = home.get_context(request)

    assert [page.title for page in context["featured_tools"]] == ["Vagtplanen"]


# --- The paths for professionals and organisations --------------------------------------


def test_both_paths_are_offered_when_the_join_page_is_chosen(client, home):
    html = section(home_html(client), "paths-heading")
    assert 'href="/bestil-frivillig/">Bestil en frivillig</a>' in html
    assert "Bliv en del af Bindeled" not in html  # no page chosen: no dead link

    home.join_page = StandardPageFactory(parent=home, title="Bliv en del af Bindeled",
                                         slug="bliv-en-del-af-bindeled")
    home.save_revision().publish()

    html = section(home_html(client), "paths-heading")
    assert 'href="/bliv-en-del-af-bindeled/">Bliv en del af Bindeled</a>' in html
