"""Suggestions in a real browser: the demo coordinator sees them, with their reasons,
on a demo referral and on a demo offer, and the panel passes axe.

Nothing is clicked that would write: the demo is shared by the browser tests.
"""

import uuid

import pytest
from django.urls import reverse

from portal.matching.demo import DEMO_NAMESPACE
from portal.matching.models import MatchRequest

from .test_coordinator_admin import sign_in_with_code

pytestmark = pytest.mark.e2e


def demo_request(key):
    return MatchRequest.objects.get(idempotency_token=uuid.uuid5(DEMO_NAMESPACE, key))


def inspect(base, key):
    return base + reverse("wagtailsnippets_matching_matchrequest:inspect",
                          args=[demo_request(key).pk])


def test_a_coordinator_sees_suggestions_with_reasons(demo_site, page, assert_accessible):
    base = demo_site.url
    sign_in_with_code(page, base, "koordinator-nord")

    page.goto(inspect(base, "nord-3"))  # a new referral: Aalborg, besøgsven
    panel = page.locator("[data-suggestions]")
    assert panel.get_by_role("heading", level=2).inner_text() == (
        "Forslag: frivilligopgaver, der kan passe")
    titles = panel.get_by_role("heading", level=3).all_inner_texts()
    assert titles[:2] == ["Besøgsven for en ældre i Aalborg Øst", "Telefonven for ensomme ældre"]
    first = panel.locator("li").first
    assert "samme kommune (Aalborg), samme aktivitet (Besøgsven)" in first.inner_text()
    assert panel.get_by_text("Ingen kontaktes, når du kobler et forslag.").is_visible()
    assert_accessible(page)

    page.goto(inspect(base, "nord-1"))  # a new offer on the Aalborg opportunity
    panel = page.locator("[data-suggestions]")
    references = panel.get_by_role("heading", level=3).all_inner_texts()
    # Other browser tests may have sent referrals to the same organisation meanwhile.
    demo_referrals = [demo_request("nord-3").reference, demo_request("nord-9").reference]
    assert [reference for reference in references if reference in demo_referrals] == (
        demo_referrals)
    assert panel.get_by_role("button", name=f"Kobl til {references[0]}").is_visible()
    assert_accessible(page)
