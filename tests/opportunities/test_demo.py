"""The demo's opportunities: enough of every kind, fresh dates, and idempotent."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Count

from portal.opportunities.models import (
    SHIFT_COMMITMENTS,
    Commitment,
    OpportunityPage,
    Shift,
    ShiftBooking,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(OpportunityPage.objects.values_list("pk", "title", "status")),
        "shifts": sorted(Shift.objects.values_list("pk", "opportunity_id", "capacity")),
        "bookings": sorted(ShiftBooking.objects.values_list("shift_id", "reference")),
    }


def test_demo_opportunities(client):
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    open_ = OpportunityPage.objects.open()
    assert OpportunityPage.objects.count() >= 40
    assert open_.values("municipalities").distinct().count() >= 10
    assert set(open_.values_list("commitment", flat=True)) == set(Commitment.values)
    with_shifts = (
        open_.filter(commitment__in=SHIFT_COMMITMENTS, shifts__in=Shift.objects.upcoming())
        .distinct()
    )
    assert with_shifts.count() >= 10
    places = [shift.places_left for shift in Shift.objects.upcoming().with_places()]
    assert 0 in places and 1 in places  # one full, some nearly full
    hidden = OpportunityPage.objects.live().exclude(pk__in=open_.values("pk"))
    assert hidden.count() >= 3
    response = client.get("/frivilligopgaver/")
    assert response.context["result_count"] == open_.count()
    for page in hidden:
        assert page.title not in response.content.decode()
    assert client.get("/").context["figures"]["open_opportunities"] == open_.count()

    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first
    assert not ShiftBooking.objects.values("reference").annotate(n=Count("pk")).filter(n__gt=1)
