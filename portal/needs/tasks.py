"""The worker's part of the need reminders: plan them daily, send each once."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from portal.worker.outbox import enqueue_with_transaction
from portal.worker.priority import PERSON_FACING

from .models import NeedReminder
from .reminders import compose, editors_of, queue_reminders, still_wanted

logger = logging.getLogger(__name__)


def plan_reminders():
    return queue_reminders(lambda reminder_id: enqueue_with_transaction(
        send_need_reminder, reminder_id))


@task()
def remind_expiring_needs():
    """The daily job, for a scheduler that enqueues tasks instead of running commands."""
    return {"planned": plan_reminders()}


@task(priority=PERSON_FACING)
def send_need_reminder(reminder_id):
    with transaction.atomic():
        reminder = (
            NeedReminder.objects.select_for_update(of=("self",)).select_related("need__organisation")
            .filter(pk=reminder_id, sent_at__isnull=True).first()
        )
        if reminder is None:
            return "skipped"  # sent already (a task run twice) or the need was deleted
        if not still_wanted(reminder):
            return "not wanted"
        reminder.attempts += 1
        try:
            get_connection().send_messages(
                compose(reminder, editors_of(reminder.need.organisation))
            )
        except (smtplib.SMTPException, OSError) as error:
            reminder.save(update_fields=["attempts"])
            if reminder.attempts >= settings.INTAKE_MAIL_ATTEMPTS:
                logger.error("Need reminder %s failed for good: %s", reminder.pk,
                             type(error).__name__)
                return "failed"
            enqueue_with_transaction(
                send_need_reminder, reminder.pk,
                run_after=timezone.now() + timedelta(minutes=2 ** reminder.attempts),
            )
            return "retrying"
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["attempts", "sent_at"])
        return "sent"
