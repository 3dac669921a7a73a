from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import REPORT_PERMISSION, ZeroResultsReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/soegninger-uden-resultater/",
            ZeroResultsReportView.as_view(),
            name="search_zero_results",
        ),
        path(
            "reports/soegninger-uden-resultater/results/",
            ZeroResultsReportView.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Søgninger uden resultater"),
        reverse("search_zero_results"),
        name="search-zero-results",
        icon_name="search",
        order=1310,
    )
