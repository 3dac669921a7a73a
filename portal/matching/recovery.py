"""The worker's recovery step, for e-mails: a stuck one is queued again, and the daily
digest is queued when no run of it waits (its chain starts here, and restarts after a
lost task)."""

from django.dispatch import receiver

from portal.worker.recovery import recovery_due

from .digest import ensure_digest_queued
from .tasks import requeue_stuck_notifications


@receiver(recovery_due)
def send_stuck_notifications(sender, **kwargs):
    requeue_stuck_notifications()


@receiver(recovery_due)
def queue_daily_digest(sender, **kwargs):
    ensure_digest_queued()
