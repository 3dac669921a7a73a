"""Digests: once per subscriber and period, of what was published since the last one.

A period is a Copenhagen day for a daily alert and an ISO week for a weekly one.
``send_opportunity_alerts`` (cron) finds the confirmed subscriptions without a
delivery for their current period and queues them in batches
(``tasks.send_alert_batch``). Each digest is claimed first: a ``Delivery`` row,
unique per subscription and period, written in its own transaction before the
mail is sent, so a second run, a second worker or a task taken up again after a
worker died finds the claim and sends nothing. A claim left by a dead worker
(older than a dead worker's task takes to be taken up, ``abandoned_after``) may be
taken over once.

Nothing new: no mail, the period is marked ``empty``. A temporary mail failure
marks it ``failed`` and does not move the window on, so the next period's digest
lists those opportunities too; a permanent refusal of the address deletes the
subscription.
"""

import logging
import smtplib

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.worker.recovery import abandoned_after

from . import mails
from .models import Delivery, Frequency, Subscription
from .saved_filters import new_matches

logger = logging.getLogger(__name__)
BATCH_SIZE = 200


def period_of(frequency, moment):
    day = timezone.localdate(moment)
    if frequency == Frequency.DAILY:
        return day.isoformat()
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def due_subscriptions(now):
    """Ids of confirmed subscriptions that have no delivery for their current period."""
    due = []
    for frequency in Frequency.values:
        due += list(
            Subscription.objects.filter(confirmed_at__isnull=False, frequency=frequency)
            .exclude(deliveries__period=period_of(frequency, now))
            .order_by("pk").values_list("pk", flat=True)
        )
    return sorted(due)


def batches(ids):
    return [ids[start:start + BATCH_SIZE] for start in range(0, len(ids), BATCH_SIZE)]


def claim(subscription, period, now):
    """The delivery this run may send, or ``None`` when another run has it."""
    try:
        with transaction.atomic():
            return Delivery.objects.create(subscription=subscription, period=period,
                                           claimed_at=now)
    except IntegrityError:
        pass
    # Only one run can move an abandoned claim's time on.
    taken = Delivery.objects.filter(
        subscription=subscription, period=period, state=Delivery.State.CLAIMED,
        claimed_at__lt=now - abandoned_after(),
    ).update(claimed_at=now)
    return Delivery.objects.get(subscription=subscription, period=period) if taken else None


def deliver(subscription_id, period_at=None):
    """Send one subscriber's digest for the period of ``period_at`` (default now); the
    digest lists what was published up to now. Returns what happened."""
    now = timezone.now()
    subscription = Subscription.objects.filter(pk=subscription_id,
                                               confirmed_at__isnull=False).first()
    if subscription is None:
        return "gone"  # unsubscribed or erased since it was queued
    delivery = claim(subscription, period_of(subscription.frequency, period_at or now), now)
    if delivery is None:
        return "claimed"
    since = subscription.digest_until or subscription.confirmed_at
    matches = new_matches(subscription.query, since, now)
    if not matches.exists():
        return _finish(subscription, delivery, Delivery.State.EMPTY, now)
    message, count = mails.digest(subscription, delivery, matches, since)
    delivery.opportunities = count
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        return refused(subscription, error) or _failed(delivery, error)
    except (smtplib.SMTPException, OSError) as error:
        return _failed(delivery, error)
    delivery.sent_at = timezone.now()
    return _finish(subscription, delivery, Delivery.State.SENT, now)


def _finish(subscription, delivery, state, until):
    with transaction.atomic():
        delivery.state = state
        delivery.save()
        Subscription.objects.filter(pk=subscription.pk).update(digest_until=until)
    return state


def _failed(delivery, error):
    delivery.state = Delivery.State.FAILED
    delivery.save()
    # The subscription's number, never its address.
    logger.warning("Opportunity alert %s not sent: %s", delivery.subscription_id,
                   type(error).__name__)
    return Delivery.State.FAILED


def refused(subscription, error):
    """A permanent refusal (5xx) of the address deletes the subscription; returns "bounced"."""
    codes = [code for code, _message in error.recipients.values()]
    if codes and all(500 <= code < 600 for code in codes):
        Subscription.objects.filter(pk=subscription.pk).delete()
        logger.info("Opportunity alert %s deleted: the address was refused", subscription.pk)
        return "bounced"
    return None
