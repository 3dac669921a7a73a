from django.apps import apps
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page

from .dashboard import AwaitingReviewPanel, EditorPanel
from .models import publishes_without_approval


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
    panels.append(EditorPanel(request))


class PublishAtOnceMenuItem(SubmitForModerationMenuItem):
    """Submitting, named for what it does for a trusted organisation's opportunity."""

    icon_name = "upload"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _("Udgiv")
        return context


def page_in_menu(request, context):
    if context.get("page") is not None:
        return context["page"]
    # Wagtail's create view gives its menu the parent only; the page type is in the address.
    address = request.resolver_match.kwargs
    return apps.get_model(
        address["content_type_app_name"], address["content_type_model_name"]
    )()


@hooks.register("construct_page_action_menu")
def call_direct_publication_publishing(menu_items, request, context):
    page = page_in_menu(request, context)
    if not publishes_without_approval(page, context.get("parent_page")):
        return
    menu_items[:] = [
        PublishAtOnceMenuItem(order=item.order)
        if isinstance(item, SubmitForModerationMenuItem) else item
        for item in menu_items
    ]


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_it_was_published(request, page):
    """Wagtail confirms a submission as sent for moderation; this one went live."""
    if not request.POST.get("action-submit") or not publishes_without_approval(page.specific):
        return
    if not Page.objects.filter(pk=page.pk, live=True, has_unpublished_changes=False).exists():
        return  # scheduled for later: Wagtail's own message stands
    storage = messages.get_messages(request)
    for message in [message for message in storage if message.level != messages.SUCCESS]:
        storage.add(message.level, message.message, message.extra_tags)
    messages.success(request, _("»%(title)s« er udgivet.") % {"title": page.title})
