"""The task worker dies mid-task, or mail is queued behind bulk work: no mail is lost or late.

A real ``db_worker`` process is killed with SIGKILL while a real SMTP server
holds its connection; a second worker takes the abandoned task up once it is
older than twice TASK_TIME_LIMIT_SECONDS and delivers every e-mail once.
"""

import asyncio
import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.matching.models import Notification
from portal.matching.tasks import deliver_notifications, message_id
from portal.opportunities.tasks import announce_listing_change, build_facet_index
from tests.worker import run_worker_batch

from .conftest import coordinator_of, offer_data

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TIME_LIMIT_SECONDS = 2


class StallingSink:
    """Holds the first message's connection until released, then refuses it."""

    def __init__(self):
        self.stalled, self.delivered = [], []
        self.stalling, self.release = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):
        sent_id = email.message_from_bytes(envelope.content)["Message-ID"]
        if not self.stalled:
            self.stalled.append(sent_id)
            self.stalling.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Try again later"
        self.delivered.append((envelope.rcpt_tos, sent_id))
        return "250 OK"


@pytest.fixture
def stalling_smtp():
    sink = StallingSink()
    with socket.socket() as probe:  # a free loopback port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    yield sink, port
    sink.release.set()
    controller.stop()


def start_worker(smtp_port):
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": f"postgres://{database['USER']}:{database['PASSWORD']}@"
                        f"{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port), "EMAIL_USE_TLS": "false",
        "TASK_TIME_LIMIT_SECONDS": str(TIME_LIMIT_SECONDS),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval=0.1", "--no-startup-delay",
         "--no-reload"],
        cwd=django_settings.BASE_DIR, env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="a worker process needs a database it can share; run on PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_of_a_worker_killed_mid_send_is_delivered_once_by_the_next_worker(
    client, opportunity, organisation, settings, stalling_smtp
):
    sink, port = stalling_smtp
    settings.TASKS = DATABASE_TASKS
    coordinator_of(organisation, "kim", email="kim@example.org")
    assert client.post(reverse("matching:offer", args=[opportunity.pk]),
                       offer_data()).status_code == 302

    first = start_worker(port)
    try:
        assert sink.stalling.wait(60)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    sink.release.set()
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING  # abandoned

    second = start_worker(port)
    try:
        wait_for(lambda: not Notification.objects.exclude(state="sent").exists())
    finally:
        second.terminate()
        second.wait()

    receipt = Notification.objects.get(purpose=Notification.Purpose.RECEIPT)
    notice = Notification.objects.get(purpose=Notification.Purpose.COORDINATOR)
    assert sorted(sink.delivered) == [(["aase@example.org"], message_id(receipt)),
                                      (["kim@example.org"], message_id(notice))]
    assert sink.stalled == [message_id(receipt)]  # the same message, recognisably
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_a_receipt_queued_after_200_listing_changes_is_sent_first(
    client, opportunity, settings
):
    settings.TASKS = DATABASE_TASKS
    for _ in range(200):
        announce_listing_change()
    rebuilds = DBTaskResult.objects.filter(task_path=build_facet_index.module_path)
    assert rebuilds.count() == 1  # the changes share one build

    client.post(reverse("matching:offer", args=[opportunity.pk]), offer_data())
    run_worker_batch()

    finished = DBTaskResult.objects.order_by("finished_at").values_list("task_path", "status")
    assert list(finished) == [(deliver_notifications.module_path, TaskResultStatus.SUCCESSFUL),
                              (build_facet_index.module_path, TaskResultStatus.SUCCESSFUL)]
    assert [message.to for message in mail.outbox] == [["aase@example.org"]]


@task()
def sleep_past_the_time_limit():
    time.sleep(30)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_a_task_running_past_the_time_limit_is_stopped_and_marked_failed(settings):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_TIME_LIMIT_SECONDS = 1
    queued = sleep_past_the_time_limit.enqueue()

    run_worker_batch()

    stopped = DBTaskResult.objects.get(pk=queued.id)
    assert stopped.status == TaskResultStatus.FAILED
    assert stopped.exception_class_path.endswith(".TaskOverran")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
@pytest.mark.parametrize(("seconds_ago", "runs_again"), [(121, True), (90, False)])
def test_a_task_left_running_by_a_dead_worker_runs_again_after_twice_the_limit(
    client, opportunity, settings, seconds_ago, runs_again
):
    settings.TASKS = DATABASE_TASKS
    settings.TASK_TIME_LIMIT_SECONDS = 60
    client.post(reverse("matching:offer", args=[opportunity.pk]), offer_data())
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, worker_ids=["dead"],
                                started_at=timezone.now() - timedelta(seconds=seconds_ago))

    run_worker_batch()

    task_result = DBTaskResult.objects.get()
    if runs_again:
        assert (task_result.status, len(task_result.worker_ids)) == (TaskResultStatus.SUCCESSFUL, 2)
        assert [message.to for message in mail.outbox] == [["aase@example.org"]]
    else:  # it may still be running on a live worker: not run twice
        assert task_result.status == TaskResultStatus.RUNNING
        assert mail.outbox == []
