"""Pages read as the API's records, in a fixed number of queries however many.

The taxonomies come from the listing's cached lists (``taxonomy_choices``),
so a page's municipalities, activities and target groups are read as pairs
of ids from the link tables, not as model instances.
"""

from collections import defaultdict

from django.db.models import Value
from django.urls import reverse
from django.utils import timezone

from portal.cases.grants import organisation_identifier
from portal.opportunities.filters import M2M_FILTERS
from portal.opportunities.models import OpportunityPage, Shift


def term(row):
    """A taxonomy row as the API names it: in Danish and in English (``schemas.Term``)."""
    return {"slug": row["slug"], "name": row["name"],
            "name_en": row.get("name_en") or row["name"]}


def organisation_ref(organisation, request):
    if organisation is None:
        return None
    return {"id": organisation.pk, "name": organisation.title,
            "url": organisation.get_full_url(request),
            "identifier": organisation_identifier(organisation),
            "cvr": organisation.cvr or None}


def _links(ids):
    """``{filter name: {opportunity id: [taxonomy ids]}}`` from the listing's three link tables.

    One query for the three (``UNION ALL``, each row marked with its table's number):
    a round trip less per table on every page of results.
    """
    names = list(M2M_FILTERS)
    parts = []
    for number, name in enumerate(names):
        relation, column = M2M_FILTERS[name]
        through = getattr(OpportunityPage, relation).through
        parts.append(through.objects.filter(opportunitypage_id__in=ids)
                     .annotate(table=Value(number)).values_list("table", "opportunitypage_id",
                                                                column))
    found = {name: defaultdict(list) for name in names}
    for number, page_id, taxonomy_id in parts[0].union(*parts[1:], all=True):
        found[names[number]][page_id].append(taxonomy_id)
    return found


def shift_record(shift):
    """An upcoming shift with its places (``Shift.objects.with_places()``)."""
    return {
        "id": shift.pk, "starts_at": timezone.localtime(shift.starts_at),
        "ends_at": timezone.localtime(shift.ends_at),
        "place": shift.place, "capacity": shift.capacity, "places_left": shift.places_left,
    }


def _shifts(ids):
    by_page = defaultdict(list)
    upcoming = Shift.objects.upcoming().with_places().filter(opportunity_id__in=ids)
    for shift in upcoming.order_by("starts_at", "pk"):
        by_page[shift.opportunity_id].append(shift_record(shift))
    return by_page


def opportunities(request, base, ids, taxonomies):
    """The opportunities ``ids`` that ``base`` holds, in the order of ``ids``, as records."""
    if not ids:
        return []
    rows = {row.pk: row for row in base.filter(pk__in=ids).select_related("owner_organisation")}
    links = _links(list(rows))
    shifts = _shifts(list(rows))
    by_id = {name: {row["id"]: row for row in taxonomies[name]} for name in taxonomies}
    records = []
    for pk in ids:
        page = rows.get(pk)
        if page is None:
            continue
        records.append(opportunity(request, page, taxonomies, {
            name: [by_id[name][i] for i in links[name][pk]] for name in M2M_FILTERS
        }, shifts[pk]))
    return records


def opportunity(request, page, taxonomies, rows, shifts):
    """One opportunity as a record.

    ``rows`` holds the page's municipalities, activities and target groups as the
    listing's cached rows (``taxonomies``), by filter name; ``shifts`` its upcoming
    shifts as ``shift_record`` gives them.
    """
    region_ids = {row["region_id"] for row in rows["kommune"]}
    return {
        "id": page.pk, "title": page.title, "url": page.get_full_url(request),
        "summary": page.summary,
        "organisation": organisation_ref(page.owner_organisation, request),
        "commitment": {"value": page.commitment, "name": str(page.get_commitment_display())},
        "municipalities": _terms(rows["kommune"]),
        "regions": [term(row) for row in taxonomies["region"] if row["id"] in region_ids],
        "activities": _terms(rows["aktivitet"]),
        "target_groups": _terms(rows["maalgruppe"]),
        "is_online": page.is_online, "place": page.place, "hours": page.hours,
        "hours_per": page.hours_per, "start_date": page.start_date,
        "end_date": page.end_date, "application_deadline": page.application_deadline,
        "requires_child_certificate": page.requires_child_certificate,
        "minimum_age": page.minimum_age, "languages": page.languages,
        "english_speakers_welcome": page.english_speakers_welcome,
        "volunteers_needed": page.volunteers_needed,
        "published_at": local(page.published_at),
        "last_published_at": local(page.last_published_at),
        "shifts": shifts,
        "jsonld": request.build_absolute_uri(
            reverse("api_v1:opportunity_jsonld", kwargs={"pk": page.pk})),
    }


def local(moment):
    """A stored time as Copenhagen time (its offset shows in the JSON)."""
    return timezone.localtime(moment) if moment else None


def _name(row):
    return row["name"]


def _terms(rows):
    return [term(row) for row in sorted(rows, key=_name)]
