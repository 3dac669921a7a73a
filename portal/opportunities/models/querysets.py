"""Queries on opportunities: what is open, and the listing's stored columns."""

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale

from .choices import Status
from .shifts import Shift


class OpportunityQuerySet(PageQuerySet):
    def open(self):
        """Live, public, open, and neither past its end date nor its deadline today.

        "Live, public and open" is the stored ``listed`` flag, so the listing
        needs no join to Wagtail's page table; the dates are compared here, at
        query time, so an opportunity leaves the listing the day it expires
        without anything having to run.
        """
        today = timezone.localdate()
        return (
            self.filter(listed=True)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
            .filter(Q(application_deadline__isnull=True) | Q(application_deadline__gte=today))
        )

    def refresh_listing_columns(self):
        """Recompute ``listed``, ``published_at`` and ``saved_next_shift_at`` from their sources.

        Reads the database, not the instances, so a draft's unpublished status
        can never leak into the flag. Two UPDATEs whatever the number of rows.
        """
        pages = self.model.objects.filter(pk__in=self.values("pk"))
        # Only Danish pages are listed: a translation is shown in its Danish page's place.
        listable = in_default_locale(unrestricted(
            self.model.objects.filter(pk=OuterRef("pk"), status=Status.OPEN).live()
        ))
        pages.update(
            listed=Exists(listable),
            published_at=Subquery(
                Page.objects.filter(pk=OuterRef("pk")).values("first_published_at")[:1]
            ),
        )
        pages.update(saved_next_shift_at=_upcoming_start())

    def move_on_begun_shifts(self):
        """Move ``saved_next_shift_at`` on where that shift has begun; one UPDATE.

        Housekeeping for the worker or cron (``manage.py move_on_begun_shifts``),
        never a visitor's request: ``with_next_shift`` is right without it, but
        asks the shifts of every row whose saved shift has begun, so sorting by
        next shift gets slower the longer this has not run.
        """
        stale = self.filter(listed=True, saved_next_shift_at__lte=timezone.now())
        return stale.update(saved_next_shift_at=_upcoming_start())

    def with_next_shift(self):
        """``next_shift_at`` as of now: the saved value unless that shift has begun.

        The stored value is the first shift not begun when a shift last
        changed; it stays right until that shift begins (no new shift can come
        before it without a save), after which the shifts are asked again.
        """
        return self.annotate(
            next_shift_at=Case(
                When(saved_next_shift_at__isnull=True, then=Value(None)),
                When(saved_next_shift_at__gt=timezone.now(), then=F("saved_next_shift_at")),
                default=_upcoming_start(),
                output_field=models.DateTimeField(),
            )
        )


def _upcoming_start():
    upcoming = Shift.objects.upcoming().filter(opportunity=OuterRef("pk"))
    return Subquery(upcoming.order_by("starts_at").values("starts_at")[:1])


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)
