"""Many people at the same moment: capacity and idempotency hold on PostgreSQL.

SQLite serialises every writer, so parallel requests there prove nothing; these
tests run on PostgreSQL (CI, or DATABASE_URL=postgres://…), where the row lock
on the shift and the unique constraint on the token are what keep the promises.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from portal.matching.models import MatchRequest
from portal.opportunities.models import ShiftBooking

from .conftest import make_opportunity, make_shift, offer_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="parallel writers need PostgreSQL; SQLite serialises them"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PARALLEL = 10


def post_in_parallel(url, payloads):
    barrier = threading.Barrier(len(payloads))
    results = [None] * len(payloads)

    def worker(index, data):
        try:
            barrier.wait()
            response = Client().post(url, data)
            results[index] = (response.status_code, response.headers.get("Location"),
                              response.content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, data)) for i, data in enumerate(payloads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_the_last_places_go_to_exactly_as_many_people_as_there_are_places(organisation):
    opportunity = make_opportunity(organisation, title="Juleuddeling", commitment="ad_hoc")
    shift = make_shift(opportunity, capacity=3)
    payloads = [offer_data(email=f"person{i}@example.org", shifts=[str(shift.pk)])
                for i in range(PARALLEL)]

    results = post_in_parallel(reverse("matching:offer", args=[opportunity.pk]), payloads)

    accepted = [r for r in results if r[0] == 302]
    refused = [r for r in results if r[0] == 200]
    assert len(accepted) == 3 and len(refused) == PARALLEL - 3
    assert all("ikke flere pladser" in body for _status, _location, body in refused)
    assert MatchRequest.objects.count() == 3
    assert ShiftBooking.objects.filter(shift=shift, released_at__isnull=True).count() == 3
    assert set(ShiftBooking.objects.values_list("reference", flat=True)) == set(
        MatchRequest.objects.values_list("reference", flat=True))


def test_the_same_submission_sent_many_times_at_once_is_stored_once(organisation):
    opportunity = make_opportunity(organisation)
    data = offer_data()

    results = post_in_parallel(reverse("matching:offer", args=[opportunity.pk]), [data] * PARALLEL)

    assert {status for status, _location, _body in results} == {302}
    assert len({location for _status, location, _body in results}) == 1
    assert MatchRequest.objects.count() == 1
