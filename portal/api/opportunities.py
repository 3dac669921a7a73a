"""/api/v1/opportunities/: the open opportunities, filtered exactly as /frivilligopgaver/.

The filters are the listing's own: the validated parameters become the
query string ``OpportunityFilterSet`` reads, the counts and the order come
from the same facet index (``facet_counts``), free text goes through the same
``TextCondition``. What the listing forgives with a notice (an unknown
municipality) is a 400 here: a program should learn of its mistake. The
order is the listing's default, newest first; a page is read from the facet
index's bits after the cursor's position, so any page costs the first's.
"""

import datetime

from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema

from portal.opportunities.facet_index import TOTAL, facet_counts
from portal.opportunities.filters import (
    BOOLEAN_CONDITIONS,
    NEWEST_FIRST,
    TAXONOMY_FILTERS,
    OpportunityFilterSet,
    SpokenLanguage,
    toggle_value,
)
from portal.opportunities.models import Commitment, OpportunityPage
from portal.organisations.models import OrganisationPage

from . import documents, records, schemas, volunteering
from .errors import BadParameter
from .http import json_response
from .paging import DEFAULT_LIMIT, MAX_LIMIT, decode_cursor, encode_cursor, next_url, reject_unknown

router = Router(tags=[gettext_lazy("Frivilligopgaver")])
# Candidates read when a cursor's opportunity has left the list since (closed, expired).
CURSOR_FALLBACK_ROWS = 20


class OpportunityFilters(Schema):
    q: str | None = Field(
        None, max_length=200, description=gettext_lazy("Fritekst, som på /frivilligopgaver/"),
    )
    kommune: list[str] = Field([], description=gettext_lazy("Kommunens slug; flere = eller"))
    region: list[str] = Field([], description=gettext_lazy("Regionens slug; flere = eller"))
    aktivitet: list[str] = Field([], description=gettext_lazy("Aktivitetens slug; flere = eller"))
    maalgruppe: list[str] = Field([], description=gettext_lazy("Målgruppens slug; flere = eller"))
    type: list[Commitment] = Field([], description=gettext_lazy("Tidsforpligtelse; flere = eller"))
    fra: datetime.date | None = Field(
        None, description=gettext_lazy("Vagt eller periode fra denne dato"),
    )
    til: datetime.date | None = Field(
        None, description=gettext_lazy("Vagt eller periode til denne dato"),
    )
    uden_boerneattest: bool = Field(
        False, description=gettext_lazy("Kun opgaver uden krav om børneattest"),
    )
    online: bool = Field(False, description=gettext_lazy("Kun opgaver online / i hele landet"))
    sprog: SpokenLanguage | None = Field(
        None,
        description=gettext_lazy(
            "engelsk: kun opgaver, hvor engelsktalende frivillige er velkomne"
        ),
    )
    cursor: str | None = Field(None, description=gettext_lazy("Fra “next” på forrige side"))
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=gettext_lazy("Opgaver pr. side"),
    )


def listing_query(filters):
    """The validated filters as the listing's query string (``?kommune=aalborg&online=on``)."""
    data = QueryDict(mutable=True)
    if filters.q:
        data["q"] = filters.q
    for name in TAXONOMY_FILTERS:
        data.setlist(name, getattr(filters, name))
    data.setlist("type", [commitment.value for commitment in filters.type])
    for name in ("fra", "til"):
        if getattr(filters, name):
            data[name] = getattr(filters, name).isoformat()
    for name in BOOLEAN_CONDITIONS:
        if getattr(filters, name):
            data[name] = toggle_value(name)
    return data


def checked_filterset(filters):
    """The listing's filter set for ``filters``; ``BadParameter`` for what it would drop."""
    query = listing_query(filters)
    filterset = OpportunityFilterSet(query or None)
    for name in TAXONOMY_FILTERS:
        kept = set(filterset.data.getlist(name)) if query else set()
        for value in query.getlist(name):
            if value not in kept:
                raise BadParameter(name, _(
                    "Vi kender ikke %(name)s “%(value)s”. Se de mulige værdier under "
                    "/api/v1/taxonomies/."
                ) % {"name": name, "value": value[:60]})
    filterset.values  # noqa: B018 - validates, as the listing does
    for name, errors in filterset.form.errors.items():
        raise BadParameter(name, " ".join(errors))
    return filterset


def _after_cursor(bits, index, base, cursor):
    """The bits of ``bits`` that come after the cursor's opportunity in the listing's order."""
    pk, published_at = decode_cursor(cursor)
    position = index.positions.get(pk)
    if position is not None:
        return bits & ~((1 << (position + 1)) - 1)
    # It has left the list: continue from the first open opportunity older than it.
    older = base.filter(pk__lt=pk) if published_at is None else base.filter(
        published_at__lte=published_at).exclude(published_at=published_at, pk__gte=pk)
    for candidate in older.order_by(*NEWEST_FIRST).values_list("pk", flat=True)[
            :CURSOR_FALLBACK_ROWS]:
        if candidate in index.positions:
            return bits & ~((1 << index.positions[candidate]) - 1)
    return 0


@router.get("/", response=schemas.OpportunityList, url_name="opportunities",
            description=gettext_lazy("Åbne frivilligopgaver med kommende vagter, nyeste først, "
                                     "med oversigtens filtre."))
def opportunity_list(request, filters: Query[OpportunityFilters]):
    reject_unknown(request, OpportunityFilters.model_fields)
    filterset = checked_filterset(filters)
    base = OpportunityPage.objects.open()
    counts = facet_counts(filterset, base)
    bits = counts.matching
    if filters.cursor:
        bits = _after_cursor(bits, counts.index, base, filters.cursor)
    ids = counts.index.ids_at(bits, 0, filters.limit + 1)
    results = records.opportunities(request, base, ids[: filters.limit], filterset.taxonomies)
    following = None
    if len(ids) > filters.limit and results:
        last = results[-1]
        following = next_url(request, encode_cursor(last["id"], last["published_at"]))
    # Written out as built: ninja's check of every record against the schema is a
    # share of the request worth saving (bench/api_benchmark.py, bench/README.md);
    # tests/api/test_endpoints.py holds the records to the schema instead.
    return json_response({"count": counts[TOTAL], "next": following,
                          "notices": [str(notice) for notice in filterset.notices],
                          "results": results})


def _open_opportunity(request, pk):
    found = documents.open_opportunity(request, pk)
    if found is None:
        raise Http404
    return found


@router.get("/{int:pk}/", response=schemas.Opportunity, url_name="opportunity",
            description=gettext_lazy("Én åben frivilligopgave; en lukket, udløbet, upubliceret "
                                     "eller beskyttet giver 404."))
def opportunity_detail(request, pk: int):
    reject_unknown(request, ())
    return _open_opportunity(request, pk)


@router.get("/{int:pk}.jsonld", url_name="opportunity_jsonld",
            openapi_extra={"responses": {200: {
                "description": "Organisation → Activity → Role/Session (ODI Volunteering Data)",
                "content": {volunteering.MEDIA_TYPE: {}}}}},
            description=gettext_lazy("Opgaven som JSON-LD efter ODI's Volunteering Data Standard."))
def opportunity_jsonld(request, pk: int):
    reject_unknown(request, ())
    opportunity = _open_opportunity(request, pk)
    owner = opportunity["organisation"]
    organisation = OrganisationPage.objects.get(pk=owner["id"]) if owner else None
    return volunteering.response(
        documents.opportunity_document(request, opportunity, organisation))
