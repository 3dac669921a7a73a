"""Organisations' needs in a real browser: no axe violations, and the directory filtered
by a need kind at desktop and phone width, without JavaScript too."""

import pytest

from portal.core.translations import in_default_locale
from portal.funding.models import FundingCallPage
from portal.needs.links import needs_for_call
from portal.needs.models import NeedPage
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import ToolPage

pytestmark = pytest.mark.e2e

PHONE_WIDTH = 375


def need_pages():
    current = in_default_locale(NeedPage.objects.current()).get(slug="kasserer-til-bestyrelsen")
    expired = in_default_locale(NeedPage.objects.expired()).get(slug="sms-vaerktoej-til-festivaler")
    tool_need = in_default_locale(NeedPage.objects.current()).get(slug="vagtplan-til-vaagere")
    return current, expired, tool_need


def test_need_pages_and_where_they_show_have_no_axe_violations(
    demo_site, page, assert_accessible
):
    current, expired, _tool_need = need_pages()
    profile = in_default_locale(OrganisationPage.objects).get(slug="besoegsvennerne-nord")
    tool = in_default_locale(ToolPage.objects.live()).get(slug="vagtplan-frivillig")
    # The demo's funding need ("Kursus for 20 nye besøgsvenner") is about loneliness,
    # which several demo calls fund.
    call = next(call for call in FundingCallPage.objects.live().order_by("pk")
                if needs_for_call(call))
    for path, text in [
        (call.url, "Organisationer der søger finansiering inden for samme tema"),
        (current.url, "Kan I hjælpe?"),
        (expired.url, "Udløbet"),
        (profile.url, "Det har vi brug for"),
        (tool.url, "Organisationer der søger et værktøj som dette"),
        ("/organisationer/?behov=tool", "Vågekonerne"),
        ("/soeg/?q=kasserer", "Behov"),
    ]:
        page.goto(demo_site.url + path)
        assert text in page.locator("main").inner_text(), path
        assert_accessible(page)


def _filter_by_premises(browser_page, opens_drawer):
    if opens_drawer:
        browser_page.locator("summary.filter-drawer__summary").click()
    facet = browser_page.locator("details.facet", has_text="Har behov for")
    if facet.get_attribute("open") is None:
        facet.locator("summary").click()
    browser_page.get_by_label("Lokaler").check()
    browser_page.get_by_role("button", name="Vis resultater").click()
    browser_page.wait_for_url("**/organisationer/?*behov=premises*")


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_the_directory_filtered_by_a_need_kind(demo_site, browser, assert_accessible, width):
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800},
                                  is_mobile=width == PHONE_WIDTH)
    browser_page = context.new_page()
    try:
        browser_page.goto(demo_site.url + "/organisationer/")
        _filter_by_premises(browser_page, opens_drawer=width == PHONE_WIDTH)
        titles = browser_page.locator("main .card__title").all_inner_texts()
        assert titles == ["Lektiecaféen i Gellerup"]
        assert_accessible(browser_page)
        scroll = browser_page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"the filtered directory scrolls sideways ({scroll}px)"
    finally:
        context.close()


def test_the_need_filter_works_without_javascript(demo_site, no_js_page):
    no_js_page.goto(demo_site.url + "/organisationer/")
    _filter_by_premises(no_js_page, opens_drawer=False)
    assert no_js_page.locator("main .card__title").all_inner_texts() == [
        "Lektiecaféen i Gellerup"]
