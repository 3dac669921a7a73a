from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.core.listings import FacetFilter, Option
from portal.organisations.filters import DIRECTORY_FACETS_HOOK

from .models import NeedKind, NeedPage


def _needed_kinds(queryset):
    # Built per request: "current" depends on today's date. Every kind is offered,
    # each with its count of organisations, so the facet reads the same every day.
    current = NeedPage.objects.current()
    return [
        Option(kind.value, kind.label,
               Q(pk__in=current.filter(kind=kind.value).values("organisation")))
        for kind in NeedKind
    ]


@hooks.register(DIRECTORY_FACETS_HOOK)
def directory_facets():
    return {"behov": FacetFilter(label=_("Har behov for"), options=_needed_kinds)}
