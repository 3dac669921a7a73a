"""The context of /frivilligopgaver/: filters, their counts, one page of results.

The number of queries is fixed: the counts come from the in-memory facet
index (``facet_index.py``; its two queries only after a change, or the ids of the
text and date filters when those are used), then the page of results and its
municipalities — plus the taxonomy lists when their cache is cold. Newest
first, the index names the page's twenty ids at any depth; by deadline the
page is read along an index on stored columns (see
``OpportunityPage.Meta.indexes``), by next shift in the order computed at
query time, or, when the filters leave few results, by their ids.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.models import in_name_order
from portal.core.pictures import with_image
from portal.core.queries import ids_parameter

from .cards import listing_cards
from .facet_index import BOOLEAN_FACETS, TOTAL, facet_counts, listing_version
from .filters import (
    SHORT_COMMITMENTS,
    OpportunityFilterSet,
    Sort,
    SpokenLanguage,
    row_name,
    toggle_value,
)
from .models import Commitment, OpportunityPage

PAGE_SIZE = 20
# Sorted other than newest first, up to this many results are read by id from
# the facet index's matches; above it, rows passing the filters are common
# enough that walking the sort order's index finds a page of them sooner.
ID_LIST_LIMIT = 5000
TAXONOMY_GROUPS = ("kommune", "region", "aktivitet", "maalgruppe")


def filtered_opportunities(request):
    """The filter set over open opportunities, and the open opportunities it filters."""
    return OpportunityFilterSet(request.GET or None), OpportunityPage.objects.open()


def listing_context(index_page, request):
    filterset, base = filtered_opportunities(request)
    counts = facet_counts(filterset, base)
    page_notices = []
    page_obj = _paginate(counts[TOTAL], request.GET.get("page"), page_notices)
    if filterset.values.get("sorter", Sort.NEWEST) == Sort.NEWEST:
        # The facet index numbers the results newest first: it names the page,
        # and only the cards not kept from an earlier visit need their rows.
        cards = listing_cards(request, counts.matching_ids(*_window(page_obj)),
                              lambda ids: _rows_by_id(base, ids))
    else:
        if filterset.applied() and counts[TOTAL] <= ID_LIST_LIMIT:
            # Few results: name them, instead of walking an index for rows that pass.
            matching = base.filter(pk__in=ids_parameter(counts.matching_ids()))
            rows = _page_rows(page_obj, filterset.sort(matching.with_next_shift()))
        else:
            results = filterset.filter_queryset(base.with_next_shift())
            rows = _page_rows(page_obj, filterset.sort(results))
        cards = listing_cards(request, [row.pk for row in rows], lambda _ids: rows)
    page_obj.object_list = cards
    # Last: reading the rows may have searched the text, which can add a notice.
    notices = [*filterset.notices, *page_notices, *_form_errors(filterset)]
    params = _params(filterset)
    query = urlencode(params)
    return {
        "filterset": filterset,
        "notices": notices,
        # Made only when the kept facet block is missing (``_facet_fragment``).
        "groups": SimpleLazyObject(lambda: facet_groups(filterset, counts)),
        "facet_fragment": _facet_fragment(query),
        "toggles": SimpleLazyObject(lambda: _toggles(filterset, counts)),
        "sort_choices": Sort.CHOICES,
        "current_sort": filterset.values.get("sorter", Sort.NEWEST),
        "result_count": counts[TOTAL],
        "page_obj": page_obj,
        "opportunities": cards,
        "querystring_without_page": query,
        "active_filters": _active_filters(filterset, params),
        "short_commitments_url": "?" + urlencode(
            [pair for pair in params if pair[0] != "type"]
            + [("type", value) for value in SHORT_COMMITMENTS]
        ),
        "short_commitments_active": sorted(filterset.values.get("type", []))
        == sorted(SHORT_COMMITMENTS),
        "rss_url": index_page.url + index_page.reverse_subpage("rss") + _query(params),
        "calendar_url": index_page.url + index_page.reverse_subpage("calendar") + _query(params),
    }


def _facet_fragment(query):
    """What the rendered facet block depends on: the listing's data, day, language, filters.

    Its few hundred checkboxes and translated labels cost about as much to
    render as the rest of the page; the block is kept under this key
    (``{% wagtailcache %}`` in the template, skipped in previews).
    """
    return f"{listing_version()}:{timezone.localdate()}:{get_language()}:{query}"


def _query(params):
    params = [pair for pair in params if pair[0] != "sorter"]
    return "?" + urlencode(params) if params else ""


def _paginate(total, raw_number, notices):
    # Only the page's numbers come from here; its rows are read by the caller.
    paginator = Paginator(range(total), PAGE_SIZE)
    # The facet query already counted the results; this spares a COUNT(*).
    paginator.__dict__["count"] = total
    try:
        number = int(raw_number or 1)
    except ValueError:
        notices.append(_("Sidetallet “%(page)s” findes ikke; her er side 1.") % {
            "page": str(raw_number)[:20]})
        number = 1
    if number < 1:
        notices.append(_("Sidetallet skal være 1 eller derover; her er side 1."))
        number = 1
    elif number > paginator.num_pages:
        notices.append(
            _("Der er kun %(pages)s sider; her er den sidste.") % {"pages": paginator.num_pages}
        )
        number = paginator.num_pages
    return paginator.page(number)


def _window(page_obj):
    start = (page_obj.number - 1) * PAGE_SIZE
    return start, min(start + PAGE_SIZE, page_obj.paginator.count)


def _rows_by_id(base, ids):
    """The opportunities ``ids``, in that order, as the listing shows them."""
    rows = with_image(
        base.with_next_shift().filter(pk__in=ids)
        .select_related("owner_organisation").prefetch_related("municipalities")
    )
    by_id = {row.pk: row for row in rows}
    return [by_id[pk] for pk in ids if pk in by_id]


def _page_rows(page_obj, results):
    """The page's opportunities, read from whichever end of the sort order is nearer.

    A page is the next rows of an index walk past OFFSET; in the back half
    of the results the same rows are the first ones of the reversed order,
    so the last page costs what the first does. The page's ids are chosen on
    the opportunity table alone, and only those rows joined to Wagtail's page
    table: otherwise every candidate is joined before the sort picks twenty.
    """
    total = page_obj.paginator.count
    start, end = _window(page_obj)
    backwards = start > total - end
    ordered = results.reverse() if backwards else results
    window = slice(total - end, total - start) if backwards else slice(start, end)
    rows = list(with_image(
        ordered.filter(pk__in=ordered.values("pk")[window])
        .select_related("owner_organisation")
        .prefetch_related("municipalities")
    ))
    return rows[::-1] if backwards else rows


def _form_errors(filterset):
    if not filterset.is_bound:
        return []
    return [
        f"{filterset.form.fields[name].label}: {' '.join(errors)}"
        for name, errors in filterset.form.errors.items()
        if name in filterset.form.fields
    ]


def _params(filterset):
    """The applied filters as query-string pairs, in a stable order."""
    pairs = []
    for name, value in filterset.values.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bool):
                item = "on"
            pairs.append((name, item.isoformat() if hasattr(item, "isoformat") else item))
    return pairs


def facet_groups(filterset, counts):
    values = filterset.values
    type_chosen = set(values.get("type", []))
    groups = [{
        "name": "type",
        "label": _("Tidsforpligtelse"),
        "choices": [
            _choice("type", value, label, counts.get("type", {}).get(value, 0), type_chosen)
            for value, label in Commitment.choices
        ],
    }]
    for name in TAXONOMY_GROUPS:
        chosen = set(values.get(name, []))
        choices = [
            _choice(name, row["slug"], row_name(row), counts.get(name, {}).get(str(row["id"]), 0),
                    chosen)
            for row in filterset.taxonomies[name]
        ]
        shown = [choice for choice in choices if choice["count"] or choice["checked"]]
        groups.append({
            "name": name,
            "label": filterset.form.fields[name].label,
            "choices": in_name_order(shown, lambda choice: choice["label"]),
        })
    for group in groups:
        group["chosen"] = sum(choice["checked"] for choice in group["choices"])
    return groups


def _choice(name, value, label, count, chosen):
    return {"id": f"f-{name}-{value}", "value": value, "label": label, "count": count,
            "checked": value in chosen}


def _toggles(filterset, counts):
    return [
        {"name": name, "id": f"f-{name}", "value": toggle_value(name),
         "label": _toggle_label(filterset, name),
         "count": counts.get(name, {}).get("1", 0), "checked": bool(filterset.values.get(name))}
        for name in BOOLEAN_FACETS
    ]


def _toggle_label(filterset, name):
    """A checkbox's own label; a toggle that names its value (``sprog``) says that value."""
    field = filterset.form.fields[name]
    return dict(getattr(field, "choices", ())).get(toggle_value(name), field.label)


def _active_filters(filterset, params):
    """Each applied filter with a link to the same listing without it."""
    labels = {name: {row["slug"]: row_name(row) for row in rows}
              for name, rows in filterset.taxonomies.items()}
    labels["type"] = dict(Commitment.choices)
    labels["sprog"] = dict(SpokenLanguage.choices)
    active = []
    for pair in params:
        name, value = pair
        if name == "sorter":
            continue
        label = labels.get(name, {}).get(value)
        if label is None:
            field_label = filterset.form.fields[name].label
            label = field_label if value == "on" else f"{field_label}: {value}"
        rest = [other for other in params if other != pair]
        active.append({"label": label, "url": "?" + urlencode(rest)})
    return active
