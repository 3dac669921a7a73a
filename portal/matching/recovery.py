"""The worker's recovery step, for e-mails: a stuck one is queued again."""

from django.dispatch import receiver

from portal.worker.recovery import recovery_due

from .tasks import requeue_stuck_notifications


@receiver(recovery_due)
def send_stuck_notifications(sender, **kwargs):
    requeue_stuck_notifications()
