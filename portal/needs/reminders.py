"""The e-mail that tells an organisation's editors a need runs out soon.

``queue_reminders`` runs daily (``manage.py remind_expiring_needs`` from cron,
or the task ``portal.needs.tasks.remind_expiring_needs``): it writes one
``NeedReminder`` per need and end date, with its send task in the same
transaction, so a reminder is planned once and never lost. The worker sends
it (``portal.needs.tasks.send_need_reminder``).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import NeedPage, NeedReminder


def due_needs():
    """Current needs that end within NEED_REMINDER_DAYS and have no reminder for their end date."""
    last_day = timezone.localdate() + datetime.timedelta(days=settings.NEED_REMINDER_DAYS)
    reminded = NeedReminder.objects.filter(need=OuterRef("pk"), end_date=OuterRef("end_date"))
    return NeedPage.objects.current().filter(end_date__lte=last_day).exclude(Exists(reminded))


def queue_reminders(enqueue):
    """Plan a reminder for each due need; ``enqueue(reminder_id)`` queues its sending.

    Returns how many were planned. Two runs at once plan each reminder once:
    the row is unique per need and end date.
    """
    planned = 0
    for need_id, end_date in due_needs().values_list("pk", "end_date"):
        with transaction.atomic():
            reminder, created = NeedReminder.objects.get_or_create(
                need_id=need_id, end_date=end_date
            )
            if created:
                enqueue(reminder.pk)
                planned += 1
    return planned


def editors_of(organisation):
    """Active editors of the organisation with an address: those who can renew the need."""
    access = getattr(organisation, "access", None)
    if access is None:
        return get_user_model().objects.none()
    return (
        get_user_model().objects.filter(is_active=True, groups=access.editors_id)
        .exclude(email="").order_by("pk")
    )


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def compose(reminder, recipients):
    """One Danish e-mail per editor (editors need not see each other's addresses)."""
    need = reminder.need
    context = {
        "need": need,
        "organisation": need.organisation.title if need.organisation else "",
        "edit_url": base_url() + reverse("wagtailadmin_pages:edit", args=[need.pk]),
        "page_url": _public_url(need),
        "days": settings.NEED_REMINDER_DAYS,
    }
    # The worker has no visitor's language: staff get Danish whatever (docs/design.md).
    with translation.override("da"):
        subject, _, body = render_to_string("needs/mail/reminder.txt", context).strip().partition(
            "\n"
        )
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    return [
        EmailMessage(
            subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [user.email],
            headers={"Message-ID": f"<need-reminder-{reminder.pk}.{user.pk}@{domain}>"},
        )
        for user in recipients
    ]


def _public_url(need):
    # Built on WAGTAILADMIN_BASE_URL like the edit link: the Wagtail site's own host
    # name is not necessarily the address readers use.
    parts = need.get_url_parts()
    return base_url() + parts[2] if parts else ""


def still_wanted(reminder):
    """A need renewed, unpublished or deleted since the reminder was planned needs none."""
    need = reminder.need
    return need.live and need.end_date == reminder.end_date and not need.is_expired
