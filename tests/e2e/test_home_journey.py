"""The home page starts the journey: the municipality picker leads to the filtered
listing with and without JavaScript, and the page is accessible on a desktop and at 320 px."""

import re

import pytest

pytestmark = pytest.mark.e2e
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "narrow": {"width": 320, "height": 640}}


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def visitor(browser, request):
    context = browser.new_context(locale="da-DK", java_script_enabled=request.param)
    yield context.new_page()
    context.close()


def test_the_picker_leads_to_the_listing_filtered_by_the_municipality(demo_site, visitor):
    visitor.goto(demo_site.url + "/")
    picker = visitor.get_by_role("form", name="Find en opgave nær dig")

    picker.get_by_label("Din kommune").select_option(label="Aalborg")
    picker.get_by_role("button", name="Vis opgaver").click()

    visitor.wait_for_url(re.compile(r"/frivilligopgaver/\?kommune=aalborg$"))
    active = visitor.locator(".active-filters")
    assert active.get_by_role("link", name=re.compile("Aalborg")).count() == 1
    assert visitor.locator("#results-heading").inner_text()[0].isdigit()


def test_online_leads_to_the_listing_of_online_opportunities(demo_site, visitor):
    visitor.goto(demo_site.url + "/")

    visitor.get_by_role("link", name=re.compile("løse online")).click()

    visitor.wait_for_url(re.compile(r"/frivilligopgaver/\?online=on$"))
    assert visitor.get_by_role("checkbox", name=re.compile("^Online")).is_checked()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_home_page_is_accessible_and_fits(demo_site, browser, assert_accessible, width):
    context = browser.new_context(locale="da-DK", viewport=WIDTHS[width])
    page = context.new_page()
    try:
        page.goto(demo_site.url + "/")
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
        # The journey's ways in are all there, in the demo too.
        assert page.get_by_role("button", name="Vis opgaver").is_visible()
        for name in ("Bestil en frivillig", "Bliv en del af Bindeled"):
            assert page.locator(".home-paths").get_by_role("link", name=name).is_visible()
    finally:
        context.close()
