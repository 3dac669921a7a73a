"""An opportunity alert in a real browser: from a filtered listing to the form, the link in
the confirmation mail, and the unsubscribe link; every page passes axe.

Like the intake tests, the test reads only pages and mails, never the database itself
(SQLite's shared in-memory database would lock the live server out)."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.e2e

ADDRESS = "opgaveagent-e2e@example.org"


@pytest.fixture(autouse=True)
def people_type_fast(settings):
    """The live server runs in this process, so the test can relax the fill-time guard."""
    settings.INTAKE_MIN_FILL_SECONDS = 0
    settings.INTAKE_RATE_LIMIT = 10_000


def link_path(message, kind):
    return re.search(rf"/opgaveagent/{kind}/\S+/", message.body).group(0)


def test_an_alert_is_asked_for_confirmed_and_unsubscribed(demo_site, page, assert_accessible):
    page.goto(demo_site.url + "/frivilligopgaver/?kommune=aalborg")
    with page.expect_navigation():
        page.get_by_role("link", name="Få besked om nye opgaver").click()
    assert page.url == demo_site.url + "/opgaveagent/?kommune=aalborg"
    assert page.get_by_role("listitem").filter(has_text="Kommune: Aalborg").is_visible()
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Opret opgaveagent").click()  # no address yet
    assert page.locator("#id_email-error").is_visible()
    assert_accessible(page)

    page.get_by_label("Din e-mail").fill(ADDRESS)
    page.get_by_label("Dagligt").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Opret opgaveagent").click()
    assert page.get_by_role("heading", name="Tjek din e-mail").is_visible()
    assert ADDRESS not in page.url
    assert_accessible(page)

    [confirmation] = [message for message in mail.outbox if message.to == [ADDRESS]]
    page.goto(demo_site.url + link_path(confirmation, "bekraeft"))
    assert page.get_by_role("heading", name="Bekræft din opgaveagent").is_visible()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Bekræft opgaveagenten").click()
    assert page.get_by_role("heading", name="Din opgaveagent er aktiv").is_visible()
    assert "Du får en e-mail dagligt" in page.locator("main").inner_text()
    assert_accessible(page)

    page.goto(demo_site.url + link_path(confirmation, "afmeld"))
    assert page.get_by_role("heading", name="Afmeld opgaveagent").is_visible()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Afmeld og slet min e-mailadresse").click()
    assert page.get_by_role("heading", name="Du er afmeldt").is_visible()
    assert_accessible(page)
    assert len([message for message in mail.outbox if message.to == [ADDRESS]]) == 1
