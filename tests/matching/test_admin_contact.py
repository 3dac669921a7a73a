"""A coordinator sees who a request is assigned to by name, and can write or call the sender."""

import csv
import io
import re

import pytest
from django.urls import reverse

from portal.matching.models import Kind
from tests.logins import sign_in_verified

from .conftest import coordinator_of, make_request

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_matching_matchrequest"


@pytest.fixture
def assignee(organisation):
    return coordinator_of(organisation, "mhansen", first_name="Mette", last_name="Hansen")


@pytest.fixture
def assigned(organisation, assignee):
    return make_request(organisation, assigned_to=assignee, phone="+45 12 34 56 78")


@pytest.fixture
def signed_in(client, coordinator):
    sign_in_verified(client, coordinator)
    return client


def test_the_assignee_is_shown_by_full_name(signed_in, assigned):
    listing = signed_in.get(reverse(f"{NS}:list")).content.decode()
    assert "Mette Hansen" in listing and "mhansen" not in listing
    assert re.search(r'<option value="\d+">Mette Hansen</option>', listing)
    detail = signed_in.get(reverse(f"{NS}:inspect", args=[assigned.pk])).content.decode()
    assert re.search(r"<dt>Tildelt</dt>\s*<dd>\s*Mette Hansen\s*</dd>", detail)
    assert re.search(r'<option value="\d+" selected>Mette Hansen</option>', detail)
    export = b"".join(signed_in.get(reverse(f"{NS}:list"), {"export": "csv"})
                      .streaming_content).decode()
    assert next(csv.DictReader(io.StringIO(export)))["Tildelt"] == "Mette Hansen"


def test_a_coordinator_without_a_name_is_shown_by_username(signed_in, organisation):
    nameless = coordinator_of(organisation, "uden-navn")
    match_request = make_request(organisation, assigned_to=nameless)
    detail = signed_in.get(reverse(f"{NS}:inspect", args=[match_request.pk])).content.decode()
    assert re.search(r"<dt>Tildelt</dt>\s*<dd>\s*uden-navn\s*</dd>", detail)


def test_email_and_phones_are_links(signed_in, assigned, organisation):
    detail = signed_in.get(reverse(f"{NS}:inspect", args=[assigned.pk])).content.decode()
    assert '<a href="mailto:aase@example.org">aase@example.org</a>' in detail
    assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in detail
    referral = make_request(organisation, kind=Kind.REFERRAL, email="", citizen_phone="98 76 54 32")
    detail = signed_in.get(reverse(f"{NS}:inspect", args=[referral.pk])).content.decode()
    assert '<a href="tel:98765432">98 76 54 32</a>' in detail
    assert "mailto:" not in detail
