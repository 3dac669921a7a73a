"""The editor's form in a real browser: a Danish slug from the title, tick boxes, axe-clean."""

import pytest
from playwright.sync_api import expect

from .conftest import WCAG_TAGS

pytestmark = pytest.mark.e2e

TITLE = "Besøg på plejehjem i Århus"
SLUG = "besoeg-paa-plejehjem-i-aarhus"


def sign_in(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "bindeled-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/admin/")


TICK_BOXES = ["municipalities", "activities", "target_groups"]


def test_the_opportunity_form_spells_the_slug_in_danish_and_ticks_places(demo_site, page, axe):
    base = demo_site.url
    sign_in(page, base, "redaktoer")
    page.get_by_role("link", name="Opret frivilligopgave").first.click()
    # Wagtail's title-to-slug sync starts once the admin's scripts have run; on a
    # loaded machine typing could begin before, and the slug stayed empty.
    page.wait_for_url("**/admin/pages/add/opportunities/opportunitypage/**")
    title = page.locator("input[name=title]")
    title.press_sequentially(TITLE)
    title.blur()
    expect(page.locator("input[name=slug]")).to_have_value(SLUG)

    places = page.locator("[data-contentpath=municipalities]")
    region = places.get_by_role("group", name="Region Nordjylland")
    region.get_by_label("Aalborg", exact=True).check()
    expect(places.get_by_label("Aalborg", exact=True)).to_be_checked()
    page.locator("[data-contentpath=activities]").get_by_label("Arrangementer", exact=True).check()
    # The tick boxes this project adds; the rest of the form is Wagtail's own (its tag
    # field, "skills", has an input without a label that axe reports).
    context = {"include": [[f"[data-contentpath={name}]"] for name in TICK_BOXES]}
    results = axe.run(page, context=context,
                      options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.response["violations"] == []
    assert len(results.response["passes"]) > 0
