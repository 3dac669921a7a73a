"""Digests through the real task worker: in batches, once per period, across a restart,
and the address refused by the mail server."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.alerts import digests
from portal.alerts.models import Delivery, Subscription
from portal.alerts.tasks import (
    queue_digests,
    queue_opportunity_alerts,
    send_alert_batch,
    send_confirmation,
)
from portal.worker.recovery import abandoned_after, recover
from tests.worker import run_worker_batch

from .conftest import publish, subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def batch_rows():
    """The alerts' own tasks (publishing an opportunity queues others)."""
    return DBTaskResult.objects.filter(task_path=send_alert_batch.module_path)


def logged(caplog):
    """What the project logged; the test's SMTP sink logs the conversation itself."""
    return "\n".join(record.getMessage() for record in caplog.records
                     if not record.name.startswith("mail"))


@pytest.fixture
def news(listing, organisation, time_machine):
    """Two confirmed daily alerts yesterday, and an opportunity in Aalborg since."""
    time_machine.move_to(timezone.now() - timedelta(days=1))
    alerts = [subscription(email="aase@example.org"), subscription(email="bo@example.org")]
    time_machine.move_to(timezone.now() + timedelta(hours=1))
    publish(organisation, "Lektiehjælp i Aalborg")
    time_machine.move_to(timezone.now() + timedelta(days=1))
    return alerts


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_the_command_queues_batches_that_the_worker_sends_once(db_tasks, news, monkeypatch):
    monkeypatch.setattr(digests, "BATCH_SIZE", 1)
    call_command("send_opportunity_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert batch_rows().count() == 2
    run_worker_batch()
    assert sorted(message.to[0] for message in mail.outbox) == ["aase@example.org",
                                                               "bo@example.org"]
    assert queue_digests() == 0  # a second cron run the same day: nothing due
    run_worker_batch()
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_a_batch_run_twice_sends_each_digest_once(db_tasks, news):
    queue_digests()
    row = batch_rows().get()
    args = row.args_kwargs["args"]
    run_worker_batch()
    assert send_alert_batch.call(*args) == {"claimed": 2}
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker commits
def test_a_batch_of_a_worker_that_died_is_taken_up_and_sends_each_digest_once(db_tasks, news):
    queue_digests()
    row = batch_rows().get()
    [first, _second] = row.args_kwargs["args"][0]
    # The worker claimed the task and the first digest, then died before sending it.
    row.claim("dead-worker")
    Delivery.objects.create(subscription_id=first, period=digests.period_of(
        "daily", timezone.now()), claimed_at=timezone.now())
    with time_machine.travel(timezone.now() + abandoned_after() + timedelta(seconds=1)):
        assert recover() == 1
        run_worker_batch()
    assert sorted(message.to[0] for message in mail.outbox) == ["aase@example.org",
                                                               "bo@example.org"]
    assert batch_rows().get().status == TaskResultStatus.SUCCESSFUL
    assert set(Delivery.objects.values_list("state", flat=True)) == {Delivery.State.SENT}


def test_a_digest_claimed_by_a_live_run_is_not_sent_again(news):
    alert = news[0]
    Delivery.objects.create(subscription=alert, period=digests.period_of(
        "daily", timezone.now()), claimed_at=timezone.now())
    assert digests.deliver(alert.pk) == "claimed"
    assert mail.outbox == []


def test_an_address_refused_for_good_deletes_the_alert(news, smtp, caplog):
    sink = smtp(refusal="550 5.1.1 No such user")
    caplog.set_level(logging.DEBUG)
    assert digests.deliver(news[0].pk) == "bounced"
    assert not Subscription.objects.filter(pk=news[0].pk).exists()
    assert sink.received == []
    assert "aase@example.org" not in logged(caplog)


def test_a_temporary_refusal_keeps_the_alert_and_lists_the_news_next_time(news, smtp, caplog):
    smtp(refusal="450 4.2.1 Try again later")
    caplog.set_level(logging.DEBUG)
    assert digests.deliver(news[0].pk) == Delivery.State.FAILED
    alert = Subscription.objects.get(pk=news[0].pk)
    assert alert.digest_until is None  # the window stays open for the next period
    assert "aase@example.org" not in logged(caplog)
    sink = smtp()
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert digests.deliver(alert.pk) == Delivery.State.SENT
    [envelope] = sink.received
    assert "Lektiehj" in envelope.content.decode()


def test_a_confirmation_refused_for_good_deletes_the_unconfirmed_alert(smtp, caplog):
    sink = smtp(refusal="550 5.1.1 No such user")
    caplog.set_level(logging.DEBUG)
    alert = subscription(confirmed=False)
    assert send_confirmation.call(alert.pk) == "bounced"
    assert not Subscription.objects.exists()
    assert sink.received == []
    assert "aase@example.org" not in logged(caplog)


def test_the_confirmation_goes_through_the_mail_server(smtp):
    sink = smtp()
    alert = subscription(confirmed=False)
    assert send_confirmation.call(alert.pk) == "sent"
    [envelope] = sink.received
    assert envelope.rcpt_tos == ["aase@example.org"]
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in envelope.content


def test_the_scheduling_task_queues_what_the_command_would(db_tasks, news):
    assert queue_opportunity_alerts.call() == 2
    assert batch_rows().count() == 1
