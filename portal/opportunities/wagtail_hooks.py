from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.core.listings import FacetFilter, Option
from portal.organisations.filters import DIRECTORY_FACETS_HOOK

from .models import OpportunityPage


def _has_open_opportunities(queryset):
    # Built per request: "open" depends on today's date.
    owners = OpportunityPage.objects.open().values("owner_organisation")
    return [Option("ja", _("Har åbne frivilligopgaver"), Q(pk__in=owners))]


@hooks.register(DIRECTORY_FACETS_HOOK)
def directory_facets():
    return {"opgaver": FacetFilter(label=_("Frivilligopgaver"), options=_has_open_opportunities)}
