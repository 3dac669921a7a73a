"""Coordinators choose a mail per event or one daily digest: counts and a link only."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.core.models import PortalSettings
from portal.matching.digest import daily_digest, ensure_digest_queued, send_digests
from portal.matching.models import NotificationPreference
from portal.matching.tasks import deliver_notifications
from tests.logins import sign_in_verified

from .conftest import coordinator_of, make_request
from .scheduled import db_tasks, run_due_tasks  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kim_digest(organisation):
    kim = coordinator_of(organisation, "kim", email="kim@example.org")
    NotificationPreference.objects.create(user=kim, daily_digest=True)
    return kim


def test_a_digest_coordinator_gets_no_mail_per_request_but_one_digest_a_day(
    organisation, kim_digest
):
    coordinator_of(organisation, "lis", email="lis@example.org")  # wants a mail per event
    match_request = make_request(organisation, name="Åse Ærø", email="aase@example.org")
    deliver_notifications.call(match_request.pk)
    assert sorted(m.to[0] for m in mail.outbox) == ["aase@example.org", "lis@example.org"]
    mail.outbox.clear()

    assert send_digests() == 1
    [digest] = mail.outbox
    assert digest.to == ["kim@example.org"]
    assert "1 ny henvendelse det seneste døgn" in digest.body
    assert reverse("wagtailsnippets_matching_matchrequest:list") in digest.body
    assert "Åse" not in digest.body and "aase@" not in digest.body
    assert match_request.reference not in digest.body
    assert send_digests() == 0  # once a day


def test_the_digest_counts_overdue_requests_by_the_portal_setting(organisation, kim_digest):
    settings_row = PortalSettings.load()
    settings_row.overdue_after_days = 5
    settings_row.save()
    make_request(organisation, created_at=timezone.now() - timedelta(days=6))
    make_request(organisation, created_at=timezone.now() - timedelta(days=4))
    send_digests()
    [digest] = mail.outbox
    assert "1 henvendelse har ventet mere end 5 dage uden svar" in digest.body
    assert "0 nye henvendelser" in digest.body


def test_nothing_to_report_sends_nothing(organisation, kim_digest):
    assert send_digests() == 0 and mail.outbox == []


@pytest.mark.usefixtures("db_tasks")
def test_the_digest_is_a_task_that_queues_its_next_morning(organisation, kim_digest):
    morning = timezone.make_aware(timezone.datetime(2030, 3, 4, 9, 0))
    with time_machine.travel(morning, tick=False):
        assert ensure_digest_queued() is True
        assert ensure_digest_queued() is False  # one chain, not two
        queued = DBTaskResult.objects.get(task_path=daily_digest.module_path)
        assert timezone.localtime(queued.run_after).isoformat() == "2030-03-05T07:00:00+01:00"
        make_request(organisation)
    with time_machine.travel(queued.run_after + timedelta(minutes=1), tick=False):
        run_due_tasks()
        assert [m.to for m in mail.outbox] == [["kim@example.org"]]
        waiting = DBTaskResult.objects.filter(task_path=daily_digest.module_path,
                                              status="READY").get()
        assert timezone.localtime(waiting.run_after).date().isoformat() == "2030-03-06"


def test_a_coordinator_chooses_the_digest_in_their_preferences(client, organisation):
    kim = coordinator_of(organisation, "kim", email="kim@example.org")
    sign_in_verified(client, kim)
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "match_notifications-daily_digest" in account
    client.post(reverse("wagtailsnippets_matching_matchrequest:preferences"),
                {"email_on_new_request": "on", "daily_digest": "on"})
    assert NotificationPreference.objects.get(user=kim).daily_digest is True


@pytest.mark.usefixtures("db_tasks")
def test_no_digest_is_queued_while_nobody_wants_one(organisation):
    coordinator_of(organisation, "lis", email="lis@example.org")
    assert ensure_digest_queued() is False
    assert not DBTaskResult.objects.filter(task_path=daily_digest.module_path).exists()


def test_the_digest_counts_shifts_given_back(organisation, kim_digest, ad_hoc):
    from portal.matching.reminders import cannot_come
    from portal.matching.tracking import ActionToken

    from .conftest import make_shift

    shift = make_shift(ad_hoc)
    match_request = make_request(organisation, opportunity=ad_hoc,
                                 created_at=timezone.now() - timedelta(days=2))
    shift.book(match_request.reference)
    token = ActionToken.objects.create(request=match_request, purpose="cancel", shift=shift,
                                       expires_at=shift.starts_at)
    assert cannot_come(token)
    mail.outbox.clear()
    send_digests()
    [digest] = mail.outbox
    assert "1 vagt afmeldt af en frivillig det seneste døgn" in digest.body
