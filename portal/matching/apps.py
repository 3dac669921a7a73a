from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "portal.matching"
    label = "matching"
    verbose_name = _("Henvendelser")

    def ready(self):
        # Signal receivers: the waiting list takes up freed places, booked people hear of
        # changed shifts, a contacted request is followed up.
        from . import followup, shift_changes, waitlist  # noqa: F401
