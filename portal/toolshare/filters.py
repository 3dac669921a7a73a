"""The filtered listing of digital tools at /vaerktoejer/."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from portal.core.listings import (
    FacetedFilterSet,
    FacetFilter,
    FreeTextFilter,
    choice_options,
    fixed_options,
    listing_context,
    related_options,
)
from portal.core.pictures import with_image
from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale

from .models import CostModel, Hosting, ToolCategory, ToolPage

PER_PAGE = 20


class ToolFilterSet(FacetedFilterSet):
    q = FreeTextFilter(fallback_fields=("title", "summary", "maker"))
    kategori = FacetFilter(label=_("Kategori"), options=related_options(ToolCategory, "categories"))
    pris = FacetFilter(label=_("Pris"), options=choice_options("cost_model", CostModel.choices))
    licens = FacetFilter(label=_("Licens"), options=fixed_options(
        ("open-source", _("Open source"), Q(open_source=True)),
    ))
    data = FacetFilter(label=_("Hvor data ligger"), options=fixed_options(
        ("dk", _("I Danmark"), Q(hosting=Hosting.DENMARK)),
        ("eu", _("I Danmark eller EU/EØS"), Q(hosting__in=[Hosting.DENMARK, Hosting.EU])),
    ))
    databehandleraftale = FacetFilter(label=_("Databehandleraftale"), options=fixed_options(
        ("ja", _("Tilbyder databehandleraftale"), Q(data_processing_agreement=True)),
    ))
    sprog = FacetFilter(label=_("Sprog"), options=fixed_options(
        ("dansk", _("Dansk brugerflade"), Q(danish_interface=True)),
    ))

    class Meta:
        model = ToolPage
        fields = []


def tool_listing(request):
    tools = in_default_locale(unrestricted(ToolPage.objects.live()))
    filterset = ToolFilterSet(request.GET, queryset=tools)
    return listing_context(
        request, filterset, PER_PAGE,
        prepare=lambda results: with_image(results.annotate(usage_count=Count("usages")))
        .prefetch_related("categories")
        .order_by("title"),
    )
