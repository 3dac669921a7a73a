"""Which figures a page shows: the country, a region, a municipality, or one organisation.

The public page picks its area from one GET parameter, ``sted``:
``""`` (the country), ``region-<slug>`` or ``kommune-<slug>``.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.core.models import Municipality, Region

REGION_PREFIX = "region-"
MUNICIPALITY_PREFIX = "kommune-"


class UnknownArea(ValueError):
    pass


@dataclass(frozen=True)
class Area:
    kind: str  # "country", "region", "municipality" or "organisation"
    pk: int | None
    name: str
    parameter: str = ""

    @property
    def cache_key(self):
        return f"{self.kind}-{self.pk or 0}"

    def fact_filter(self):
        """Keyword arguments narrowing ``RequestFact`` to this area."""
        field = {"region": "region_id", "municipality": "municipality_id",
                 "organisation": "organisation_id"}.get(self.kind)
        return {field: self.pk} if field else {}

    def opportunity_filter(self):
        """Keyword arguments narrowing ``OpportunityPage`` to this area."""
        lookup = {"region": "municipalities__region", "municipality": "municipalities",
                  "organisation": "owner_organisation"}.get(self.kind)
        return {lookup: self.pk} if lookup else {}


COUNTRY = Area("country", None, _("Hele landet"))


def area_from_parameter(value):
    """The area a ``sted`` value names; ``UnknownArea`` for anything else."""
    value = (value or "").strip()
    if not value:
        return COUNTRY
    if "\x00" in value:  # never in a slug, and PostgreSQL refuses it in a query
        raise UnknownArea(value)
    for prefix, model, kind in ((REGION_PREFIX, Region, "region"),
                                (MUNICIPALITY_PREFIX, Municipality, "municipality")):
        if value.startswith(prefix):
            found = model.objects.filter(slug=value.removeprefix(prefix)).first()
            if found is not None:
                return Area(kind, found.pk, found.name, value)
    raise UnknownArea(value)


def organisation_area(organisation):
    return Area("organisation", organisation.pk, organisation.title)


def picker_choices():
    """``(region name, [(value, label), …])`` per region for the picker, in one query."""
    groups = {}
    for municipality in Municipality.objects.select_related("region").order_by(
        "region__name", "name"
    ):
        region = municipality.region
        choices = groups.setdefault(region.name, [
            (REGION_PREFIX + region.slug, _("Hele %(region)s") % {"region": region.name})
        ])
        choices.append((MUNICIPALITY_PREFIX + municipality.slug, municipality.name))
    return list(groups.items())
