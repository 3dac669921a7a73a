"""The text of every e-mail about a request, from its ``Notification`` row.

Mail to the sender may hold their own data (what they booked, when and
where) and a calendar event per shift; mail to coordinators holds only a
link into the admin, never what anyone wrote.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.signing import Signer
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from . import calendar, links
from .availability import booked_shifts
from .languages import STAFF_LANGUAGE, in_language, span_text, supported
from .models import Notification, PassOnReason
from .tracking import ActionToken, WaitingListEntry

RECEIPT_SALT = "matching.receipt"
Purpose = Notification.Purpose


def receipt_token(match_request):
    return Signer(salt=RECEIPT_SALT).sign(match_request.reference)


def receipt_path(match_request):
    return reverse("matching:receipt", args=[receipt_token(match_request)])


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def describe_shift(starts_at, ends_at, place=""):
    """"lørdag 12. december 2026, 10.00–13.00, Solhøj" in Copenhagen time, in the active
    language."""
    when = span_text(starts_at, ends_at)
    return f"{when}, {place}" if place else when


def shift_place(shift):
    return shift.place or shift.opportunity.place


def booked(match_request):
    """The request's active bookings, each with how it reads and, while its cancel link
    works, the path of its cancel link (the receipt's holder may give a single shift back)."""
    cancel = {
        token.shift_id: token for token in match_request.tokens.filter(
            purpose=ActionToken.Purpose.CANCEL, used_at__isnull=True,
            expires_at__gt=timezone.now())
    }
    return [
        {"booking": booking, "shift": booking.shift,
         "text": describe_shift(booking.shift.starts_at, booking.shift.ends_at,
                                shift_place(booking.shift)),
         "cancel_path": links.path(cancel[booking.shift_id]) if booking.shift_id in cancel
         else ""}
        for booking in booked_shifts(match_request.reference)
        .select_related("shift__opportunity")
    ]


def waiting_for(match_request):
    entries = (
        match_request.waiting.filter(state__in=[WaitingListEntry.State.WAITING,
                                                WaitingListEntry.State.OFFERED])
        .select_related("shift__opportunity").order_by("shift__starts_at")
    )
    return [describe_shift(entry.shift.starts_at, entry.shift.ends_at, shift_place(entry.shift))
            for entry in entries]


def _event(match_request, booking_id, starts_at, ends_at, place, sequence=0):
    title = match_request.opportunity.title if match_request.opportunity else ""
    return calendar.ShiftEvent(
        booking_id=booking_id, starts_at=starts_at, ends_at=ends_at, place=place,
        title=title or match_request.organisation.title, sequence=sequence,
        description="\n".join([
            match_request.organisation.title,
            _("Referencenummer: %(reference)s") % {"reference": match_request.reference},
            base_url() + receipt_path(match_request),
        ]),
    )


def _token_link(notification):
    token = ActionToken.objects.filter(pk=notification.details.get("token")).first()
    return links.link(token) if token else ""


def _shift_from_details(details):
    return describe_shift(parse_datetime(details["starts_at"]), parse_datetime(details["ends_at"]),
                          details.get("place", ""))


def mail_language(notification):
    """Coordinators read the staff language; the sender reads the language they wrote in."""
    if notification.purpose == Purpose.COORDINATOR:
        return STAFF_LANGUAGE
    return supported(notification.request.preferred_language)


def compose(notification):
    """The e-mail, its links and dates in the recipient's language (the worker that sends
    it may have any language active)."""
    language = mail_language(notification)
    with in_language(language):
        message = _compose(notification)
    message.extra_headers["Content-Language"] = language
    return message


def _compose(notification):
    match_request = notification.request
    context = {"request": match_request, "organisation": match_request.organisation.title,
               "opportunity": match_request.opportunity.title if match_request.opportunity
               else "", "receipt_url": base_url() + receipt_path(match_request)}
    events, cancelled = [], False
    purpose = notification.purpose
    details = notification.details
    to = match_request.email
    if purpose == Purpose.RECEIPT:
        context["shifts"] = booked(match_request)
        context["base_url"] = base_url()
        context["waiting"] = waiting_for(match_request)
        events = [_event(match_request, item["booking"].pk, item["shift"].starts_at,
                         item["shift"].ends_at, shift_place(item["shift"]))
                  for item in context["shifts"]]
    elif purpose == Purpose.COORDINATOR:
        context["admin_url"] = base_url() + reverse(
            "wagtailsnippets_matching_matchrequest:inspect", args=[match_request.pk])
        context["event"] = details.get("event", "new")
        context["preferred_language"] = match_request.get_preferred_language_display()
        to = notification.recipient.email
    elif purpose in (Purpose.SHIFT_CHANGED, Purpose.SHIFT_CANCELLED):
        context["shift"] = _shift_from_details(details)
        context["before"] = _shift_from_details(details["before"]) if "before" in details else ""
        cancelled = purpose == Purpose.SHIFT_CANCELLED
        events = [_event(match_request, details["booking"], parse_datetime(details["starts_at"]),
                         parse_datetime(details["ends_at"]), details.get("place", ""),
                         details["sequence"])]
    elif purpose == Purpose.PASSED_ON:
        context["from_organisation"] = details["from"]
        context["reason"] = PassOnReason(details["reason"]).label
    else:  # a reminder, an offered place, a follow-up: each carries one link
        context["link"] = _token_link(notification)
        if "starts_at" in details:
            context["shift"] = _shift_from_details(details)
    subject, _newline, body = render_to_string(
        f"matching/mail/{purpose}.txt", context).strip().partition("\n")
    message = EmailMessage(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL,
                           [to], headers={"Message-ID": message_id(notification)})
    for event in events:
        calendar.attach(message, event, cancelled=cancelled)
    return message


def message_id(notification):
    """The same for every attempt at one e-mail, on every worker."""
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    return f"<notification-{notification.pk}.{notification.created_at:%Y%m%d%H%M%S}@{domain}>"
