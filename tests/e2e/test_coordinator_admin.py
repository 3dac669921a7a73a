"""The coordinators' admin screens in a real browser: signed in with both steps, axe-clean.

The demo coordinator signs in with the demo's authenticator key, then visits
every screen the project adds for coordinators: the dashboard panel, the
request listing (plain and filtered to the overdue ones), one request with its
attendance and follow-up, and the notification preferences.
"""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from portal.organisations.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

pytestmark = pytest.mark.e2e

LISTING = reverse("wagtailsnippets_matching_matchrequest:list")


def sign_in_with_code(page, base, username):
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.locator("input[name=code]").wait_for()
    page.fill("input[name=code]", f"{TOTP(base64.b32decode(DEMO_TOTP_SECRET)).token():06d}")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/admin/")


def test_a_coordinators_screens_are_accessible(demo_site, page, assert_accessible):
    base = demo_site.url
    sign_in_with_code(page, base, "koordinator-nord")

    panel = page.locator(".w-summary, [data-panel=match_requests]").filter(
        has_text=re.compile("henvendelse", re.I)
    )
    assert panel.count() >= 1
    assert_accessible(page)

    page.goto(base + LISTING)
    page.get_by_role("link", name=re.compile(r"^BL-")).first.wait_for()
    assert_accessible(page)

    page.goto(base + LISTING + "?overdue=true")
    assert_accessible(page)

    page.goto(base + LISTING)
    page.get_by_role("link", name=re.compile(r"^BL-")).first.click()
    page.get_by_text("Status").first.wait_for()
    assert_accessible(page)

    page.goto(base + reverse("wagtailsnippets_matching_matchrequest:preferences"))
    assert_accessible(page)
