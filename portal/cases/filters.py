"""The filtered listing of cases and guides at /erfaringer/."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.listings import (
    FacetedFilterSet,
    FacetFilter,
    FreeTextFilter,
    fixed_options,
    listing_context,
    related_options,
)
from portal.core.models import Municipality, Region, TargetGroup, Theme
from portal.core.pictures import with_image
from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale, show_in_language
from portal.organisations.models import OrganisationKind, owners_of

from .models import CasePartner, KnowledgePage

PER_PAGE = 12


def has_partner(kind):
    return Exists(CasePartner.objects.filter(case=OuterRef("pk"), organisation__kind=kind))


def constellation_options(queryset):
    """Partner constellations, derived from the kinds of each case's partners."""
    ngo = has_partner(OrganisationKind.NGO)
    municipality = has_partner(OrganisationKind.MUNICIPALITY)
    foundation = has_partner(OrganisationKind.FOUNDATION)
    other = has_partner(OrganisationKind.OTHER)
    return fixed_options(
        ("forening-kommune", _("Forening og kommune"), Q(ngo) & Q(municipality)),
        ("med-fond", _("Med en fond"), Q(foundation)),
        ("med-andre", _("Med boligforening, forskere el.lign."), Q(other)),
        ("kun-foreninger", _("Foreninger alene"),
         Q(ngo) & ~Q(municipality) & ~Q(foundation) & ~Q(other)),
    )(queryset)


def period_options(queryset):
    today = timezone.localdate()
    return fixed_options(
        ("igang", _("I gang"),
         Q(casepage__isnull=False)
         & (Q(casepage__end_date__isnull=True) | Q(casepage__end_date__gte=today))),
        ("afsluttet", _("Afsluttet"), Q(casepage__end_date__lt=today)),
        ("foer-2015", _("Startet før 2015"),
         Q(casepage__start_date__lt=datetime.date(2015, 1, 1))),
        ("2015-2019", _("Startet 2015–2019"),
         Q(casepage__start_date__gte=datetime.date(2015, 1, 1),
           casepage__start_date__lt=datetime.date(2020, 1, 1))),
        ("2020-", _("Startet 2020 eller senere"),
         Q(casepage__start_date__gte=datetime.date(2020, 1, 1))),
    )(queryset)


class KnowledgeFilterSet(FacetedFilterSet):
    q = FreeTextFilter(fallback_fields=("title", "summary"))
    type = FacetFilter(label=_("Slags"), options=fixed_options(
        ("case", _("Samskabelsescases"), Q(casepage__isnull=False)),
        ("vejledning", _("Vejledninger"), Q(guidepage__isnull=False)),
    ))
    tema = FacetFilter(label=_("Tema"), options=related_options(Theme, "themes"))
    region = FacetFilter(
        label=_("Region"), options=related_options(Region, "municipalities__region")
    )
    kommune = FacetFilter(
        label=_("Kommune"), options=related_options(Municipality, "municipalities")
    )
    maalgruppe = FacetFilter(
        label=_("Målgruppe"), options=related_options(TargetGroup, "target_groups")
    )
    partnere = FacetFilter(label=_("Partnere"), options=constellation_options)
    periode = FacetFilter(label=_("Periode"), options=period_options)
    til = FacetFilter(label=_("Vejledning til"), options=fixed_options(
        ("kommuner", _("Kommuner"), Q(guidepage__for_municipalities=True)),
        ("foreninger", _("Foreninger"), Q(guidepage__for_associations=True)),
        ("fonde", _("Fonde"), Q(guidepage__for_foundations=True)),
    ))

    class Meta:
        model = KnowledgePage
        fields = []


def knowledge_listing(request):
    queryset = in_default_locale(unrestricted(KnowledgePage.objects.live()))
    filterset = KnowledgeFilterSet(request.GET, queryset=queryset)
    context = listing_context(
        request, filterset, PER_PAGE,
        prepare=lambda results: with_image(results.select_related("casepage", "guidepage"))
        .prefetch_related("themes")
        .order_by("-first_published_at", "title"),
    )
    owners = owners_of(context["results"])
    for page in context["results"]:
        page.owner_organisation = owners.get(page.pk)
    # Found after the listing showed its pages in the visitor's language, so shown here.
    show_in_language(owners.values(), request)
    return context
