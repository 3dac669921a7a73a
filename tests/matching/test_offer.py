"""The offer form: "Jeg vil gerne hjælpe" on an opportunity page."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from portal.matching.models import (
    REFERENCE_ALPHABET,
    Kind,
    MatchRequest,
    Notification,
    NotificationPreference,
    Status,
)
from portal.opportunities.models import ShiftBooking

from .conftest import coordinator_of, make_opportunity, make_shift, offer_data

pytestmark = pytest.mark.django_db


def offer_url(opportunity):
    return reverse("matching:offer", args=[opportunity.pk])


def test_a_valid_offer_is_stored_once_and_shows_a_receipt(client, opportunity, coordinator):
    response = client.post(offer_url(opportunity), offer_data(), follow=True)

    assert response.status_code == 200
    match_request = MatchRequest.objects.get()
    assert match_request.kind == Kind.OFFER
    assert match_request.status == Status.NEW
    assert match_request.organisation_id == opportunity.organisation.pk
    assert match_request.opportunity_id == opportunity.pk
    assert match_request.name == "Åse Ærø-Østergård"
    assert match_request.consent_version and match_request.consent_given_at
    assert match_request.erase_after > match_request.created_at.date()
    body = response.content.decode()
    assert match_request.reference in body
    assert "Træk henvendelsen tilbage" in body
    assert response.headers["Cache-Control"].startswith("max-age=0")
    assert "no-cache" in response.headers["Cache-Control"]


def test_reference_is_readable_and_unguessable(client, opportunity):
    client.post(offer_url(opportunity), offer_data())
    reference = MatchRequest.objects.get().reference
    prefix, first, second = reference.split("-")
    assert prefix == "BL" and len(first) == len(second) == 4
    assert set(first + second) <= set(REFERENCE_ALPHABET)
    assert not set("0O1IL") & set(first + second)


def test_personal_data_stays_out_of_the_receipt_address(client, opportunity):
    response = client.post(offer_url(opportunity), offer_data())
    assert response.status_code == 302
    location = response.headers["Location"]
    assert "aase" not in location.lower() and "%" not in location


def test_resubmitting_the_same_form_gives_the_same_receipt(client, opportunity):
    data = offer_data()
    first = client.post(offer_url(opportunity), data)
    second = client.post(offer_url(opportunity), data)
    assert first.headers["Location"] == second.headers["Location"]
    assert MatchRequest.objects.count() == 1


def test_a_reused_token_with_someone_elses_data_is_not_merged(client, opportunity):
    data = offer_data()
    client.post(offer_url(opportunity), data)
    response = client.post(offer_url(opportunity), {**data, "email": "bo@example.org"})
    assert response.status_code == 200
    assert "allerede brugt" in response.content.decode()
    assert MatchRequest.objects.count() == 1


@pytest.mark.parametrize("field,value,message", [
    ("name", "", "Dette felt er påkrævet"),
    ("email", "ikke-en-adresse", "gyldig e-mail"),
    ("name", "x" * 121, "højst have 120 tegn"),
    ("message", "y" * 1001, "højst have 1000 tegn"),
    ("name", "Bo\x07 Bent", "styretegn"),
    ("message", "<script>alert(1)</script>", "&lt; og &gt;"),
    ("name", "<b>Bo</b>", "&lt; og &gt;"),
    ("phone", "ring til mig", "telefonnummer"),
    ("consent", "", "samtykke"),
])
def test_bad_input_is_explained_next_to_the_field_and_nothing_stored(
    client, opportunity, field, value, message
):
    response = client.post(offer_url(opportunity), offer_data(**{field: value}))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert f'id="id_{field}-error"' in body
    assert 'aria-invalid="true"' in body or field == "consent"
    assert 'id="error-summary"' in body
    assert not MatchRequest.objects.exists()


def test_unicode_names_are_welcome(client, opportunity):
    for name in ("Åse Ærø-Østergård", "Zoë O'Brien", "Nguyễn Thị Minh", "محمد علي"):
        response = client.post(offer_url(opportunity), offer_data(name=name))
        assert response.status_code == 302, name
    assert MatchRequest.objects.count() == 4


def test_honeypot_and_too_fast_submissions_store_nothing(client, opportunity, settings):
    response = client.post(offer_url(opportunity), offer_data(website="http://spam.example"))
    assert response.status_code == 200
    settings.INTAKE_MIN_FILL_SECONDS = 5
    response = client.post(offer_url(opportunity), offer_data(seconds_ago=1))
    assert "meget hurtigt" in response.content.decode()
    response = client.post(offer_url(opportunity), offer_data(started="forfalsket"))
    assert "udløbet" in response.content.decode()
    assert not MatchRequest.objects.exists()


def test_a_closed_opportunity_takes_no_offers(client, organisation):
    closed = make_opportunity(organisation, title="Lukket opgave", status="closed")
    response = client.post(offer_url(closed), offer_data())
    assert response.status_code == 200
    assert "tager ikke imod tilmeldinger" in response.content.decode()
    assert not MatchRequest.objects.exists()


def test_an_unknown_opportunity_is_not_found(client, opportunity):
    assert client.post(reverse("matching:offer", args=[999999]), offer_data()).status_code == 404
    assert client.get(offer_url(opportunity)).status_code == 302


def test_csrf_protection_stays_on(opportunity):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(offer_url(opportunity), offer_data())
    assert response.status_code == 403
    assert not MatchRequest.objects.exists()


def test_rate_limit_answers_with_a_friendly_429(client, opportunity, settings):
    settings.INTAKE_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(offer_url(opportunity), offer_data()).status_code == 302
    response = client.post(offer_url(opportunity), offer_data())
    assert response.status_code == 429
    assert "Vent lidt" in response.content.decode()
    assert response.headers["Retry-After"]
    assert MatchRequest.objects.count() == 2


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, opportunity, settings):
    settings.INTAKE_RATE_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    first = client.post(offer_url(opportunity), offer_data(),
                        HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    second = client.post(offer_url(opportunity), offer_data(),
                         HTTP_X_FORWARDED_FOR="198.51.100.9", **proxy)
    again = client.post(offer_url(opportunity), offer_data(),
                        HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)

    assert (first.status_code, second.status_code, again.status_code) == (302, 302, 429)


def test_a_forged_forwarded_header_does_not_escape_the_limit(client, opportunity, settings):
    settings.INTAKE_RATE_LIMIT = 1
    assert client.post(offer_url(opportunity), offer_data(),
                       HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 302
    forged = client.post(offer_url(opportunity), offer_data(),
                         HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert forged.status_code == 429


class TestShifts:
    def test_an_ad_hoc_offer_books_the_chosen_shift(self, client, ad_hoc):
        shift = make_shift(ad_hoc, capacity=2)
        response = client.post(offer_url(ad_hoc), offer_data(shifts=[str(shift.pk)]))
        assert response.status_code == 302
        reference = MatchRequest.objects.get().reference
        assert ShiftBooking.objects.get().reference == reference

    def test_a_shift_must_be_chosen_and_must_belong_to_the_opportunity(
        self, client, ad_hoc, organisation
    ):
        make_shift(ad_hoc)
        foreign = make_shift(make_opportunity(organisation, title="Anden", commitment="ad_hoc"))
        response = client.post(offer_url(ad_hoc), offer_data())
        assert "Vælg mindst én vagt" in response.content.decode()
        response = client.post(offer_url(ad_hoc), offer_data(shifts=[str(foreign.pk)]))
        assert "Vælg blandt de viste vagter" in response.content.decode()
        assert not MatchRequest.objects.exists()

    def test_the_last_place_goes_to_one_person_only(self, client, ad_hoc):
        shift = make_shift(ad_hoc, capacity=1)
        assert client.post(offer_url(ad_hoc), offer_data(shifts=[str(shift.pk)])).status_code == 302
        response = client.post(offer_url(ad_hoc), offer_data(
            shifts=[str(shift.pk)], email="bo@example.org"))
        assert response.status_code == 200
        assert "ikke flere pladser" in response.content.decode()
        assert MatchRequest.objects.count() == 1
        assert ShiftBooking.objects.count() == 1


class TestMail:
    def test_receipt_and_coordinator_notice_carry_no_message_text(
        self, client, opportunity, organisation, django_capture_on_commit_callbacks
    ):
        coordinator_of(organisation, "kim", email="kim@example.org")
        coordinator_of(organisation, "fravalgt", email="fravalgt@example.org")
        NotificationPreference.objects.create(
            user=get_user_model().objects.get(username="fravalgt"), email_on_new_request=False)
        secret = "Min nabo har brug for hjælp med indkøb"
        with django_capture_on_commit_callbacks(execute=True):
            client.post(offer_url(opportunity), offer_data(message=secret))
        match_request = MatchRequest.objects.get()
        recipients = sorted(address for message in mail.outbox for address in message.to)
        assert recipients == ["aase@example.org", "kim@example.org"]
        for message in mail.outbox:
            assert secret not in message.body and secret not in message.subject
            assert "Åse" not in message.body
        notice = next(m for m in mail.outbox if m.to == ["kim@example.org"])
        assert f"/admin/snippets/matching/matchrequest/inspect/{match_request.pk}/" in notice.body
        receipt = next(m for m in mail.outbox if m.to == ["aase@example.org"])
        assert match_request.reference in receipt.subject
        assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_the_opportunity_page_carries_the_form_and_no_cache_shares_it(client, opportunity):
    response = client.get(opportunity.url)
    body = response.content.decode()
    assert f'action="/tilmelding/{opportunity.pk}/"' in body
    assert 'name="idempotency_token"' in body
    assert "public" not in response.headers["Cache-Control"]


def test_the_shifts_to_choose_are_a_group_named_by_its_legend(client, ad_hoc):
    # Found by the HTML checker on the demo: the shift boxes had a <label for="">.
    shift = make_shift(ad_hoc)

    body = client.get(ad_hoc.url).content.decode()

    assert '<legend class="field__label" id="id_shifts">Vælg vagt</legend>' in body
    assert f'value="{shift.pk}" id="id_shifts_0"' in body
    assert 'for=""' not in body
