"""Unsubscribing: the link in every mail and RFC 8058's one-click POST, which a mail program
sends without a CSRF token, a session or a login."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from portal.alerts import digests, mails
from portal.alerts.models import Subscription
from portal.alerts.tokens import unsubscribe_token

from .conftest import links_in, publish, subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_program():
    """A client like a mail program: no cookies, and Django's CSRF check switched on."""
    return Client(enforce_csrf_checks=True)


def unsubscribe_path(alert):
    return reverse("alerts:unsubscribe", args=[unsubscribe_token(alert)])


def test_the_one_click_post_deletes_the_alert_without_csrf_token_or_login(listing,
                                                                          mail_program):
    alert = subscription()
    response = mail_program.post(unsubscribe_path(alert), "List-Unsubscribe=One-Click",
                                 content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Du er afmeldt" in response.content.decode()
    assert not Subscription.objects.exists()


def test_opening_the_link_shows_a_button_and_only_the_post_deletes(listing, mail_program):
    alert = subscription(query="kommune=aalborg")
    page = mail_program.get(unsubscribe_path(alert))
    assert page.status_code == 200
    assert "Kommune: Aalborg" in page.content.decode()
    assert "Afmeld og slet min e-mailadresse" in page.content.decode()
    assert Subscription.objects.count() == 1  # a mail scanner's GET
    assert mail_program.post(unsubscribe_path(alert)).status_code == 200
    assert not Subscription.objects.exists()


def test_unsubscribing_twice_says_so_again(listing, mail_program):
    alert = subscription()
    path = unsubscribe_path(alert)
    mail_program.post(path)
    assert mail_program.post(path).status_code == 200
    again = mail_program.get(path)
    assert again.status_code == 200
    assert "Du er afmeldt" in again.content.decode()


def test_unsubscribing_one_alert_keeps_the_others_of_the_same_address(listing, mail_program):
    aalborg = subscription(query="kommune=aalborg")
    aarhus = subscription(query="kommune=aarhus")
    mail_program.post(unsubscribe_path(aalborg))
    assert list(Subscription.objects.all()) == [aarhus]


def test_a_forged_link_is_a_404_and_deletes_nothing(listing, mail_program):
    alert = subscription()
    response = mail_program.post(reverse("alerts:unsubscribe", args=[f"{alert.key}:forged"]))
    assert response.status_code == 404
    assert "Linket virker ikke længere" in response.content.decode()
    assert Subscription.objects.count() == 1


def test_a_confirmation_link_does_not_unsubscribe(listing, mail_program):
    alert = subscription(confirmed=False)
    confirm_path = links_in(mails.confirmation(alert))[0].removeprefix("https://bindeled.example")
    token = confirm_path.rstrip("/").rsplit("/", 1)[1]
    response = mail_program.post(reverse("alerts:unsubscribe", args=[token]))
    assert response.status_code == 404
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize("kind", ["confirmation", "digest"])
def test_every_mail_has_the_link_and_the_one_click_headers(listing, organisation, kind):
    alert = subscription()
    if kind == "confirmation":
        message = mails.confirmation(alert)
    else:
        publish(organisation, "Lektiehjælp i Aalborg")
        digests.deliver(alert.pk)
        [message] = mail.outbox
    url = "https://bindeled.example" + unsubscribe_path(alert)
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body
    html, _mimetype = message.alternatives[0]
    assert f'href="{url}"' in html
    assert "aase@example.org" not in message.extra_headers["List-Unsubscribe"]
