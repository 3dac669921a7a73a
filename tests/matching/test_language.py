"""The language a person used: stored with the request, followed by every mail to them,
shown to coordinators (who read Danish).

No English catalogue exists yet, so the tests read what the language decides that
the portal controls itself: the ``Content-Language`` header and how dates read.
"""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.timezone import localtime

from portal.matching.digest import send_digests
from portal.matching.models import MatchRequest, NotificationPreference
from portal.matching.tasks import send_notification
from tests.logins import sign_in_verified

from .conftest import (
    coordinator_of,
    make_opportunity,
    make_request,
    make_shift,
    offer_data,
    referral_data,
)
from .scheduled import db_tasks, run_due_tasks  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]
NS = "wagtailsnippets_matching_matchrequest"
DANISH_DAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
ENGLISH_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def in_english(name, *args):
    """The address of a public view on the English site: ``/en/`` and the same path."""
    with translation.override("en"):
        address = reverse(name, args=args)
    assert address.startswith("/en/")
    return address


def english_post(client, name, args, data):
    return client.post(in_english(name, *args), data)


def shift_line(shift, language):
    """How the shift reads in ``language``: weekday, date, hours."""
    starts, ends = localtime(shift.starts_at), localtime(shift.ends_at)
    if language == "en":
        day = f"{ENGLISH_DAYS[starts.weekday()]} {starts.day} {starts:%B %Y}"
        return f"{day}, {starts:%H:%M}–{ends:%H:%M}"
    return f"{DANISH_DAYS[starts.weekday()]} {starts.day}. "


def mail_to(address):
    """The one e-mail to ``address``, sent by a worker that has Danish active."""
    with translation.override("da"):
        run_due_tasks()
    [message] = [m for m in mail.outbox if m.to == [address]]
    return message


@pytest.fixture
def kim(organisation):
    return coordinator_of(organisation, "kim", email="kim@example.org")


def test_an_offer_sent_in_english_is_stored_and_answered_in_english(client, ad_hoc, kim):
    shift = make_shift(ad_hoc, capacity=2)
    response = english_post(client, "matching:offer", [ad_hoc.pk],
                            offer_data(shifts=[str(shift.pk)]))
    assert response.status_code == 302
    assert MatchRequest.objects.get().preferred_language == "en"
    receipt = mail_to("aase@example.org")
    assert receipt.extra_headers["Content-Language"] == "en"
    assert shift_line(shift, "en") in receipt.body
    assert not any(day in receipt.body for day in DANISH_DAYS)
    # Its links lead to the English site.
    assert re.search(r"http://testserver/en/kvittering/\S+/", receipt.body)
    assert re.search(r"http://testserver/en/vagt/afmeld/\S+/", receipt.body)


def test_an_offer_sent_in_danish_is_answered_in_danish(client, ad_hoc, kim):
    shift = make_shift(ad_hoc, capacity=2)
    client.post(reverse("matching:offer", args=[ad_hoc.pk]), offer_data(shifts=[str(shift.pk)]))
    assert MatchRequest.objects.get().preferred_language == "da"
    receipt = mail_to("aase@example.org")
    assert receipt.extra_headers["Content-Language"] == "da"
    assert shift_line(shift, "da") in receipt.body
    assert re.search(r"http://testserver/kvittering/\S+/", receipt.body)
    assert not any(day in receipt.body for day in ENGLISH_DAYS)


def test_the_offer_form_reads_its_shifts_in_the_language_of_the_page(client, ad_hoc):
    shift = make_shift(ad_hoc, capacity=2)
    page = english_post(client, "matching:offer", [ad_hoc.pk], offer_data(name=""))
    assert page.status_code == 200
    assert shift_line(shift, "en") in page.content.decode()


def test_a_referral_sent_in_english_is_stored_with_english(client, organisation, kim):
    make_opportunity(organisation)
    response = english_post(client, "matching:referral", [], referral_data(organisation))
    assert response.status_code == 302
    assert MatchRequest.objects.get().preferred_language == "en"
    assert mail_to("hanne@example.org").extra_headers["Content-Language"] == "en"


def test_coordinators_get_danish_mail_that_names_the_preferred_language(client, organisation,
                                                                       kim):
    make_opportunity(organisation)
    english_post(client, "matching:referral", [], referral_data(organisation))
    message = mail_to("kim@example.org")
    assert message.extra_headers["Content-Language"] == "da"
    assert "Ny henvendelse til" in message.subject
    assert "Foretrukket sprog: engelsk" in message.body
    assert "http://testserver/admin/" in message.body


def test_a_reminder_sent_by_a_danish_worker_follows_the_request(client, ad_hoc, kim):
    shift = make_shift(ad_hoc, capacity=1, days=3)
    english_post(client, "matching:offer", [ad_hoc.pk], offer_data(shifts=[str(shift.pk)]))
    with translation.override("da"):
        run_due_tasks()
        mail.outbox.clear()
        with time_machine.travel(shift.starts_at - timedelta(hours=23)):
            run_due_tasks()
    [reminder] = mail.outbox
    assert reminder.extra_headers["Content-Language"] == "en"
    assert shift_line(shift, "en") in reminder.body
    assert re.search(r"http://testserver/en/vagt/afmeld/\S+/", reminder.body)


def test_mail_composed_while_english_is_active_keeps_each_recipients_language(organisation,
                                                                             kim):
    match_request = make_request(organisation, preferred_language="da")
    notification = match_request.notifications.create(purpose="coordinator", recipient=kim)
    with translation.override("en"):
        send_notification.call(notification.pk)
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "da"
    assert "Foretrukket sprog: dansk" in message.body


def test_the_take_place_page_says_until_when_in_its_language(client, ad_hoc):
    from portal.matching import links
    from portal.matching.tracking import ActionToken

    shift = make_shift(ad_hoc)
    match_request = make_request(ad_hoc.organisation, opportunity=ad_hoc)
    token = links.issue(match_request, ActionToken.Purpose.TAKE_PLACE,
                        shift.starts_at - timedelta(days=1), shift=shift)
    danish_address = reverse("matching:take_place", args=[links.token_string(token)])
    english = client.get(in_english("matching:take_place",
                                    links.token_string(token))).content.decode()
    until = localtime(token.expires_at)
    assert f"{ENGLISH_DAYS[until.weekday()]} {until.day} {until:%B %Y}" in english
    assert f"{until:%H:%M}" in english
    danish = client.get(danish_address).content.decode()
    assert f"{DANISH_DAYS[until.weekday()]} {until.day}. " in danish
    assert f"kl. {until:%H.%M}" in danish


def test_coordinators_see_and_filter_the_preferred_language(client, organisation, coordinator):
    english = make_request(organisation, reference="BL-EEEE-EEEE", preferred_language="en")
    make_request(organisation, reference="BL-DDDD-DDDD", name="Dorte Dansk")
    sign_in_verified(client, coordinator)
    listing = client.get(reverse(f"{NS}:list")).content.decode()
    assert "Foretrukket sprog" in listing and "Engelsk" in listing
    filtered = client.get(reverse(f"{NS}:list"), {"preferred_language": "en"}).content.decode()
    assert "BL-EEEE-EEEE" in filtered and "BL-DDDD-DDDD" not in filtered
    detail = client.get(reverse(f"{NS}:inspect", args=[english.pk])).content.decode()
    assert re.search(r"Foretrukket sprog\s*</dt>\s*<dd[^>]*>\s*Engelsk", detail)


def test_the_daily_digest_counts_new_requests_by_preferred_language(organisation, kim):
    NotificationPreference.objects.create(user=kim, daily_digest=True)
    make_request(organisation, preferred_language="en")
    make_request(organisation, preferred_language="da")
    with translation.override("en"):
        assert send_digests() == 1
    [digest] = mail.outbox
    assert digest.extra_headers["Content-Language"] == "da"
    assert "Foretrukket sprog: engelsk – 1 af de nye" in digest.body
    assert "dansk –" not in digest.body


def test_the_preferred_language_is_exported_and_erased(organisation):
    make_request(organisation, preferred_language="en")
    out = StringIO()
    call_command("export_personal_data", "aase@example.org", stdout=out)
    [exported] = json.loads(out.getvalue())["requests"]
    assert exported["preferred_language"] == "en"
    call_command("erase_personal_data", "aase@example.org", stdout=StringIO())
    assert MatchRequest.objects.get().preferred_language == ""


def test_the_number_of_organisations_found_is_worded_by_the_server(client, organisation):
    make_opportunity(organisation)
    page = client.get(reverse("matching:referral"),
                      {"municipality": "aalborg", "activity": "besoegsven"}).content.decode()
    # The script only announces these words, so they follow the page's language.
    assert 'data-organisation-status="1 organisation fundet"' in page


def test_the_offer_pages_lead_back_to_the_opportunity_in_their_language(client, ad_hoc):
    path, offer = ad_hoc.url, reverse("matching:offer", args=[ad_hoc.pk])
    english = client.get(in_english("matching:offer", ad_hoc.pk))
    assert english["Location"] == f"/en{path}#tilmelding"
    assert client.get(offer)["Location"] == f"{path}#tilmelding"
    page = english_post(client, "matching:offer", [ad_hoc.pk], offer_data(name=""))
    assert f'href="/en{path}"' in page.content.decode()
    assert 'href="/en/privatlivspolitik/"' in page.content.decode()


def test_a_moved_shift_is_told_in_the_language_of_each_volunteer(client, ad_hoc):
    shift, danish_offer = make_shift(ad_hoc, capacity=3), reverse("matching:offer",
                                                                  args=[ad_hoc.pk])
    english_post(client, "matching:offer", [ad_hoc.pk], offer_data(shifts=[str(shift.pk)]))
    client.post(danish_offer, offer_data(email="bo@example.org", shifts=[str(shift.pk)]))
    with translation.override("da"):
        run_due_tasks()
    mail.outbox.clear()
    page = type(ad_hoc).objects.get(pk=ad_hoc.pk)
    moved = list(page.shifts.all())
    for item in moved:
        item.starts_at += timedelta(hours=2)
        item.ends_at += timedelta(hours=2)
    page.shifts = moved
    page.save_revision().publish()
    shift.refresh_from_db()
    english, danish = mail_to("aase@example.org"), mail_to("bo@example.org")
    assert english.extra_headers["Content-Language"] == "en"
    assert shift_line(shift, "en") in english.body
    assert danish.extra_headers["Content-Language"] == "da"
    assert shift_line(shift, "da") in danish.body
    # Each carries the calendar event that replaces the booked one.
    assert [name.endswith(".ics") for name, _content, _type in english.attachments] == [True]
