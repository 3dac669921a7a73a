from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.core.listings import FacetFilter, Option
from portal.organisations.filters import DIRECTORY_FACETS_HOOK

from .models import OpportunityPage


def _has_open_opportunities(queryset):
    # Built per request: "open" depends on today's date. Exists, not pk__in a
    # queryset: the options are kept pickled, and a pickled queryset is run.
    owned = OpportunityPage.objects.open().filter(owner_organisation=OuterRef("pk"))
    return [Option("ja", _("Har åbne frivilligopgaver"), Q(Exists(owned)))]


@hooks.register(DIRECTORY_FACETS_HOOK)
def directory_facets():
    return {"opgaver": FacetFilter(label=_("Frivilligopgaver"), options=_has_open_opportunities)}
