"""Waiting lists: join a full shift, a freed place offered in order, for a limited time."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.matching.models import MatchRequest, Status
from portal.matching.tasks import receipt_path
from portal.matching.tracking import WaitingListEntry
from portal.matching.workflow import change_status
from portal.opportunities.models import ShiftBooking

from .conftest import make_shift, offer_data
from .scheduled import db_tasks, run_due_tasks  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]


def sign_up(client, opportunity, email, shifts=(), waitlist=()):
    client.post(reverse("matching:offer", args=[opportunity.pk]), offer_data(
        email=email, shifts=[str(s.pk) for s in shifts], waitlist=[str(s.pk) for s in waitlist]))
    run_due_tasks()
    return MatchRequest.objects.get(email=email)


def offer_link(email):
    message = next(m for m in reversed(mail.outbox)
                   if m.to == [email] and "ledig plads" in m.subject)
    return re.search(r"http://\S+/vagt/ledig-plads/\S+/", message.body).group(0)


@pytest.fixture
def full_shift(client, ad_hoc):
    shift = make_shift(ad_hoc, capacity=1)
    holder = sign_up(client, ad_hoc, "holder@example.org", shifts=[shift])
    return shift, holder


def test_a_full_shift_can_be_joined_as_a_waiting_list_instead(client, ad_hoc, full_shift):
    shift, _holder = full_shift
    waiting = sign_up(client, ad_hoc, "bo@example.org", waitlist=[shift])
    assert WaitingListEntry.objects.get(request=waiting).state == WaitingListEntry.State.WAITING
    assert not ShiftBooking.objects.filter(reference=waiting.reference).exists()
    receipt = client.get(receipt_path(waiting)).content.decode()
    assert "Du står på venteliste" in receipt


def test_a_freed_place_is_offered_to_the_first_in_line_only_and_held_for_them(
    client, ad_hoc, full_shift
):
    shift, holder = full_shift
    sign_up(client, ad_hoc, "first@example.org", waitlist=[shift])
    sign_up(client, ad_hoc, "second@example.org", waitlist=[shift])
    mail.outbox.clear()

    change_status(holder, Status.WITHDRAWN)
    run_due_tasks()

    assert [m.to for m in mail.outbox] == [["first@example.org"]]
    # Held for them: a newcomer sees the shift as full and cannot book it.
    response = client.post(reverse("matching:offer", args=[ad_hoc.pk]),
                           offer_data(email="late@example.org", shifts=[str(shift.pk)]))
    assert "Der er ikke flere pladser" in response.content.decode()
    link = offer_link("first@example.org")
    assert client.get(link).status_code == 200  # a look changes nothing
    assert not ShiftBooking.objects.filter(shift=shift, released_at__isnull=True).exists()
    assert "Pladsen er din" in client.post(link).content.decode()
    first = MatchRequest.objects.get(email="first@example.org")
    assert ShiftBooking.objects.get(shift=shift, released_at__isnull=True).reference == \
        first.reference
    assert client.post(link).status_code == 410  # used once


def test_an_unanswered_offer_expires_and_goes_to_the_next(client, ad_hoc, full_shift, settings):
    settings.WAITLIST_OFFER_HOURS = 6
    shift, holder = full_shift
    sign_up(client, ad_hoc, "first@example.org", waitlist=[shift])
    sign_up(client, ad_hoc, "second@example.org", waitlist=[shift])
    change_status(holder, Status.WITHDRAWN)
    run_due_tasks()
    first_link = offer_link("first@example.org")
    assert not [m for m in mail.outbox if m.to == ["second@example.org"] and "ledig" in m.subject]

    with time_machine.travel(timezone.now() + timedelta(hours=6, minutes=1)):
        run_due_tasks()
        assert client.post(first_link).status_code == 410
        second_link = offer_link("second@example.org")
        assert "Pladsen er din" in client.post(second_link).content.decode()
    states = dict(WaitingListEntry.objects.values_list("request__email", "state"))
    assert states == {"first@example.org": "expired", "second@example.org": "taken"}


def test_a_forged_or_foreign_purpose_link_is_not_found(client, ad_hoc, full_shift):
    shift, holder = full_shift
    sign_up(client, ad_hoc, "first@example.org", waitlist=[shift])
    change_status(holder, Status.WITHDRAWN)
    run_due_tasks()
    token = offer_link("first@example.org").rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/vagt/ledig-plads/{token}x/").status_code == 404
    # The same token is no cancel link and no follow-up answer.
    assert client.get(f"/vagt/afmeld/{token}/").status_code == 404
    assert client.get(f"/blev-det-et-match/{token}/").status_code == 404


def test_the_coordinator_sees_the_waiting_list_on_the_request(client, ad_hoc, full_shift,
                                                              coordinator):
    from tests.logins import sign_in_verified

    shift, _holder = full_shift
    waiting = sign_up(client, ad_hoc, "bo@example.org", waitlist=[shift])
    sign_in_verified(client, coordinator)
    page = client.get(reverse("wagtailsnippets_matching_matchrequest:inspect",
                              args=[waiting.pk])).content.decode()
    assert "Venteliste" in page and "Solhøj" in page


def test_a_place_offered_to_someone_who_is_erased_goes_to_the_next(client, ad_hoc, full_shift):
    from portal.matching.workflow import erase

    shift, holder = full_shift
    first = sign_up(client, ad_hoc, "first@example.org", waitlist=[shift])
    sign_up(client, ad_hoc, "second@example.org", waitlist=[shift])
    change_status(holder, Status.WITHDRAWN)
    run_due_tasks()
    erase(first)
    run_due_tasks()
    assert offer_link("second@example.org")
    assert WaitingListEntry.objects.get().state == WaitingListEntry.State.OFFERED
