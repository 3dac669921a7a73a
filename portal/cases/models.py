"""Co-creation cases and guides, and their listing."""

from django.utils.translation import gettext_lazy as _

from portal.core.models import ListingPage


class CaseIndexPage(ListingPage):
    class Meta:
        verbose_name = _("oversigt over erfaringer")
