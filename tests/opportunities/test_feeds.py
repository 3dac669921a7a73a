"""Feeds, calendars, structured data and the sitemap, read back with real parsers."""

import datetime
import json
import re

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from portal.core.models import Municipality
from tests.opportunities.factories import (
    OpportunityPageFactory,
    ShiftBookingFactory,
    ShiftFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ad_hoc(opportunity_index, organisation):
    page = OpportunityPageFactory(
        parent=organisation, title="Hjælp til sommerfesten", commitment="ad_hoc",
        municipalities=[Municipality.objects.get(slug="aalborg")],
        application_deadline=datetime.date.today() + datetime.timedelta(days=20),
        place="Kildeparken",
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def regular(opportunity_index, organisation):
    page = OpportunityPageFactory(
        parent=organisation, title="Fast besøgsven i Odense", commitment="regular",
        municipalities=[Municipality.objects.get(slug="odense")],
    )
    page.save_revision().publish()
    return page


def test_rss_feed_lists_new_opportunities(client, ad_hoc, regular):
    response = client.get("/frivilligopgaver/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert {entry.title for entry in feed.entries} == {ad_hoc.title, regular.title}
    entry = next(entry for entry in feed.entries if entry.title == ad_hoc.title)
    assert entry.link == ad_hoc.get_full_url()
    assert entry.published_parsed


def test_rss_feed_takes_the_listing_filters(client, ad_hoc, regular):
    response = client.get("/frivilligopgaver/rss/?type=ad_hoc&kommune=aalborg")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == [ad_hoc.title]


def test_the_listing_links_its_feeds_with_the_current_filters(client, ad_hoc):
    html = client.get("/frivilligopgaver/?kommune=aalborg").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/frivilligopgaver/rss/?kommune=aalborg"' in html
    assert 'href="/frivilligopgaver/kalender/?kommune=aalborg"' in html


def test_opportunity_calendar_has_the_upcoming_shifts(client, ad_hoc):
    start = timezone.now() + datetime.timedelta(days=4)
    shift = ShiftFactory(opportunity=ad_hoc, starts_at=start, capacity=5, place="Kildeparken")
    ShiftBookingFactory(shift=shift)
    ShiftFactory(opportunity=ad_hoc, starts_at=timezone.now() - datetime.timedelta(days=4))
    response = client.get(ad_hoc.url + "kalender/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == ad_hoc.title
    assert event.decoded("DTSTART") == start.replace(microsecond=0)
    assert "4 af 5 pladser ledige" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Kildeparken"
    assert str(event["UID"]).startswith(f"vagt-{shift.pk}@")


def test_listing_calendar_follows_the_filters(client, ad_hoc, regular):
    ShiftFactory(opportunity=ad_hoc)
    ShiftFactory(opportunity=regular)
    calendar = Calendar.from_ical(client.get("/frivilligopgaver/kalender/?kommune=aalborg").content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [ad_hoc.title]
    everything = Calendar.from_ical(client.get("/frivilligopgaver/kalender/").content)
    assert len(everything.walk("VEVENT")) == 2


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_structured_data_is_a_volunteer_job_posting_with_events(client, ad_hoc, organisation):
    ShiftFactory(opportunity=ad_hoc, capacity=3)
    data = structured_data(client.get(ad_hoc.url).content.decode())
    assert data["@context"] == "https://schema.org"
    posting, event = data["@graph"]
    assert posting["@type"] == "JobPosting"
    assert posting["employmentType"] == "VOLUNTEER"
    assert posting["title"] == ad_hoc.title
    assert posting["description"] == ad_hoc.summary
    assert posting["hiringOrganization"]["name"] == organisation.title
    assert posting["jobLocation"][0]["address"]["addressLocality"] == "Aalborg"
    assert posting["validThrough"] == ad_hoc.application_deadline.isoformat()
    assert datetime.date.fromisoformat(posting["datePosted"])
    assert event["@type"] == "Event"
    assert event["remainingAttendeeCapacity"] == 3
    assert datetime.datetime.fromisoformat(event["startDate"])


def test_structured_data_cannot_break_out_of_its_script(client, opportunity_index, organisation):
    page = OpportunityPageFactory(parent=organisation, title="</script><b>x</b> & co")
    html = client.get(page.url).content.decode()
    assert structured_data(html)["@graph"][0]["title"] == "</script><b>x</b> & co"
    assert "</script><b>" not in html


def test_open_graph_tags(client, ad_hoc):
    html = client.get(ad_hoc.url).content.decode()
    assert f'<meta property="og:title" content="{ad_hoc.title}">' in html
    assert f'<meta property="og:url" content="{ad_hoc.get_full_url()}">' in html
    assert '<meta property="og:description"' in html


def test_sitemap_lists_opportunities_with_lastmod(client, ad_hoc):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    entry = re.search(
        # On the public address (WAGTAILADMIN_BASE_URL), not the Site's placeholder 'localhost'.
        rf"<url><loc>{re.escape('http://testserver' + ad_hoc.url)}</loc><lastmod>([^<]+)</lastmod>",
        xml,
    )
    assert entry, xml
    ad_hoc.refresh_from_db()
    published = timezone.localtime(ad_hoc.last_published_at).date().isoformat()
    assert entry.group(1).startswith(published)
