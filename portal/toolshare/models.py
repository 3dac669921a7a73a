"""Shared digital tools, who uses them and what they learned."""

from django.utils.translation import gettext_lazy as _

from portal.core.models import ListingPage


class ToolIndexPage(ListingPage):
    class Meta:
        verbose_name = _("oversigt over digitale værktøjer")
