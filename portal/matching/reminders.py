"""Reminders before a booked shift, with a link for "Jeg kan alligevel ikke komme".

A reminder is a ``Notification`` due ``SHIFT_REMINDER_HOURS`` before the
shift, queued as a task for that moment (``tasks.schedule``). It is made once
per booking, goes only if the booking still stands when its time comes
(``tasks.still_wanted``), and follows the shift when a coordinator moves it.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from . import links
from .availability import release_shifts
from .models import Notification
from .tasks import notify_coordinators, schedule
from .tracking import ActionToken

Purpose = Notification.Purpose


def reminder_due(shift):
    return shift.starts_at - timedelta(hours=settings.SHIFT_REMINDER_HOURS)


def shift_details(shift):
    return {"shift": shift.pk, "starts_at": shift.starts_at.isoformat(),
            "ends_at": shift.ends_at.isoformat(), "place": shift.place or shift.opportunity.place}


def plan_reminders(match_request, bookings):
    """A reminder for each booking whose reminder time is still ahead."""
    for booking in bookings:
        shift = booking.shift
        due = reminder_due(shift)
        if due <= timezone.now() or Notification.objects.filter(
            request=match_request, purpose=Purpose.REMINDER, details__booking=booking.pk
        ).exists():
            continue
        token = links.issue(match_request, ActionToken.Purpose.CANCEL, shift.starts_at,
                            shift=shift)
        schedule(Notification.objects.create(
            request=match_request, purpose=Purpose.REMINDER, due_at=due,
            details={**shift_details(shift), "booking": booking.pk, "token": token.pk},
        ))


def follow_moved_shift(shift):
    """The shift's pending reminders move with it, and their links last until its new start."""
    due = reminder_due(shift)
    for notification in Notification.objects.filter(
        purpose=Purpose.REMINDER, state=Notification.State.PENDING, details__shift=shift.pk
    ):
        notification.due_at = due
        notification.details = {**notification.details, **shift_details(shift)}
        notification.save(update_fields=["due_at", "details"])
        ActionToken.objects.filter(pk=notification.details["token"]).update(
            expires_at=shift.starts_at)
        schedule(notification)


@transaction.atomic
def cannot_come(token):
    """Give back the place the link is about and tell the coordinators; False if the link
    was used already or has expired."""
    if not links.use(token):
        return False
    match_request = token.request
    release_shifts(match_request.reference, [token.shift])
    notify_coordinators(match_request, "cancelled")
    log(match_request, "matching.cancel_shift", data={"shift": token.shift_id})
    return True
