"""'Tilføj til kalender': one upcoming shift as an .ics file, and sharing the page."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import OrganisationIndexPageFactory, OrganisationPageFactory, home_page
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.fixture
def opportunity():
    index = OrganisationIndexPageFactory(parent=home_page())
    organisation = OrganisationPageFactory(parent=index, title="Besøgsvennerne")
    return OpportunityPageFactory(parent=organisation, title="Hjælp til julemarkedet",
                                  slug="julemarked")


def summer_shift(opportunity, **fields):
    # A summer date: Copenhagen is two hours ahead of UTC then, not one.
    year = timezone.localdate().year + 1
    starts = datetime.datetime(year, 7, 2, 9, 30, tzinfo=COPENHAGEN)
    return ShiftFactory(opportunity=opportunity, starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=2, minutes=15), **fields)


def shift_url(opportunity, shift):
    return f"{opportunity.url}kalender/{shift.pk}/"


def events(response):
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_one_shift_downloads_as_one_event_at_its_copenhagen_time(client, opportunity):
    shift = summer_shift(opportunity, place="Torvet 1")
    summer_shift(opportunity)  # another shift, not in this file
    response = client.get(shift_url(opportunity, shift))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    year = timezone.localdate().year + 1
    assert response["Content-Disposition"] == (
        f'attachment; filename="julemarked-{year}-07-02-0930.ics"')
    [event] = events(response)
    start = event.decoded("dtstart").astimezone(COPENHAGEN)
    end = event.decoded("dtend").astimezone(COPENHAGEN)
    assert (start.date(), start.hour, start.minute) == (datetime.date(year, 7, 2), 9, 30)
    assert (end.hour, end.minute) == (11, 45)
    assert str(event["summary"]) == "Hjælp til julemarkedet"
    assert str(event["location"]) == "Torvet 1"


def test_the_uid_is_stable_and_the_same_as_in_the_opportunitys_calendar(client, opportunity):
    shift = summer_shift(opportunity)
    first = events(client.get(shift_url(opportunity, shift)))[0]["uid"]
    again = events(client.get(shift_url(opportunity, shift)))[0]["uid"]
    whole = [event["uid"] for event in events(client.get(f"{opportunity.url}kalender/"))]
    assert first == again == f"vagt-{shift.pk}@testserver"
    assert whole == [first]


def test_the_file_is_public_cacheable_and_holds_no_bookings(client, opportunity):
    shift = summer_shift(opportunity)
    response = client.get(shift_url(opportunity, shift))
    assert response["Cache-Control"] == "public, max-age=300"
    assert b"@example" not in response.content and b"ATTENDEE" not in response.content


def test_a_past_shift_or_another_opportunitys_shift_is_not_found(client, opportunity):
    past = ShiftFactory(opportunity=opportunity,
                        starts_at=timezone.now() - datetime.timedelta(days=2))
    other = OpportunityPageFactory(parent=opportunity.get_parent(), title="Andet")
    elsewhere = summer_shift(other)
    assert client.get(shift_url(opportunity, past)).status_code == 404
    assert client.get(shift_url(opportunity, elsewhere)).status_code == 404


def test_the_page_offers_each_upcoming_shift_for_the_calendar_and_a_link_to_share(
        client, opportunity):
    shifts = [summer_shift(opportunity), ShiftFactory(opportunity=opportunity)]
    html = client.get(opportunity.url).content.decode()
    for shift in shifts:
        assert f'href="{shift_url(opportunity, shift)}" download>Tilføj til kalender' in html
    assert f'value="http://testserver{opportunity.url}" readonly data-share-url' in html
    assert "data-share-button hidden" in html
