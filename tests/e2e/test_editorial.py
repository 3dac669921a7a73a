"""The editorial path in a real browser, from an editor's draft to a bookable opportunity.

The demo editor creates an opportunity with two shifts, an image, a
municipality, an activity and target groups, previews it and submits it;
Redaktionen's moderator sends it back with a comment; the editor reads the
comment, fixes and resubmits; the moderator approves; the opportunity is then
in the listing, the search, both feeds and the sitemap, with its shifts
bookable. A trusted organisation's editor publishes at once. The screens the
project adds to the admin (the dashboards) are checked with axe-core.

Everything is asserted through the browser or HTTP: the test thread does not
read the tables itself (SQLite's shared in-memory database would lock the live
server out of writing).
"""

import contextlib
import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .test_intake import people_type_fast  # noqa: F401 (an autouse fixture)

pytestmark = pytest.mark.e2e

TITLE = "Kagebagere til caféen på Lærkely"
COMMENT = "Skriv gerne, hvad man skal have med."
TRUSTED_TITLE = "Hjælpere til loppemarkedet"


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "bindeled-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/admin/")


def choose(page, name, label):
    """Pick ``label`` in a many-to-many field: a list box or checkboxes, whichever it is."""
    select = page.locator(f"select[name={name}]")
    if select.count():
        select.select_option(label=label)
    else:
        field = page.locator(f"[data-contentpath={name}]")
        field.get_by_label(label, exact=True).check()


def local(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return f"{day:%Y-%m-%d} {hour:02}:00"


def add_shift(page, number, days):
    page.locator("#id_shifts-ADD").click()
    prefix = f"shifts-{number}"
    page.fill(f"input[name={prefix}-starts_at]", local(days, 14))
    page.keyboard.press("Escape")
    page.fill(f"input[name={prefix}-ends_at]", local(days, 17))
    page.keyboard.press("Escape")
    page.fill(f"input[name={prefix}-place]", "Plejecenter Lærkely, Aalborg")
    page.fill(f"input[name={prefix}-capacity]", "3")


def press(page, name):
    """Press a button of the page editor's action menu (some sit in a closed dropdown).

    First the editor's own background requests (preview, autosave) are let finish,
    for a while: an open preview panel may keep refreshing.
    """
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_load_state("networkidle", timeout=10_000)
    with page.expect_navigation():
        page.locator(f"button[name={name}]").evaluate("button => button.click()")
    page.locator(".messages .success").first.wait_for()


def workflow_action(page, base, title, label, comment=None):
    """Approve or send back from the moderator's dashboard, as its row menu does."""
    page.goto(base + "/admin/")
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=label, exact=True).click()
    if comment is not None:
        dialog = page.locator(".modal-dialog, [role=dialog]").filter(has=page.locator("textarea"))
        dialog.locator("textarea").fill(comment)
        with page.expect_navigation():
            dialog.locator("button[type=submit], input[type=submit]").first.click()
    else:
        page.wait_for_load_state("networkidle")


def create_opportunity(page, base):
    page.get_by_role("link", name="Opret frivilligopgave").first.click()
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=summary]", "Bag en kage til eftermiddagskaffen på plejecentret.")
    chooser = page.locator("[data-contentpath=image] button")
    chooser.filter(has_text=re.compile("image|billede", re.I)).first.click()
    page.get_by_role("link", name=re.compile("Besøgsvennerne Nord: kaffe")).click()
    page.fill("input[name=image_alt]", "To frivillige ved et kagebord")
    choose(page, "municipalities", "Aalborg")
    choose(page, "activities", "Arrangementer")
    choose(page, "target_groups", "Ældre")
    choose(page, "target_groups", "Ensomme")
    page.locator("select[name=commitment]").select_option(index=1)
    add_shift(page, 0, 10)
    add_shift(page, 1, 17)


def preview_shows(page, text):
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("#w-preview-iframe").get_by_text(text).first.wait_for()


def test_an_opportunity_goes_from_draft_through_redaktionen_to_the_public_site(
    demo_site, page, assert_accessible
):
    base = demo_site.url
    sign_in(page, base, "redaktoer")
    assert_accessible(page)

    create_opportunity(page, base)
    preview_shows(page, TITLE)
    press(page, "action-submit")

    sign_in(page, base, "moderator")
    panel = page.locator("#awaiting-review-section")
    assert TITLE in panel.inner_text() and "Besøgsvennerne Nord" in panel.inner_text()
    assert_accessible(page)
    workflow_action(page, base, TITLE, "Anmod om ændringer", comment=COMMENT)

    sign_in(page, base, "redaktoer")
    sent_back = page.locator("section, div").filter(has_text="Sendt tilbage af Redaktionen").last
    assert COMMENT in page.content() and TITLE in sent_back.inner_text()
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).first.click()
    page.fill("input[name=languages]", "dansk")
    press(page, "action-submit")

    sign_in(page, base, "moderator")
    workflow_action(page, base, TITLE, "Godkend")

    page.goto(base + "/frivilligopgaver/")
    with page.expect_navigation():
        page.get_by_role("link", name=TITLE).first.click()
    path = page.url.removeprefix(base)
    assert page.locator("input[name=shifts]").count() == 2
    assert path in page.request.get(base + "/soeg/?q=kagebagere").text()
    assert path in page.request.get(base + "/frivilligopgaver/rss/").text()
    assert path in page.request.get(base + "/sitemap.xml").text()
    assert TITLE in page.request.get(base + "/frivilligopgaver/kalender/").text()

    page.locator("input[name=shifts]").first.check()  # and a volunteer books a shift
    page.fill("#id_name", "Åse Ærø-Østergård")
    page.fill("#id_email", "kagebager@example.org")
    page.check("#id_consent")
    with page.expect_navigation():
        page.get_by_role("button", name="Send tilmelding").click()
    assert page.get_by_role("heading", name="Dine vagter").is_visible()
    assert TITLE in page.locator("main").inner_text()


def test_a_trusted_organisations_editor_publishes_at_once(demo_site, page):
    base = demo_site.url
    sign_in(page, base, "redaktoer-festival")
    page.get_by_role("link", name="Opret frivilligopgave").first.click()
    page.fill("input[name=title]", TRUSTED_TITLE)
    page.fill("input[name=summary]", "Sæt boder op og sælg kaffe en lørdag formiddag.")
    page.locator("select[name=commitment]").select_option(index=1)
    assert "Udgiv" in page.locator("button[name=action-submit]").text_content()
    press(page, "action-submit")
    assert f"»{TRUSTED_TITLE}« er udgivet." in page.locator(".messages").inner_text()

    listing = page.request.get(base + "/frivilligopgaver/").text()
    assert TRUSTED_TITLE in listing
