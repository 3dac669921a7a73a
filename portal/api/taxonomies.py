"""/api/v1/taxonomies/: the values the filters and records use, with their slugs.

Activities and target groups come from the listing's cached lists
(``taxonomy_choices``), so the API and /frivilligopgaver/ know the same values.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from portal.core.models import Municipality, Region, Theme
from portal.opportunities.filters import taxonomy_choices
from portal.opportunities.models import Commitment
from portal.organisations.models import OrganisationKind
from portal.toolshare.models import CostModel, Hosting, ToolCategory

from . import schemas
from .paging import reject_unknown
from .records import term

router = Router(tags=[_("Taksonomier")])


def _terms(rows):
    return [term(row) for row in rows]


def _choices(choices):
    return [{"value": value, "name": str(name)} for value, name in choices]


@router.get("/municipalities/", response=list[schemas.Municipality], url_name="municipalities",
            description=_("De 98 kommuner med kommunekode og region (filteret ``kommune``)."))
def municipalities(request):
    reject_unknown(request, ())
    rows = Municipality.objects.order_by("name").values("slug", "name", "code", "region__slug")
    return [{**term(row), "code": row["code"], "region": row["region__slug"]} for row in rows]


@router.get("/regions/", response=list[schemas.Region], url_name="regions",
            description=_("De fem regioner (filteret ``region``)."))
def regions(request):
    reject_unknown(request, ())
    rows = Region.objects.order_by("name").values("slug", "name", "name_en", "code")
    return [{**term(row), "code": row["code"]} for row in rows]


@router.get("/activities/", response=list[schemas.Term], url_name="activities",
            description=_("Aktiviteter (filteret ``aktivitet``)."))
def activities(request):
    reject_unknown(request, ())
    return _terms(taxonomy_choices()["aktivitet"])


@router.get("/target-groups/", response=list[schemas.Term], url_name="target_groups",
            description=_("Målgrupper (filteret ``maalgruppe``)."))
def target_groups(request):
    reject_unknown(request, ())
    return _terms(taxonomy_choices()["maalgruppe"])


@router.get("/commitments/", response=list[schemas.Choice], url_name="commitments",
            description=_("Tidsforpligtelser (filteret ``type``)."))
def commitments(request):
    reject_unknown(request, ())
    return _choices(Commitment.choices)


@router.get("/themes/", response=list[schemas.Term], url_name="themes",
            description=_("Temaer på organisationer, cases og vejledninger."))
def themes(request):
    reject_unknown(request, ())
    return _terms(Theme.objects.order_by("name").values("slug", "name", "name_en"))


@router.get("/tool-categories/", response=list[schemas.Term], url_name="tool_categories",
            description=_("Kategorier af digitale værktøjer."))
def tool_categories(request):
    reject_unknown(request, ())
    return _terms(ToolCategory.objects.order_by("name").values("slug", "name", "name_en"))


@router.get("/organisation-kinds/", response=list[schemas.Choice], url_name="organisation_kinds",
            description=_("Typer af organisationer."))
def organisation_kinds(request):
    reject_unknown(request, ())
    return _choices(OrganisationKind.choices)


@router.get("/tool-prices/", response=list[schemas.Choice], url_name="tool_prices",
            description=_("Prismodeller for digitale værktøjer."))
def tool_prices(request):
    reject_unknown(request, ())
    return _choices(CostModel.choices)


@router.get("/tool-hosting/", response=list[schemas.Choice], url_name="tool_hosting",
            description=_("Hvor et værktøjs data ligger."))
def tool_hosting(request):
    reject_unknown(request, ())
    return _choices(Hosting.choices)
