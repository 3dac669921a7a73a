"""Everything the after-offer steps keep about a person is exported and erased with them."""

import pytest
from django.utils import timezone

from portal.matching.links import issue
from portal.matching.privacy import erase_personal_data, personal_data
from portal.matching.tracking import ActionToken, Attendance, WaitingListEntry
from portal.matching.waitlist import join

from .conftest import make_request, make_shift

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(organisation, ad_hoc):
    shift, full = make_shift(ad_hoc, capacity=2), make_shift(ad_hoc, capacity=1, days=4)
    match_request = make_request(organisation, opportunity=ad_hoc, followup_answer="no",
                                 followup_answered_at=timezone.now())
    shift.book(match_request.reference)
    join(match_request, [full])
    Attendance.objects.create(request=match_request, shift=shift, attended=True)
    issue(match_request, ActionToken.Purpose.FOLLOWUP, timezone.now())
    return match_request


def test_the_export_holds_waiting_lists_attendance_and_the_follow_up_answer(kept):
    [exported] = personal_data("aase@example.org")["requests"]
    assert exported["followup_answer"] == "no"
    assert [entry["state"] for entry in exported["waiting_lists"]] == ["waiting"]
    assert [record["attended"] for record in exported["attendance"]] == [True]


def test_erasure_removes_waiting_lists_attendance_and_links(kept):
    erase_personal_data("aase@example.org")
    assert not WaitingListEntry.objects.exists()
    assert not Attendance.objects.exists()
    assert not ActionToken.objects.exists()


def test_erasure_also_removes_the_follow_up_answer_and_the_attention_flag(kept):
    kept.needs_attention_since = timezone.now()
    kept.save()

    erase_personal_data("aase@example.org")

    kept.refresh_from_db()
    assert (kept.followup_answer, kept.followup_answered_at, kept.needs_attention_since) == (
        "", None, None)
