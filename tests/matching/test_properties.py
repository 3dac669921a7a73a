"""Any text in any field: never a 500, and nothing stored unless the form was valid."""

import uuid

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.matching.models import MatchRequest

from .conftest import make_opportunity, offer_data, referral_data

pytestmark = pytest.mark.django_db

# Every character a browser can send (lone surrogates cannot be encoded as UTF-8).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
OFFER_FIELDS = ["name", "email", "phone", "message", "consent", "idempotency_token",
                "started", "website"]
REFERRAL_FIELDS = ["municipality", "activity", "organisation", "name", "referrer_role",
                   "referrer_workplace", "email", "phone", "preferred_times", "language",
                   "contact_route", "citizen_phone", "message", "citizen_consent", "consent",
                   "idempotency_token", "started", "website"]
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def check(client, url, data):
    response = client.post(url, data)
    token = data["idempotency_token"]
    stored = _is_uuid(token) and MatchRequest.objects.filter(idempotency_token=token).exists()
    # Stored: on to the receipt; refused: the form again, with its errors.
    assert response.status_code == (302 if stored else 200), response.status_code


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def open_opportunity(organisation):
    """One opportunity for all the examples of a test (the fixtures are shared by them)."""
    if not hasattr(organisation, "fuzz_opportunity"):
        organisation.fuzz_opportunity = make_opportunity(organisation)
    return organisation.fuzz_opportunity


@FUZZ
@given(field=st.sampled_from(OFFER_FIELDS), value=ANY_TEXT)
def test_offer_form_survives_any_text(client, organisation, field, value):
    opportunity = open_opportunity(organisation)
    data = offer_data()
    data[field] = value
    check(client, reverse("matching:offer", args=[opportunity.pk]), data)


@FUZZ
@given(field=st.sampled_from(REFERRAL_FIELDS), value=ANY_TEXT)
def test_referral_form_survives_any_text(client, organisation, field, value):
    open_opportunity(organisation)
    data = referral_data(organisation)
    data[field] = value
    check(client, reverse("matching:referral"), data)
