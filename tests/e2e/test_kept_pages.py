"""A kept opportunity page in a real browser: joined from its gzipped parts, its form works."""

import pytest

from tests.e2e.test_intake import opportunity_url

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def pages_kept(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.INTAKE_MIN_FILL_SECONDS = 0
    settings.INTAKE_RATE_LIMIT = 10_000


def visit(browser, url):
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    page = context.new_page()
    return context, page, page.goto(url)


def test_the_second_visitor_gets_the_kept_page_gzipped_and_signs_up(demo_site, browser):
    url = opportunity_url(demo_site)
    first, _page, made = visit(browser, url)
    first.close()

    second, page, served = visit(browser, url)
    page.fill("#id_name", "Åse Ærø-Østergård")
    page.fill("#id_email", "aase@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Send tilmelding").click()

    assert made.headers["x-page-cache"] == "miss"
    assert served.headers["x-page-cache"] == "hit"
    assert served.headers["content-encoding"] == "gzip"
    assert "/kvittering/" in page.url
    assert page.locator(".receipt__reference strong").is_visible()
    second.close()
