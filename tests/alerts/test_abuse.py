"""Bad input and abuse: a clear Danish message, nothing stored, nothing sent, never a 500."""

import pytest
from django.core import mail
from django.urls import reverse

from portal.alerts.models import Subscription

from .conftest import form_data

pytestmark = pytest.mark.django_db


def post(client, capture, **overrides):
    with capture(execute=True):
        return client.post(reverse("alerts:subscribe"), form_data(**overrides))


@pytest.mark.parametrize(("overrides", "message"), [
    ({"email": "ikke-en-adresse"}, "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
    ({"email": ""}, "Skriv din e-mailadresse."),
    ({"frequency": "hourly"}, "Vælg dagligt eller ugentligt."),
    ({"frequency": ""}, "Vælg, hvor ofte du vil have besked."),
    ({"website": "http://spam.example"}, "Formularen kunne ikke sendes. Prøv igen."),
    ({"seconds_ago": 0}, "Formularen blev sendt meget hurtigt."),
    ({"started": "forfalsket"}, "Formularen er udløbet."),
    ({"filters": "kommune=aalborg&" * 400}, "Der er valgt for mange filtre."),
    # PostgreSQL refuses NUL bytes in text: refused before any query.
    ({"email": "aase\x00@example.org"}, "Adressen indeholder et tegn, der ikke kan bruges."),
    ({"filters": "q=lek\x00tier"}, "Filtrene indeholder et tegn, der ikke kan bruges."),
])
def test_bad_input_is_refused_with_a_danish_message_and_nothing_stored(
    client, listing, settings, django_capture_on_commit_callbacks, overrides, message
):
    settings.INTAKE_MIN_FILL_SECONDS = 3
    response = post(client, django_capture_on_commit_callbacks, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_text_that_is_not_utf8_is_refused_not_a_500(client, listing):
    response = client.post(reverse("alerts:subscribe"), b"email=%FF%FE&frequency=daily",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_too_many_submissions_from_one_client_are_refused(
    client, settings, django_capture_on_commit_callbacks
):
    settings.INTAKE_RATE_LIMIT = 2
    for number in range(2):
        assert post(client, django_capture_on_commit_callbacks,
                    email=f"person{number}@example.org").status_code == 302
    response = post(client, django_capture_on_commit_callbacks, email="third@example.org")
    assert response.status_code == 429
    assert "Vent lidt, før du prøver igen" in response.content.decode()
    assert Subscription.objects.count() == 2


def test_the_address_never_appears_in_an_address_bar(client, listing):
    page = client.get("/opgaveagent/").content.decode()
    assert 'method="post"' in page


@pytest.mark.parametrize("query", ["kommune=%00", "q=lek%00tier", "aktivitet=%00&fra=%00",
                                   "organisation=%00"])
def test_a_nul_byte_in_the_filters_of_the_address_is_no_500(client, listing, query):
    response = client.get(f"/opgaveagent/?{query}")
    assert response.status_code == 200
    assert "Få besked om nye frivilligopgaver" in response.content.decode()


def test_a_nul_byte_in_a_link_is_a_404(client, db):
    assert client.post("/opgaveagent/afmeld/a%00b/").status_code == 404
    assert client.post("/opgaveagent/bekraeft/a%00b/").status_code == 404
