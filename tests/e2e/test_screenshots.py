"""A screenshot of every public page type at a desktop and the narrowest phone width.

The pictures land in ``screenshots/`` at the project root (git-ignored) as
``<page>-<width>.png``, for a person to look through after a change to the
layout. The same walk asserts what a picture cannot: nothing scrolls sideways
at 320 px, every image loads, and axe finds no violation at either width.
"""

from pathlib import Path

import pytest
from django.conf import settings

from .public_pages import public_pages
from .stored_media import media_on_disk  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("media_on_disk")]
SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots"
WIDTHS = {1280: 800, 320: 640}


@pytest.fixture(params=sorted(WIDTHS), ids=lambda width: f"{width}px")
def sized_page(request, browser):
    width = request.param
    context = browser.new_context(
        locale="da-DK", timezone_id="Europe/Copenhagen",
        viewport={"width": width, "height": WIDTHS[width]},
        is_mobile=width < 600, has_touch=width < 600,
    )
    page = context.new_page()
    yield width, page
    context.close()


def load_every_image(page):
    """The addresses of the page's images that did not load, lazy ones included: a full-page
    screenshot does not scroll, so a lazy image below the fold would be a blank box."""
    page.evaluate("for (const image of document.images) image.loading = 'eager'")
    page.wait_for_function("() => [...document.images].every(image => image.complete)")
    return page.evaluate(
        "[...document.images].filter(image => !image.naturalWidth).map(image => image.src)")


def test_every_public_page_type_at_desktop_and_phone_width(
        demo_site, sized_page, assert_accessible):
    width, page = sized_page
    SCREENSHOTS.mkdir(exist_ok=True)
    too_wide, broken = {}, {}
    for name, path in public_pages().items():
        response = page.goto(demo_site.url + path)
        assert response.status == 200, f"{name}: {path} answered {response.status}"
        if missing := load_every_image(page):
            broken[name] = missing
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[name] = scroll_width
        assert_accessible(page)
    assert too_wide == {}, f"pages that scroll sideways at {width} px: {too_wide}"
    assert broken == {}, f"images that did not load at {width} px: {broken}"
