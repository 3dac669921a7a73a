"""What the intake forms may offer, read from published opportunities.

Matching reads the opportunities app; never the other way round. Every call
into it sits here, so the forms and views ask one place what is open.
"""

import copy

from django.db.models import Count
from django.dispatch import Signal
from django.utils import timezone

from portal.core.privacy import unrestricted
from portal.opportunities.models import OpportunityPage, Shift, ShiftBooking, ShiftFull
from portal.organisations.models import OrganisationPage

from .tracking import WaitingListEntry

# Sent with ``shift`` after a place on it was given back, inside the transaction.
place_freed = Signal()

__all__ = ["ShiftBooking", "ShiftFull", "book_shifts", "booked_shifts", "held_places",
           "is_open", "organisations_offering", "place_freed", "published_opportunity",
           "release_shifts", "shifts_open_for", "takes_shifts", "with_held_places"]


def published_opportunity(pk):
    """The live, public opportunity with this id, open for sign-ups or not."""
    try:
        # get(), not first(): no ORDER BY over the page tree for a lookup by key.
        return (unrestricted(OpportunityPage.objects.live())
                .select_related("owner_organisation").get(pk=pk))
    except OpportunityPage.DoesNotExist:
        return None


def is_open(opportunity):
    return opportunity.is_open


def takes_shifts(opportunity, upcoming=None):
    """Sign-ups choose a shift when the opportunity is planned in shifts.

    ``upcoming``: its upcoming shifts, where the caller has read them already.
    """
    return opportunity.uses_shifts and (bool(upcoming) or opportunity.shifts.exists())


def shifts_open_for(opportunity, upcoming=None):
    """Upcoming shifts of the opportunity, each annotated with ``places_left``.

    Copies of ``upcoming`` where given: ``with_held_places`` changes them, and the
    page shows the same shifts with its own count.
    """
    if upcoming is not None:
        return [copy.copy(shift) for shift in upcoming]
    return opportunity.upcoming_shifts()


def _offers_held():
    """Places offered to a waiting list and not yet taken or expired."""
    return WaitingListEntry.objects.filter(
        state=WaitingListEntry.State.OFFERED, offer_expires_at__gt=timezone.now()
    )


def held_places(shift):
    return _offers_held().filter(shift=shift).count()


def with_held_places(shifts):
    """The shifts, each with ``places_left`` less the places kept for the waiting list."""
    shifts = list(shifts)
    # A preview's shifts may not be saved yet: nothing can be held on those.
    offered = dict(
        _offers_held().filter(shift__in=[shift.pk for shift in shifts if shift.pk])
        .values("shift").annotate(count=Count("pk")).values_list("shift", "count")
    )
    for shift in shifts:
        shift.places_left = max(shift.places_left - offered.get(shift.pk, 0), 0)
    return shifts


def book_shifts(shifts, reference):
    """Take one place on each shift for this reference, or raise ``ShiftFull``.

    A shift named twice is booked once; the database holds one active booking
    per shift and request as well.

    Must run inside the transaction that stores the request, so a full shift
    rolls back the whole submission. Returns the bookings.
    """
    distinct = {shift.pk: shift for shift in shifts}.values()  # one place per shift
    bookings = []
    for shift in sorted(distinct, key=lambda s: s.pk):  # a fixed lock order: no deadlocks
        # Locked before counting what the waiting list holds, so the count stays true.
        locked = Shift.objects.select_for_update().get(pk=shift.pk)
        bookings.append(locked.book(reference, held=held_places(locked)))
    return bookings


def release_shifts(reference, shifts=None):
    """Give back the places a request held (on ``shifts``, or all of them); each freed
    place is announced with ``place_freed`` (the waiting list takes it up)."""
    held = Shift.objects.filter(bookings__reference=reference,
                                bookings__released_at__isnull=True)
    if shifts is not None:
        held = held.filter(pk__in=[shift.pk for shift in shifts])
    for shift in held.distinct().order_by("pk"):
        if shift.release(reference):
            place_freed.send(sender=Shift, shift=shift)


def booked_shifts(reference):
    return (
        ShiftBooking.objects.filter(reference=reference, released_at__isnull=True)
        .select_related("shift").order_by("shift__starts_at")
    )


def organisations_offering(activity, municipality):
    """Organisations with an open opportunity of this activity in this municipality."""
    opportunities = OpportunityPage.objects.open().filter(
        activities=activity, municipalities=municipality
    )
    return (
        unrestricted(OrganisationPage.objects.live())
        .filter(pk__in=opportunities.values("owner_organisation"))
        .order_by("title")
    )
