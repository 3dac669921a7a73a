"""The editors' report of searches that found nothing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import ZeroResultQuery

# Whoever may promote search results is who needs to see what is missing.
REPORT_PERMISSION = "wagtailsearchpromotions.add_searchpromotion"


class ZeroResultsReportView(ReportView):
    page_title = _("Søgninger uden resultater")
    header_icon = "search"
    model = ZeroResultQuery
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-count"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    columns = [
        Column("query_string", label=_("Søgning"), sort_key="query_string"),
        NumberColumn("count", label=_("Antal gange"), sort_key="count"),
        DateColumn("last_seen", label=_("Senest"), sort_key="last_seen"),
    ]
    list_export = ["query_string", "count", "last_seen"]
    export_headings = {
        "query_string": _("Søgning"),
        "count": _("Antal gange"),
        "last_seen": _("Senest"),
    }
    permission_required = REPORT_PERMISSION

    def user_has_permission(self, permission):
        user = self.request.user
        return user.is_superuser or user.has_perm(REPORT_PERMISSION)

    def get_queryset(self):
        return ZeroResultQuery.objects.all()
