"""Both intake forms in a real browser: keyboard only, error summary, axe-core clean.

The forms, their error state and the receipt must have zero axe violations,
and a person who only uses the keyboard must get from the first field to the
receipt. The receipt is the proof that a request was stored: the test thread
must not read the requests table itself, or SQLite's shared in-memory database
would lock the live server out of writing to it.
"""

import re

import pytest

from portal.core.translations import in_default_locale
from portal.opportunities.models import OpportunityPage

pytestmark = pytest.mark.e2e

MAX_TABS = 80


@pytest.fixture(autouse=True)
def people_type_fast(settings):
    """The live server runs in this process, so the test can relax the fill-time guard."""
    settings.INTAKE_MIN_FILL_SECONDS = 0
    settings.INTAKE_RATE_LIMIT = 10_000


def focused(page):
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return el ? (el.id || el.name || el.tagName) : null; }"
    )


def tab_to(page, element_id):
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        if focused(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def type_into(page, element_id, text):
    tab_to(page, element_id)
    page.keyboard.type(text)


def press_on(page, element_id, key="Space"):
    tab_to(page, element_id)
    page.keyboard.press(key)


def submit(page, button_text):
    for _ in range(MAX_TABS):
        label = page.evaluate("() => document.activeElement && document.activeElement.innerText")
        if label and label.strip() == button_text:
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"the button '{button_text}' cannot be reached with the Tab key")


def opportunity_url(demo_site):
    opportunities = in_default_locale(OpportunityPage.objects.open())
    opportunity = opportunities.get(slug="besoegsven-aalborg-oest")
    return demo_site.url + opportunity.url


def test_the_offer_form_works_by_keyboard_alone(demo_site, page, assert_accessible):
    page.goto(opportunity_url(demo_site) + "#tilmelding")
    assert_accessible(page)

    type_into(page, "id_name", "Åse Ærø-Østergård")
    press_on(page, "id_consent")
    submit(page, "Send tilmelding")

    assert focused(page) == "error-summary", "the error summary takes the focus"
    assert page.locator("#id_email-error").is_visible()
    assert page.locator("#id_email").get_attribute("aria-describedby") == (
        "id_email-hint id_email-error"
    )
    assert_accessible(page)

    type_into(page, "id_email", "aase@example.org")
    tab_to(page, "id_consent")
    if not page.locator("#id_consent").is_checked():
        page.keyboard.press("Space")
    submit(page, "Send tilmelding")

    assert "/kvittering/" in page.url
    reference = page.locator(".receipt__reference strong").inner_text()
    assert re.fullmatch(r"BL-[A-Z0-9]{4}-[A-Z0-9]{4}", reference)
    assert_accessible(page)


def test_the_referral_form_works_by_keyboard_alone(demo_site, page, assert_accessible):
    page.goto(demo_site.url + "/bestil-frivillig/")
    assert_accessible(page)

    tab_to(page, "id_municipality")
    page.keyboard.type("Aalborg")
    tab_to(page, "id_activity")
    page.keyboard.type("Besøgsven")
    page.keyboard.press("Tab")  # leaving the list fires the change the script listens for
    page.wait_for_selector("input[name=organisation]")
    assert page.locator("[data-choice-status]").inner_text().endswith("fundet")
    assert_accessible(page)

    submit(page, "Send bestilling")  # nothing filled in yet
    assert focused(page) == "error-summary"
    assert page.locator(".error-summary li").count() >= 5
    assert_accessible(page)

    tab_to(page, "id_organisation_0")
    page.keyboard.press("Space")
    type_into(page, "id_name", "Hanne Hjemmepleje")
    type_into(page, "id_referrer_role", "Social- og sundhedshjælper")
    type_into(page, "id_email", "hanne@example.org")
    press_on(page, "id_citizen_consent")
    press_on(page, "id_consent")
    submit(page, "Send bestilling")

    assert "/kvittering/" in page.url
    assert page.locator(".receipt__reference strong").is_visible()
    assert_accessible(page)


def test_the_referral_form_works_without_javascript(demo_site, no_js_page):
    page = no_js_page
    page.goto(demo_site.url + "/bestil-frivillig/")
    page.select_option("#id_municipality", label="Aalborg")
    page.select_option("#id_activity", label="Besøgsven")
    with page.expect_navigation():
        page.get_by_role("button", name="Vis organisationer").click()
    assert "municipality=aalborg" in page.url and "@" not in page.url
    assert page.locator("input[name=organisation]").count() >= 1
    assert "Skriv ingen helbredsoplysninger" in page.locator("#health-warning").inner_text()
