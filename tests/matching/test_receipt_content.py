"""Receipt page and mail: what was booked, where and when, with a calendar event per shift."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from portal.matching.calendar import booking_uid
from portal.matching.forms import OfferForm
from portal.matching.models import MatchRequest
from portal.matching.tasks import receipt_path
from portal.opportunities.models import Shift, ShiftBooking

from .conftest import make_shift, offer_data

pytestmark = pytest.mark.django_db


def shift_at(opportunity, day, hour, place="Solhøj", capacity=2):
    starts = timezone.make_aware(timezone.datetime(2030, 12, day, hour, 0))
    return Shift.objects.create(opportunity=opportunity, starts_at=starts,
                                ends_at=starts + timedelta(hours=3), place=place,
                                capacity=capacity)


@pytest.fixture
def signed_up(client, ad_hoc, django_capture_on_commit_callbacks):
    first, second = shift_at(ad_hoc, 12, 10), shift_at(ad_hoc, 19, 14, place="Kirkesalen")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("matching:offer", args=[ad_hoc.pk]),
                               offer_data(shifts=[str(first.pk), str(second.pk)]))
    return response, MatchRequest.objects.get(), (first, second)


def test_the_receipt_page_names_opportunity_organisation_shifts_and_reference(client, signed_up):
    response, match_request, _shifts = signed_up
    body = client.get(response["Location"]).content.decode()
    assert "Hjælp ved juleuddelingen" in body and match_request.organisation.title in body
    assert "torsdag 12. december 2030, 10.00–13.00, Solhøj" in body
    assert "torsdag 19. december 2030, 14.00–17.00, Kirkesalen" in body
    assert match_request.reference in body
    assert "Træk henvendelsen tilbage" in body


def test_the_receipt_mail_has_the_content_and_one_calendar_event_per_booked_shift(signed_up):
    _response, match_request, _shifts = signed_up
    receipt = next(m for m in mail.outbox if m.to == ["aase@example.org"])
    assert "Hjælp ved juleuddelingen" in receipt.body
    assert "torsdag 12. december 2030, 10.00–13.00, Solhøj" in receipt.body
    assert "torsdag 19. december 2030, 14.00–17.00, Kirkesalen" in receipt.body
    assert match_request.reference in receipt.body and receipt_path(match_request) in receipt.body
    assert "fem hverdage" in receipt.body  # what happens next, and when
    bookings = list(ShiftBooking.objects.order_by("shift__starts_at"))
    events = []
    for _name, content, mimetype in receipt.attachments:
        assert mimetype.startswith("text/calendar")
        calendar = Calendar.from_ical(content)
        assert calendar["method"] == "PUBLISH"
        events += list(calendar.walk("VEVENT"))
    assert [str(event["uid"]) for event in events] == [
        booking_uid(booking.pk) for booking in bookings]
    assert booking_uid(bookings[0].pk).startswith(f"vagt-tilmelding-{bookings[0].pk}@")
    assert [event["sequence"] for event in events] == [0, 0]
    assert events[0].decoded("dtstart") == bookings[0].shift.starts_at
    assert str(events[1]["location"]) == "Kirkesalen"


def test_the_coordinators_mail_stays_link_only(signed_up, organisation):
    from .conftest import coordinator_of

    coordinator_of(organisation, "kim")  # after the fact: check the template, not the queue
    notice = [m for m in mail.outbox if m.to != ["aase@example.org"]]
    for message in notice:
        assert "Åse" not in message.body and "Solhøj" not in message.body
        assert not message.attachments


def test_a_full_shift_is_shown_as_full_and_cannot_be_ticked(ad_hoc):
    full, open_shift = make_shift(ad_hoc, capacity=1), make_shift(ad_hoc, capacity=1, days=4)
    ShiftBooking.objects.create(shift=full, reference="BL-AAAA-AAAA")
    html = str(OfferForm(opportunity=ad_hoc)["shifts"])
    full_input = next(line for line in html.split("<input")[1:] if f'value="{full.pk}"' in line)
    open_input = next(line for line in html.split("<input")[1:]
                      if f'value="{open_shift.pk}"' in line)
    assert "disabled" in full_input and "disabled" not in open_input
    assert "ingen ledige pladser" in html


def test_a_full_shift_posted_by_hand_is_refused(client, ad_hoc):
    full = make_shift(ad_hoc, capacity=1)
    ShiftBooking.objects.create(shift=full, reference="BL-AAAA-AAAA")
    response = client.post(reverse("matching:offer", args=[ad_hoc.pk]),
                           offer_data(shifts=[str(full.pk)]))
    assert response.status_code == 200
    assert "Der er ikke flere pladser på den valgte vagt" in response.content.decode()
    assert not MatchRequest.objects.exists() and ShiftBooking.objects.count() == 1


def test_the_receipt_offers_each_booked_shift_back_through_its_cancel_link(client, signed_up):
    response, _match_request, _shifts = signed_up
    body = client.get(response["Location"]).content.decode()
    assert body.count('href="/vagt/afmeld/') == 2
    receipt = next(m for m in mail.outbox if m.to == ["aase@example.org"])
    assert receipt.body.count("/vagt/afmeld/") == 2
