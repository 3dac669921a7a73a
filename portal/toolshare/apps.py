from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolshareConfig(AppConfig):
    name = "portal.toolshare"
    label = "toolshare"
    verbose_name = _("Digitale værktøjer")
