from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.core.listings import FacetFilter, Option
from portal.organisations.filters import DIRECTORY_FACETS_HOOK

from .models import NeedKind, NeedPage


def _needed_kinds(queryset):
    # Built per request: "current" depends on today's date. Every kind is offered,
    # each with its count of organisations, so the facet reads the same every day.
    # Exists, not pk__in a queryset: the options are kept pickled, and a pickled
    # queryset is run.
    current = NeedPage.objects.current().filter(organisation=OuterRef("pk"))
    return [Option(kind.value, kind.label, Q(Exists(current.filter(kind=kind.value))))
            for kind in NeedKind]


@hooks.register(DIRECTORY_FACETS_HOOK)
def directory_facets():
    return {"behov": FacetFilter(label=_("Har behov for"), options=_needed_kinds)}
