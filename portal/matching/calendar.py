"""A volunteer's own calendar events, one per booked shift, attached to their e-mails.

The UID names the booking, not the shift, so a later e-mail about the same
booking (a moved shift: a higher SEQUENCE; a cancelled one: METHOD:CANCEL)
replaces the event in the calendar instead of adding a second one. Like the
public shift calendars (``portal.opportunities.feeds``) the events are
published, not invitations: nobody is asked to reply.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

CONTENT_TYPE = "text/calendar"


@dataclass
class ShiftEvent:
    booking_id: int
    starts_at: datetime
    ends_at: datetime
    title: str
    place: str
    description: str
    sequence: int = 0


def booking_uid(booking_id):
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    return f"vagt-tilmelding-{booking_id}@{domain}"


def ics(event, cancelled=False):
    """One calendar with one event; bytes for an e-mail attachment."""
    calendar = Calendar()
    calendar.add("prodid", "-//Bindeled//Vagter//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    item = Event()
    item.add("uid", booking_uid(event.booking_id))
    item.add("sequence", event.sequence)
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    if event.place:
        item.add("location", event.place)
    item.add("description", event.description)
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(item)
    return calendar.to_ical()


def attach(message, event, cancelled=False):
    start = timezone.localtime(event.starts_at)
    message.attach(f"vagt-{start:%Y-%m-%d-%H%M}.ics", ics(event, cancelled),
                   f"{CONTENT_TYPE}; charset=utf-8; method={'CANCEL' if cancelled else 'PUBLISH'}")
