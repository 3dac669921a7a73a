""""Blev det et match?": asked once some days after contact, answered by one click and a
confirming POST, with links that do one thing and expire."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from portal.matching.models import MatchRequest, Notification, Status
from portal.matching.privacy import erase_personal_data
from portal.matching.tracking import ActionToken
from portal.matching.workflow import change_status

from .conftest import coordinator_of, make_request, make_shift, offer_data
from .scheduled import db_tasks, run_due_tasks  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("db_tasks")]


@pytest.fixture
def contacted(organisation, settings):
    settings.FOLLOWUP_AFTER_DAYS = 10
    settings.FOLLOWUP_ANSWER_DAYS = 20
    coordinator_of(organisation, "kim", email="kim@example.org")
    match_request = make_request(organisation)
    change_status(match_request, Status.CONTACTED)
    return match_request


def followup_links():
    [message] = [m for m in mail.outbox if m.subject == "Blev det et match?"]
    assert message.to == ["aase@example.org"]
    return dict(re.findall(r"(Ja|Nej|Ikke endnu): http://[^/\s]+(/\S+)", message.body))


def test_the_question_goes_once_some_days_after_contact(contacted):
    with time_machine.travel(timezone.now() + timedelta(days=9, hours=23)):
        run_due_tasks()
    assert not [m for m in mail.outbox if m.subject == "Blev det et match?"]
    with time_machine.travel(timezone.now() + timedelta(days=10, minutes=1)):
        run_due_tasks()
        run_due_tasks()
    assert set(followup_links()) == {"Ja", "Nej", "Ikke endnu"}
    change_status(MatchRequest.objects.get(), Status.MATCHED)  # contacted again cannot be
    assert Notification.objects.filter(purpose="followup").count() == 1


def test_after_a_shift_the_question_waits_for_the_shift(organisation, ad_hoc, settings):
    settings.FOLLOWUP_AFTER_DAYS = 10
    shift = make_shift(ad_hoc, days=20)
    match_request = make_request(organisation, opportunity=ad_hoc)
    shift.book(match_request.reference)
    change_status(match_request, Status.CONTACTED)
    assert Notification.objects.get(purpose="followup").due_at == shift.ends_at + timedelta(
        days=10)


def test_a_click_shows_the_answer_and_only_the_post_records_it(client, contacted):
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        run_due_tasks()
        no = followup_links()["Nej"]
        mail.outbox.clear()
        page = client.get(no)
        assert page.status_code == 200
        assert 'value="no" id="svar-no" checked' in page.content.decode()
        assert MatchRequest.objects.get().followup_answer == ""  # a scanner's GET records nothing
        done = client.post(no.split("?")[0], {"answer": "no"})
        run_due_tasks()
    assert "Tak for dit svar" in done.content.decode()
    match_request = MatchRequest.objects.get()
    assert match_request.followup_answer == "no" and match_request.needs_attention_since
    assert match_request.status == Status.CONTACTED  # the coordinator still decides
    [notice] = mail.outbox
    assert notice.to == ["kim@example.org"] and "kræver opmærksomhed" in notice.subject
    assert "Åse" not in notice.body
    change_status(match_request, Status.NOT_MATCHED)
    assert MatchRequest.objects.get().needs_attention_since is None


def test_answering_twice_the_same_is_one_answer_and_a_change_is_kept(client, contacted):
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        run_due_tasks()
        link = followup_links()["Ja"].split("?")[0]
        client.post(link, {"answer": "not_yet"})
        client.post(link, {"answer": "not_yet"})
        client.post(link, {"answer": "yes"})
    assert MatchRequest.objects.get().followup_answer == "yes"


def test_the_links_expire_and_do_one_thing_only(client, contacted):
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        run_due_tasks()
        link = followup_links()["Ja"].split("?")[0]
        token = link.rstrip("/").rsplit("/", 1)[1]
        assert client.get(f"/vagt/afmeld/{token}/").status_code == 404
        assert client.get(f"/vagt/ledig-plads/{token}/").status_code == 404
        assert client.get(link[:-3] + "xx/").status_code == 404  # not guessable
    nonce = ActionToken.objects.get().nonce
    assert len(nonce) >= 32  # 192 random bits, and signed: neither guessed nor made up
    assert client.get(link.replace(nonce, nonce[::-1])).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert client.get(link).status_code == 410
        assert client.post(link, {"answer": "yes"}).status_code == 410
    assert MatchRequest.objects.get().followup_answer == ""


def test_no_question_for_a_withdrawn_request_and_erasure_removes_the_links(contacted):
    change_status(contacted, Status.WITHDRAWN)
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        run_due_tasks()
    assert not [m for m in mail.outbox if m.subject == "Blev det et match?"]
    assert Notification.objects.get(purpose="followup").state == "cancelled"
    erase_personal_data("aase@example.org")
    assert not ActionToken.objects.exists()


@pytest.fixture
def signed_up(client, organisation, ad_hoc, settings):
    """A volunteer who booked a shift through the form; nobody has marked contact."""
    settings.FOLLOWUP_AFTER_DAYS = 10
    settings.INTAKE_MIN_FILL_SECONDS = 0
    shift = make_shift(ad_hoc, capacity=3, days=5)
    answer = client.post(f"/tilmelding/{ad_hoc.pk}/", offer_data(shifts=[str(shift.pk)]))
    assert answer.status_code == 302
    return shift


def test_a_volunteer_with_a_shift_is_asked_after_it_even_if_nobody_marked_contact(signed_up):
    followup = Notification.objects.get(purpose="followup")
    assert followup.due_at == signed_up.ends_at + timedelta(days=10)
    assert MatchRequest.objects.get().status == Status.NEW

    with time_machine.travel(signed_up.ends_at + timedelta(days=10, minutes=1)):
        run_due_tasks()

    assert set(followup_links()) == {"Ja", "Nej", "Ikke endnu"}


def test_a_volunteer_who_gave_the_shift_back_is_not_asked(signed_up):
    signed_up.release(MatchRequest.objects.get().reference)

    with time_machine.travel(signed_up.ends_at + timedelta(days=10, minutes=1)):
        run_due_tasks()

    assert not [m for m in mail.outbox if m.subject == "Blev det et match?"]
