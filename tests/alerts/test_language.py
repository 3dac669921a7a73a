"""An alert asked for on the English site stays English: its confirmation, its digests and
their links, whichever language the worker has active. Staff language is Danish.

No English catalogue exists yet: the tests read the header, the page's ``lang`` and how
dates and links are written, which the portal decides itself.
"""

import json
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from portal.alerts.models import Subscription

from .conftest import form_data, publish, sent_to, subscription

pytestmark = pytest.mark.django_db
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def at(day, hour, minute=0):
    return datetime(2026, 12, day, hour, minute, tzinfo=COPENHAGEN)


def subscribe_in_english(client, capture):
    with translation.override("en"):
        address = reverse("alerts:subscribe")
    with capture(execute=True), translation.override("da"):
        return client.post(address, form_data())


def test_an_alert_asked_for_in_english_is_confirmed_in_english(
    client, listing, django_capture_on_commit_callbacks
):
    assert subscribe_in_english(client, django_capture_on_commit_callbacks).status_code == 302
    assert Subscription.objects.get().language == "en"
    [message] = sent_to("aase@example.org")
    assert message.extra_headers["Content-Language"] == "en"
    html, _mimetype = message.alternatives[0]
    assert '<html lang="en">' in html
    assert "https://bindeled.example/en/opgaveagent/bekraeft/" in message.body
    assert "https://bindeled.example/en/opgaveagent/afmeld/" in message.body


def test_an_alert_asked_for_in_danish_is_danish(client, listing,
                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("alerts:subscribe"), form_data())
    assert Subscription.objects.get().language == "da"
    [message] = sent_to("aase@example.org")
    assert message.extra_headers["Content-Language"] == "da"
    assert '<html lang="da">' in message.alternatives[0][0]


def test_an_english_digest_links_to_the_english_site_and_writes_english_dates(
    listing, organisation
):
    with time_machine.travel(at(3, 12), tick=False):
        english = subscription()
        Subscription.objects.filter(pk=english.pk).update(language="en")
    with time_machine.travel(at(3, 15, 30), tick=False):
        page = publish(organisation, "Lektiehjælp i Aalborg")
    with time_machine.travel(at(4, 7), tick=False), translation.override("da"):
        call_command("send_opportunity_alerts", stdout=StringIO())
    [message] = sent_to("aase@example.org")
    assert message.extra_headers["Content-Language"] == "en"
    assert f"https://bindeled.example/en{page.url}" in message.body
    assert "https://bindeled.example/en/frivilligopgaver/?kommune=aalborg" in message.body
    assert "3 December 2026" in message.body and "15:30" in message.body
    assert "3. december" not in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://bindeled.example/en/opgaveagent/afmeld/")
    html, _mimetype = message.alternatives[0]
    assert '<html lang="en">' in html and f'href="https://bindeled.example/en{page.url}"' in html


def test_the_export_names_the_alerts_language(listing):
    Subscription.objects.filter(pk=subscription().pk).update(language="en")
    out = StringIO()
    call_command("export_personal_data", "aase@example.org", stdout=out)
    [alert] = json.loads(out.getvalue())["elsewhere"]["opportunity alerts"]
    assert alert["language"] == "en"


def test_the_english_form_leads_back_to_the_english_listing(client, listing):
    with translation.override("en"):
        address = reverse("alerts:subscribe")
    page = client.get(address, {"kommune": "aalborg"})
    assert 'href="/en/frivilligopgaver/?kommune=aalborg"' in page.content.decode()
    assert 'href="/en/privatlivspolitik/"' in page.content.decode()
