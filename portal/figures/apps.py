from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "portal.figures"
    label = "figures"
    verbose_name = _("Tal")

    def ready(self):
        from . import facts  # noqa: F401 - connects the receiver on match request saves
