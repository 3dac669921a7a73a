"""'Bestil en frivillig': errors the server explains, tied to their fields, and a
honeypot that people never meet."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from portal.matching.models import MatchRequest
from portal.opportunities.models import ShiftBooking

from .conftest import make_opportunity, make_shift, offer_data, referral_data

pytestmark = pytest.mark.django_db
URL = "/bestil-frivillig/"


@pytest.fixture
def offering(organisation):
    make_opportunity(organisation)
    return organisation


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def summary_links(page):
    return [(a["href"], a.get_text()) for a in page.select("#error-summary a")]


def test_step_one_without_a_choice_shows_the_servers_summary_not_the_browsers(client, offering):
    page = soup(client.get(URL, {"municipality": "", "activity": ""}))
    choice = page.select_one("form[data-referral-choice]")
    assert choice.has_attr("novalidate")
    assert not choice.select("[required]")
    assert summary_links(page) == [
        ("#id_municipality", "Borgerens kommune: Vælg borgerens kommune."),
        ("#id_activity", "Hvilken slags hjælp: Vælg, hvilken slags hjælp borgeren har brug for."),
    ]


def test_step_ones_errors_are_tied_to_their_selects(client, offering):
    page = soup(client.get(URL, {"municipality": "findes-ikke", "activity": ""}))
    for name, message in (("municipality", "Vælg en kommune fra listen."),
                          ("activity", "Vælg, hvilken slags hjælp borgeren har brug for.")):
        select = page.select_one(f"select#id_{name}")
        assert select["aria-invalid"] == "true"
        described = page.find(id=select["aria-describedby"])
        assert described is not None and message in described.get_text()


def test_step_one_without_errors_describes_nothing(client, offering):
    page = soup(client.get(URL))
    assert page.select_one("#id_municipality").get("aria-describedby") is None


def test_a_groups_summary_link_points_at_its_first_option(client, offering):
    data = referral_data(offering)
    del data["organisation"]
    page = soup(client.post(URL, data))
    links = dict(summary_links(page))
    assert "#id_organisation_0" in links
    first = page.select_one("#id_organisation_0")
    assert first.name == "input" and first["type"] == "radio"
    assert not MatchRequest.objects.exists()


def test_step_two_repeats_no_id_of_step_one(client, offering):
    page = soup(client.get(URL, {"municipality": "aalborg", "activity": "besoegsven"}))
    ids = [element["id"] for element in page.find_all(id=True)]
    assert sorted(ids) == sorted(set(ids))


def test_the_honeypot_is_out_of_reach_of_people_and_their_tools(client, offering):
    page = soup(client.get(URL, {"municipality": "aalborg", "activity": "besoegsven"}))
    trap = page.select_one("input[name=website]")
    assert trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None


def test_a_bot_filling_the_honeypot_stores_nothing(client, offering):
    page = soup(client.post(URL, referral_data(offering, website="http://spam.example")))
    summary = page.select_one("#error-summary").get_text()
    assert "Formularen kunne ikke sendes. Prøv igen." in summary
    assert not MatchRequest.objects.exists()


def test_the_offer_forms_shift_link_skips_a_full_shift(client, organisation):
    opportunity = make_opportunity(organisation, commitment="ad_hoc")
    full, free = make_shift(opportunity, days=2), make_shift(opportunity, days=4)
    ShiftBooking.objects.create(shift=full, reference="BL-FULD-VAGT")
    response = client.post(reverse("matching:offer", args=[opportunity.pk]),
                           offer_data(shifts=[]))
    page = soup(response)
    link = next(href for href, text in summary_links(page) if text.startswith("Vælg vagt"))
    target = page.find(id=link.removeprefix("#"))
    assert target["value"] == str(free.pk) and not target.has_attr("disabled")
    assert page.select_one(f"input[value='{full.pk}']").has_attr("disabled")
