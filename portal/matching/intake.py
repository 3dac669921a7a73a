"""Storing a valid submission: one transaction, once, and mail after commit."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .availability import book_shifts
from .followup import plan_followup
from .models import CONSENT_VERSION, MatchRequest, erase_after_from, new_reference
from .reminders import plan_reminders
from .tasks import queue_notifications
from .waitlist import join


class Duplicate(Exception):
    """The token was already used by a submission from someone else."""


def existing_for(token, fingerprint):
    """The request already stored under this token, if it is the same submission."""
    found = MatchRequest.objects.filter(idempotency_token=token).first()
    if found is None:
        return None
    if _fingerprint(found) != fingerprint:
        raise Duplicate
    return found


def _fingerprint(match_request):
    return (match_request.kind, match_request.organisation_id, match_request.email.casefold())


def store(fields, shifts=(), waitlist=()):
    """Save one request (its shift places, its places on waiting lists, its reminders)
    and queue its mail after commit.

    Returns ``(request, created)``. Raises ``ShiftFull`` if a shift filled up
    meanwhile (nothing is stored then) and ``Duplicate`` for a token reused by
    a different submission.
    """
    now = timezone.now()
    candidate = MatchRequest(
        **fields, consent_version=CONSENT_VERSION, consent_given_at=now,
        created_at=now, erase_after=erase_after_from(now),
    )
    fingerprint = _fingerprint(candidate)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                candidate.save()
                bookings = book_shifts(shifts, candidate.reference)
                plan_reminders(candidate, bookings)
                if bookings:
                    # "Blev det et match?" after the shift, contacted or not.
                    plan_followup(candidate)
                join(candidate, waitlist)
                queue_notifications(candidate)
            return candidate, True
        except IntegrityError:
            # The unique token says this submission is already stored (a double
            # click, a reload, or an identical post that won the race) ...
            found = existing_for(candidate.idempotency_token, fingerprint)
            if found:
                return found, False
            # ... or, against all odds, the random reference was taken: draw anew.
            candidate.pk = None
            candidate.reference = new_reference()
    raise IntegrityError("could not store the match request")
