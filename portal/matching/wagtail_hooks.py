"""The "Henvendelser" workspace in the Wagtail admin.

Isolation lives in one place: the requests' ``OwnOrganisationPolicy``
(``portal.organisations.ownership``). The listing, export, choosers, bulk
actions, counts and every view that loads a single request narrow through its
scope (``MatchRequest.objects.for_user`` is the same narrowing).
"""

from datetime import datetime

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.csv_cells import spreadsheet_safe
from portal.core.local_time import csv_datetime, xlsx_datetime
from portal.organisations.ownership import (
    OwnOrganisationChooserMixin,
    register_own_organisation_policy,
    visible_to,
)

from . import (
    admin_views,
    bulk_actions,
    pass_on,
    pass_on_views,
    personal_data_views,
    suggestion_links,
)
from .dashboard import MatchRequestsPanel
from .filters import MatchRequestFilterSet, NotificationFilterSet
from .models import MatchRequest, Notification, PassedOnReferral
from .permissions import (
    MatchRequestPermissionPolicy,
    PassedOnPermissionPolicy,
    is_coordinator,
)
from .preferences import MatchNotificationsPanel
from .workflow import register_actions

register_own_organisation_policy(MatchRequestPermissionPolicy())
register_own_organisation_policy(PassedOnPermissionPolicy())


class ScopedChooseView(OwnOrganisationChooserMixin, ChooseView):
    pass


class ScopedChooseResultsView(OwnOrganisationChooserMixin, ChooseResultsView):
    pass


class ScopedChosenView(OwnOrganisationChooserMixin, SnippetChosenView):
    pass


class ScopedChosenMultipleView(OwnOrganisationChooserMixin, SnippetChosenMultipleView):
    pass


class OwnOrganisationChooserViewSet(SnippetChooserViewSet):
    """A chooser that lists and returns only the rows of the user's own organisation."""

    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


def _user_name(user):
    return get_user_display_name(user) if user else ""


class MatchRequestViewSet(SnippetViewSet):
    model = MatchRequest
    icon = "mail"
    menu_label = _("Henvendelser")
    menu_name = "henvendelser"
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False  # requests are never made by hand
    add_to_reference_index = False  # nothing links to a request; keep it out of indexes
    inspect_view_class = admin_views.ScopedInspectView
    inspect_view_fields_exclude = ["id", "idempotency_token"]
    delete_view_class = admin_views.ScopedDeleteView
    history_view_class = admin_views.ScopedHistoryView
    usage_view_class = admin_views.ScopedUsageView
    chooser_viewset_class = OwnOrganisationChooserViewSet
    filterset_class = MatchRequestFilterSet
    search_fields = ["reference", "name"]
    search_backend_name = None  # plain database lookups: requests are never indexed
    list_per_page = 50
    ordering = ["-created_at"]
    list_display = [
        "reference",
        Column("kind", label=_("Type"), accessor="get_kind_display"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("organisation", label=_("Organisation")),
        Column("opportunity", label=_("Frivilligopgave")),
        Column("preferred_language", label=_("Foretrukket sprog"),
               accessor="get_preferred_language_display"),
        UserColumn("assigned_to", label=_("Tildelt")),
        DateColumn("created_at", label=_("Modtaget")),
    ]
    list_export = ["reference", "get_kind_display", "get_status_display", "organisation",
                   "opportunity", "created_at", "name", "email", "phone", "municipality",
                   "activity", "get_preferred_language_display", "assigned_to", "erase_after"]
    export_headings = {"get_kind_display": _("Type"), "get_status_display": _("Status"),
                       "get_preferred_language_display": _("Foretrukket sprog")}
    export_filename = "henvendelser"

    def get_queryset(self, request):
        return (
            MatchRequest.objects.for_user(request.user)
            .select_related("organisation", "opportunity", "assigned_to", "municipality",
                            "activity")
        )

    def get_index_view_kwargs(self, **kwargs):
        preprocess = {
            field: {"csv": spreadsheet_safe}
            for field in ("name", "email", "phone", "organisation", "opportunity")
        }
        preprocess["assigned_to"] = {
            "csv": lambda user: spreadsheet_safe(_user_name(user)), "xlsx": _user_name,
        }
        return super().get_index_view_kwargs(
            custom_field_preprocess=preprocess,
            custom_value_preprocess={
                **self.index_view_class.custom_value_preprocess,
                datetime: {"csv": csv_datetime, "xlsx": xlsx_datetime},
            },
            **kwargs,
        )

    @property
    def edit_view(self):
        return admin_views.ScopedEditView.as_view()

    @property
    def add_view(self):
        return admin_views.NoCreateView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("status/<int:pk>/", admin_views.StatusView.as_view(), name="status"),
            path("assign/<int:pk>/", admin_views.AssignView.as_view(), name="assign"),
            path("note/<int:pk>/", admin_views.NoteView.as_view(), name="note"),
            path("erase/<int:pk>/", admin_views.EraseView.as_view(), name="erase"),
            path("attendance/<int:pk>/", admin_views.AttendanceView.as_view(),
                 name="attendance"),
            path("suggestion/<int:pk>/", admin_views.SuggestionView.as_view(),
                 name="suggestion"),
            path("pass-on/<int:pk>/", pass_on_views.PassOnView.as_view(), name="pass_on"),
            path("preferences/", admin_views.notification_preferences, name="preferences"),
            path("personal-data/", personal_data_views.personal_data_view,
                 name="personal_data"),
        ]


class NotificationViewSet(SnippetViewSet):
    """Administrators see every e-mail that failed or waits; nothing here is editable."""

    model = Notification
    icon = "warning"
    menu_label = _("E-mails")
    menu_name = "henvendelser-emails"
    list_display = ["request", "purpose", "state", "attempts", "last_error",
                    DateColumn("created_at", label=_("Oprettet"))]
    filterset_class = NotificationFilterSet
    inspect_view_enabled = True
    add_to_reference_index = False

    def get_queryset(self, request):
        return Notification.objects.select_related("request")


class PassedOnViewSet(SnippetViewSet):
    """Where an organisation's passed-on referrals went and why: no person, no reference."""

    model = PassedOnReferral
    icon = "resubmit"
    menu_label = _("Givet videre")
    menu_name = "henvendelser-givet-videre"
    list_display = [DateColumn("passed_at", label=_("Givet videre")), "to_organisation",
                    "municipality", "activity",
                    Column("reason", label=_("Begrundelse"), accessor="get_reason_display")]
    list_filter = ["reason"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    inspect_view_class = pass_on_views.PassedOnInspectView
    chooser_viewset_class = OwnOrganisationChooserViewSet
    delete_view_class = pass_on_views.PassedOnDeleteView
    history_view_class = pass_on_views.PassedOnHistoryView
    usage_view_class = pass_on_views.PassedOnUsageView

    def get_queryset(self, request):
        return visible_to(request.user, PassedOnReferral).select_related(
            "to_organisation", "municipality", "activity")

    @property
    def edit_view(self):
        return admin_views.NoCreateView.as_view()

    @property
    def add_view(self):
        return admin_views.NoCreateView.as_view()


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


class MatchingGroup(SnippetViewSetGroup):
    items = (MatchRequestViewSet, PassedOnViewSet, NotificationViewSet)
    menu_icon = "mail"
    menu_label = _("Henvendelser")
    menu_name = "henvendelser-gruppe"

    def get_submenu_items(self):
        return super().get_submenu_items() + [
            CoordinatorMenuItem(_("Mine notifikationer"), reverse_lazy(
                f"{admin_views.VIEWSET_URL}:preferences"), icon_name="mail", order=50),
            SuperuserMenuItem(_("Indsigt og sletning"), reverse_lazy(
                f"{admin_views.VIEWSET_URL}:personal_data"), icon_name="user", order=60),
        ]


register_snippet(MatchingGroup)


@hooks.register("register_log_actions")
def register_matching_log_actions(actions):
    register_actions(actions)
    suggestion_links.register_actions(actions)
    pass_on.register_actions(actions)


@hooks.register("construct_homepage_panels")
def add_match_requests_panel(request, panels):
    panels.append(MatchRequestsPanel(request))


for action_class in bulk_actions.ACTIONS:
    # Registered after Wagtail's own snippet bulk actions, so these take their place.
    hooks.register("register_bulk_action", action_class, order=10)


@hooks.register("register_account_settings_panel")
def add_match_notifications_panel(request, user, profile):
    return MatchNotificationsPanel(request, user, profile)
