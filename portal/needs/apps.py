from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "portal.needs"
    label = "needs"
    verbose_name = _("Organisationers behov")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
