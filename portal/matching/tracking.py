"""What follows an offer: waiting lists, one-purpose links and attendance.

Kept apart from ``models.py`` to keep each module short; every row here
belongs to one match request and goes when the request is erased
(``MatchRequest.erase``).
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WaitingListEntry(models.Model):
    """A place in the queue for a full shift; first come, first offered."""

    class State(models.TextChoices):
        WAITING = "waiting", _("På venteliste")
        OFFERED = "offered", _("Tilbudt en plads")
        TAKEN = "taken", _("Har taget pladsen")
        EXPIRED = "expired", _("Tilbuddet udløb")
        LEFT = "left", _("Udgået")

    request = models.ForeignKey(
        "matching.MatchRequest", on_delete=models.CASCADE, related_name="waiting",
        verbose_name=_("henvendelse"),
    )
    shift = models.ForeignKey(
        "opportunities.Shift", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("vagt"),
    )
    state = models.CharField(_("tilstand"), max_length=8, choices=State.choices,
                             default=State.WAITING)
    created_at = models.DateTimeField(_("skrevet op"), default=timezone.now)
    offer_expires_at = models.DateTimeField(_("tilbud udløber"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("plads på venteliste")
        verbose_name_plural = _("ventelister")
        constraints = [
            models.UniqueConstraint(
                fields=["shift", "request"], condition=Q(state__in=["waiting", "offered"]),
                name="waiting_once_per_request",
            ),
        ]

    def __str__(self):
        return f"{self.request} · {self.shift_id}"


def new_nonce():
    return secrets.token_urlsafe(24)


class ActionToken(models.Model):
    """The secret behind one link in one e-mail: it does one thing, for one request, for a while.

    The link carries a signature over the row's id and its random nonce
    (``portal.matching.links``), so it can neither be guessed nor reused for
    another purpose, and it stops working at ``expires_at``.
    """

    class Purpose(models.TextChoices):
        CANCEL = "cancel", _("Afmelde en vagt")
        TAKE_PLACE = "take_place", _("Tage en ledig plads")
        FOLLOWUP = "followup", _("Svare på opfølgning")

    request = models.ForeignKey(
        "matching.MatchRequest", on_delete=models.CASCADE, related_name="tokens",
        verbose_name=_("henvendelse"),
    )
    purpose = models.CharField(_("formål"), max_length=12, choices=Purpose.choices)
    nonce = models.CharField(max_length=64, default=new_nonce, editable=False)
    # The shift a cancel or take-place link is about, the entry a take-place link offers.
    shift = models.ForeignKey(
        "opportunities.Shift", null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )
    entry = models.ForeignKey(
        WaitingListEntry, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("udløber"))
    used_at = models.DateTimeField(_("brugt"), null=True, blank=True)

    class Meta:
        verbose_name = _("link i e-mail")
        verbose_name_plural = _("links i e-mails")

    def __str__(self):
        return f"{self.request} · {self.get_purpose_display()}"

    @property
    def usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


class Attendance(models.Model):
    """Whether the volunteer came to a booked shift: internal, correctable, never public."""

    request = models.ForeignKey(
        "matching.MatchRequest", on_delete=models.CASCADE, related_name="attendance",
        verbose_name=_("henvendelse"),
    )
    shift = models.ForeignKey(
        "opportunities.Shift", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("vagt"),
    )
    attended = models.BooleanField(_("mødte op"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("registreret af"),
    )
    marked_at = models.DateTimeField(_("registreret"), default=timezone.now)

    class Meta:
        verbose_name = _("fremmøde")
        verbose_name_plural = _("fremmøde")
        constraints = [
            models.UniqueConstraint(fields=["request", "shift"], name="attendance_once"),
        ]

    def __str__(self):
        return f"{self.request} · {self.shift_id}"
