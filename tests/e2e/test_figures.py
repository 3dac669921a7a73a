"""The figures in a real browser: /tal/ and a municipality's, wide and narrow, and an
organisation's own figures in the admin for its coordinator; all axe-clean."""

import pytest
from django.urls import reverse

from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationPage

from .test_coordinator_admin import sign_in_with_code

pytestmark = pytest.mark.e2e

WIDTHS = (1280, 320)
PAGES = ("/tal/", "/tal/?sted=kommune-aalborg")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_figures_pages_are_accessible_and_fit_the_screen(demo_site, page, assert_accessible,
                                                             width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        page.goto(demo_site.url + path)
        # The demo's generated year gives every chart bars and the tables numbers.
        assert page.locator("svg.chart[role=img]").count() == 5
        assert page.locator(".figure__table td").count() > 50
        assert_accessible(page)
        scrolled = page.evaluate("document.documentElement.scrollWidth")
        assert scrolled <= width, f"{path} scrolls sideways at {width}px ({scrolled}px)"


def test_the_place_is_picked_with_the_form_alone(demo_site, page):
    page.goto(demo_site.url + "/tal/")
    page.get_by_label("Vis tal for").select_option(label="Aalborg")
    page.get_by_role("button", name="Vis tal").click()
    page.wait_for_url("**/tal/?sted=kommune-aalborg")
    assert page.get_by_role("heading", level=1).inner_text() == "Tal: Aalborg"


def test_a_coordinator_sees_their_organisations_figures_and_no_one_elses(
    demo_site, page, assert_accessible
):
    base = demo_site.url
    sign_in_with_code(page, base, "koordinator-nord")
    page.goto(base + reverse("figures_admin"))
    own = in_default_locale(OrganisationPage.objects).get(slug="besoegsvennerne-nord")
    page.wait_for_url(base + reverse("figures_admin_organisation", args=[own.pk]))
    assert page.get_by_role("heading", name="Pr. frivilligopgave").is_visible()
    assert page.locator("svg.chart[role=img]").count() == 5
    assert_accessible(page)
    other = OrganisationPage.objects.exclude(pk=own.pk).first()
    response = page.goto(base + reverse("figures_admin_organisation", args=[other.pk]))
    assert response.status == 404
