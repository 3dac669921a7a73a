"""Hand-made posts and reused stamps: refused clearly, nothing stored, never a 500."""

import re
import uuid
from urllib.parse import urlencode

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from portal.matching.models import MatchRequest
from portal.opportunities.models import Shift, ShiftBooking

from .conftest import make_shift, offer_data, referral_data, started_value

pytestmark = pytest.mark.django_db

URLENCODED = "application/x-www-form-urlencoded"


def offer_url(opportunity):
    return reverse("matching:offer", args=[opportunity.pk])


def test_a_shift_named_twice_in_one_offer_takes_one_place(client, ad_hoc):
    shift = make_shift(ad_hoc, capacity=3)
    response = client.post(offer_url(ad_hoc), offer_data(shifts=[str(shift.pk)] * 3))
    assert response.status_code == 302
    assert ShiftBooking.objects.filter(shift=shift, released_at__isnull=True).count() == 1
    assert Shift.objects.with_places().get(pk=shift.pk).places_left == 2


def test_the_database_holds_one_active_place_per_shift_and_request(ad_hoc):
    shift = make_shift(ad_hoc, capacity=3)
    ShiftBooking.objects.create(shift=shift, reference="BL-AAAA-BBBB")
    with pytest.raises(IntegrityError), transaction.atomic():
        ShiftBooking.objects.create(shift=shift, reference="BL-AAAA-BBBB")
    shift.release("BL-AAAA-BBBB")
    ShiftBooking.objects.create(shift=shift, reference="BL-AAAA-BBBB")  # after a release
    assert ShiftBooking.objects.filter(shift=shift).count() == 2


@pytest.mark.parametrize("opportunity_id", [2**31, 2**63, 2**64 + 1, 10**40])
def test_an_opportunity_id_out_of_range_is_not_found(client, opportunity, opportunity_id):
    response = client.post(f"/tilmelding/{opportunity_id}/", offer_data())
    assert response.status_code == 404
    assert not MatchRequest.objects.exists()


def test_the_offer_address_is_the_one_the_tests_use(opportunity):
    assert offer_url(opportunity) == f"/tilmelding/{opportunity.pk}/"


def _raw_body(data, field, raw_value):
    fields = {name: value for name, value in data.items() if name != field}
    return urlencode(fields, doseq=True).encode() + b"&" + field.encode() + b"=" + raw_value


@pytest.mark.parametrize("raw_value", [b"\xff\xfe", b"%FF%FE", b"Hej%C3", b"Hej \xe6\xf8\xe5"])
def test_a_message_that_is_not_utf8_is_refused_next_to_the_field(client, opportunity, raw_value):
    body = _raw_body(offer_data(), "message", raw_value)
    response = client.post(offer_url(opportunity), body, content_type=URLENCODED)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'id="id_message-error"[^>]*>.*?ikke kunne læses', page, re.S)
    assert not MatchRequest.objects.exists()


def test_utf8_in_a_raw_body_is_stored_as_written(client, opportunity):
    body = _raw_body(offer_data(), "message", "Hej æøå".encode())
    response = client.post(offer_url(opportunity), body, content_type=URLENCODED)
    assert response.status_code == 302
    assert MatchRequest.objects.get().message == "Hej æøå"


def test_a_referral_that_is_not_utf8_is_refused(client, organisation, opportunity):
    body = _raw_body(referral_data(organisation), "referrer_role", b"Hj\xe6lper")
    response = client.post(reverse("matching:referral"), body, content_type=URLENCODED)
    assert response.status_code == 200
    assert "ikke kunne læses" in response.content.decode()
    assert not MatchRequest.objects.exists()


def test_a_start_stamp_copied_into_another_form_is_refused(client, opportunity, settings):
    settings.INTAKE_MIN_FILL_SECONDS = 3
    stamp = started_value(uuid.uuid4(), seconds_ago=60)
    response = client.post(offer_url(opportunity), offer_data(started=stamp))
    assert response.status_code == 200
    assert "udløbet" in response.content.decode()
    assert not MatchRequest.objects.exists()


def test_one_stamp_stores_one_request(client, opportunity):
    data = offer_data()
    first = client.post(offer_url(opportunity), data)
    again = client.post(offer_url(opportunity), data)
    other_person = client.post(offer_url(opportunity), {**data, "email": "bo@example.org"})
    assert again.headers["Location"] == first.headers["Location"]
    assert other_person.status_code == 200
    assert "allerede brugt" in other_person.content.decode()
    assert MatchRequest.objects.count() == 1


def _hidden(page, name):
    return re.search(rf'name="{name}" value="([^"]+)"', page).group(1)


def test_after_a_refusal_the_form_as_shown_can_be_sent(client, opportunity):
    data = offer_data(name="")
    refused = client.post(offer_url(opportunity), data).content.decode()
    retry = {**data, "name": "Åse Ærø-Østergård",
             "idempotency_token": _hidden(refused, "idempotency_token"),
             "started": _hidden(refused, "started")}
    assert client.post(offer_url(opportunity), retry).status_code == 302
    assert MatchRequest.objects.get().idempotency_token == uuid.UUID(data["idempotency_token"])


def test_after_a_token_clash_the_form_as_shown_can_be_sent(client, opportunity):
    data = offer_data()
    client.post(offer_url(opportunity), data)
    clash = {**data, "email": "bo@example.org"}
    refused = client.post(offer_url(opportunity), clash).content.decode()
    retry = {**clash, "idempotency_token": _hidden(refused, "idempotency_token"),
             "started": _hidden(refused, "started")}
    assert client.post(offer_url(opportunity), retry).status_code == 302
    assert MatchRequest.objects.filter(email="bo@example.org").count() == 1


def test_the_form_as_first_shown_can_be_sent(client, opportunity):
    page = client.get(opportunity.url).content.decode()
    data = {**offer_data(), "idempotency_token": _hidden(page, "idempotency_token"),
            "started": _hidden(page, "started")}
    assert client.post(offer_url(opportunity), data).status_code == 302
    assert MatchRequest.objects.count() == 1
