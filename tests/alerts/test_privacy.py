"""The address is personal data: deleted when unconfirmed after 7 days, exported and erased
with the project's other personal data, and never in an address, a redirect or a log."""

import json
import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from portal.alerts.models import Delivery, Subscription

from .conftest import form_data, links_in, subscription

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_retention_job_deletes_alerts_unconfirmed_after_seven_days(time_machine):
    old = subscription(email="gammel@example.org", confirmed=False)
    confirmed = subscription(email="aktiv@example.org")
    time_machine.move_to(timezone.now() + timedelta(days=6, hours=23))
    recent = subscription(email="ny@example.org", confirmed=False)
    assert "Removed 0 record(s) of opportunity alerts." in run("erase_expired_requests")
    time_machine.move_to(timezone.now() + timedelta(hours=2))
    assert "Removed 1 record(s) of opportunity alerts." in run("erase_expired_requests")
    assert set(Subscription.objects.all()) == {confirmed, recent}
    assert not Subscription.objects.filter(pk=old.pk).exists()


def test_the_retention_job_prunes_old_digest_rows_and_keeps_the_alert(time_machine):
    alert = subscription()
    Delivery.objects.create(subscription=alert, period="2026-W01", claimed_at=timezone.now())
    time_machine.move_to(timezone.now() + timedelta(days=61))
    run("erase_expired_requests")
    assert not Delivery.objects.exists()
    assert Subscription.objects.get() == alert


def test_the_export_of_personal_data_lists_the_alerts_of_the_address(listing):
    subscription(email="Aase@Example.org", query="kommune=aalborg", frequency="weekly")
    subscription(email="bo@example.org")
    exported = json.loads(run("export_personal_data", "aase@example.org"))
    [alert] = exported["elsewhere"]["opportunity alerts"]
    assert alert["email"] == "Aase@Example.org"
    assert alert["filters"] == ["Kommune: Aalborg"]
    assert (alert["query"], alert["frequency"]) == ("kommune=aalborg", "weekly")
    assert alert["confirmed"] is not None


def test_erasure_on_request_deletes_every_alert_of_the_address(listing):
    subscription(email="aase@example.org", query="kommune=aalborg")
    subscription(email="AASE@example.org", query="kommune=aarhus", confirmed=False)
    other = subscription(email="bo@example.org")
    output = run("erase_personal_data", "aase@example.org")
    assert "Removed 2 record(s) of opportunity alerts." in output
    assert list(Subscription.objects.all()) == [other]


def test_the_address_is_in_no_address_redirect_link_or_log(
    client, listing, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("alerts:subscribe"), form_data())
    [message] = mail.outbox
    confirm_path = links_in(message)[0].removeprefix("https://bindeled.example")
    client.post(confirm_path)
    shown = [response["Location"], *links_in(message), message.extra_headers["List-Unsubscribe"],
             message.extra_headers["Message-ID"], client.get(confirm_path).content.decode()]
    assert not any("aase" in text for text in shown)
    assert "aase" not in caplog.text
    assert str(Subscription.objects.get()) == f"Opgaveagent {Subscription.objects.get().pk}"
