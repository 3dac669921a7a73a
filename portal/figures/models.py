"""Anonymous facts about match requests: the only thing the figures are counted from.

One row per request, with no name, text, date or reference: where (organisation,
municipality, region), what (activity, kind), the month it came in, and how
it went (hours to first contact and to a match, the follow-up answer). The row
is kept current from the request's saves (``facts.py``) and is not linked to
the request by a foreign key, so it outlives the erasure and deletion of the
request's personal data. Generated rows (the demo's history, the benchmark's
million) are marked, so they can be told apart and removed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.matching.models import FollowUpAnswer, Kind, Status


class RequestFact(models.Model):
    # The request's id, to find its row again on the next save; null for generated rows.
    request_id = models.PositiveBigIntegerField(_("henvendelsens id"), unique=True, null=True,
                                                blank=True)
    generated = models.BooleanField(_("genereret"), default=False)
    organisation = models.ForeignKey(
        "organisations.OrganisationPage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("organisation"),
    )
    opportunity = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("frivilligopgave"),
    )
    # The region is the municipality's, kept here so a region's figures need no join.
    region = models.ForeignKey("core.Region", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("region"))
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("kommune"),
    )
    activity = models.ForeignKey("core.Activity", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("aktivitet"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    month = models.DateField(_("måned"), help_text=_("Den første dag i måneden, hvor "
                                                       "henvendelsen kom ind (dansk tid)."))
    status = models.CharField(_("seneste status"), max_length=12, choices=Status.choices)
    matched = models.BooleanField(_("blev matchet"), default=False)
    hours_to_contact = models.PositiveIntegerField(_("timer til første kontakt"), null=True,
                                                   blank=True)
    hours_to_match = models.PositiveIntegerField(_("timer til match"), null=True, blank=True)
    followup_answer = models.CharField(_("svar på opfølgning"), max_length=8, blank=True,
                                       choices=FollowUpAnswer.choices)

    class Meta:
        verbose_name = _("anonymt faktum om en henvendelse")
        verbose_name_plural = _("anonyme fakta om henvendelser")
        # Every figure is one area's last twelve months: the area first, then the month.
        indexes = [
            models.Index(fields=["municipality", "month"], name="figures_municipality_month"),
            models.Index(fields=["region", "month"], name="figures_region_month"),
            models.Index(fields=["organisation", "month"], name="figures_organisation_month"),
            models.Index(fields=["month"], name="figures_month"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.month:%Y-%m}"


class Tally(models.Model):
    """One number of one area's month, kept by the receiver as facts change (``tallies.py``).

    ``area`` is the country, a region, a municipality or an organisation
    (``Area.cache_key``); ``measure`` is a count (requests, matched, an answer)
    or, for ``contact`` and ``match``, the hours in ``value``: those rows are a
    histogram, from which a median is read. An area's page sums a few thousand
    of these instead of its facts.
    """

    area = models.CharField(max_length=32)
    month = models.DateField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    measure = models.CharField(max_length=16)
    value = models.PositiveIntegerField(default=0)
    number = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["area", "month", "kind", "measure", "value"], name="figures_tally_key")]
        # The counts (value 0) of many areas at once, without reading their hour histograms:
        # hiding small counts across pages (``across.py``) reads a hundred areas' counts.
        indexes = [models.Index(fields=["area", "month"], condition=models.Q(value=0),
                                name="figures_tally_counts")]

    def __str__(self):
        return f"{self.area} · {self.month:%Y-%m} · {self.kind} · {self.measure}"
