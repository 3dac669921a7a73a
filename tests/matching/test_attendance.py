"""Attendance after a shift: internal to the organisation's coordinators, correctable,
never public, erased with the request."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.matching.models import MatchRequest
from portal.matching.privacy import erase_personal_data
from portal.matching.tasks import receipt_path
from portal.matching.tracking import Attendance
from tests.logins import sign_in_verified

from .conftest import make_request, make_shift

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_matching_matchrequest"


@pytest.fixture
def booked(ad_hoc, organisation):
    shift = make_shift(ad_hoc, capacity=2, days=1)
    match_request = make_request(organisation, opportunity=ad_hoc)
    shift.book(match_request.reference)
    return shift, match_request


def mark(client, match_request, shift, value):
    return client.post(reverse(f"{NS}:attendance", args=[match_request.pk]),
                       {"shift": shift.pk, "attended": value})


def test_after_the_shift_a_coordinator_marks_and_corrects_attendance(client, coordinator, booked):
    shift, match_request = booked
    sign_in_verified(client, coordinator)
    assert mark(client, match_request, shift, "yes").status_code == 302
    assert not Attendance.objects.exists()  # the shift has not begun
    with time_machine.travel(shift.ends_at + timedelta(hours=1)):
        page = client.get(reverse(f"{NS}:inspect", args=[match_request.pk])).content.decode()
        assert "Fremmøde (internt)" in page and "ikke registreret" in page
        mark(client, match_request, shift, "no")
        assert Attendance.objects.get().attended is False
        mark(client, match_request, shift, "yes")  # corrected
        record = Attendance.objects.get()
        assert record.attended is True and record.marked_by == coordinator
        page = client.get(reverse(f"{NS}:inspect", args=[match_request.pk])).content.decode()
        assert "mødte op" in page


def test_another_organisations_coordinator_can_neither_see_nor_set_it(booked, other_coordinator):
    shift, match_request = booked
    client = sign_in_verified(Client(), other_coordinator)
    with time_machine.travel(shift.ends_at + timedelta(hours=1)):
        assert mark(client, match_request, shift, "no").status_code == 404
        assert client.get(reverse(f"{NS}:inspect", args=[match_request.pk])).status_code == 404
    assert not Attendance.objects.exists()


def test_attendance_is_never_public_and_goes_with_erasure(client, booked, coordinator):
    shift, match_request = booked
    Attendance.objects.create(request=match_request, shift=shift, attended=False,
                              marked_at=timezone.now())
    receipt = client.get(receipt_path(match_request)).content.decode()
    assert "Fremmøde" not in receipt and "kom ikke" not in receipt
    erase_personal_data(match_request.email)
    assert not Attendance.objects.exists()
    assert MatchRequest.objects.get().erased_at is not None
