"""Mail through a real local SMTP server: one that accepts and one that refuses.

Sending never decides whether a request is saved: a refusing server leaves the
request stored, the receipt shown, the e-mail retried a bounded number of
times and its failure visible to administrators.
"""

import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.matching.models import MatchRequest, Notification
from portal.matching.tasks import (
    deliver_notifications,
    message_id,
    send_notification,
    stuck_notifications,
)
from tests.logins import sign_in_verified
from tests.worker import run_worker_batch

from .conftest import coordinator_of, offer_data

pytestmark = pytest.mark.django_db


class Sink:
    def __init__(self, refuse=False):
        self.refuse = refuse
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "554 5.7.1 Message refused"
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    controllers = []

    def start(refuse=False):
        handler = Sink(refuse=refuse)
        with socket.socket() as probe:  # a free loopback port
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 5
        return handler

    yield start
    for controller in controllers:
        controller.stop()


def submit(client, opportunity, capture, **overrides):
    with capture(execute=True):
        return client.post(reverse("matching:offer", args=[opportunity.pk]),
                           offer_data(**overrides))


def test_mail_is_delivered_through_smtp(client, opportunity, organisation, smtp,
                                        django_capture_on_commit_callbacks):
    sink = smtp()
    coordinator_of(organisation, "kim", email="kim@example.org")
    response = submit(client, opportunity, django_capture_on_commit_callbacks,
                      message="Hemmelig besked")
    assert response.status_code == 302
    recipients = sorted(rcpt for rcpts, _ in sink.messages for rcpt in rcpts)
    assert recipients == ["aase@example.org", "kim@example.org"]
    assert all("Hemmelig besked" not in content for _, content in sink.messages)
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_a_refusing_server_loses_nothing_and_the_failure_is_visible(
    client, opportunity, smtp, settings, django_capture_on_commit_callbacks, admin_client
):
    smtp(refuse=True)
    settings.INTAKE_MAIL_ATTEMPTS = 3
    response = submit(client, opportunity, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    match_request = MatchRequest.objects.get()
    assert client.get(response.headers["Location"]).status_code == 200
    notification = Notification.objects.get(request=match_request)
    assert notification.state == Notification.State.FAILED
    assert notification.attempts == 3
    assert notification.last_error == "SMTPDataError 554"
    listing = admin_client.get(reverse("wagtailsnippets_matching_notification:list"),
                               {"state": "failed"})
    assert match_request.reference in listing.content.decode()


def send_again_url(notification):
    url = reverse("wagtail_bulk_action", args=("matching", "notification", "send-again"))
    return f"{url}?id={notification.pk}"


def test_an_administrator_sends_a_failed_mail_again_once_the_server_is_mended(
    client, opportunity, organisation, smtp, settings, django_capture_on_commit_callbacks,
    admin_client
):
    sink = smtp(refuse=True)
    settings.INTAKE_MAIL_ATTEMPTS = 2
    submit(client, opportunity, django_capture_on_commit_callbacks)
    failed = Notification.objects.get()
    assert failed.state == Notification.State.FAILED
    coordinator = coordinator_of(organisation, "kim", email="kim@example.org")
    sign_in_verified(client, coordinator)
    sink.refuse = False

    # A coordinator cannot; an administrator can, from the list of e-mails.
    client.post(send_again_url(failed))
    failed.refresh_from_db()
    assert failed.state == Notification.State.FAILED
    listing = admin_client.get(reverse("wagtailsnippets_matching_notification:list"))
    assert "Send igen" in listing.content.decode()
    confirm = admin_client.get(send_again_url(failed))
    assert "Send e-mails igen" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(send_again_url(failed))

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.state == Notification.State.SENT
    assert failed.attempts == 1 and failed.last_error == ""
    assert [recipients for recipients, _ in sink.messages] == [["aase@example.org"]]
    # Sent is sent: selecting it again sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(send_again_url(failed))
    assert len(sink.messages) == 1


def test_with_the_database_backend_a_failure_is_retried_later(
    client, opportunity, smtp, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    sink = smtp(refuse=True)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    submit(client, opportunity, django_capture_on_commit_callbacks)
    queued = DBTaskResult.objects.get()  # written with the request, in its transaction
    assert queued.task_path == "portal.matching.tasks.deliver_notifications"
    assert not Notification.objects.exists()  # the worker decides who gets mail

    match_request = MatchRequest.objects.get()
    assert deliver_notifications.call(match_request.pk) == ["retrying"]  # as the worker would
    assert deliver_notifications.call(match_request.pk) == []  # a second run sends nothing
    notification = Notification.objects.get()
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.task_path == "portal.matching.tasks.send_notification"
    assert retry.run_after > timezone.now()
    notification.refresh_from_db()
    assert notification.state == Notification.State.PENDING and notification.attempts == 1

    sink.refuse = False
    assert send_notification.call(notification.pk) == "sent"
    notification.refresh_from_db()
    assert notification.state == Notification.State.SENT and notification.attempts == 2


def test_a_refused_submission_leaves_no_task_behind(client, ad_hoc, settings):
    from django_tasks_db.models import DBTaskResult

    from .conftest import make_shift

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    shift = make_shift(ad_hoc, capacity=1)
    url = reverse("matching:offer", args=[ad_hoc.pk])
    client.post(url, offer_data(shifts=[str(shift.pk)]))
    client.post(url, offer_data(shifts=[str(shift.pk)], email="bo@example.org"))  # full now
    assert MatchRequest.objects.count() == 1
    assert DBTaskResult.objects.filter(
        task_path="portal.matching.tasks.deliver_notifications").count() == 1


@pytest.fixture
def stuck(client, opportunity, django_capture_on_commit_callbacks):
    """A receipt still pending an hour later with no task left to send it (say its
    task failed on a database error)."""
    submit(client, opportunity, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    notification = Notification.objects.get()
    Notification.objects.filter(pk=notification.pk).update(
        state=Notification.State.PENDING, attempts=1,
        created_at=timezone.now() - timedelta(hours=1))
    return notification


def test_an_administrator_sees_a_stuck_mail_and_sends_it_again(
    stuck, admin_client, django_capture_on_commit_callbacks
):
    listing = reverse("wagtailsnippets_matching_notification:list")
    assert stuck.request.reference in admin_client.get(listing, {"stuck": "true"}).content.decode()
    assert stuck.request.reference not in admin_client.get(
        listing, {"stuck": "false"}).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(send_again_url(stuck))

    stuck.refresh_from_db()
    assert stuck.state == Notification.State.SENT and stuck.attempts == 1
    assert [message.to for message in mail.outbox] == [["aase@example.org"]]
    assert mail.outbox[0].extra_headers["Message-ID"] == message_id(stuck)


def test_a_pending_mail_with_a_retry_queued_is_not_stuck(stuck, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_notification.using(run_after=timezone.now() + timedelta(minutes=8)).enqueue(stuck.pk)
    assert not stuck_notifications().exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_the_worker_sends_a_stuck_mail_without_anyone_asking(stuck, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run_worker_batch()

    stuck.refresh_from_db()
    assert stuck.state == Notification.State.SENT
    assert [message.to for message in mail.outbox] == [["aase@example.org"]]
