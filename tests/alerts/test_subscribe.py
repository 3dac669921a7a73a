"""Asking for an alert: the filters in words, double opt-in, nothing sent before confirming."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.alerts.models import Subscription

from .conftest import form_data, links_in, subscription

pytestmark = pytest.mark.django_db


def subscribe(client, capture, **overrides):
    with capture(execute=True):
        return client.post(reverse("alerts:subscribe"), form_data(**overrides))


def test_the_listing_links_to_an_alert_with_its_filters(client, listing):
    response = client.get("/frivilligopgaver/?kommune=aalborg&type=ad_hoc")
    assert b'href="/opgaveagent/?kommune=aalborg&amp;type=ad_hoc"' in response.content
    assert "Få besked om nye opgaver" in response.content.decode()


def test_the_form_shows_the_filters_in_words(client, listing):
    response = client.get("/opgaveagent/?kommune=aalborg&kommune=aarhus&type=ad_hoc&online=on"
                          "&q=lektier&sorter=frist")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kommune: Aalborg eller Aarhus" in page
    assert "Tidsforpligtelse: Ad hoc / efter behov" in page
    assert "Online / hele landet" in page
    assert "Fritekst: “lektier”" in page
    # Cleaned by the listing's filters: the order is left out, the rest in a stable order.
    assert ('name="filters" value="q=lektier&amp;kommune=aalborg&amp;kommune=aarhus'
            '&amp;type=ad_hoc&amp;online=on"') in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_unknown_filter_value_is_named_and_left_out(client, listing):
    page = client.get("/opgaveagent/?kommune=atlantis").content.decode()
    assert "Vi kender ikke kommune “atlantis”, så det filter er udeladt." in page
    assert "Alle nye frivilligopgaver" in page


def test_a_request_stores_an_unconfirmed_alert_and_sends_only_the_confirmation(
    client, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:check_mail")
    alert = Subscription.objects.get()
    assert (alert.email, alert.query, alert.frequency) == ("aase@example.org",
                                                           "kommune=aalborg", "daily")
    assert alert.confirmed_at is None
    [message] = mail.outbox
    assert message.subject == "Bekræft din opgaveagent på Bindeled"
    assert "Kommune: Aalborg" in message.body
    assert "aase@example.org" not in "".join(links_in(message))
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Bekræft din opgaveagent" in html


def test_opening_the_link_shows_a_button_and_only_the_post_confirms(
    client, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks)
    confirm_link = links_in(mail.outbox[0])[0]
    path = confirm_link.removeprefix("https://bindeled.example")
    page = client.get(path)
    assert "Bekræft opgaveagenten" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None  # a mail scanner's GET
    response = client.post(path)
    assert response.status_code == 302
    assert Subscription.objects.get().confirmed_at is not None
    assert "Din opgaveagent er aktiv" in client.get(path).content.decode()


def test_a_confirmation_link_works_for_seven_days(client, django_capture_on_commit_callbacks,
                                                  time_machine):
    subscribe(client, django_capture_on_commit_callbacks)
    path = links_in(mail.outbox[0])[0].removeprefix("https://bindeled.example")
    time_machine.move_to(timezone.now() + timezone.timedelta(days=7, minutes=1))
    response = client.post(path)
    assert response.status_code == 404
    assert "Linket virker ikke længere" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_a_forged_link_is_a_404(client, db):
    alert = subscription(confirmed=False)
    response = client.post(reverse("alerts:confirm", args=[f"{alert.key}:forged"]))
    assert response.status_code == 404
    assert Subscription.objects.get().confirmed_at is None


def test_the_same_form_sent_twice_stores_one_alert_and_one_mail(
    client, django_capture_on_commit_callbacks
):
    data = form_data()
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("alerts:subscribe"), data)
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1


def test_asking_again_for_a_confirmed_alert_stores_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    subscription(email="aase@example.org", query="kommune=aalborg")
    response = subscribe(client, django_capture_on_commit_callbacks, email="AASE@example.org")
    assert response.status_code == 302  # the same page: the form does not tell who subscribes
    assert Subscription.objects.count() == 1
    assert mail.outbox == []


def test_the_filters_are_cleaned_by_the_listing_before_they_are_stored(
    client, django_capture_on_commit_callbacks
):
    subscribe(client, django_capture_on_commit_callbacks,
              filters="kommune=atlantis&kommune=aalborg&sorter=frist&page=3&fra=ikke-en-dato")
    assert Subscription.objects.get().query == "kommune=aalborg"
