"""The coordinators' daily digest: counts and a link, never what anyone wrote.

A coordinator who prefers it gets one e-mail a day instead of one per event:
how many requests came in since the last digest, how many are overdue
(``PortalSettings.overdue_after_days``, via ``MatchRequest.objects.overdue``),
how many a sender's "nej" reopened and how many shifts volunteers gave back.
The digest is a task that queues its next run for the next morning
(``DIGEST_HOUR``, Copenhagen time); the worker's recovery step starts the
chain when no run is queued, so it survives restarts without cron. Each
coordinator's day is claimed before sending, so a second run the same day
sends nothing (at most once a day).
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from portal.core.models import PortalSettings
from portal.worker.priority import PERSON_FACING

from .languages import STAFF_LANGUAGE, in_language
from .models import FINISHED, MatchRequest, NotificationPreference, organisations_coordinated_by

DIGEST_HOUR = 7


def next_run(now=None):
    local = timezone.localtime(now or timezone.now())
    run = timezone.make_aware(datetime.combine(local.date(), time(DIGEST_HOUR)))
    return run if run > local else timezone.make_aware(
        datetime.combine(local.date() + timedelta(days=1), time(DIGEST_HOUR)))


def counts_for(user, since):
    requests = MatchRequest.objects.filter(
        organisation__in=organisations_coordinated_by(user), erased_at__isnull=True
    ).exclude(status__in=FINISHED)
    logged = ModelLogEntry.objects.filter(
        timestamp__gte=since, content_type=ContentType.objects.get_for_model(MatchRequest))
    # A referral another organisation passed on is new here, however old it is.
    passed_on = [int(pk) for pk in logged.filter(action="matching.passed_on")
                 .values_list("object_id", flat=True)]
    new = requests.filter(Q(created_at__gte=since) | Q(pk__in=passed_on))
    return {
        "new": new.count(),
        "new_in_other_languages": _by_language(new.exclude(preferred_language=STAFF_LANGUAGE)),
        "overdue": requests.overdue().count(),
        "attention": requests.filter(needs_attention_since__isnull=False).count(),
        # Shifts given back through the reminder's link, as the audit log has them.
        "cancelled": logged.filter(
            action="matching.cancel_shift",
            object_id__in=[str(pk) for pk in requests.values_list("pk", flat=True)],
        ).count(),
    }


def _by_language(requests):
    """[("Engelsk", 2)]: how many of ``requests`` prefer each language, by its name (lazy:
    it is read in the staff language the mail is written in)."""
    names = dict(settings.LANGUAGES)
    counted = requests.values("preferred_language").annotate(count=Count("pk"))
    return [(names.get(row["preferred_language"], row["preferred_language"]), row["count"])
            for row in counted.order_by("preferred_language")]


def digest_recipients():
    return get_user_model().objects.filter(
        is_active=True, match_notifications__daily_digest=True,
        match_notifications__email_on_new_request=True,
    ).exclude(email="")


def send_digests(today=None):
    """One e-mail per digest coordinator with something to report; returns how many went."""
    today = today or timezone.localdate()
    sent = 0
    since = timezone.now() - timedelta(days=1)
    listing = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_matching_matchrequest:list")
    for user in digest_recipients():
        counts = counts_for(user, since)
        if not any(counts.values()):
            continue
        claimed = NotificationPreference.objects.filter(user=user).filter(
            Q(last_digest_on__isnull=True) | Q(last_digest_on__lt=today)
        ).update(last_digest_on=today)
        if not claimed:
            continue
        with in_language(STAFF_LANGUAGE):
            subject, _, body = render_to_string("matching/mail/digest.txt", {
                **counts, "listing_url": listing, "overdue_days": _overdue_days(),
            }).strip().partition("\n")
        EmailMessage(subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL,
                     [user.email], headers={"Content-Language": STAFF_LANGUAGE}).send()
        sent += 1
    return sent


def _overdue_days():
    return PortalSettings.load().overdue_after_days


@task(priority=PERSON_FACING)
def daily_digest():
    sent = send_digests()
    if daily_digest.get_backend().supports_defer:
        daily_digest.using(run_after=next_run()).enqueue()
    return sent


def ensure_digest_queued():
    """Queue the next digest unless one waits or runs already, or nobody wants one (the
    recovery step asks again every few minutes, so a new choice is taken up soon)."""
    if not daily_digest.get_backend().supports_defer or not digest_recipients().exists():
        return False
    if DBTaskResult.objects.filter(
        task_path=daily_digest.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).exists():
        return False
    daily_digest.using(run_after=next_run()).enqueue()
    return True
