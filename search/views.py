"""The site-wide search at /soeg/ and its title suggestions at /soeg/forslag/."""

import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.formats import number_format
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from portal.core.text_search import clean_query, query_terms, run_safely
from portal.core.translations import in_default_locale, show_in_language, shown_language
from portal.needs.models import NeedPage
from portal.organisations.models import owners_of

from . import facets, stats
from .ranking import rank

RESULTS_PER_PAGE = 20
# Facet counts are taken over at most this many of the best results: counting
# further costs more than it tells (the page says so when it happens).
FACET_LIMIT = 300
# Matches are counted up to this many: an exact count of a word found on most
# pages reads every match, and nobody pages past the first few hundred. Above
# it the page says "more than" and paginates up to the cap.
COUNT_CAP = 1000
# When more than COUNT_CAP pages match, the database backends rank this many
# newest matches and this many newest title matches; the other matches follow,
# newest first (``search.ranking``). Elasticsearch ranks everything; this many
# of its best are fetched at once.
RANK_LIMIT = 300
SUGGESTIONS = 8
MIN_SUGGEST_LENGTH = 2
# Something that looks like an e-mail address, a phone or CPR number: never kept
# in the query statistics, because a search box is not a place for personal data.
PERSONAL_LOOKING = re.compile(r"@|\d[\d\s-]{5,}\d")


def is_recordable(query):
    """Whether a query may go into the search statistics editors see."""
    return bool(query_terms(query)) and not PERSONAL_LOOKING.search(query)


def searchable_pages():
    """Every published, public Danish page of any type, the tree's root excepted,
    and no need past its end date (its page stays reachable, but search no longer
    offers it).

    A Danish page's index entry holds its English translation's text as well
    (``search.languages``): the translation is found through it, and shown in
    its place under /en/, so a translated page is one result.
    """
    return in_default_locale(
        Page.objects.live().public().filter(depth__gt=1)
        .exclude(pk__in=NeedPage.objects.expired().values("pk"))
    )


def _url(query, selection, **changes):
    params = {"q": query, **selection, **changes}
    return "?" + urlencode({key: value for key, value in params.items() if value})


def _link_facets(groups, query, selection):
    for group in groups:
        for option in group.options:
            value = None if option.selected else option.value
            option.url = _url(query, selection, **{group.param: value})


def _promotions(request, query):
    """The editors' promoted results for this query, public pages only."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .order_by("sort_order")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    pages = searchable_pages().filter(id__in=page_ids).specific().in_bulk() if page_ids else {}
    show_in_language(pages.values(), request)
    shown = []
    for promotion in promotions:
        if promotion.page_id and promotion.page_id in pages:
            page = pages[promotion.page_id]
            shown.append({"page": page, "title": page.title, "url": page.url,
                          "description": promotion.description or facets.summary_of(page)})
        elif promotion.external_link_url:
            shown.append({"page": None, "title": promotion.external_link_text,
                          "url": promotion.external_link_url,
                          "description": promotion.description})
    return shown


def _results(request, ranking, start, stop):
    """The specific pages at ``start:stop`` of the ranking, with what a result shows
    (in English where the visitor reads English and the page is translated)."""
    ids = [page.id for page in ranking.slice(start, stop)]
    specific = Page.objects.filter(id__in=ids).specific().in_bulk()
    results = show_in_language(
        [specific[page_id] for page_id in ids if page_id in specific], request
    )
    organisations = owners_of(results)
    # A result's byline, in the visitor's language like the result itself.
    show_in_language(organisations.values(), request)
    municipalities = facets.municipalities_of(results)
    return [
        {
            "page": page,
            "type": page.get_verbose_name(),
            "summary": facets.summary_of(page),
            "organisation": organisations.get(page.id),
            "municipalities": municipalities.get(page.id, []),
        }
        for page in results
    ]


def search(request):
    query = clean_query(request.GET.get("q"))
    terms = query_terms(query)
    selection = facets.read_selection(request.GET)
    context = {
        "search_query": query,
        "terms": terms,
        "selection": selection,
        "querystring_without_page": urlencode({"q": query, **selection}),
        "unfiltered_url": _url(query, {}),
        "single_term_urls": [(term, _url(term, {})) for term in terms] if len(terms) > 1 else [],
    }
    if not terms:
        return TemplateResponse(request, "search/search.html", context)

    query_text = " ".join(terms)
    promotions = [] if selection else _promotions(request, query)
    pages = facets.apply_selection(searchable_pages(), selection)
    promoted_ids = [item["page"].id for item in promotions if item["page"]]
    if promoted_ids:
        pages = pages.exclude(id__in=promoted_ids)

    def run():
        ranking = rank(pages, query_text, min(RANK_LIMIT, COUNT_CAP), COUNT_CAP)
        candidates = ranking.ranked[:FACET_LIMIT]
        capped = ranking.total > COUNT_CAP
        total = min(ranking.total, COUNT_CAP)
        paginator = Paginator(range(total), RESULTS_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        start = page.start_index() - 1 if total else 0
        results = _results(request, ranking, start, page.end_index())
        groups = facets.build_facets(candidates, selection)
        return {"page_obj": page, "total": total, "capped": capped, "results": results,
                "facets": groups, "facets_partial": total > len(candidates),
                "facet_limit": len(candidates),
                "count_cap": number_format(COUNT_CAP, force_grouping=True)}

    found, failed = run_safely(run)
    if failed:
        context["unavailable"] = True
        response = TemplateResponse(request, "search/search.html", context)
        # An outage must not be kept by any cache after it is over.
        add_never_cache_headers(response)
        return response

    _link_facets(found["facets"], query, selection)
    context.update(found, promotions=promotions if found["page_obj"].number == 1 else [])
    if found["page_obj"].number == 1 and is_recordable(query):
        # Counted in the cache; written later, never while the visitor waits (stats.py).
        stats.record(query, found_nothing=not (found["total"] or promotions or selection))
    return TemplateResponse(request, "search/search.html", context)


def suggest(request):
    """Up to eight titles starting with what has been typed, as JSON.

    Answers ``{"results": [{"title", "url", "type"}]}``; an empty list when
    nothing is typed yet or the backend fails (the box then works as a plain
    search form).
    """
    query = clean_query(request.GET.get("q"))
    terms = query_terms(query)
    if len(query) < MIN_SUGGEST_LENGTH or not terms:
        return JsonResponse({"results": []})
    pages = searchable_pages()
    if shown_language():
        # A page shown in another language is given its translation's title and
        # address by its own type (``show_in_language``).
        pages = pages.specific()
    found, failed = run_safely(
        lambda: list(pages.autocomplete(" ".join(terms), operator="and")[:SUGGESTIONS])
    )
    found = show_in_language(found or [], request)
    results = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": facets.type_label(page.content_type_id),
        }
        for page in found
    ]
    response = JsonResponse({"results": results})
    if failed:
        add_never_cache_headers(response)
    return response
