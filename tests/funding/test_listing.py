"""/stoette/: which calls are listed, the filters and their counts, the feeds, query counts."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from portal.core.models import Municipality, Region, Theme
from portal.funding.filters import FundingCallFilterSet, listed_calls
from portal.organisations.models import OrganisationKind
from tests.factories import OrganisationPageFactory
from tests.funding.factories import (
    FundingCallIndexPageFactory,
    FundingCallPageFactory,
    days_from_today,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(home, organisation_index):
    """Open, closing soon, closed and not yet open calls, national, regional and local."""
    FundingCallIndexPageFactory(parent=home)
    fund = OrganisationPageFactory(
        parent=organisation_index, title="Fonden", kind=OrganisationKind.FOUNDATION
    )
    aalborg = Municipality.objects.get(slug="aalborg")
    return {
        "open": FundingCallPageFactory(
            parent=fund, title="Landspuljen", deadlines=[-20, 60],
            themes=[Theme.objects.get(slug="ensomhed")], for_partnerships=True,
        ),
        "soon": FundingCallPageFactory(
            parent=fund, title="Nordjyske naboer", deadlines=[0, 90], area="region",
            region=Region.objects.get(slug="nordjylland"), for_associations=False,
            for_municipalities=True,
        ),
        "local": FundingCallPageFactory(
            parent=fund, title="Aalborgs pulje", deadlines=[29], area="municipality",
            municipality=aalborg,
        ),
        "elsewhere": FundingCallPageFactory(
            parent=fund, title="Odenses pulje", deadlines=[45], area="municipality",
            municipality=Municipality.objects.get(slug="odense"),
        ),
        "waiting": FundingCallPageFactory(
            parent=fund, title="Kommende pulje", deadlines=[120], opens_on=days_from_today(10),
        ),
        "closed": FundingCallPageFactory(parent=fund, title="Gammel pulje", deadlines=[-1]),
    }


def titles(response):
    return [call.title for call in response.context["results"]]


def counts(response, facet):
    facet = next(f for f in response.context["facets"] if f["name"] == facet)
    return {choice["value"]: choice["count"] for choice in facet["choices"]}


def test_closed_calls_leave_the_listing_and_the_rest_are_ordered_by_next_deadline(client, calls):
    response = client.get("/stoette/")
    assert titles(response) == [
        "Nordjyske naboer", "Aalborgs pulje", "Odenses pulje", "Landspuljen", "Kommende pulje"
    ]
    assert "Gammel pulje" not in response.content.decode()


def test_status_filter_counts_open_now_and_closing_within_30_days(client, calls):
    response = client.get("/stoette/?status=snart")
    assert titles(response) == ["Nordjyske naboer", "Aalborgs pulje"]
    assert counts(response, "status") == {"aaben": 4, "snart": 2}
    assert titles(client.get("/stoette/?status=aaben")) == [
        "Nordjyske naboer", "Aalborgs pulje", "Odenses pulje", "Landspuljen"
    ]


def test_a_municipality_shows_its_own_its_regions_and_national_calls(client, calls):
    response = client.get("/stoette/?kommune=aalborg")
    assert titles(response) == [
        "Nordjyske naboer", "Aalborgs pulje", "Landspuljen", "Kommende pulje"
    ]
    municipality_counts = counts(response, "kommune")
    assert municipality_counts["aalborg"] == 4
    assert municipality_counts["odense"] == 3
    assert municipality_counts["koebenhavn"] == 2


def test_region_national_theme_and_applicant_filters(client, calls):
    assert titles(client.get("/stoette/?region=nordjylland")) == [
        "Nordjyske naboer", "Aalborgs pulje"
    ]
    assert titles(client.get("/stoette/?landsdaekkende=ja")) == ["Landspuljen", "Kommende pulje"]
    assert titles(client.get("/stoette/?tema=ensomhed")) == ["Landspuljen"]
    response = client.get("/stoette/?ansoeger=kommuner&ansoeger=partnerskaber")
    assert titles(response) == ["Nordjyske naboer", "Landspuljen"]
    assert counts(response, "ansoeger") == {"foreninger": 4, "kommuner": 1, "partnerskaber": 1}


def test_free_text_and_unknown_values(client, calls):
    assert titles(client.get("/stoette/?q=Aalborgs")) == ["Aalborgs pulje"]
    response = client.get("/stoette/?kommune=atlantis&status=snart")
    assert response.status_code == 200
    assert titles(response) == ["Nordjyske naboer", "Aalborgs pulje"]
    assert "Kommune" in " ".join(response.context["ignored_filters"])


def test_the_listing_counts_in_copenhagen_dates(calls):
    # Half past midnight in Copenhagen is still yesterday in UTC: yesterday's deadline
    # has passed here, though a UTC date would keep the call open for another hour.
    today = timezone.localdate()
    after_midnight = datetime.datetime.combine(
        today, datetime.time(0, 30), tzinfo=ZoneInfo("Europe/Copenhagen")
    )
    with mock.patch("django.utils.timezone.now", return_value=after_midnight):
        assert "Gammel pulje" not in [call.title for call in listed_calls()]
        filterset = FundingCallFilterSet({"status": ["snart"]}, queryset=listed_calls())
        assert {call.title for call in filterset.qs} == {"Nordjyske naboer", "Aalborgs pulje"}


def test_rss_lists_the_filtered_calls(client, calls):
    response = client.get("/stoette/rss/?kommune=odense")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert {entry.title for entry in feed.entries} == {
        "Odenses pulje", "Landspuljen", "Kommende pulje"
    }
    entry = next(entry for entry in feed.entries if entry.title == "Odenses pulje")
    assert entry.link == calls["elsewhere"].get_full_url()


def test_the_calendar_holds_every_coming_deadline_as_an_all_day_event(client, calls):
    response = client.get("/stoette/kalender/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {
        (str(event["summary"]), event.decoded("dtstart")) for event in calendar.walk("VEVENT")
    }
    assert events == {
        ("Ansøgningsfrist: Landspuljen", days_from_today(60)),
        ("Ansøgningsfrist: Nordjyske naboer", days_from_today(0)),
        ("Ansøgningsfrist: Nordjyske naboer", days_from_today(90)),
        ("Ansøgningsfrist: Aalborgs pulje", days_from_today(29)),
        ("Ansøgningsfrist: Odenses pulje", days_from_today(45)),
        ("Ansøgningsfrist: Kommende pulje", days_from_today(120)),
    }
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_the_listing_links_its_feeds_and_the_open_data(client, calls):
    html = client.get("/stoette/?status=snart").content.decode()
    assert 'href="/stoette/rss/?status=snart"' in html
    assert 'href="/stoette/kalender/?status=snart"' in html
    assert 'href="/stoette/bevillinger.csv"' in html
    assert 'href="/stoette/bevillinger.json"' in html


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize("url", ["/stoette/", "/stoette/?kommune=aalborg&status=aaben",
                                 "/stoette/rss/", "/stoette/kalender/"])
def test_query_counts_do_not_grow_with_the_calls(client, calls, url):
    fund = calls["open"].get_parent()
    before = _queries(client, url)
    for number in range(6):
        FundingCallPageFactory(
            parent=fund, title=f"Ekstra {number}", deadlines=[5, 50],
            themes=[Theme.objects.get(slug="ensomhed")],
        )
    assert _queries(client, url) == before
