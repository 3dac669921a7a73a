"""The admin dashboard panel: how many requests wait, counted for this user only.

Marked up as Wagtail's own site summary (``w-summary``), so it looks like the rest of
the dashboard and each count links to the listing filtered to exactly what it counts.
"""

from wagtail.admin.ui.components import Component

from portal.core.models import PortalSettings

from .models import MatchRequest, Status
from .permissions import is_coordinator


class MatchRequestsPanel(Component):
    name = "match_requests"
    template_name = "matching/admin/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def is_shown(self, parent_context=None):
        return is_coordinator(self.request.user)

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        mine = MatchRequest.objects.for_user(self.request.user).filter(erased_at__isnull=True)
        return {
            "new_count": mine.filter(status=Status.NEW).count(),
            "overdue_count": mine.overdue().count(),
            "overdue_after_days": PortalSettings.load(self.request).overdue_after_days,
            "flagged_count": mine.filter(flagged_stale_at__isnull=False).count(),
        }
