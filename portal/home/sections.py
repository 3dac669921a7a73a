"""What the home page shows: the week's shifts, featured or newest content, the key figures.

Every section is a fixed number of queries, however much content there is
(``tests/home/test_query_counts.py``): the rows of a section are read in one
query with what their cards show, never one query per card. The page is kept
whole by the page cache (``portal.core.page_cache``), so these queries run once
per change of content or once per ``PAGE_CACHE_SECONDS``, not per visit.
"""

import datetime

from django.db.models import prefetch_related_objects
from django.utils import timezone
from wagtail.models import Page

from portal.cases.models import CasePage, KnowledgePage
from portal.core.pictures import with_image
from portal.core.translations import in_default_locale, show_in_language
from portal.opportunities.filters import row_name, taxonomy_choices
from portal.opportunities.models import OpportunityPage, Shift
from portal.organisations.models import OrganisationPage, owners_of
from portal.toolshare.models import ToolPage

CARDS_PER_SECTION = 3
SHIFTS_THIS_WEEK = 6
WEEK_DAYS = 7


def home_sections(home, request=None):
    """The template context of the home page's sections.

    The cards are Danish pages, shown in the visitor's language where they have a
    translation (``show_in_language``); an English home page shows the same sections.
    """
    hidden = Page.objects.all().private_q()
    this_week = shifts_this_week()
    show_in_language([shift.opportunity for shift in this_week], request)
    return {
        "heading": home.heading or home.title,
        "regions": municipalities_by_region(),
        "this_week": this_week,
        "week_end": week_end().date() - datetime.timedelta(days=1),
        "today": timezone.localdate(),
        "featured_opportunities": show_in_language(featured_opportunities(home), request),
        "featured_knowledge": show_in_language(featured_knowledge(home, hidden), request),
        "featured_tools": show_in_language(featured_tools(home, hidden), request),
        "figures": key_figures(hidden),
    }


def municipalities_by_region():
    """The 98 municipalities under their regions, as the listing's filter knows them.

    The listing's own (cached) choices, so a municipality the picker offers is
    always one the listing filters by, under the same ``kommune`` slug.
    """
    choices = taxonomy_choices()
    regions = [{"name": row_name(region), "id": region["id"], "municipalities": []}
               for region in choices["region"]]
    by_id = {region["id"]: region for region in regions}
    for municipality in choices["kommune"]:
        by_id[municipality["region_id"]]["municipalities"].append(municipality)
    return regions


def week_end():
    """Midnight (Copenhagen time) after the seventh day, today counted as the first."""
    last_day = timezone.localdate() + datetime.timedelta(days=WEEK_DAYS)
    return timezone.make_aware(datetime.datetime.combine(last_day, datetime.time.min))


def shifts_this_week():
    """The next shifts of open opportunities that still have a free place, within the week."""
    return list(
        Shift.objects.upcoming()
        .filter(starts_at__lt=week_end(), opportunity__in=OpportunityPage.objects.open())
        .with_places()
        .filter(places_left__gt=0)
        .select_related("opportunity__owner_organisation")
        .order_by("starts_at", "pk")[:SHIFTS_THIS_WEEK]
    )


def _chosen_ids(relation):
    # Read through the relation, not the table, so a preview shows the editor's
    # unsaved choices (they live in memory then).
    return [item.page_id for item in relation.all() if item.page_id]


def _chosen_or_newest(visible, chosen_ids, newest_first):
    """The chosen pages still visible, in the editor's order; the newest if none is."""
    if chosen_ids:
        by_id = {page.pk: page for page in visible.filter(pk__in=chosen_ids)}
        chosen = [by_id[pk] for pk in chosen_ids if pk in by_id]
        if chosen:
            return chosen
    return list(visible.order_by(*newest_first)[:CARDS_PER_SECTION])


def featured_opportunities(home):
    visible = with_image(
        OpportunityPage.objects.open().with_next_shift().select_related("owner_organisation")
    )
    pages = _chosen_or_newest(
        visible, _chosen_ids(home.featured_opportunities), ("-published_at", "-page_ptr_id")
    )
    prefetch_related_objects(pages, "municipalities")
    return pages


def featured_knowledge(home, hidden):
    visible = with_image(
        in_default_locale(KnowledgePage.objects.live().exclude(hidden))
        .select_related("casepage", "guidepage")
    )
    pages = _chosen_or_newest(
        visible, _chosen_ids(home.featured_knowledge), ("-first_published_at", "-pk")
    )
    prefetch_related_objects(pages, "themes")
    owners = owners_of(pages)
    for page in pages:
        page.owner_organisation = owners.get(page.pk)
    return pages


def featured_tools(home, hidden):
    visible = with_image(in_default_locale(ToolPage.objects.live().exclude(hidden)))
    return _chosen_or_newest(
        visible, _chosen_ids(home.featured_tools), ("-first_published_at", "-pk")
    )


def key_figures(hidden=None):
    """Counts of published content, never typed in; one cheap COUNT each."""
    if hidden is None:
        hidden = Page.objects.all().private_q()
    return {
        "open_opportunities": OpportunityPage.objects.open().count(),
        "organisations": in_default_locale(OrganisationPage.objects.live().exclude(hidden)).count(),
        "cases": in_default_locale(CasePage.objects.live().exclude(hidden)).count(),
        "tools": in_default_locale(ToolPage.objects.live().exclude(hidden)).count(),
    }
