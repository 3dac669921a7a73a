"""Everyone booked on a shift hears when it is moved or cancelled.

Shifts are edited in the opportunity's page editor (an InlinePanel); Wagtail
writes them to their rows when the page is published, so the rows' own save
and delete signals are that moment. The opportunities app knows nothing of
this: the receivers live here, where the people are. Each mail carries the
booking's calendar event again, with the same UID and a higher SEQUENCE, or
cancelled.
"""

from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver

from portal.opportunities.models import Shift

from .models import FINISHED, MatchRequest, Notification
from .reminders import follow_moved_shift, shift_details
from .tasks import schedule
from .waitlist import offer_free_places

Purpose = Notification.Purpose
WATCHED = ("starts_at", "ends_at", "place", "capacity")


def _booked(shift):
    """Each active booking on the shift with its request, if the request is still live."""
    bookings = list(shift.bookings.filter(released_at__isnull=True))
    requests = {
        match_request.reference: match_request
        for match_request in MatchRequest.objects.filter(
            reference__in=[booking.reference for booking in bookings], erased_at__isnull=True,
        ).exclude(status__in=FINISHED)
    }
    return [(booking, requests[booking.reference]) for booking in bookings
            if booking.reference in requests]


def _tell(shift, purpose, before=None):
    for booking, match_request in _booked(shift):
        sequence = Notification.objects.filter(
            request=match_request, purpose__in=[Purpose.SHIFT_CHANGED, Purpose.SHIFT_CANCELLED],
            details__booking=booking.pk,
        ).count() + 1
        details = {**shift_details(shift), "booking": booking.pk, "sequence": sequence}
        if before:
            details["before"] = before
        schedule(Notification.objects.create(request=match_request, purpose=purpose,
                                             details=details))


@receiver(pre_save, sender=Shift)
def remember_shift(sender, instance, **kwargs):
    instance._saved_before = (
        Shift.objects.filter(pk=instance.pk).values(*WATCHED).first() if instance.pk else None
    )


@receiver(post_save, sender=Shift)
def tell_of_changed_shift(sender, instance, created, **kwargs):
    before = getattr(instance, "_saved_before", None)
    if created or before is None:
        return
    # As stored: a shift published from a revision may carry its times as naive local ones.
    instance = Shift.objects.select_related("opportunity").get(pk=instance.pk)
    if any(before[name] != getattr(instance, name) for name in ("starts_at", "ends_at", "place")):
        _tell(instance, Purpose.SHIFT_CHANGED, before={
            "starts_at": before["starts_at"].isoformat(),
            "ends_at": before["ends_at"].isoformat(), "place": before["place"],
        })
        follow_moved_shift(instance)
    if instance.capacity > before["capacity"]:
        offer_free_places(instance.pk)


@receiver(pre_delete, sender=Shift)
def tell_of_cancelled_shift(sender, instance, **kwargs):
    _tell(instance, Purpose.SHIFT_CANCELLED)
