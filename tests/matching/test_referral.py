"""'Bestil en frivillig': choose where and what, see who offers it, send to one."""

import pytest
from django.urls import reverse

from portal.matching.models import Kind, MatchRequest, Status

from .conftest import make_opportunity, referral_data

pytestmark = pytest.mark.django_db
URL = "/bestil-frivillig/"


@pytest.fixture
def offering(organisation, other_organisation):
    """Two organisations offer visiting friends in Aalborg; one only in Odense."""
    make_opportunity(organisation)
    make_opportunity(other_organisation, title="Besøgsven i Odense", municipalities=("Odense",))
    return organisation


def test_the_address_is_part_of_the_product():
    assert reverse("matching:referral") == URL


def test_step_one_shows_only_organisations_offering_the_activity_there(client, offering):
    response = client.get(URL, {"municipality": "aalborg", "activity": "besoegsven"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Besøgsvennerne" in body and "Vågekonerne" not in body
    assert "Skriv ingen helbredsoplysninger" in body


def test_without_a_choice_the_page_asks_for_one(client, offering):
    body = client.get(URL).content.decode()
    assert "Vis organisationer" in body and 'name="consent"' not in body
    body = client.get(URL, {"municipality": "findes-ikke", "activity": "x"}).content.decode()
    assert 'id="error-summary"' in body


def test_a_valid_referral_goes_to_exactly_the_chosen_organisation(client, offering):
    response = client.post(URL, referral_data(offering))
    assert response.status_code == 302
    match_request = MatchRequest.objects.get()
    assert match_request.kind == Kind.REFERRAL
    assert match_request.organisation_id == offering.pk
    assert match_request.opportunity is None
    assert match_request.municipality.slug == "aalborg"
    assert match_request.activity.slug == "besoegsven"
    assert match_request.status == Status.NEW


def test_an_organisation_not_serving_the_municipality_is_refused(
    client, offering, other_organisation
):
    response = client.post(URL, referral_data(other_organisation))
    assert response.status_code == 200
    assert "tilbyder ikke denne hjælp" in response.content.decode()
    assert not MatchRequest.objects.exists()


@pytest.mark.parametrize("field,value,message", [
    ("citizen_consent", "", "samtykke"),
    ("referrer_role", "", "påkrævet"),
    ("message", "z" * 601, "højst have 600 tegn"),
    ("email", "hanne@", "gyldig e-mail"),
])
def test_bad_referrals_store_nothing(client, offering, field, value, message):
    response = client.post(URL, referral_data(offering, **{field: value}))
    assert message in response.content.decode()
    assert not MatchRequest.objects.exists()


def test_direct_contact_needs_the_citizens_phone(client, offering):
    response = client.post(URL, referral_data(offering, contact_route="direct"))
    assert "borgerens telefonnummer" in response.content.decode()
    assert client.post(URL, referral_data(
        offering, contact_route="direct", citizen_phone="98 76 54 32")).status_code == 302


def test_the_form_has_no_diagnosis_field(client, offering):
    body = client.get(URL, {"municipality": "aalborg", "activity": "besoegsven"}).content.decode()
    assert 'name="diagnosis"' not in body and 'name="diagnose"' not in body
