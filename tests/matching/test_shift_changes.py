"""A shift moved or cancelled in the page editor: everyone booked hears, calendar updated."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from portal.matching.calendar import booking_uid
from portal.matching.models import MatchRequest, Notification
from portal.opportunities.models import OpportunityPage, ShiftBooking

from .conftest import make_shift, offer_data
from .scheduled import db_tasks, run_due_tasks  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]


@pytest.fixture
def two_booked(client, ad_hoc):
    shift, other = make_shift(ad_hoc, capacity=3), make_shift(ad_hoc, capacity=3, days=5)
    for email in ("aase@example.org", "bo@example.org"):
        client.post(reverse("matching:offer", args=[ad_hoc.pk]),
                    offer_data(email=email, shifts=[str(shift.pk)]))
    run_due_tasks()
    mail.outbox.clear()
    return shift, other


def publish_shifts(page_id, change):
    """What the page editor does: change the page's shifts, save a revision, publish it."""
    page = OpportunityPage.objects.get(pk=page_id)
    page.shifts = change(list(page.shifts.all()))
    page.save_revision().publish()


def event_of(message):
    [(_name, content, _type)] = message.attachments
    calendar = Calendar.from_ical(content)
    return calendar["method"], calendar.walk("VEVENT")[0]


def test_moving_a_shift_tells_everyone_booked_with_an_updated_event(two_booked, ad_hoc):
    shift, _other = two_booked

    def move(shifts):
        for item in shifts:
            if item.pk == shift.pk:
                item.starts_at += timedelta(hours=2)
                item.ends_at += timedelta(hours=2)
        return shifts

    publish_shifts(ad_hoc.pk, move)
    run_due_tasks()

    assert sorted(m.to[0] for m in mail.outbox) == ["aase@example.org", "bo@example.org"]
    message = next(m for m in mail.outbox if m.to == ["aase@example.org"])
    assert message.subject.startswith("Din vagt er flyttet")
    method, event = event_of(message)
    booking = ShiftBooking.objects.get(reference=MatchRequest.objects.get(
        email="aase@example.org").reference)
    assert method == "PUBLISH" and str(event["uid"]) == booking_uid(booking.pk)
    assert event["sequence"] == 1
    moved = shift.starts_at.replace(microsecond=0) + timedelta(hours=2)
    assert event.decoded("dtstart") == moved  # calendars keep whole seconds
    # The reminder moved with the shift.
    reminder = Notification.objects.filter(purpose="reminder", state="pending").first()
    assert reminder.due_at == shift.starts_at + timedelta(hours=2 - 24)


def test_publishing_without_changing_the_shift_tells_nobody(two_booked, ad_hoc):
    publish_shifts(ad_hoc.pk, lambda shifts: shifts)
    run_due_tasks()
    assert mail.outbox == []


def test_cancelling_a_shift_sends_a_cancelled_event_with_the_same_uid(two_booked, ad_hoc):
    shift, _other = two_booked
    booking_ids = set(ShiftBooking.objects.filter(shift=shift).values_list("pk", flat=True))
    publish_shifts(ad_hoc.pk, lambda shifts: [item for item in shifts if item.pk != shift.pk])
    run_due_tasks()

    assert len(mail.outbox) == 2
    uids = set()
    for message in mail.outbox:
        assert message.subject.startswith("Din vagt er aflyst")
        method, event = event_of(message)
        assert method == "CANCEL" and event["status"] == "CANCELLED"
        uids.add(str(event["uid"]))
    assert uids == {booking_uid(pk) for pk in booking_ids}
    assert not Notification.objects.filter(purpose="reminder", state="sent").exists()
