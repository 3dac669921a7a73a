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


class OpportunityPageFactory(wagtail_factories.PageFactory):
    """An open opportunity; pass ``parent=`` an organisation page."""

    class Meta:
        model = OpportunityPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Frivilligopgave {n}")
    summary = "Bliv besøgsven for en ældre, der sidder meget alene."
    commitment = Commitment.REGULAR
    status = Status.OPEN

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if extracted:
            self.municipalities.set(extracted)
            self.save()

    @factory.post_generation
    def activities(self, create, extracted, **kwargs):
        if extracted:
            self.activities.set(extracted)
            self.save()

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)
            self.save()


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
