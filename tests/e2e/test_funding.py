"""Funding calls and grants in a real browser: no axe violations at desktop and phone width,
nothing scrolls sideways at 375 px, and the listing filters without JavaScript."""

import re

import pytest

from portal.cases.models import CasePage
from portal.core.translations import in_default_locale
from portal.funding.models import FundingCallPage
from portal.organisations.models import OrganisationPage

pytestmark = pytest.mark.e2e

PHONE_WIDTH = 375


def paths():
    """The listing in a few filter states, an open and a closed call, a funder, a case."""
    open_call = in_default_locale(FundingCallPage.objects).get(slug="faellesskabspuljen")
    closed_call = in_default_locale(FundingCallPage.objects).get(slug="faellesskabspuljen-2026")
    funder = in_default_locale(OrganisationPage.objects).get(slug="fonden-for-faellesskab")
    case = in_default_locale(CasePage.objects).get(slug="ishoej-netvaerk-mod-ensomhed")
    return [
        ("/stoette/", "puljer"),
        ("/stoette/?status=snart", "Frist snart"),
        ("/stoette/?kommune=odense&ansoeger=foreninger", "Naboskab i Region Syddanmark"),
        ("/stoette/?q=ingenting-her", "Ingen åbne puljer passer"),
        (open_call.url, "Sådan søger I"),
        (closed_call.url, "Lukket"),
        (funder.url, "Hvad kom der ud af vores støtte"),
        (case.url, "Bevillinger"),
    ]


def test_funding_pages_have_no_axe_violations_at_desktop_width(
    demo_site, page, assert_accessible
):
    page.set_viewport_size({"width": 1280, "height": 900})
    for path, text in paths():
        page.goto(demo_site.url + path)
        assert text in page.locator("main").inner_text(), path
        assert_accessible(page)


def test_funding_pages_fit_a_phone_and_have_no_axe_violations(
    demo_site, phone, assert_accessible
):
    for path, text in paths():
        phone.goto(demo_site.url + path)
        assert text in phone.locator("main").inner_text(), path
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE_WIDTH, f"{path} is {width} px wide"
        assert_accessible(phone)


def count(browser_page):
    heading = browser_page.locator("#results-heading").inner_text()
    return int(re.match(r"\d+", heading).group())


def test_the_listing_filters_by_status_without_javascript(demo_site, no_js_page):
    no_js_page.goto(demo_site.url + "/stoette/")
    everything = count(no_js_page)
    facet = no_js_page.locator("details.facet", has_text="Status")
    if facet.get_attribute("open") is None:
        facet.locator("summary").click()
    no_js_page.get_by_label(re.compile("Frist inden for 30 dage")).check()
    no_js_page.get_by_role("button", name="Vis resultater").click()
    no_js_page.wait_for_url("**/stoette/?*status=snart*")

    soon = FundingCallPage.objects.filter(slug__in=[
        "digitale-vaerktoejer-i-foreningen", "naboskab-i-syddanmark"
    ])
    assert count(no_js_page) == soon.count() == 2 < everything
    titles = no_js_page.locator(".card__title").all_inner_texts()
    assert sorted(titles) == sorted(call.title for call in soon)
