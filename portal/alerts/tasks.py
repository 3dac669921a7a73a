"""Background work of the alerts: the confirmation mail and the digest batches.

Both run in the task worker (``make worker``); a worker that dies mid-batch has
its task taken up again (``portal.worker.recovery``), and the claimed deliveries
make the second run send nothing twice (``digests``).
"""

import logging
import smtplib

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task

from portal.worker.priority import PERSON_FACING

from . import digests, mails
from .models import Subscription

logger = logging.getLogger(__name__)


@task(priority=PERSON_FACING)
def send_confirmation(subscription_id):
    subscription = Subscription.objects.filter(pk=subscription_id,
                                               confirmed_at__isnull=True).first()
    if subscription is None:
        return "skipped"
    try:
        mails.confirmation(subscription).send()
    except smtplib.SMTPRecipientsRefused as error:
        return digests.refused(subscription, error) or _not_sent(subscription, error)
    except (smtplib.SMTPException, OSError) as error:
        # Not retried: the visitor who waits for it can send the form again.
        return _not_sent(subscription, error)
    return "sent"


def _not_sent(subscription, error):
    # The error's text may hold the address: only its type is logged.
    logger.warning("Confirmation of opportunity alert %s not sent: %s", subscription.pk,
                   type(error).__name__)
    return "failed"


@task()
def send_alert_batch(subscription_ids, at):
    """One digest each for ``subscription_ids``, for the periods of the moment ``at``
    (when the batch was queued, so a batch run after midnight still counts as its day)."""
    moment = parse_datetime(at)
    results = {}
    for subscription_id in subscription_ids:
        outcome = digests.deliver(subscription_id, period_at=moment)
        results[outcome] = results.get(outcome, 0) + 1
    return results


def queue_digests(now=None):
    """Queue the due digests in batches; returns how many subscriptions were queued."""
    now = now or timezone.now()
    due = digests.due_subscriptions(now)
    for batch in digests.batches(due):
        send_alert_batch.enqueue(batch, now.isoformat())
    if due:
        logger.info("Queued %d opportunity alert(s) in %d batch(es)", len(due),
                    len(digests.batches(due)))
    return len(due)


@task()
def queue_opportunity_alerts():
    """The command ``send_opportunity_alerts`` as a task, for a scheduler that enqueues."""
    return queue_digests()
