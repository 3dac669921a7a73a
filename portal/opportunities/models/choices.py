"""The fixed choices of an opportunity."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Commitment(models.TextChoices):
    ONE_OFF = "one_off", _("Enkeltstående")
    AD_HOC = "ad_hoc", _("Ad hoc / efter behov")
    SHORT_PROJECT = "short_project", _("Kortere projekt")
    REGULAR = "regular", _("Fast")


SHIFT_COMMITMENTS = (Commitment.ONE_OFF, Commitment.AD_HOC)


class Status(models.TextChoices):
    OPEN = "open", _("Åben")
    PAUSED = "paused", _("Sat på pause")
    FILLED = "filled", _("Besat")
    CLOSED = "closed", _("Lukket")


class HoursPer(models.TextChoices):
    WEEK = "week", _("om ugen")
    OCCASION = "occasion", _("pr. gang")
