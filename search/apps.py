from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Søgning")

    def ready(self):
        # Django's app registry must be ready before these modules load their models.
        from portal.core import retention

        from .retention import expire_statistics, forget_statistics

        retention.register("search statistics", expire=expire_statistics,
                           forget=forget_statistics)
