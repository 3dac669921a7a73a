"""The partner directory's filters at /organisationer/.

Content apps above this one can add a facet about their own content (the
opportunities app adds "has open opportunities") through the Wagtail hook
``DIRECTORY_FACETS_HOOK``: each hook function returns ``{name: FacetFilter}``.
The directory need not know them, and no app imports upwards.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.core.listings import (
    FacetedFilterSet,
    FacetFilter,
    FreeTextFilter,
    Option,
    choice_options,
    listing_context,
    related_options,
)
from portal.core.models import Municipality, Theme
from portal.core.pictures import with_image
from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale

from .models import OrganisationKind, OrganisationPage

PER_PAGE = 20
DIRECTORY_FACETS_HOOK = "register_organisation_directory_facets"


def served_municipality_options(queryset):
    """Municipalities the organisations name; nationwide organisations serve them all."""
    used = Municipality.objects.filter(pk__in=queryset.values("municipalities"))
    return [
        Option(item.slug, item.name, Q(municipalities=item.pk) | Q(works_nationwide=True))
        for item in used
    ]


def registered_facets():
    facets = {}
    for hook in hooks.get_hooks(DIRECTORY_FACETS_HOOK):
        facets.update(hook())
    return facets


class OrganisationFilterSet(FacetedFilterSet):
    q = FreeTextFilter(fallback_fields=("title", "summary"))
    type = FacetFilter(label=_("Type"), options=choice_options("kind", OrganisationKind.choices))
    kommune = FacetFilter(
        label=_("Arbejder i kommune (inkl. landsdækkende)"), options=served_municipality_options
    )
    tema = FacetFilter(label=_("Tema"), options=related_options(Theme, "themes"))

    class Meta:
        model = OrganisationPage
        fields = []

    def __init__(self, *args, **kwargs):
        # Shadows the class's filters for this instance only; django-filter copies them.
        self.base_filters = {**self.base_filters, **registered_facets()}
        super().__init__(*args, **kwargs)


def organisation_listing(request):
    filterset = OrganisationFilterSet(
        request.GET, queryset=in_default_locale(unrestricted(OrganisationPage.objects.live()))
    )
    return listing_context(
        request, filterset, PER_PAGE,
        prepare=lambda results: with_image(results, "logo")
        .prefetch_related("municipalities", "themes")
        .order_by("title"),
    )
