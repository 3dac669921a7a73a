"""The editorial path to publication: Redaktionen's approval task.

Editors of an organisation add and change pages in its subtree but cannot
publish; every page goes through one workflow, "Godkendelse af Redaktionen",
whose one task is approved (or sent back) by the national moderators' group.
"""

from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from portal.opportunities.models import OpportunityPage
from portal.organisations.models import owner_of

MODERATORS_GROUP = "Redaktionen"
WORKFLOW_NAME = "Godkendelse af Redaktionen"
TASK_NAME = "Redaktionens godkendelse"
TRUSTED_COMMENT = gettext_noop(
    "Godkendt med det samme: organisationen må selv udgive frivilligopgaver."
)


def publishes_without_approval(page, parent=None):
    """Whether ``page`` is an opportunity of an organisation moderators trust.

    A page not yet created names its ``parent``: an opportunity's is its organisation.
    """
    if not isinstance(page, OpportunityPage):
        return False
    organisation = owner_of(page) if page.path else parent and parent.specific
    # Trust is a fact of the Danish page: an English copy's flag was copied once and
    # is never what Redaktionen set.
    source = getattr(organisation, "source_page", organisation)
    return bool(getattr(source, "publishes_opportunities_directly", False))


class EditorialApprovalTask(AbstractGroupApprovalTask):
    """A group approval task that lets trusted organisations' opportunities through.

    Why a task and not a permission: Wagtail asks whether a user may publish a
    new page from the *parent's* permission tester (``can_publish_subpage``),
    which cannot tell an opportunity from a case being created below the same
    organisation; giving the editors ``publish_page`` would let their cases,
    guides and tools past moderation too. A task sees the page itself. For an
    opportunity of a trusted organisation it starts already approved, without
    asking Redaktionen (no "submitted" mail), and Wagtail's workflow then
    publishes it at once (``WorkflowState.update`` moves on past a task that
    approved itself; a go-live time in the future still schedules it). Every
    other page waits for a member of the task's groups, as any
    ``GroupApprovalTask`` does.
    """

    def start(self, workflow_state, user=None):
        if not publishes_without_approval(workflow_state.content_object.specific):
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.task = self
        task_state.revision = workflow_state.content_object.get_latest_revision()
        task_state.status = TaskState.STATUS_IN_PROGRESS
        task_state.save()
        task_state.approve(user=user, update=False, comment=gettext(TRUSTED_COMMENT))
        return task_state

    @classmethod
    def get_description(cls):
        return _(
            "Medlemmer af de valgte grupper godkender. Frivilligopgaver fra organisationer, "
            "der må udgive selv, godkendes straks."
        )

    class Meta:
        verbose_name = _("godkendelse af redaktionen")
        verbose_name_plural = _("godkendelser af redaktionen")
