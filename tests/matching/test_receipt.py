"""The receipt: reference, what happens next, and how to withdraw."""

import pytest
from django.urls import reverse

from portal.matching.models import MatchRequest, Status
from portal.matching.tasks import receipt_path
from portal.opportunities.models import ShiftBooking

from .conftest import make_request, make_shift, offer_data

pytestmark = pytest.mark.django_db


def test_a_forged_receipt_address_is_not_found(client, organisation):
    match_request = make_request(organisation)
    assert client.get(f"/kvittering/{match_request.reference}/").status_code == 404
    assert client.get(f"/kvittering/{match_request.reference}:forfalsket/").status_code == 404
    assert client.get(receipt_path(match_request)).status_code == 200


def test_the_receipt_states_the_retention_period(client, organisation, settings):
    settings.MATCH_REQUEST_RETENTION_DAYS = 90
    body = client.get(receipt_path(make_request(organisation))).content.decode()
    assert "efter 90 dage" in body


def test_withdrawing_releases_the_shift_and_is_logged(client, ad_hoc):
    from wagtail.models import ModelLogEntry

    shift = make_shift(ad_hoc)
    client.post(reverse("matching:offer", args=[ad_hoc.pk]), offer_data(shifts=[str(shift.pk)]))
    match_request = MatchRequest.objects.get()
    response = client.post(receipt_path(match_request) + "tilbagetraek/", follow=True)
    assert "trukket tilbage" in response.content.decode()
    match_request.refresh_from_db()
    assert match_request.status == Status.WITHDRAWN
    assert ShiftBooking.objects.get().released_at is not None
    entry = ModelLogEntry.objects.get(action="matching.status")
    assert entry.data == {"status": "withdrawn"} and entry.label == match_request.reference


def test_the_offer_form_tag_renders_on_an_open_opportunity(rf, opportunity):
    from django.template import engines

    template = engines["django"].from_string("{% load matching_tags %}{% offer_form page %}")
    request = rf.get("/")
    html = template.render({"page": opportunity, "request": request}, request)
    assert f'action="/tilmelding/{opportunity.pk}/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'autocomplete="email"' in html
    assert 'aria-describedby="id_email-hint"' in html
