"""Shifts (vagter) of ad hoc and one-off opportunities, and the places taken on them."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from portal.core.page_cache import start_new_generation


class ShiftFull(Exception):
    """The shift cannot take another sign-up: every place is taken, or it has begun."""


class ShiftQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gt=timezone.now())

    def with_places(self):
        # Counted per shift in a subquery rather than by grouping the rows: a
        # list of the next few shifts can then walk them in order and stop.
        taken = (ShiftBooking.objects.filter(shift=OuterRef("pk"), released_at__isnull=True)
                 .order_by().values("shift").annotate(count=Count("pk")).values("count"))
        return self.annotate(
            places_taken=Coalesce(Subquery(taken, output_field=models.IntegerField()), 0)
        ).annotate(places_left=Greatest(F("capacity") - F("places_taken"), Value(0)))


class Shift(models.Model):
    """One dated slot of an ad hoc or one-off opportunity (en vagt)."""

    opportunity = ParentalKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="shifts"
    )
    starts_at = models.DateTimeField(
        _("starter"),
        help_text=_("Hvornår vagten begynder. Vises på opgaven og i kalenderen."),
    )
    ends_at = models.DateTimeField(
        _("slutter"),
        help_text=_("Hvornår vagten slutter."),
    )
    place = models.CharField(
        _("sted"), max_length=200, blank=True,
        help_text=_("Vises ved vagten. Tom = opgavens sted."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("pladser"), default=1, validators=[MinValueValidator(1)],
        help_text=_(
            "Hvor mange frivillige der kan melde sig til vagten. Er den fuld, kan ingen flere "
            "melde sig."
        ),
    )

    objects = ShiftQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("capacity"),
    ]

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("vagt")
        verbose_name_plural = _("vagter")
        indexes = [
            models.Index(fields=["opportunity", "starts_at"], name="shift_opportunity_idx"),
            # The home page's shifts this week: the next ones across all opportunities.
            models.Index(fields=["starts_at"], name="shift_starts_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="shift_capacity_positive"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="shift_ends_after_start"
            ),
        ]

    def __str__(self):
        start = timezone.localtime(self.starts_at)
        return f"{self.opportunity.title} – {start:%d.%m.%Y %H:%M}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Vagten skal slutte efter, den starter.")})

    def book(self, reference, held=0):
        """Take one place for the match request ``reference``; raise ShiftFull if none is left.

        The shift row is locked first, so two sign-ups for the last place cannot
        both succeed (on SQLite the write lock of the transaction does the same).
        ``held`` places are kept for others (offered to a waiting list) and count
        as taken; the caller counts them under this same lock.
        """
        with transaction.atomic():
            shift = Shift.objects.select_for_update().get(pk=self.pk)
            if shift.starts_at <= timezone.now():
                raise ShiftFull(_("Vagten er allerede begyndt."))
            taken = shift.bookings.filter(released_at__isnull=True).count()
            if taken + held >= shift.capacity:
                raise ShiftFull(_("Der er ikke flere ledige pladser på vagten."))
            return ShiftBooking.objects.create(shift=shift, reference=reference)

    def release(self, reference):
        """Give back the places ``reference`` holds; returns how many were released.

        An update sends no signal, so the kept pages showing the free places
        are retired here.
        """
        released = self.bookings.filter(reference=reference, released_at__isnull=True).update(
            released_at=timezone.now()
        )
        if released:
            start_new_generation()
        return released


class ShiftBooking(models.Model):
    """A place taken on a shift. It names only the match request, never a person."""

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="bookings")
    reference = models.CharField(_("reference"), max_length=40)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    released_at = models.DateTimeField(_("frigivet"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tilmelding til vagt")
        verbose_name_plural = _("tilmeldinger til vagter")
        indexes = [models.Index(fields=["shift", "released_at"], name="booking_active_idx")]
        constraints = [
            # One request holds at most one place on a shift, however it was posted.
            models.UniqueConstraint(
                fields=["shift", "reference"], condition=Q(released_at__isnull=True),
                name="booking_once_per_request",
            ),
        ]

    def __str__(self):
        return f"{self.reference} · {self.shift}"
