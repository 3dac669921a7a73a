"""Factories for funding calls, their deadlines and the grants behind cases."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.cases.models import CaseGrant
from portal.funding.models import FundingCallIndexPage, FundingCallPage, FundingDeadline
from tests.factories import many_to_many


def days_from_today(days):
    """A Copenhagen date ``days`` from today (negative: in the past)."""
    return timezone.localdate() + datetime.timedelta(days=days)


class FundingCallIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = FundingCallIndexPage

    title = "Støtte"
    slug = "stoette"


class FundingCallPageFactory(wagtail_factories.PageFactory):
    """A call open to associations across the country; ``deadlines=[days, …]`` from today."""

    class Meta:
        model = FundingCallPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Pulje {n}")
    summary = "Støtte til nye fællesskaber med frivillige."
    purpose = "<p>Vi støtter projekter, der bringer mennesker sammen.</p>"
    for_associations = True
    application_url = "https://fond.example/ansoeg"

    themes = many_to_many("themes")
    target_groups = many_to_many("target_groups")

    @factory.post_generation
    def deadlines(self, create, extracted, **kwargs):
        for number, days in enumerate(extracted if extracted is not None else [60]):
            self.deadlines.add(FundingDeadline(date=days_from_today(days), sort_order=number))
        # Saving in full writes the denormalised last deadline, as publishing does.
        self.save()


def add_grant(case, funder=None, amount=100_000, **fields):
    fields.setdefault("start_date", datetime.date(2024, 1, 1))
    if funder is None and "funder_name" not in fields:
        fields["funder_name"] = "Lokal fond"
    return CaseGrant.objects.create(case=case, funder=funder, amount=amount, **fields)
