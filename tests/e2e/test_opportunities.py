"""The opportunity listing and page in a real browser: phone, no JS, keyboard, axe."""

import re

import pytest

from portal.opportunities.models import OpportunityPage, Shift

from .conftest import PHONE_VIEWPORT

pytestmark = pytest.mark.e2e


def result_count(page):
    text = page.locator("[data-result-count]").inner_text()
    return int(re.match(r"\d+", text).group())


def page_with_shifts():
    shift = Shift.objects.upcoming().select_related("opportunity").order_by("pk").first()
    return shift.opportunity


def test_listing_and_opportunity_pages_have_no_axe_violations(demo_site, page, assert_accessible):
    opportunity = page_with_shifts()
    for path in (
        "/frivilligopgaver/",
        "/frivilligopgaver/?kommune=aalborg&type=ad_hoc&type=one_off&sorter=naeste-vagt",
        "/frivilligopgaver/?q=ingenting-passer-her-zzz",
        "/frivilligopgaver/?kommune=atlantis&page=abc",
        opportunity.url,
    ):
        page.goto(demo_site.url + path)
        assert_accessible(page)


def test_opportunity_page_on_a_phone(demo_site, phone, assert_accessible):
    phone.goto(demo_site.url + page_with_shifts().url)
    assert_accessible(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]
    phone.get_by_role("link", name="Jeg vil gerne hjælpe").click()
    assert phone.url.endswith("#tilmelding")


def test_filtering_on_a_phone_without_javascript(demo_site, browser):
    context = browser.new_context(
        locale="da-DK", viewport=PHONE_VIEWPORT, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(demo_site.url + "/frivilligopgaver/")
        everything = result_count(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]
        page.locator(".filter-drawer__summary").click()  # on a phone the filters wait in a drawer
        page.locator("details[data-facet=type] > summary").click()
        page.get_by_label(re.compile("^Ad hoc")).check()
        page.get_by_role("button", name="Vis resultater").click()
        page.wait_for_url(re.compile(r"type=ad_hoc"))
        expected = OpportunityPage.objects.open().filter(commitment="ad_hoc").count()
        assert result_count(page) == expected < everything
    finally:
        context.close()


def test_filtering_on_a_phone_with_javascript_updates_in_place(demo_site, phone):
    phone.goto(demo_site.url + "/frivilligopgaver/")
    everything = result_count(phone)
    phone.evaluate("window.notReloaded = true")
    phone.locator(".filter-drawer__summary").click()  # on a phone the filters wait in a drawer
    phone.locator("details[data-facet=type] > summary").click()
    phone.get_by_label(re.compile("^Enkeltstående")).check()
    expected = OpportunityPage.objects.open().filter(commitment="one_off").count()
    status = phone.locator("[data-announce]")
    status.filter(has_text=f"{expected} frivilligopgave").wait_for()
    assert result_count(phone) == expected < everything
    assert "type=one_off" in phone.url
    assert phone.evaluate("window.notReloaded") is True  # no full page load
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]


def test_filtering_by_keyboard_only(demo_site, page):
    page.goto(demo_site.url + "/frivilligopgaver/")
    everything = result_count(page)
    summary = page.locator("details[data-facet=type] > summary")
    for _ in range(40):
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the commitment filter cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "type"
    page.keyboard.press("Space")
    page.locator("[data-announce]").filter(has_text="frivilligopgave").wait_for()
    assert result_count(page) < everything
    # Focus stays on the checkbox the visitor used, so they can go on from there.
    assert page.evaluate("document.activeElement.name") == "type"
    assert page.evaluate("document.activeElement.checked") is True
