"""What the widget shows: the first few open opportunities the host's filters match.

The filters are the listing's (``filters.EmbedFilterSet``), the order is the
listing's (newest first unless ``sorter`` says otherwise), so the widget shows
the first items of the same listing. A fixed number of queries: the rows,
their municipalities, the listing page's address, and a count only when there
are more matches than items shown.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from portal.core.translations import in_default_locale
from portal.opportunities.listing import _form_errors as filter_errors
from portal.opportunities.models import OpportunityIndexPage, OpportunityPage

from .filters import ORGANISATION, EmbedFilterSet

COUNT_PARAMETER = "antal"
DEFAULT_COUNT = 5
MAX_COUNT = 20
# The widget's own parameters, which the listing at /frivilligopgaver/ does not know.
WIDGET_PARAMETERS = (COUNT_PARAMETER, ORGANISATION)


def item_count(raw, notices):
    """How many opportunities to show: ``antal`` if it is a whole number from 1 to 20."""
    if raw in (None, ""):
        return DEFAULT_COUNT
    try:
        count = int(raw)
    except ValueError:
        count = 0
    if 1 <= count <= MAX_COUNT:
        return count
    notices.append(
        _("Antal opgaver skal være et helt tal fra 1 til %(max)s; her vises %(default)s.")
        % {"max": MAX_COUNT, "default": DEFAULT_COUNT}
    )
    return DEFAULT_COUNT


def widget_context(request):
    filterset = EmbedFilterSet(request.GET or None)
    page_notices = []
    count = item_count(request.GET.get(COUNT_PARAMETER), page_notices)
    results = filterset.filter_queryset(OpportunityPage.objects.open())
    opportunities = list(
        filterset.sort(results.with_next_shift())
        .select_related("owner_organisation")
        .prefetch_related("municipalities")[:count]
    )
    total = results.count() if len(opportunities) == count else len(opportunities)
    return {
        "opportunities": opportunities,
        "total": total,
        # Last: reading the rows may have searched the text, which can add a notice.
        "notices": [*filterset.notices, *page_notices, *filter_errors(filterset)],
        "see_all_url": see_all_url(request, filterset),
    }


def see_all_url(request, filterset):
    """The same choice on Bindeled: one organisation's profile, or the filtered listing."""
    organisations = filterset.chosen_organisations()
    if len(organisations) == 1:
        return organisations[0].url
    index = in_default_locale(OpportunityIndexPage.objects.live()).first()
    if index is None:
        return "/"
    params = [
        (name, value) for name, values in request.GET.lists()
        if name not in WIDGET_PARAMETERS for value in values
    ]
    return index.url + ("?" + urlencode(params) if params else "")
