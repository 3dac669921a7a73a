"""The partner directory's filters at /organisationer/."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.cases.facets import (
    FacetedFilterSet,
    FacetFilter,
    FreeTextFilter,
    Option,
    choice_options,
    fixed_options,
    listing_context,
    related_options,
)
from portal.core.models import Municipality, Theme

from .models import OrganisationKind, OrganisationPage

PER_PAGE = 20


def opportunity_options(queryset):
    from portal.opportunities.models import OpportunityPage

    has_open = Q(pk__in=OpportunityPage.objects.open().values("owner_organisation"))
    return fixed_options(("ja", _("Har åbne frivilligopgaver"), has_open))(queryset)


def served_municipality_options(queryset):
    """Municipalities the organisations name; nationwide organisations serve them all."""
    used = Municipality.objects.filter(pk__in=queryset.values("municipalities"))
    return [
        Option(item.slug, item.name, Q(municipalities=item.pk) | Q(works_nationwide=True))
        for item in used
    ]


class OrganisationFilterSet(FacetedFilterSet):
    q = FreeTextFilter(fields=("title", "summary"))
    type = FacetFilter(label=_("Type"), options=choice_options("kind", OrganisationKind.choices))
    kommune = FacetFilter(
        label=_("Arbejder i kommune (inkl. landsdækkende)"), options=served_municipality_options
    )
    tema = FacetFilter(label=_("Tema"), options=related_options(Theme, "themes"))
    opgaver = FacetFilter(label=_("Frivilligopgaver"), options=opportunity_options)

    class Meta:
        model = OrganisationPage
        fields = []


def organisation_listing(request):
    filterset = OrganisationFilterSet(
        request.GET, queryset=OrganisationPage.objects.live().public()
    )
    return listing_context(
        request, filterset, PER_PAGE,
        prepare=lambda results: results.select_related("logo")
        .prefetch_related("municipalities", "themes", "logo__renditions")
        .order_by("title"),
    )
