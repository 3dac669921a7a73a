"""Two people taking the last place on a shift at the same moment: only one gets it."""

import threading

import pytest
from django.db import connection, connections

from portal.opportunities.models import Shift, ShiftBooking, ShiftFull
from tests.factories import (
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    home_page,
)
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises every writer; the row lock under test is PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PEOPLE = 8


def test_concurrent_sign_ups_never_overbook_a_shift():
    home = home_page()
    OpportunityIndexPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=OrganisationIndexPageFactory(parent=home))
    opportunity = OpportunityPageFactory(parent=organisation, commitment="ad_hoc")
    shift = ShiftFactory(opportunity=opportunity, capacity=3)
    start = threading.Barrier(PEOPLE)
    outcomes = []

    def sign_up(number):
        try:
            start.wait()
            Shift.objects.get(pk=shift.pk).book(f"BL-{number:04}")
            outcomes.append("booked")
        except ShiftFull:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["booked"] * 3 + ["full"] * (PEOPLE - 3)
    assert ShiftBooking.objects.filter(shift=shift).count() == 3
