"""The pages after an offer in a real browser, keyboard only and axe-clean: joining a
waiting list, taking a freed place, giving a shift back, and answering "Blev det et match?".

As in test_intake, what was stored is read from the pages the live server
sends, never from its tables, except the follow-up link the demo planned,
read from the links table only before the browser writes anything, and the
link to a freed place, read from the mail that offers it.
"""

import re

import pytest
from django.core import mail

from portal.matching import links
from portal.matching.tracking import ActionToken
from portal.opportunities.models import OpportunityPage

from .test_intake import focused, people_type_fast, press_on, submit, tab_to, type_into  # noqa: F401

pytestmark = pytest.mark.e2e


def christmas_baskets(demo_site):
    """Its morning shift is full (10 of 10), its afternoon shift has places."""
    page = OpportunityPage.objects.get(
        slug="juleuddeling-frederiksberg", locale__language_code="da"
    )
    return demo_site.url + page.url + "#tilmelding"


def fill_in_and_send(page, email):
    type_into(page, "id_name", "Åse Ærø-Østergård")
    type_into(page, "id_email", email)
    tab_to(page, "id_consent")
    if not page.locator("#id_consent").is_checked():
        page.keyboard.press("Space")
    submit(page, "Send tilmelding")
    assert "/kvittering/" in page.url


def test_a_full_shift_is_joined_as_a_waiting_list_by_keyboard(demo_site, page, assert_accessible):
    page.goto(christmas_baskets(demo_site))
    assert page.locator("#id_shifts_0").is_disabled()  # full: shown, not tickable
    assert_accessible(page)
    press_on(page, "id_waitlist_0")
    fill_in_and_send(page, "venteliste@example.org")

    assert page.get_by_role("heading", name="Du står på venteliste").is_visible()
    assert_accessible(page)


def test_a_booked_shift_is_given_back_by_keyboard(demo_site, page, assert_accessible):
    page.goto(christmas_baskets(demo_site))
    press_on(page, "id_shifts_1")
    fill_in_and_send(page, "afmeld@example.org")

    for _ in range(80):  # Tab to the shift's cancel link
        if (page.evaluate("() => document.activeElement.getAttribute('href')") or "").startswith(
                "/vagt/afmeld/"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("the cancel link cannot be reached with the Tab key")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/vagt/afmeld/" in page.url
    assert_accessible(page)
    submit(page, "Jeg kan alligevel ikke komme")
    assert page.get_by_role("heading", name="Du er afmeldt vagten").is_visible()
    assert_accessible(page)


def test_the_follow_up_is_answered_by_keyboard(demo_site, page, assert_accessible):
    pk, nonce = ActionToken.objects.filter(purpose=ActionToken.Purpose.FOLLOWUP).values_list(
        "pk", "nonce").order_by("pk").first()
    token = ActionToken(pk=pk, nonce=nonce, purpose=ActionToken.Purpose.FOLLOWUP)
    page.goto(demo_site.url + links.path(token) + "?svar=not_yet")
    assert page.locator("#svar-not_yet").is_checked()
    assert_accessible(page)
    tab_to(page, "svar-not_yet")
    page.keyboard.press("ArrowUp")  # radio buttons move with the arrow keys: "Nej"
    assert focused(page) == "svar-no"
    submit(page, "Send svar")
    assert page.get_by_role("heading", name="Tak for dit svar").is_visible()
    assert "Du svarede: Nej" in page.content()
    assert_accessible(page)


def test_a_freed_place_is_taken_by_keyboard(demo_site, page, assert_accessible):
    opportunity_page = demo_site.url + OpportunityPage.objects.get(
        slug="vaager-svendborg").url + "#tilmelding"
    page.goto(opportunity_page)  # the last place on a shift goes to one volunteer ...
    last_place = page.get_by_label(re.compile(r"\b1 ledig plads")).first
    shift_id = last_place.get_attribute("value")
    press_on(page, last_place.get_attribute("id"))
    fill_in_and_send(page, "sidste-plads@example.org")
    cancel_link = page.locator('a[href^="/vagt/afmeld/"]').first.get_attribute("href")
    page.goto(opportunity_page)  # ... the next one waits for it ...
    press_on(page, page.locator(f'input[name="waitlist"][value="{shift_id}"]').get_attribute("id"))
    fill_in_and_send(page, "venter@example.org")
    page.goto(demo_site.url + cancel_link)  # ... and is offered it when the first gives it back
    submit(page, "Jeg kan alligevel ikke komme")
    [offer] = [message for message in mail.outbox if message.to == ["venter@example.org"]
               and "/vagt/ledig-plads/" in message.body]
    link = re.search(r"/vagt/ledig-plads/\S+", offer.body).group(0)

    page.goto(demo_site.url + link)
    assert page.get_by_role("heading", name="Der er blevet en plads ledig").is_visible()
    assert_accessible(page)
    submit(page, "Tag pladsen")

    assert page.get_by_role("heading", name="Pladsen er din").is_visible()
    assert_accessible(page)
