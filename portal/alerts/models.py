"""Opportunity alerts ("Opgaveagent"): an e-mail address, the listing filters it follows, and
one row per digest period.

The address is personal data: it lives only here, never in a URL (links carry a signed
token of ``key``), and is exported and erased with the project's other personal data
(``portal.core.retention``, registered in ``AlertsConfig.ready``).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Filters of the listing as a query string; 98 municipalities and a text fit with room.
MAX_QUERY_LENGTH = 4000


class Frequency(models.TextChoices):
    DAILY = "daily", _("Dagligt")
    WEEKLY = "weekly", _("Ugentligt")


class Subscription(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254)
    query = models.CharField(_("filtre"), max_length=MAX_QUERY_LENGTH, blank=True)
    frequency = models.CharField(_("hyppighed"), max_length=10, choices=Frequency.choices)
    # The language of the page the alert was asked for on: its mails and links follow it.
    language = models.CharField(_("sprog"), max_length=7, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    # The secret the mails' signed links name; never shown on its own.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The form's one-time token: a double click or a replayed form stores one subscription.
    idempotency_token = models.UUIDField(unique=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    # The end of the last digest's window: the next one lists what was published after it.
    digest_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("opgaveagent")
        verbose_name_plural = _("opgaveagenter")
        indexes = [models.Index(fields=["confirmed_at", "frequency"])]

    def __str__(self):
        return f"{_('Opgaveagent')} {self.pk}"


class Delivery(models.Model):
    """One subscriber's digest for one period, claimed before it is sent: at most one each."""

    class State(models.TextChoices):
        CLAIMED = "claimed", _("i gang")
        SENT = "sent", _("sendt")
        EMPTY = "empty", _("intet nyt")
        FAILED = "failed", _("fejlet")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE,
                                     related_name="deliveries")
    # "2026-12-04" for a daily digest, "2026-W49" for a weekly one (Copenhagen time).
    period = models.CharField(max_length=10)
    state = models.CharField(max_length=10, choices=State.choices, default=State.CLAIMED)
    claimed_at = models.DateTimeField()
    opportunities = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "period"],
                                               name="alerts_one_delivery_per_period")]

    def __str__(self):
        return f"{self.subscription_id} {self.period}"
