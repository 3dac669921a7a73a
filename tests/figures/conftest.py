"""Facts and requests the figures tests count, stated in a few lines each."""

from datetime import date

import pytest
from django.utils import timezone

from portal.core.models import Municipality
from portal.figures import tallies
from portal.figures.counting import last_months
from portal.figures.models import RequestFact


def this_month():
    return last_months(timezone.localdate())[-1]


def months_ago(count):
    return last_months(timezone.localdate(), count + 1)[0]


def add_facts(number, *, municipality=None, month=None, kind="offer", **fields):
    """``number`` generated facts alike; the municipality by slug, its region with it.

    Written in bulk, past the receiver, so the tallies are made again after.
    """
    place = Municipality.objects.get(slug=municipality) if municipality else None
    facts = [RequestFact(generated=True, municipality=place, region=place and place.region,
                         kind=kind, month=month or this_month(), status=fields.pop(
                             "status", "new"), **fields) for _ in range(number)]
    made = RequestFact.objects.bulk_create(facts)
    tallies.rebuild()  # as the demo does after its bulk insert
    return made


@pytest.fixture
def aalborg():
    return Municipality.objects.get(slug="aalborg")


__all__ = ["add_facts", "date", "months_ago", "this_month"]
