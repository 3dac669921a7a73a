"""The ODI Volunteering Data documents of an opportunity and of an organisation.

One place builds them for both the API (``….jsonld``) and the pages, which
carry them beside their schema.org markup. Only what is public: an
opportunity that is not open (closed, paused, expired, unpublished, private)
has no document, and an organisation's lists only its open opportunities.
"""

from portal.opportunities.filters import M2M_FILTERS, NEWEST_FIRST, taxonomy_choices
from portal.opportunities.models import OpportunityPage

from . import records, volunteering

# An organisation's document lists at most this many of its open opportunities, newest first.
ORGANISATION_ACTIVITIES = 100


def organisation_document(request, page):
    base = OpportunityPage.objects.open()
    # A translation's opportunities are its Danish page's: only those are open (listed).
    ids = list(base.filter(owner_organisation=page.source_page).order_by(*NEWEST_FIRST)
               .values_list("pk", flat=True)[:ORGANISATION_ACTIVITIES])
    found = records.opportunities(request, base, ids, taxonomy_choices())
    return volunteering.published(request, page, found)


def open_opportunity(request, pk):
    """The API's record of the open opportunity ``pk``, and its organisation; or ``None``."""
    base = OpportunityPage.objects.open()
    found = records.opportunities(request, base, [pk], taxonomy_choices())
    return found[0] if found else None


def opportunity_document(request, record, organisation_page):
    return volunteering.published(request, organisation_page, [record])


def opportunity_page_document(request, page, context):
    """The document of an opportunity page, from what its context has read already.

    ``None`` for a page that is not open, or not public (``listed``): the API
    answers 404 for it, and its page must not promise more.
    """
    if not (page.listed and page.is_open):
        return None
    taxonomies = taxonomy_choices()
    lists = {"kommune": context["municipality_list"], "aktivitet": context["activity_list"],
             "maalgruppe": context["target_group_list"]}
    rows = {}
    for name in M2M_FILTERS:
        by_id = {row["id"]: row for row in taxonomies[name]}
        rows[name] = [by_id[item.pk] for item in lists[name] if item.pk in by_id]
    shifts = [records.shift_record(shift) for shift in context["shifts"]]
    record = records.opportunity(request, page, taxonomies, rows, shifts)
    return opportunity_document(request, record, context["organisation"])
