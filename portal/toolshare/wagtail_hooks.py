from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.organisations.ownership import (
    OwnOrganisationObjectMixin,
    OwnOrganisationPolicy,
    register_own_organisation_policy,
    visible_to,
)

from .models import ToolCategory, ToolUsage
from .permissions import EXPERIENCES

register_own_organisation_policy(OwnOrganisationPolicy(ToolUsage, EXPERIENCES))


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_to(self.request.user, ToolUsage).select_related("tool", "organisation")


class EditView(OwnOrganisationObjectMixin, generic.EditView):
    pass


class DeleteView(OwnOrganisationObjectMixin, generic.DeleteView):
    pass


class HistoryView(OwnOrganisationObjectMixin, history.HistoryView):
    pass


class UsageView(OwnOrganisationObjectMixin, usage.UsageView):
    pass


class ToolUsageViewSet(ModelViewSet):
    model = ToolUsage
    icon = "openquote"
    menu_label = _("Erfaringer med værktøjer")
    menu_order = 300
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["tool", "organisation", "may_be_contacted", "updated_at"]
    list_filter = ["may_be_contacted"]
    search_fields = ["tool__title", "organisation__title"]
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView


class ToolCategoryViewSet(SnippetViewSet):
    model = ToolCategory
    icon = "tag"
    list_display = ["name", "name_en", "slug"]
    menu_label = _("Værktøjskategorier")


register_snippet(ToolCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_tool_usage_viewset():
    return ToolUsageViewSet("erfaringer-med-vaerktoejer")
