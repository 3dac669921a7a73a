"""Digests: what was published since the last one and matches, once per subscriber and
period, nothing when nothing is new; the clock is moved with time_machine."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from portal.alerts.models import Delivery

from .conftest import publish, sent_to, subscription

pytestmark = pytest.mark.django_db
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def at(day, hour, minute=0):
    """A moment in December 2026, Copenhagen time (Friday the 4th is in ISO week 49)."""
    return datetime(2026, 12, day, hour, minute, tzinfo=COPENHAGEN)


def run_alerts():
    call_command("send_opportunity_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def aalborg_daily(listing, organisation):
    with time_machine.travel(at(3, 12), tick=False):
        return subscription(query="kommune=aalborg", frequency="daily")


def test_a_daily_digest_lists_what_was_published_since_and_matches(aalborg_daily,
                                                                  organisation):
    with time_machine.travel(at(3, 15, 30), tick=False):
        publish(organisation, "Lektiehjælp i Aalborg", municipalities=("Aalborg",))
        publish(organisation, "Besøgsven i Aarhus", municipalities=("Aarhus",))
    with time_machine.travel(at(4, 7), tick=False):
        run_alerts()
    [message] = sent_to("aase@example.org")
    assert message.subject == "1 ny frivilligopgave på Bindeled"
    assert "Lektiehjælp i Aalborg" in message.body
    assert "Besøgsven i Aarhus" not in message.body
    assert "Nye frivilligopgaver siden 3. december 2026 kl. 12.00" in message.body
    assert "Udgivet 3. december 2026 kl. 15.30" in message.body  # Copenhagen time
    assert "https://bindeled.example/frivilligopgaver/?kommune=aalborg" in message.body
    html, _mimetype = message.alternatives[0]
    assert "Lektiehjælp i Aalborg" in html and "Besøgsven i Aarhus" not in html


def test_nothing_new_sends_nothing(aalborg_daily, organisation):
    with time_machine.travel(at(3, 15), tick=False):
        publish(organisation, "Besøgsven i Aarhus", municipalities=("Aarhus",))
    with time_machine.travel(at(4, 7), tick=False):
        run_alerts()
    assert mail.outbox == []
    assert Delivery.objects.get().state == Delivery.State.EMPTY


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_only_what_is_new(
    aalborg_daily, organisation
):
    with time_machine.travel(at(3, 15), tick=False):
        publish(organisation, "Første opgave")
    with time_machine.travel(at(4, 7), tick=False):
        run_alerts()
    with time_machine.travel(at(4, 9), tick=False):
        publish(organisation, "Anden opgave")
    with time_machine.travel(at(4, 23, 59), tick=False):
        run_alerts()  # the same Copenhagen day: no second digest
    assert len(mail.outbox) == 1
    with time_machine.travel(at(5, 7), tick=False):
        run_alerts()
    assert len(mail.outbox) == 2
    assert "Anden opgave" in mail.outbox[1].body
    assert "Første opgave" not in mail.outbox[1].body


def test_a_weekly_digest_goes_once_per_week(listing, organisation):
    with time_machine.travel(at(1, 12), tick=False):  # Tuesday, ISO week 49
        subscription(query="", frequency="weekly")
    with time_machine.travel(at(1, 13), tick=False):
        publish(organisation, "Ugens første opgave", municipalities=("Aarhus",))
    with time_machine.travel(at(2, 7), tick=False):
        run_alerts()
    with time_machine.travel(at(3, 12), tick=False):
        publish(organisation, "Ugens anden opgave")
    with time_machine.travel(at(6, 22), tick=False):  # Sunday, still week 49
        run_alerts()
    assert len(mail.outbox) == 1
    with time_machine.travel(at(7, 7), tick=False):  # Monday, week 50
        run_alerts()
    assert len(mail.outbox) == 2
    assert "Ugens anden opgave" in mail.outbox[1].body


def test_an_unconfirmed_alert_gets_no_digest(listing, organisation):
    with time_machine.travel(at(3, 12), tick=False):
        subscription(confirmed=False)
    with time_machine.travel(at(3, 13), tick=False):
        publish(organisation, "Lektiehjælp i Aalborg")
    with time_machine.travel(at(4, 7), tick=False):
        run_alerts()
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_an_unpublished_opportunity_is_not_in_the_digest(aalborg_daily, organisation):
    with time_machine.travel(at(3, 15), tick=False):
        withdrawn = publish(organisation, "Trukket tilbage")
        withdrawn.unpublish()
    with time_machine.travel(at(4, 7), tick=False):
        run_alerts()
    assert mail.outbox == []


def test_many_new_opportunities_show_the_newest_and_link_to_the_rest(aalborg_daily,
                                                                     organisation):
    with time_machine.travel(at(3, 15), tick=True):
        for number in range(22):
            publish(organisation, f"Opgave nummer {number}")
    with time_machine.travel(at(4, 7), tick=False):
        run_alerts()
    [message] = mail.outbox
    assert message.subject == "22 nye frivilligopgaver på Bindeled"
    assert "Opgave nummer 21" in message.body and "Opgave nummer 1\n" not in message.body
    assert "Og 2 flere." in message.body
