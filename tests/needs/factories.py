"""Factories for organisations' needs."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from portal.needs.models import NeedKind, NeedPage
from tests.factories import many_to_many


class NeedPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NeedPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Behov {n}")
    kind = NeedKind.SKILLS
    summary = "Vi søger en frivillig kasserer til bestyrelsen."
    end_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=60)
    )

    themes = many_to_many("themes")
