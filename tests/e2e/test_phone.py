"""A listing on a phone: results first, filters in a drawer that works without
JavaScript; the referral form's error links that move focus where a keyboard
can act; and sharing an opportunity, by its link or the phone's share sheet."""

import re

import pytest

from portal.opportunities.models import OpportunityPage

from .public_pages import LISTINGS

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def phone_context(browser, **options):
    return browser.new_context(locale="da-DK", viewport=PHONE, is_mobile=True,
                               has_touch=True, **options)


@pytest.fixture
def phone_390(browser):
    context = phone_context(browser)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_js(browser):
    context = phone_context(browser, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_the_first_result_starts_on_the_first_screen(demo_site, phone_390, name):
    phone_390.goto(demo_site.url + LISTINGS[name])
    drawer = phone_390.locator("[data-filter-drawer]")
    assert drawer.evaluate("element => element.open") is False
    first_card = phone_390.locator(".card-list > li").first.bounding_box()
    assert first_card["y"] < PHONE["height"], f"{name}: first result at {first_card['y']}px"
    assert phone_390.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def count(page):
    heading = page.locator("#results-heading").inner_text()
    return int(re.match(r"\d+", heading).group())


def test_the_drawer_opens_filters_and_applies_without_javascript(demo_site, phone_without_js):
    page = phone_without_js
    page.goto(demo_site.url + "/erfaringer/")
    everything = count(page)
    summary = page.locator(".filter-drawer__summary")
    assert f"{everything} resultater" in summary.inner_text()
    facet = page.get_by_role("checkbox", name=re.compile("^Vejledninger"))
    assert not facet.is_visible()

    summary.click()
    facet.check()
    page.get_by_role("button", name="Vis resultater").click()
    page.wait_for_url(re.compile(r"type=vejledning"))

    assert 0 < count(page) < everything
    assert page.locator(".hub-card__kind").all_inner_texts() == ["VEJLEDNING"] * count(page)
    chip = page.get_by_role("link", name="Slags: Vejledninger – fjern filteret")
    chip.click()
    page.wait_for_url(demo_site.url + "/erfaringer/")
    assert count(page) == everything


def test_on_a_desktop_the_filters_stay_beside_the_results_without_javascript(
        demo_site, no_js_page):
    no_js_page.goto(demo_site.url + "/erfaringer/")
    assert not no_js_page.locator(".filter-drawer__summary").is_visible()
    filters = no_js_page.get_by_role("checkbox", name=re.compile("^Vejledninger"))
    results = no_js_page.locator(".card-list > li").first
    assert filters.is_visible()
    assert filters.bounding_box()["x"] < results.bounding_box()["x"]


def test_applying_in_the_drawer_with_javascript_closes_it_and_shows_the_results(
        demo_site, phone_390):
    phone_390.goto(demo_site.url + "/frivilligopgaver/")
    everything = count(phone_390)
    phone_390.locator(".filter-drawer__summary").click()
    phone_390.locator("details[data-facet=type] > summary").click()
    phone_390.get_by_role("checkbox", name=re.compile("^Ad hoc")).check()
    phone_390.wait_for_url(re.compile(r"type="))
    phone_390.get_by_role("button", name="Vis resultater").click()
    drawer = phone_390.locator("[data-filter-drawer]")
    phone_390.wait_for_function("() => !document.querySelector('[data-filter-drawer]').open")
    assert count(phone_390) < everything
    assert f"{count(phone_390)} opgave" in drawer.locator(".filter-drawer__summary").inner_text()


def test_the_referral_forms_error_links_move_focus_to_the_first_option(demo_site, page):
    page.goto(demo_site.url + "/bestil-frivillig/")
    page.get_by_role("button", name="Vis organisationer").click()
    summary = page.locator("#error-summary")
    summary.wait_for()  # the server's summary, not a browser bubble
    summary.get_by_role("link", name=re.compile("^Borgerens kommune")).click()
    assert page.evaluate("document.activeElement.id") == "id_municipality"

    page.goto(demo_site.url + "/bestil-frivillig/?municipality=aalborg&activity=besoegsven")
    page.get_by_role("button", name="Send bestilling").click()
    page.locator("#error-summary").wait_for()
    page.locator("#error-summary").get_by_role(
        "link", name=re.compile("^Vælg organisation")).click()
    focused = page.evaluate("[document.activeElement.id, document.activeElement.type]")
    assert focused == ["id_organisation_0", "radio"]


# The share sheet itself is the phone's; the page's part is to hand it the title and address.
RECORD_SHARE = """Object.defineProperty(Navigator.prototype, "share", {
  configurable: true,
  value(data) { window.sharedWith = data; return Promise.resolve(); },
});"""


def test_an_opportunity_is_shared_by_its_link_or_the_phones_share_sheet(demo_site, browser):
    opportunity = OpportunityPage.objects.open().order_by("path").first()
    address = demo_site.url + opportunity.url
    context = phone_context(browser)
    context.add_init_script(RECORD_SHARE)
    page = context.new_page()
    try:
        page.goto(address)
        assert page.get_by_label(re.compile("^Link til opgaven")).input_value() == address
        page.get_by_role("button", name="Del med en app på telefonen").click()
        page.wait_for_function("() => window.sharedWith !== undefined")
        assert page.evaluate("window.sharedWith") == {"title": opportunity.title, "url": address}
    finally:
        context.close()


def test_without_javascript_the_link_is_there_and_no_dead_share_button(
        demo_site, phone_without_js):
    opportunity = OpportunityPage.objects.open().order_by("path").first()
    phone_without_js.goto(demo_site.url + opportunity.url)
    link = phone_without_js.get_by_label(re.compile("^Link til opgaven"))
    assert link.input_value() == demo_site.url + opportunity.url
    assert not phone_without_js.get_by_role("button", name="Del med en app på telefonen").count()
