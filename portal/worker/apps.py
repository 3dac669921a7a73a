from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class WorkerConfig(AppConfig):
    name = "portal.worker"
    label = "worker"
    verbose_name = _("Baggrundsarbejde")

    def ready(self):
        # An app that has work of its own to take up after a crash says so in
        # its ``recovery`` module (see portal.worker.recovery.recovery_due).
        autodiscover_modules("recovery")
