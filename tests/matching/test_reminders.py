"""Reminders before a booked shift, sent once at their time, and the cancel link in them."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from portal.matching.models import MatchRequest, Notification, Status
from portal.matching.tracking import WaitingListEntry
from portal.matching.workflow import change_status
from portal.opportunities.models import ShiftBooking

from .conftest import coordinator_of, make_shift, offer_data
from .scheduled import db_tasks, run_due_tasks  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]


@pytest.fixture
def booked(client, ad_hoc, organisation):
    coordinator_of(organisation, "kim", email="kim@example.org")
    shift = make_shift(ad_hoc, capacity=1, days=3)
    client.post(reverse("matching:offer", args=[ad_hoc.pk]), offer_data(shifts=[str(shift.pk)]))
    run_due_tasks()
    mail.outbox.clear()
    return shift, MatchRequest.objects.get()


def reminders():
    return [m for m in mail.outbox if m.subject.startswith("Påmindelse")]


def test_the_reminder_goes_once_a_day_before_the_shift_with_a_cancel_link(booked):
    shift, _match_request = booked
    with time_machine.travel(shift.starts_at - timedelta(hours=24, minutes=1)):
        run_due_tasks()
    assert reminders() == []
    with time_machine.travel(shift.starts_at - timedelta(hours=23, minutes=59)):
        run_due_tasks()
        run_due_tasks()
    [reminder] = reminders()
    assert reminder.to == ["aase@example.org"]
    assert re.search(r"/vagt/afmeld/\S+/", reminder.body)
    assert Notification.objects.get(purpose="reminder").state == "sent"


def test_the_hours_before_are_a_setting(booked, settings):
    settings.SHIFT_REMINDER_HOURS = 2
    shift, match_request = booked
    Notification.objects.filter(purpose="reminder").delete()
    from portal.matching.reminders import plan_reminders

    plan_reminders(match_request, ShiftBooking.objects.filter(reference=match_request.reference))
    assert Notification.objects.get(purpose="reminder").due_at == shift.starts_at - timedelta(
        hours=2)


def test_no_reminder_for_a_withdrawn_or_erased_request(booked, ad_hoc, client):
    shift, match_request = booked
    change_status(match_request, Status.WITHDRAWN)
    with time_machine.travel(shift.starts_at - timedelta(hours=1)):
        run_due_tasks()
    assert reminders() == []
    assert Notification.objects.get(purpose="reminder").state == "cancelled"


def test_the_cancel_link_frees_the_place_promotes_the_waiting_list_and_tells_coordinators(
    booked, client, ad_hoc
):
    shift, match_request = booked
    client.post(reverse("matching:offer", args=[ad_hoc.pk]),
                offer_data(email="bo@example.org", waitlist=[str(shift.pk)]))
    with time_machine.travel(shift.starts_at - timedelta(hours=23)):
        run_due_tasks()
        link = re.search(r"http://\S+(/vagt/afmeld/\S+/)", reminders()[0].body).group(1)
        page = client.get(link)
        assert page.status_code == 200 and "Jeg kan alligevel ikke komme" in page.content.decode()
        assert ShiftBooking.objects.get(reference=match_request.reference).released_at is None
        mail.outbox.clear()
        done = client.post(link)
        run_due_tasks()
    assert "Du er afmeldt vagten" in done.content.decode()
    assert ShiftBooking.objects.get(reference=match_request.reference).released_at is not None
    assert WaitingListEntry.objects.get().state == WaitingListEntry.State.OFFERED
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["bo@example.org", "kim@example.org"]
    notice = next(m for m in mail.outbox if m.to == ["kim@example.org"])
    assert "afmeldt en vagt" in notice.subject and "Åse" not in notice.body
    assert client.post(link).status_code == 410  # once


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_real_worker_keeps_the_reminder_until_its_time_and_sends_it_once(client, ad_hoc):
    from tests.worker import run_worker_batch

    shift = make_shift(ad_hoc, capacity=1, days=3)
    client.post(reverse("matching:offer", args=[ad_hoc.pk]), offer_data(shifts=[str(shift.pk)]))
    run_worker_batch()  # the receipt; the reminder's task waits in the table for its time
    assert [m.subject.startswith("Kvittering") for m in mail.outbox] == [True]
    with time_machine.travel(shift.starts_at - timedelta(hours=23)):
        run_worker_batch()  # a worker started later (a restart) finds it and sends it
        run_worker_batch()
    assert len(reminders()) == 1
