"""The search page and the search box, in a browser over the demo."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.e2e


def test_search_pages_have_no_axe_violations(demo_site, page, assert_accessible):
    page.goto(demo_site.url + "/soeg/?q=frivillige")
    assert page.locator(".search-result").count() > 1
    assert_accessible(page)

    # With a facet applied (the first region offered), then with nothing found.
    with page.expect_navigation():
        page.locator(".search-facets a").filter(has_text="Region").first.click()
    assert "region=" in page.url
    assert page.locator(".search-facets [aria-current=true]").count() == 1
    assert_accessible(page)

    page.goto(demo_site.url + "/soeg/?q=xyzzyqq")
    assert page.get_by_text("Ingen resultater for »xyzzyqq«").is_visible()
    assert_accessible(page)


def test_suggestions_are_usable_by_keyboard(demo_site, page, assert_accessible):
    page.goto(demo_site.url + "/")
    box = page.locator("#site-search-q")
    box.focus()
    page.keyboard.type("besøgsv", delay=30)
    options = page.locator("#site-search-q-forslag [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert_accessible(page)

    page.keyboard.press("ArrowDown")
    chosen = options.first
    assert box.get_attribute("aria-activedescendant") == chosen.get_attribute("id")
    assert chosen.get_attribute("aria-selected") == "true"
    title = chosen.inner_text().split("\n")[0].split(" Organisation")[0]

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/organisationer/.+/"))
    assert title.strip()[:10] in page.title()

    page.goto(demo_site.url + "/")
    page.locator("#site-search-q").focus()
    page.keyboard.type("besøgsv", delay=30)
    options.first.wait_for()
    page.keyboard.press("Escape")
    assert page.locator("#site-search-q").get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")  # with no suggestion chosen, the form is submitted
    page.wait_for_url(re.compile(r"/soeg/\?q="))


def test_the_search_box_and_facets_work_without_javascript(demo_site, no_js_page):
    no_js_page.goto(demo_site.url + "/")
    no_js_page.fill("#site-search-q", "frivillige")
    no_js_page.keyboard.press("Enter")
    no_js_page.wait_for_url(re.compile(r"/soeg/"))
    assert no_js_page.locator(".search-result").count() > 1

    with no_js_page.expect_navigation():
        no_js_page.locator(".search-facets a").filter(has_text="Region").first.click()
    params = parse_qs(urlparse(no_js_page.url).query)
    assert params["q"] == ["frivillige"]
    assert "region" in params
