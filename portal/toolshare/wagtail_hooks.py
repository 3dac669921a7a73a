from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ToolCategory, ToolUsage
from .permissions import OwnOrganisationPolicy, usages_for

register_permission_policy(ToolUsage, OwnOrganisationPolicy(ToolUsage))


class OwnUsagesMixin:
    """Every view of one experience goes through ``usages_for``: another
    organisation's experience does not exist for this user, not even by a guessed URL."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not usages_for(self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return usages_for(self.request.user).select_related("tool", "organisation")


class EditView(OwnUsagesMixin, generic.EditView):
    pass


class DeleteView(OwnUsagesMixin, generic.DeleteView):
    pass


class HistoryView(OwnUsagesMixin, history.HistoryView):
    pass


class UsageView(OwnUsagesMixin, usage.UsageView):
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
    list_display = ["name", "slug"]
    menu_label = _("Værktøjskategorier")


register_snippet(ToolCategoryViewSet)


@hooks.register("register_admin_viewset")
def register_tool_usage_viewset():
    return ToolUsageViewSet("erfaringer-med-vaerktoejer")
