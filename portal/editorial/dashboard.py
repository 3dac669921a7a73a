"""The dashboard panels of the editorial path.

An editor sees their organisation: shortcuts, their drafts, what waits for
Redaktionen, what was sent back (with the comment), and opportunities that
need them. A moderator sees Wagtail's own "awaiting your review" panel with
each page's organisation beside it.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, WorkflowState

from portal.core.translations import in_default_locale
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage, owners_of

DEADLINE_WARNING_DAYS = 7
SHORTCUTS = [
    (_("Opret frivilligopgave"), "opportunities", "opportunitypage"),
    (_("Opret case"), "cases", "casepage"),
    (_("Opret vejledning"), "cases", "guidepage"),
    (_("Opret værktøj"), "toolshare", "toolpage"),
]


def organisations_edited_by(user):
    return OrganisationPage.objects.filter(access__editors__in=user.groups.all()).order_by("title")


class AwaitingReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's panel, with the organisation each page belongs to."""

    template_name = "editorial/awaiting_review.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = [state["obj"] for state in context["states"] if isinstance(state["obj"], Page)]
        owners = owners_of(pages)
        for state in context["states"]:
            state["organisation"] = owners.get(state["obj"].pk)
        return context


class EditorPanel(Component):
    name = "editorial_editor"
    template_name = "editorial/editor_panel.html"
    order = 40

    def __init__(self, request):
        self.request = request
        self.organisations = list(organisations_edited_by(request.user))

    def render_html(self, parent_context=None):
        if not self.organisations:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        return {
            "organisations": [self.summary(organisation) for organisation in self.organisations],
            "now": timezone.now(),
        }

    def summary(self, organisation):
        subtree = Page.objects.descendant_of(organisation, inclusive=True)
        states = workflow_states_of(subtree)
        in_workflow = {int(state.object_id) for state in states}
        return {
            "page": organisation,
            "shortcuts": [
                (label, reverse("wagtailadmin_pages:add", args=(app, model, organisation.pk)))
                for label, app, model in SHORTCUTS
            ],
            "drafts": subtree.filter(has_unpublished_changes=True)
            .exclude(pk__in=in_workflow).order_by("-latest_revision_created_at"),
            "waiting": [s for s in states if s.status == WorkflowState.STATUS_IN_PROGRESS],
            "sent_back": [s for s in states if s.status == WorkflowState.STATUS_NEEDS_CHANGES],
            "attention": opportunities_needing_attention(organisation),
        }


def workflow_states_of(pages):
    page_type = ContentType.objects.get_for_model(Page)
    ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    states = list(
        WorkflowState.objects.active()
        .filter(base_content_type=page_type, object_id__in=ids)
        .select_related("current_task_state__finished_by", "requested_by")
        .order_by("created_at")
    )
    in_workflow = pages.filter(pk__in=[int(state.object_id) for state in states])
    pages_by_id = {str(page.pk): page for page in in_workflow}
    for state in states:
        state.content_page = pages_by_id[state.object_id]
    return states


def opportunities_needing_attention(organisation):
    """Live opportunities whose last shift has passed or whose deadline is near."""
    now = timezone.now()
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=DEADLINE_WARNING_DAYS)
    return (
        in_default_locale(OpportunityPage.objects.live().descendant_of(organisation))
        .annotate(last_shift_ends=Max("shifts__ends_at"))
        .filter(
            Q(last_shift_ends__lt=now)
            | Q(application_deadline__gte=today, application_deadline__lte=soon)
        )
        .order_by("title")
    )
