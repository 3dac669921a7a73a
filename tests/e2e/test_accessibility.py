"""Every page type of the demo passes axe-core and is usable by keyboard."""

import pytest

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
