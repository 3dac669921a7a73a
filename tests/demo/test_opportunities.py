"""The demo's opportunities: enough of every kind, with fresh dates."""

import pytest
from django.db.models import Count

from portal.opportunities.models import (
    SHIFT_COMMITMENTS,
    Commitment,
    OpportunityPage,
    Shift,
    ShiftBooking,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_opportunities():
    return OpportunityPage.objects.open()


def test_the_demo_has_open_opportunities_of_every_kind_in_many_places(open_opportunities):
    assert OpportunityPage.objects.count() >= 40
    assert open_opportunities.values("municipalities").distinct().count() >= 10
    assert set(open_opportunities.values_list("commitment", flat=True)) == set(Commitment.values)


def test_the_demo_has_upcoming_shifts_some_full_or_nearly(open_opportunities):
    with_shifts = open_opportunities.filter(
        commitment__in=SHIFT_COMMITMENTS, shifts__in=Shift.objects.upcoming()
    ).distinct()
    assert with_shifts.count() >= 10
    places = [shift.places_left for shift in Shift.objects.upcoming().with_places()]
    assert 0 in places and 1 in places
    assert not ShiftBooking.objects.values("reference").annotate(n=Count("pk")).filter(n__gt=1)


def test_the_listing_and_the_home_page_show_only_open_opportunities(client, open_opportunities):
    hidden = OpportunityPage.objects.live().exclude(pk__in=open_opportunities.values("pk"))
    assert hidden.count() >= 3
    response = client.get("/frivilligopgaver/")
    assert response.context["result_count"] == open_opportunities.count()
    for page in hidden:
        assert page.title not in response.content.decode()
    assert client.get("/").context["figures"]["open_opportunities"] == open_opportunities.count()
