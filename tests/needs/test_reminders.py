"""The e-mail to an organisation's editors before a need runs out: once per need and end
date, to that organisation's editors only, in Danish, with a link to renew it."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.needs.models import NeedReminder
from portal.needs.tasks import send_need_reminder
from tests.factories import UserFactory
from tests.needs.factories import NeedPageFactory

pytestmark = pytest.mark.django_db


def days(number):
    return timezone.localdate() + datetime.timedelta(days=number)


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the daily command; the tests' task backend runs each send after the commit."""
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("remind_expiring_needs", stdout=io.StringIO())
    return run


@pytest.fixture
def people(organisation, other_organisation, editor):
    """Besides the editor: a second editor, and people who must not get the mail."""
    UserFactory(username="jonas", email="jonas@forening.example").groups.add(
        organisation.access.editors)
    UserFactory(username="gone", email="gone@forening.example", is_active=False).groups.add(
        organisation.access.editors)
    UserFactory(username="noaddress", email="").groups.add(organisation.access.editors)
    UserFactory(username="coordinator", email="koordinator@forening.example").groups.add(
        organisation.access.coordinators)
    UserFactory(username="other", email="other@vaage.example").groups.add(
        other_organisation.access.editors)


def test_the_editors_of_the_organisation_get_a_danish_reminder_with_the_edit_link(
    remind, organisation, people
):
    need = NeedPageFactory(parent=organisation, title="Kasserer søges", end_date=days(10))

    remind()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "jonas@forening.example", "rikke@forening.example"]
    message = mail.outbox[0]
    assert message.subject == "Jeres behov «Kasserer søges» udløber snart"
    assert f"http://testserver/admin/pages/{need.pk}/edit/" in message.body
    assert "Har I stadig brug for det? Så forlæng det" in message.body
    end = need.end_date
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
              "september", "oktober", "november", "december"]
    assert f"til og med {end.day}. {months[end.month - 1]} {end.year}" in message.body
    assert f"http://testserver{need.url}" in message.body


def test_a_need_is_reminded_once_per_end_date_and_again_when_renewed(
    remind, organisation, editor
):
    need = NeedPageFactory(parent=organisation, end_date=days(14))
    remind()
    remind()
    assert len(mail.outbox) == 1
    reminder = NeedReminder.objects.get()
    assert reminder.sent_at is not None and reminder.end_date == days(14)

    need.end_date = days(5)  # renewed (here: moved), published again
    need.save_revision().publish()
    remind()
    remind()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("fields", [
    {"end_date": days(15)},  # not due yet
    {"end_date": days(-1)},  # expired: no longer shown, nothing to remind of
    {"end_date": days(3), "live": False},  # never published
])
def test_no_reminder_for_needs_not_due_expired_or_unpublished(
    remind, organisation, editor, fields
):
    NeedPageFactory(parent=organisation, **fields)
    remind()
    assert mail.outbox == []
    assert not NeedReminder.objects.exists()


def test_the_number_of_days_is_a_setting(remind, organisation, editor, settings):
    settings.NEED_REMINDER_DAYS = 30
    NeedPageFactory(parent=organisation, end_date=days(25))
    remind()
    assert len(mail.outbox) == 1


def test_the_command_only_plans_the_worker_sends_from_the_task_table(
    organisation, editor, settings
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    NeedPageFactory(parent=organisation, end_date=days(2))
    call_command("remind_expiring_needs", stdout=io.StringIO())

    # Written with the reminder, in its transaction.
    assert DBTaskResult.objects.filter(
        task_path="portal.needs.tasks.send_need_reminder").count() == 1
    assert mail.outbox == []
    reminder = NeedReminder.objects.get()
    assert send_need_reminder.call(reminder.pk) == "sent"  # as the worker does
    assert send_need_reminder.call(reminder.pk) == "skipped"  # a task run twice sends once
    assert len(mail.outbox) == 1


def test_a_need_renewed_before_the_worker_sends_gets_no_stale_reminder(organisation, editor):
    need = NeedPageFactory(parent=organisation, end_date=days(30))
    reminder = NeedReminder.objects.create(need=need, end_date=days(4))
    assert send_need_reminder.call(reminder.pk) == "not wanted"
    assert mail.outbox == []


def test_a_mail_server_failure_is_retried_a_bounded_number_of_times(
    organisation, editor, settings, monkeypatch
):
    class Refusing:
        def send_messages(self, messages):
            raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("portal.needs.tasks.get_connection", Refusing)
    settings.INTAKE_MAIL_ATTEMPTS = 2
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    need = NeedPageFactory(parent=organisation, end_date=days(4))
    reminder = NeedReminder.objects.create(need=need, end_date=need.end_date)

    assert send_need_reminder.call(reminder.pk) == "retrying"
    assert send_need_reminder.call(reminder.pk) == "failed"
    reminder.refresh_from_db()
    assert reminder.attempts == 2 and reminder.sent_at is None
