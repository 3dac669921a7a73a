"""Waiting lists for full shifts: a freed place is offered to one person at a time.

When a place frees (a withdrawal, a cancel link, a coordinator's release),
the first waiting person gets an e-mail with a link to take it, valid for
``WAITLIST_OFFER_HOURS``; the place is held for them meanwhile (the intake
counts it as taken). When the offer expires unanswered, the next one on the
list gets it. Every step runs under the shift's row lock, the same lock a
sign-up takes, so the place goes to exactly one person.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django_tasks import task

from portal.opportunities.models import Shift
from portal.worker.outbox import enqueue_with_transaction
from portal.worker.priority import PERSON_FACING

from . import links
from .availability import ShiftFull, held_places, place_freed
from .models import FINISHED, Notification
from .reminders import plan_reminders
from .tasks import schedule
from .tracking import ActionToken, WaitingListEntry
from .workflow import erasing, status_changed

State = WaitingListEntry.State


def join(match_request, shifts):
    WaitingListEntry.objects.bulk_create(
        [WaitingListEntry(request=match_request, shift=shift) for shift in shifts]
    )


def position(entry):
    """1 for the first in line."""
    return WaitingListEntry.objects.filter(
        shift_id=entry.shift_id, state=State.WAITING, created_at__lt=entry.created_at
    ).count() + 1


@transaction.atomic
def offer_free_places(shift_id):
    """Offer every free place on the shift that is not yet offered, first come first."""
    shift = Shift.objects.select_for_update().filter(pk=shift_id).first()
    if shift is None or shift.starts_at <= timezone.now():
        return 0
    free = (shift.capacity - shift.bookings.filter(released_at__isnull=True).count()
            - held_places(shift))
    offered = 0
    waiting = (
        WaitingListEntry.objects.filter(shift=shift, state=State.WAITING)
        .exclude(request__status__in=FINISHED).exclude(request__erased_at__isnull=False)
        .select_related("request").order_by("created_at", "pk")
    )
    for entry in waiting[:max(free, 0)]:
        _offer(entry, shift)
        offered += 1
    return offered


def _offer(entry, shift):
    expires = min(timezone.now() + timedelta(hours=settings.WAITLIST_OFFER_HOURS),
                  shift.starts_at)
    entry.state, entry.offer_expires_at = State.OFFERED, expires
    entry.save(update_fields=["state", "offer_expires_at"])
    token = links.issue(entry.request, ActionToken.Purpose.TAKE_PLACE, expires,
                        shift=shift, entry=entry)
    notification = Notification.objects.create(
        request=entry.request, purpose=Notification.Purpose.PLACE_OFFERED,
        details={"shift": shift.pk, "entry": entry.pk, "token": token.pk,
                 "starts_at": shift.starts_at.isoformat(), "ends_at": shift.ends_at.isoformat(),
                 "place": shift.place or shift.opportunity.place},
    )
    schedule(notification)
    if expire_offer.get_backend().supports_defer:
        enqueue_with_transaction(expire_offer.using(run_after=expires), entry.pk)


class OfferGone(Exception):
    """The offer was taken, has expired, or the place went meanwhile."""


@transaction.atomic
def take(token):
    """Book the offered place for the token's request; raise OfferGone if it cannot be."""
    entry = token.entry
    Shift.objects.select_for_update().get(pk=entry.shift_id)  # the lock sign-ups take
    entry.refresh_from_db()
    if entry.state != State.OFFERED or not links.use(token):
        raise OfferGone
    entry.state = State.TAKEN
    entry.save(update_fields=["state"])
    held_for_others = held_places(entry.shift)
    try:
        booking = entry.shift.book(entry.request.reference, held=held_for_others)
    except ShiftFull:
        raise OfferGone from None
    plan_reminders(entry.request, [booking])
    return booking


@task(priority=PERSON_FACING)
def expire_offer(entry_id):
    """An offer nobody took in time: the next on the list gets the place."""
    with transaction.atomic():
        entry = WaitingListEntry.objects.select_for_update().filter(
            pk=entry_id, state=State.OFFERED, offer_expires_at__lte=timezone.now()
        ).first()
        if entry is None:
            return "gone"
        entry.state = State.EXPIRED
        entry.save(update_fields=["state"])
        shift_id = entry.shift_id
    offer_free_places(shift_id)
    return "expired"


@receiver(place_freed)
def offer_freed_place(sender, shift, **kwargs):
    offer_free_places(shift.pk)


@receiver(status_changed)
def leave_when_finished(sender, match_request, status, **kwargs):
    """A withdrawn or closed request leaves its waiting lists; a place it was offered goes on."""
    if status in FINISHED:
        leave(match_request)


@receiver(erasing)
def leave_when_erased(sender, match_request, **kwargs):
    leave(match_request)


def leave(match_request):
    entries = list(match_request.waiting.filter(state__in=[State.WAITING, State.OFFERED]))
    match_request.waiting.filter(pk__in=[entry.pk for entry in entries]).update(state=State.LEFT)
    for entry in entries:
        if entry.state == State.OFFERED:
            offer_free_places(entry.shift_id)
