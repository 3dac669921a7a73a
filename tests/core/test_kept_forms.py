"""An opportunity page, with its offer form, is kept whole; each visitor gets fresh form values.

The kept copy holds markers where the CSRF token and the form's one-time token
and start time were; every visitor served it gets values of their own, a CSRF
cookie, and a form that the server accepts.
"""

import gzip
import re

import brotli
import pytest
from django.http import HttpResponse
from django.test import Client

from portal.matching.models import MatchRequest
from tests.matching.conftest import make_opportunity, make_shift

pytestmark = pytest.mark.django_db

FORM_VALUES = ("csrfmiddlewaretoken", "idempotency_token", "started")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.INTAKE_MIN_FILL_SECONDS = 0


@pytest.fixture
def opportunity(home, opportunity_index, organisation):
    page = make_opportunity(organisation, title="Besøgsven til Inger", commitment="ad_hoc")
    make_shift(page, capacity=5)
    return page


def visitor():
    return Client(enforce_csrf_checks=True)


def hidden_values(response):
    html = response.content.decode()
    return {name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1)
            for name in FORM_VALUES}


def offer(page, values):
    return {**values, "shifts": [str(page.shifts.get().pk)], "name": "Åse Ærø-Østergård",
            "email": "aase@example.org", "phone": "+45 12 34 56 78",
            "message": "Jeg har tid om onsdagen.", "consent": "on", "website": ""}


def test_the_second_visitor_is_served_the_kept_page_with_values_of_their_own(opportunity):
    first, second = visitor(), visitor()

    made = first.get(opportunity.url)
    served = second.get(opportunity.url)

    assert (made["X-Page-Cache"], served["X-Page-Cache"]) == ("miss", "hit")
    assert b"\x00" not in served.content
    first_values, second_values = hidden_values(made), hidden_values(served)
    assert all(first_values[name] != second_values[name] for name in FORM_VALUES)
    assert served.cookies["csrftoken"].value
    assert served.cookies["csrftoken"].value != made.cookies["csrftoken"].value
    assert served["Cache-Control"] == "private, no-cache"
    assert "Besøgsven til Inger" in served.content.decode()


def test_two_visitors_of_the_kept_page_both_sign_up(opportunity):
    first, second = visitor(), visitor()
    pages = [first.get(opportunity.url), second.get(opportunity.url)]

    url = f"/tilmelding/{opportunity.pk}/"
    answers = [client.post(url, offer(opportunity, hidden_values(page)))
               for client, page in zip((first, second), pages, strict=True)]

    assert [answer.status_code for answer in answers] == [302, 302]
    assert MatchRequest.objects.filter(opportunity=opportunity).count() == 2


def test_a_visitor_keeps_their_csrf_cookie_so_a_form_in_another_tab_still_works(
    opportunity, organisation
):
    other = make_opportunity(organisation, title="Spiseven til Bent", commitment="ad_hoc")
    make_shift(other, capacity=5)
    visitor().get(other.url)
    tabs = visitor()
    first_tab = tabs.get(opportunity.url)

    second_tab = tabs.get(other.url)
    answer = tabs.post(f"/tilmelding/{opportunity.pk}/",
                       offer(opportunity, hidden_values(first_tab)))

    assert second_tab["X-Page-Cache"] == "hit"
    assert "csrftoken" not in second_tab.cookies or (
        second_tab.cookies["csrftoken"].value == first_tab.cookies["csrftoken"].value)
    assert answer.status_code == 302


def test_a_kept_form_page_is_compressed_for_a_client_that_takes_brotli_only(opportunity):
    visitor().get(opportunity.url, HTTP_ACCEPT_ENCODING="br")

    served = visitor().get(opportunity.url, HTTP_ACCEPT_ENCODING="br")

    assert (served["X-Page-Cache"], served["Content-Encoding"]) == ("hit", "br")
    assert "csrfmiddlewaretoken" in brotli.decompress(served.content).decode()


def test_a_browser_gets_the_kept_form_page_gzipped_with_values_of_its_own(opportunity):
    made = visitor().get(opportunity.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    browser = visitor()

    served = browser.get(opportunity.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    page = gzip.decompress(served.content)
    answer = browser.post(f"/tilmelding/{opportunity.pk}/",
                          offer(opportunity, hidden_values(HttpResponse(page))))

    assert (served["X-Page-Cache"], served["Content-Encoding"]) == ("hit", "gzip")
    assert served["Content-Length"] == str(len(served.content))
    assert "Accept-Encoding" in served["Vary"]
    assert "Besøgsven til Inger" in page.decode()
    assert hidden_values(HttpResponse(page)) != hidden_values(
        HttpResponse(brotli.decompress(made.content)))
    assert answer.status_code == 302


def test_a_booking_retires_the_kept_page_so_the_free_places_are_right(opportunity):
    visitor().get(opportunity.url)
    client = visitor()
    page = client.get(opportunity.url)
    answer = client.post(f"/tilmelding/{opportunity.pk}/", offer(opportunity, hidden_values(page)))

    assert answer.status_code == 302
    assert visitor().get(opportunity.url)["X-Page-Cache"] == "miss"


def test_a_visitor_with_a_session_gets_a_page_made_for_them(opportunity, settings):
    visitor().get(opportunity.url)
    signed_in = visitor()
    signed_in.cookies[settings.SESSION_COOKIE_NAME] = "someone"

    response = signed_in.get(opportunity.url)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_a_returning_visitor_signs_up_with_the_token_the_kept_page_gave_them(opportunity):
    visitor().get(opportunity.url)
    returning = visitor()
    returning.get(opportunity.url)

    page = returning.get(opportunity.url)
    answer = returning.post(f"/tilmelding/{opportunity.pk}/",
                            offer(opportunity, hidden_values(page)))

    assert page["X-Page-Cache"] == "hit"
    assert answer.status_code == 302
    assert MatchRequest.objects.filter(opportunity=opportunity).count() == 1


def test_a_kept_page_never_gives_two_visitors_the_same_csrf_token(opportunity):
    visitor().get(opportunity.url)

    tokens = {hidden_values(visitor().get(opportunity.url))["csrfmiddlewaretoken"]
              for _ in range(20)}

    assert len(tokens) == 20
    assert all(re.fullmatch("[A-Za-z0-9]{64}", token) for token in tokens)
