from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "portal.alerts"
    label = "alerts"
    verbose_name = _("Opgaveagenter")

    def ready(self):
        # Django's app registry must be ready before these modules load their models.
        from portal.core import retention

        from .privacy import expire, export, forget

        retention.register("opportunity alerts", expire=expire, forget=forget, export=export)
