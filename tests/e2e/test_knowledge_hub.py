"""The knowledge hub in a real browser: no axe violations, and comparing works without JS."""

import pytest

from portal.cases.models import CasePage, GuidePage
from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import ToolPage

pytestmark = pytest.mark.e2e

LISTINGS = [
    "/erfaringer/",
    "/erfaringer/?tema=ensomhed&tema=samskabelse&partnere=forening-kommune",
    "/erfaringer/?tema=findes-ikke&q=ingenting",
    "/vaerktoejer/",
    "/vaerktoejer/?kategori=vagtplaner&sprog=dansk&data=eu",
    "/organisationer/",
    "/organisationer/?type=ngo&tema=ensomhed&page=1",
]


def test_hub_pages_have_no_axe_violations(demo_site, page, assert_accessible):
    case = in_default_locale(CasePage.objects.live()).get(slug="it-frivillige-og-borgerservice")
    guide = in_default_locale(GuidePage.objects.live()).get(slug="kom-i-gang-med-samskabelse")
    tool = in_default_locale(ToolPage.objects.live()).get(slug="vagtplan-frivillig")
    profile = in_default_locale(OrganisationPage.objects.live()).get(slug="festivalhjaelperne")
    pair = ToolPage.objects.live().order_by("pk").values_list("pk", flat=True)[:3]
    comparisons = [
        f"/vaerktoejer/sammenlign/?vaerktoej={pair[0]}&vaerktoej={pair[1]}&vaerktoej={pair[2]}",
        f"/vaerktoejer/sammenlign/?vaerktoej={pair[0]}&vaerktoej=999999",
    ]
    for path in [case.url, guide.url, tool.url, profile.url, *LISTINGS, *comparisons]:
        page.goto(demo_site.url + path)
        assert_accessible(page)


def test_hub_pages_fit_a_phone(demo_site, phone, assert_accessible):
    tool_ids = ToolPage.objects.live().values_list("pk", flat=True)[:3]
    query = "&".join(f"vaerktoej={pk}" for pk in tool_ids)
    case = in_default_locale(CasePage.objects.live()).get(slug="ishoej-netvaerk-mod-ensomhed")
    for path in ("/erfaringer/", "/vaerktoejer/", case.url, f"/vaerktoejer/sammenlign/?{query}"):
        phone.goto(demo_site.url + path)
        assert_accessible(phone)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways on a phone ({width}px)"


def test_comparing_tools_without_javascript(demo_site, no_js_page):
    no_js_page.goto(demo_site.url + "/vaerktoejer/")
    no_js_page.get_by_label("Sammenlign VagtPlan Frivillig").check()
    no_js_page.get_by_label("Sammenlign Frivilligmatch").check()
    no_js_page.get_by_role("button", name="Sammenlign valgte").click()
    no_js_page.wait_for_url("**/vaerktoejer/sammenlign/?*")
    headers = no_js_page.locator("table th[scope=col]").all_inner_texts()
    assert headers == ["Frivilligmatch", "VagtPlan Frivillig"] or headers == [
        "VagtPlan Frivillig", "Frivilligmatch"
    ]


def test_filtering_by_keyboard_gives_a_shareable_address(demo_site, page):
    page.goto(demo_site.url + "/erfaringer/")
    page.get_by_label("Ensomhed").check()
    page.get_by_role("button", name="Vis resultater").press("Enter")
    page.wait_for_url("**/erfaringer/?*tema=ensomhed*")
    assert page.get_by_label("Ensomhed").is_checked()
    assert "erfaring" in page.locator("#results-heading").inner_text()


def test_compare_choice_stops_at_three_with_javascript(demo_site, page):
    page.goto(demo_site.url + "/vaerktoejer/")
    boxes = page.locator('input[name="vaerktoej"]')
    for index in range(3):
        boxes.nth(index).check()
    assert boxes.nth(3).is_disabled()
    assert "3 valgt" in page.locator("[data-compare-status]").inner_text()
