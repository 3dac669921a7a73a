"""An alert asked for on the English site stays English: its confirmation, its digests and
their links, whichever language the worker has active. Staff language is Danish.
"""

import json
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.alerts.digests import deliver
from portal.alerts.models import Subscription
from portal.alerts.tokens import confirm_token
from tests.factories import translate_page

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


def english_subscription(query="kommune=aalborg"):
    english = subscription(query=query)
    Subscription.objects.filter(pk=english.pk).update(language="en")
    return english


def translate(page, title):
    return translate_page(page, publish_parents=True, title=title,
                          summary="A short opportunity.")


def test_an_english_digest_names_opportunities_by_their_english_translation(
    listing, organisation
):
    with time_machine.travel(at(3, 12), tick=False):
        english_subscription(query="kommune=aalborg&aktivitet=besoegsven")
    with time_machine.travel(at(3, 15), tick=False):
        homework = publish(organisation, "Lektiehjælp i Aalborg")
        translated = translate(homework, "Homework help in Aalborg")
        untranslated = publish(organisation, "Madklub i Aalborg")
    with time_machine.travel(at(4, 7), tick=False), translation.override("da"):
        call_command("send_opportunity_alerts", stdout=StringIO())
    [message] = sent_to("aase@example.org")
    html, _mimetype = message.alternatives[0]

    assert "Homework help in Aalborg" in message.body and "A short opportunity." in html
    assert "Lektiehjælp" not in message.body and "Lektiehjælp" not in html
    assert f"https://bindeled.example{translated.url}" in message.body
    assert translated.url.startswith("/en/")
    # An opportunity nobody has translated: Danish, marked so, at its English address.
    assert f"https://bindeled.example/en{untranslated.url}" in message.body
    assert (f'<h2 lang="da"><a href="https://bindeled.example/en{untranslated.url}">'
            "Madklub i Aalborg</a></h2>") in html
    assert '<p lang="da">En kort opgave.</p>' in html
    # The filters are named in English too.
    assert "- Activity: Visiting friend" in message.body


def test_a_danish_digest_keeps_the_danish_titles_of_translated_opportunities(
    listing, organisation
):
    with time_machine.travel(at(3, 12), tick=False):
        subscription()
    with time_machine.travel(at(3, 15), tick=False):
        homework = publish(organisation, "Lektiehjælp i Aalborg")
        translate(homework, "Homework help in Aalborg")
    with time_machine.travel(at(4, 7), tick=False), translation.override("en"):
        call_command("send_opportunity_alerts", stdout=StringIO())
    [message] = sent_to("aase@example.org")

    assert "Lektiehjælp i Aalborg" in message.body
    assert "Homework help" not in message.body
    assert f"https://bindeled.example{homework.url}" in message.body
    assert '<h2 lang="da"' not in message.alternatives[0][0]


def queries_of_digest(subscription_id):
    with CaptureQueriesContext(connection) as captured:
        assert deliver(subscription_id) == "sent"
    return len(captured)


def test_an_english_digest_costs_the_same_queries_however_many_it_lists(
    listing, organisation
):
    with time_machine.travel(at(3, 12), tick=False):
        warm_up, few, warm_up_again, many = (english_subscription() for _ in range(4))
    with time_machine.travel(at(3, 15), tick=False):
        translate(publish(organisation, "Lektiehjælp"), "Homework help")
    with time_machine.travel(at(4, 7), tick=False):
        # The first digest after a publish fills the caches it empties (taxonomies, sites).
        queries_of_digest(warm_up.pk)
        one = queries_of_digest(few.pk)
    with time_machine.travel(at(4, 8), tick=False):
        translate(publish(organisation, "Madklub"), "Supper club")
        translate(publish(organisation, "Besøgsven"), "Visiting friend")
        publish(organisation, "Gåtur")
        publish(organisation, "Cykeltur")
    with time_machine.travel(at(4, 9), tick=False):
        queries_of_digest(warm_up_again.pk)
        five = queries_of_digest(many.pk)

    assert mail.outbox[-1].body.count("https://bindeled.example/en/organisationer/") == 5
    assert five == one


def test_the_confirmation_page_names_the_filters_in_the_pages_language(client, listing):
    english = english_subscription(query="region=nordjylland&aktivitet=besoegsven")
    token = confirm_token(english)
    with translation.override("en"):
        english_page = client.get(reverse("alerts:confirm", args=[token])).content.decode()
    danish_page = client.get(reverse("alerts:confirm", args=[token])).content.decode()

    assert "Region: North Denmark Region" in english_page
    assert "Activity: Visiting friend" in english_page
    assert "Region: Region Nordjylland" in danish_page and "Aktivitet: Besøgsven" in danish_page
