"""Attendance: after a shift has begun, coordinators mark each booking attended or not.

It is internal to the organisation's coordinators (the view is scoped like
every view of a request: another organisation's request is a 404), can be
corrected by marking again, is never shown publicly, and is erased with the
request (``MatchRequest.erase``).
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .availability import booked_shifts
from .tracking import Attendance


def bookings_with_attendance(match_request):
    """The request's bookings, each with ``attended`` (None: not marked) and ``can_mark``."""
    marked = dict(match_request.attendance.values_list("shift_id", "attended"))
    bookings = list(booked_shifts(match_request.reference))
    for booking in bookings:
        booking.attended = marked.get(booking.shift_id)
        booking.can_mark = booking.shift.starts_at <= timezone.now()
    return bookings


@transaction.atomic
def mark(match_request, shift_id, attended, user):
    """Record (or correct) attendance on one of the request's begun shifts; False if the
    request holds no such booking."""
    booking = booked_shifts(match_request.reference).filter(
        shift_id=shift_id, shift__starts_at__lte=timezone.now()
    ).first()
    if booking is None or match_request.erased_at:
        return False
    Attendance.objects.update_or_create(
        request=match_request, shift_id=shift_id,
        defaults={"attended": attended, "marked_by": user, "marked_at": timezone.now()},
    )
    log(match_request, "matching.attendance", user=user,
        data={"shift": shift_id, "attended": attended})
    return True
