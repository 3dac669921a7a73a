"""The widget in a real browser: framed by a page of another site, axe-clean and narrow
enough for a 320 px column; the builder at /indlejr/ and its live preview."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

WIDTHS = (1280, 320)
WIDGET = "/indlejr/frivilligopgaver/?kommune=aalborg"


def titles(frame_or_page):
    return frame_or_page.locator(".card__title a").all_inner_texts()


@pytest.fixture
def host_page(page):
    """Opens a page of another site whose HTML frames ``frames``, 320 px wide each.

    A real server on 127.0.0.1 (the live server is on localhost): another origin, and,
    like a municipality's intranet, on the local network, which Chromium lets frame
    a local address (a page faked by Playwright counts as public and is refused)."""
    servers = []

    def open_page(frames):
        body = "".join(
            f'<iframe name="{name}" src="{src}" title="{name}" width="320" height="900"></iframe>'
            for name, src in frames.items())
        html = (f'<!DOCTYPE html><html lang="da"><title>Kommunen</title><main>{body}</main>'
                "</html>").encode()

        class Host(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the standard library's name)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(html)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Host)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        page.goto(f"http://127.0.0.1:{server.server_port}/frivillig.html")

    yield open_page
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_widget_and_the_builder_are_accessible_and_fit_the_screen(
    demo_site, page, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    for path in (WIDGET, "/indlejr/"):
        page.goto(demo_site.url + path)
        assert_accessible(page)
        scrolled = page.evaluate("document.documentElement.scrollWidth")
        assert scrolled <= width, f"{path} scrolls sideways at {width}px ({scrolled}px)"


def frame_named(page, name, seconds=10):
    """The frame ``name``. A refused frame is swapped for Chromium's error page,
    and under load the page can be loaded before the new frame is attached."""
    deadline = time.monotonic() + seconds
    while (frame := page.frame(name=name)) is None:
        assert time.monotonic() < deadline, f"no frame named {name!r} after {seconds} s"
        page.wait_for_timeout(100)
    return frame


def test_another_site_frames_the_widget_and_it_renders(demo_site, page, host_page):
    host_page({"widget": demo_site.url + WIDGET, "listen": demo_site.url + "/frivilligopgaver/"})
    widget, listing = frame_named(page, "widget"), frame_named(page, "listen")
    widget.wait_for_load_state()
    assert widget.get_by_role("heading", name="Frivilligopgaver").is_visible()
    assert titles(widget), "the widget shows opportunities inside the host's frame"
    assert widget.locator("header, footer, nav").count() == 0
    assert widget.evaluate("document.documentElement.scrollWidth") <= 320
    # The control: every other page refuses to be framed (frame-ancestors 'none').
    listing.wait_for_load_state()
    assert listing.url.startswith("chrome-error:")
    assert page.context.cookies(demo_site.url) == []


def test_a_card_in_the_frame_opens_the_full_opportunity_on_bindeled(demo_site, page,
                                                                   host_page):
    host_page({"widget": demo_site.url + WIDGET})
    widget = page.frame_locator("iframe")
    first = widget.locator(".card__title a").first
    title, href = first.inner_text(), first.get_attribute("href")
    with page.expect_navigation():
        first.click()
    assert page.url == demo_site.url + href  # the whole window, not the frame
    assert page.get_by_role("heading", level=1).inner_text() == title


def test_the_builders_preview_and_code_follow_the_chosen_filters(demo_site, page):
    page.goto(demo_site.url + "/frivilligopgaver/?kommune=aalborg")
    listed = titles(page)
    assert page.goto(demo_site.url + "/indlejr/").status == 200
    page.get_by_label("Kommune").select_option(label="Aalborg")
    page.get_by_label("Antal opgaver").fill("3")
    page.get_by_label("Antal opgaver").dispatch_event("change")
    preview = page.locator('iframe[data-embed-preview][src*="kommune=aalborg"][src*="antal=3"]')
    preview.wait_for()
    frame = preview.content_frame
    frame.locator(".card__title").first.wait_for()
    assert titles(frame) == listed[:3]
    code = page.get_by_label("HTML-kode til jeres hjemmeside").input_value()
    assert "/indlejr/frivilligopgaver/?kommune=aalborg&amp;antal=3" in code
    assert page.url.endswith("/indlejr/?kommune=aalborg&antal=3")
    # Said to a screen reader too, in the builder's own live region.
    expect(page.locator("[data-embed-status][role=status]")).to_have_text(
        "Forhåndsvisningen og koden er opdateret.")


def test_the_builder_works_without_javascript(demo_site, no_js_page):
    assert no_js_page.goto(demo_site.url + "/indlejr/").status == 200
    no_js_page.get_by_label("Kommune").select_option(label="Aalborg")
    with no_js_page.expect_navigation():
        no_js_page.get_by_role("button", name="Vis forhåndsvisning og kode").click()
    code = no_js_page.get_by_label("HTML-kode til jeres hjemmeside").input_value()
    assert "/indlejr/frivilligopgaver/?kommune=aalborg&amp;antal=5" in code
