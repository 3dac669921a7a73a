"""What the intake forms may offer, read from published opportunities.

Matching reads the opportunities app; never the other way round. Every call
into it sits here, so the forms and views ask one place what is open.
"""

from portal.opportunities.models import OpportunityPage, Shift, ShiftBooking, ShiftFull
from portal.organisations.models import OrganisationPage

__all__ = ["ShiftFull", "book_shifts", "is_open", "organisations_offering",
           "booked_shifts", "published_opportunity", "release_shifts", "shifts_open_for",
           "takes_shifts"]


def published_opportunity(pk):
    """The live, public opportunity with this id, open for sign-ups or not."""
    try:
        # get(), not first(): no ORDER BY over the page tree for a lookup by key.
        return OpportunityPage.objects.live().public().select_related("owner_organisation").get(
            pk=pk
        )
    except OpportunityPage.DoesNotExist:
        return None


def is_open(opportunity):
    return opportunity.is_open


def takes_shifts(opportunity):
    """Sign-ups choose a shift when the opportunity is planned in shifts."""
    return opportunity.uses_shifts and opportunity.shifts.exists()


def shifts_open_for(opportunity):
    """Upcoming shifts of the opportunity, each annotated with ``places_left``."""
    return opportunity.upcoming_shifts()


def book_shifts(shifts, reference):
    """Take one place on each shift for this reference, or raise ``ShiftFull``.

    A shift named twice is booked once; the database holds one active booking
    per shift and request as well.

    Must run inside the transaction that stores the request, so a full shift
    rolls back the whole submission.
    """
    distinct = {shift.pk: shift for shift in shifts}.values()  # one place per shift
    for shift in sorted(distinct, key=lambda s: s.pk):  # a fixed lock order: no deadlocks
        shift.book(reference)


def release_shifts(reference):
    """Give back every place a withdrawn or erased request held."""
    for shift in Shift.objects.filter(bookings__reference=reference).distinct():
        shift.release(reference)


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
        OrganisationPage.objects.live().public()
        .filter(pk__in=opportunities.values("owner_organisation"))
        .order_by("title")
    )
