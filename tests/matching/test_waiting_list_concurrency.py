"""The last place under concurrency, on PostgreSQL: the shift's row lock decides.

Offered places are held: while the first on the waiting list takes the place
through their link, newcomers posting the form at the same moment are turned
away, and when two offered people and newcomers race for two freed places,
exactly the capacity is booked.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from portal.matching import links
from portal.matching.models import Status
from portal.matching.tracking import ActionToken
from portal.matching.workflow import change_status
from portal.opportunities.models import ShiftBooking

from .conftest import make_opportunity, make_request, make_shift, offer_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="parallel writers need PostgreSQL; SQLite serialises them"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def post_all_at_once(requests):
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def worker(index, url, data):
        try:
            barrier.wait()
            results[index] = Client().post(url, data).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, url, data))
               for i, (url, data) in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_offered_people_and_newcomers_racing_for_freed_places_book_exactly_the_capacity(
    organisation
):
    opportunity = make_opportunity(organisation, title="Juleuddeling", commitment="ad_hoc")
    shift = make_shift(opportunity, capacity=2)
    holders = [make_request(organisation, opportunity=opportunity, email=f"h{i}@example.org")
               for i in range(2)]
    for holder in holders:
        shift.book(holder.reference)
    waiting = [make_request(organisation, opportunity=opportunity, email=f"w{i}@example.org")
               for i in range(2)]
    from portal.matching.waitlist import join

    for match_request in waiting:
        join(match_request, [shift])
    for holder in holders:
        change_status(holder, Status.WITHDRAWN)  # both places offered to the two waiting
    tokens = ActionToken.objects.filter(purpose=ActionToken.Purpose.TAKE_PLACE).order_by("pk")
    assert tokens.count() == 2
    takes = [(links.link(token).split("testserver")[-1].split("127.0.0.1:8000")[-1], {})
             for token in tokens]
    newcomers = [(reverse("matching:offer", args=[opportunity.pk]),
                  offer_data(email=f"n{i}@example.org", shifts=[str(shift.pk)]))
                 for i in range(6)]

    results = post_all_at_once(takes + newcomers)

    assert results[:2] == [200, 200]  # both offered people got their place
    assert results[2:] == [200] * 6  # the form shown again with the error: full
    booked = set(ShiftBooking.objects.filter(shift=shift, released_at__isnull=True)
                 .values_list("reference", flat=True))
    assert booked == {match_request.reference for match_request in waiting}
