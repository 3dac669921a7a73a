"""Factories for opportunities and their shifts, on top of the foundation's."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.opportunities.models import (
    Commitment,
    OpportunityPage,
    Shift,
    ShiftBooking,
    Status,
)
from tests.factories import many_to_many


class OpportunityPageFactory(wagtail_factories.PageFactory):
    """An open opportunity; pass ``parent=`` an organisation page."""

    class Meta:
        model = OpportunityPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Frivilligopgave {n}")
    summary = "Bliv besøgsven for en ældre, der sidder meget alene."
    commitment = Commitment.REGULAR
    status = Status.OPEN

    municipalities = many_to_many("municipalities")
    activities = many_to_many("activities")
    target_groups = many_to_many("target_groups")


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda shift: shift.starts_at + datetime.timedelta(hours=3))
    place = "Aktivitetshuset, Vestergade 4"
    capacity = 5


class ShiftBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShiftBooking

    reference = factory.Sequence(lambda n: f"TEST-{n:04}")
