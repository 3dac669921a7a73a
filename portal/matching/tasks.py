"""Background work: notification e-mails and the retention job.

Mail is queued after the request is committed and never decides whether it is
saved. django-tasks has no automatic retry, so a failed send re-enqueues
itself with a growing delay, a bounded number of times; each e-mail's fate is
a ``Notification`` row that administrators can see.

Mail runs before any other work (portal.worker.priority). Delivery is at least
once: a worker that dies while sending has its task run again
(portal.worker.recovery), and an e-mail no task will send any more is "stuck"
and sent again by the worker's recovery step (portal.matching.recovery). Each
e-mail keeps one Message-ID across attempts, so a rare second copy is
recognisably the same message.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.organisations.models import OrganisationAccess
from portal.worker.outbox import enqueue_with_transaction
from portal.worker.priority import PERSON_FACING
from portal.worker.recovery import abandoned_after

from .availability import ShiftBooking
from .mails import RECEIPT_SALT, compose, message_id, receipt_path, receipt_token
from .models import FINISHED, MatchRequest, Notification, Status
from .privacy import erase_expired
from .tracking import ActionToken

__all__ = ["RECEIPT_SALT", "message_id", "receipt_path", "receipt_token", "schedule"]

logger = logging.getLogger(__name__)
# The e-mails a new request sends at once; the others are planned on their own.
INTAKE_PURPOSES = (Notification.Purpose.RECEIPT, Notification.Purpose.COORDINATOR)


def coordinators_to_notify(organisation):
    """Active coordinators of the organisation who want a mail per event: not turned off,
    not gathered in the daily digest."""
    return (
        get_user_model().objects.filter(
            is_active=True, groups__in=Group.objects.filter(
                pk__in=OrganisationAccess.objects.filter(organisation=organisation)
                .values("coordinators")
            ),
        )
        .exclude(match_notifications__email_on_new_request=False)
        .exclude(match_notifications__daily_digest=True)
        .exclude(email="")
        .distinct()
    )


def queue_notifications(match_request):
    """Enqueue the delivery of the request's e-mails, bound to the request's transaction.

    With the database backend the task row is written in the same transaction
    as the request, like an outbox: both are stored or neither, and a crash
    just after the commit cannot lose the mail. A backend that runs or ships
    tasks elsewhere is handed the task only after the commit.
    """
    enqueue_with_transaction(deliver_notifications, match_request.pk)


def stuck_notifications():
    """Pending e-mails that no task will send: no task waits or runs for them,
    and they are older than a dead worker's task takes to be taken up again."""
    live = list(DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        task_path__in=[send_notification.module_path, deliver_notifications.module_path],
    ).values_list("task_path", "args_kwargs"))
    sending = {args["args"][0] for path, args in live if path == send_notification.module_path}
    delivering = {args["args"][0] for path, args in live if path != send_notification.module_path}
    return (
        Notification.objects.filter(state=Notification.State.PENDING,
                                    created_at__lt=timezone.now() - abandoned_after())
        .exclude(pk__in=sending).exclude(request_id__in=delivering)
        .exclude(due_at__gt=timezone.now())  # waiting for its time, not stuck
    )


def send_again(notifications):
    """Give the failed or stuck ones of ``notifications`` a new round of attempts.

    For an administrator who has mended what made them fail (the mail server,
    a coordinator's address); e-mails that were sent or are still being tried
    are left alone. Returns how many were queued.
    """
    chosen = [notification.pk for notification in notifications]
    stuck = list(stuck_notifications().filter(pk__in=chosen).values_list("pk", flat=True))
    with transaction.atomic():
        again = list(
            Notification.objects.select_for_update()
            .filter(pk__in=chosen)
            .filter(Q(state=Notification.State.FAILED) | Q(pk__in=stuck))
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=again).update(
            state=Notification.State.PENDING, attempts=0, last_error=""
        )
        for notification_id in again:
            enqueue_with_transaction(send_notification, notification_id)
    return len(again)


def requeue_stuck_notifications():
    """Queue a send for every stuck e-mail, such as one whose task failed on a
    database error; returns how many."""
    with transaction.atomic():
        stuck = list(stuck_notifications().select_for_update().values_list("pk", flat=True))
        for notification_id in stuck:
            enqueue_with_transaction(send_notification, notification_id)
    if stuck:
        logger.warning("Queued %d stuck notification(s) again", len(stuck))
    return len(stuck)


def schedule(notification):
    """Send the e-mail at its ``due_at`` (at once if none), if the transaction commits.

    The database backend keeps the task until its time, across worker
    restarts. A backend that runs tasks at once (the demo, most tests) cannot
    wait, so a mail due later is not sent there; the tests of timed mail use
    a backend that can.
    """
    if notification.due_at is None or notification.due_at <= timezone.now():
        enqueue_with_transaction(send_notification, notification.pk)
    elif send_notification.get_backend().supports_defer:
        enqueue_with_transaction(send_notification.using(run_after=notification.due_at),
                                  notification.pk)


@task(priority=PERSON_FACING)
def deliver_notifications(request_id):
    """Decide who hears about a new request, and try each e-mail once.

    This runs in the worker, not in the intake request, which keeps the intake
    light. Running it twice sends nothing twice; failures retry one by one.
    """
    match_request = (
        MatchRequest.objects.select_related("organisation")
        .filter(pk=request_id, erased_at__isnull=True).first()
    )
    if match_request is None:
        return []
    intake = match_request.notifications.filter(purpose__in=INTAKE_PURPOSES)
    if not intake.exists():
        notifications = [
            Notification(request=match_request, purpose=Notification.Purpose.COORDINATOR,
                         recipient=user)
            for user in coordinators_to_notify(match_request.organisation)
        ]
        if match_request.email:
            notifications.insert(
                0, Notification(request=match_request, purpose=Notification.Purpose.RECEIPT)
            )
        Notification.objects.bulk_create(notifications)
    pending = intake.filter(state=Notification.State.PENDING, attempts=0).values_list(
        "pk", flat=True)
    return [send_notification.call(pk) for pk in pending]


def _describe(error):
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__}{f' {code}' if code else ''}"[:200]


@task(priority=PERSON_FACING)
def send_notification(notification_id):
    notification = (
        Notification.objects.select_related("request__organisation", "recipient")
        .filter(pk=notification_id, state=Notification.State.PENDING)
        .first()
    )
    if notification is None or notification.request.erased_at:
        return "skipped"
    if notification.due_at and notification.due_at > timezone.now():
        return "not yet"  # its time was moved on; the move queued a task for the new time
    if not still_wanted(notification):
        notification.state = Notification.State.CANCELLED
        notification.save()
        return "cancelled"
    notification.attempts += 1
    try:
        compose(notification).send()
    except (smtplib.SMTPException, OSError) as error:
        notification.last_error = _describe(error)
        if notification.attempts >= settings.INTAKE_MAIL_ATTEMPTS:
            notification.state = Notification.State.FAILED
            notification.save()
            logger.error("Notification %s failed for good: %s", notification.pk,
                         notification.last_error)
            return "failed"
        notification.save()
        _retry(notification)
        return "retrying"
    notification.state = Notification.State.SENT
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save()
    return "sent"


def still_wanted(notification):
    """Whether a mail to the sender still makes sense when its time comes."""
    Purpose = Notification.Purpose
    match_request, details = notification.request, notification.details
    if notification.purpose in (Purpose.RECEIPT, Purpose.COORDINATOR):
        return True
    if match_request.status in FINISHED:
        return False  # withdrawn or closed: no reminders, offers or questions any more
    if notification.purpose in (Purpose.REMINDER, Purpose.SHIFT_CHANGED):
        return ShiftBooking.objects.filter(
            pk=details.get("booking"), released_at__isnull=True,
            shift__starts_at__gt=timezone.now(),
        ).exists()
    if notification.purpose == Purpose.FOLLOWUP and match_request.status == Status.NEW:
        # Planned after a shift, before anyone made contact: asked only if the
        # volunteer still held a place.
        return ShiftBooking.objects.filter(
            reference=match_request.reference, released_at__isnull=True
        ).exists()
    if notification.purpose == Purpose.PLACE_OFFERED:
        return ActionToken.objects.filter(
            pk=details.get("token"), used_at__isnull=True, expires_at__gt=timezone.now()
        ).exists()
    return True


def _retry(notification):
    backend = send_notification.get_backend()
    if backend.supports_defer:
        delay = timedelta(minutes=2 ** notification.attempts)
        send_notification.using(run_after=timezone.now() + delay).enqueue(notification.pk)
    else:
        # A backend that runs tasks at once (the demo, the tests) cannot wait; the
        # attempts are still bounded by INTAKE_MAIL_ATTEMPTS.
        send_notification.enqueue(notification.pk)


@task()
def erase_expired_requests():
    report = erase_expired()
    return {"erased": len(report.erased), "flagged": len(report.flagged)}



def notify_coordinators(match_request, event):
    """A link-only e-mail about ``event`` ("cancelled", "followup_no") to each coordinator who
    wants one per event; the others see it in their daily digest."""
    for user in coordinators_to_notify(match_request.organisation):
        schedule(Notification.objects.create(
            request=match_request, purpose=Notification.Purpose.COORDINATOR, recipient=user,
            details={"event": event},
        ))
