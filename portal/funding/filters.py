"""The filtered listing of funding calls at /stoette/."""

import datetime

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.listings import (
    FacetedFilterSet,
    FacetFilter,
    FreeTextFilter,
    Option,
    fixed_options,
    listing_context,
    related_options,
)
from portal.core.models import Municipality, Region, Theme

from .links import SOON_DAYS, dates_of_today
from .models import Area, FundingCallPage

PER_PAGE = 20


def status_options(queryset):
    """Open now, and closing soon: read at request time, in Copenhagen dates."""
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=SOON_DAYS)
    return [
        Option("aaben", _("Åben for ansøgninger nu"),
               Q(opens_on__isnull=True) | Q(opens_on__lte=today)),
        Option("snart", _("Frist inden for 30 dage"),
               Q(deadlines__date__gte=today, deadlines__date__lte=soon)),
    ]


def covers(municipality):
    """Calls a project in ``municipality`` may apply to: national, its region's and its own."""
    return (Q(area=Area.NATIONAL)
            | Q(area=Area.REGION, region_id=municipality.region_id)
            | Q(area=Area.MUNICIPALITY, municipality_id=municipality.pk))


def municipality_options(queryset):
    return [Option(m.slug, m.name, covers(m)) for m in Municipality.objects.all()]


def region_options(queryset):
    """Calls for a whole region, or for one of its municipalities (national ones aside)."""
    return [
        Option(region.slug, region.name,
               Q(area=Area.REGION, region_id=region.pk)
               | Q(area=Area.MUNICIPALITY, municipality__region_id=region.pk))
        for region in Region.objects.all()
    ]


class FundingCallFilterSet(FacetedFilterSet):
    q = FreeTextFilter(fallback_fields=("title", "summary"))
    status = FacetFilter(label=_("Status"), options=status_options)
    tema = FacetFilter(label=_("Tema"), options=related_options(Theme, "themes"))
    ansoeger = FacetFilter(label=_("Hvem kan søge"), options=fixed_options(
        ("foreninger", _("Foreninger"), Q(for_associations=True)),
        ("kommuner", _("Kommuner"), Q(for_municipalities=True)),
        ("partnerskaber", _("Partnerskaber mellem forening og kommune"), Q(for_partnerships=True)),
    ))
    landsdaekkende = FacetFilter(label=_("Hele landet"), options=fixed_options(
        ("ja", _("Kun puljer for hele landet"), Q(area=Area.NATIONAL)),
    ))
    region = FacetFilter(label=_("Region"), options=region_options)
    kommune = FacetFilter(label=_("Kommune (med regionale og landsdækkende puljer)"),
                          options=municipality_options)

    class Meta:
        model = FundingCallPage
        fields = []


def listed_calls():
    return FundingCallPage.objects.listed()


def filtered_calls(request):
    """The filter set over the listed calls, as the listing and its feeds read it."""
    return FundingCallFilterSet(request.GET, queryset=listed_calls())


def with_next_deadline(calls):
    """Each call's first deadline from today on, for ordering by what closes first."""
    today = timezone.localdate()
    return calls.annotate(
        upcoming_deadline=Min("deadlines__date", filter=Q(deadlines__date__gte=today))
    )


def call_listing(request):
    context = listing_context(
        request, filtered_calls(request), PER_PAGE,
        prepare=lambda results: with_next_deadline(results)
        .select_related("region", "municipality")
        .prefetch_related("themes", "deadlines")
        .order_by("upcoming_deadline", "title"),
    )
    return {**context, **dates_of_today()}
