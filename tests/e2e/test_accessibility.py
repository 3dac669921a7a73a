"""Every page type of the demo passes axe-core and is usable by keyboard; so do the states
a visitor meets on the way (filters chosen, nothing found, forms sent back with errors) at
a desktop width and at 320 px. Each page type's plain state is checked at both widths by
test_screenshots.py."""

import re

import pytest

from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage

pytestmark = pytest.mark.e2e

FOUNDATION_PAGES = [
    "/",
    "/organisationer/",
    "/frivilligopgaver/",
    "/erfaringer/",
    "/vaerktoejer/",
    "/om/",
    "/privatlivspolitik/",
    "/tilgaengelighed/",
    "/soeg/?q=besøgsven",
    "/soeg/",
    "/findes-ikke/",
]


def test_foundation_pages_have_no_axe_violations(demo_site, page, assert_accessible):
    organisation = OrganisationPage.objects.live().first()
    for path in [*FOUNDATION_PAGES, organisation.url]:
        page.goto(demo_site.url + path)
        assert_accessible(page)


def test_foundation_pages_have_no_axe_violations_on_a_phone(
    demo_site, phone, assert_accessible
):
    for path in ("/", "/organisationer/"):
        phone.goto(demo_site.url + path)
        assert_accessible(phone)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways on a phone ({width}px)"


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(demo_site, page):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Spring til indholdet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_main_navigation_is_reachable_by_keyboard(demo_site, page):
    page.goto(demo_site.url + "/")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    for label in ("Frivilligopgaver", "Bestil en frivillig", "Erfaringer", "Værktøjer",
                  "Organisationer"):
        assert label in reached


STATE_WIDTHS = {"1280px": {"width": 1280, "height": 800}, "320px": {"width": 320, "height": 640}}


@pytest.fixture(params=sorted(STATE_WIDTHS))
def sized(request, browser):
    context = browser.new_context(locale="da-DK", viewport=STATE_WIDTHS[request.param])
    yield context.new_page()
    context.close()


def send_empty(page, url, button):
    page.goto(url)
    page.get_by_role("button", name=button).click()
    page.locator("#error-summary").wait_for()


def test_the_states_on_the_way_have_no_axe_violations(demo_site, sized, assert_accessible):
    page = sized
    for path in ("/frivilligopgaver/?kommune=aalborg&type=ad_hoc", "/frivilligopgaver/?q=xyzzyq",
                 "/erfaringer/?type=vejledning", "/soeg/?q=xyzzyq"):
        page.goto(demo_site.url + path)
        assert_accessible(page)

    # The filter drawer opened on a phone (beside the results, it is always open).
    page.goto(demo_site.url + "/organisationer/")
    summary = page.locator(".filter-drawer__summary")
    if summary.is_visible():
        summary.click()
    assert_accessible(page)

    send_empty(page, demo_site.url + "/bestil-frivillig/", "Vis organisationer")
    assert_accessible(page)
    send_empty(page, demo_site.url + "/bestil-frivillig/?municipality=aalborg&activity=besoegsven",
               "Send bestilling")
    assert_accessible(page)
    opportunity = OpportunityPage.objects.open().order_by("path").first()
    send_empty(page, demo_site.url + opportunity.url, re.compile("^Send tilmelding"))
    assert_accessible(page)
