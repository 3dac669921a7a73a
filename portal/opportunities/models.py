"""Volunteer opportunities and their listing."""

from django.utils.translation import gettext_lazy as _

from portal.core.models import ListingPage


class OpportunityIndexPage(ListingPage):
    class Meta:
        verbose_name = _("oversigt over frivilligopgaver")
