"""What happens when Redaktionen's workflow approves a page: it is published.

Wagtail publishes an approved page as the user who approved it, checking that
user's publish permission. A trusted organisation's opportunity is approved by
its task the moment its own editor submits it (``EditorialApprovalTask``), and
the editor has no publish permission of their own; for such a page the task's
decision is the permission. Named by ``WAGTAIL_FINISH_WORKFLOW_ACTION``.
"""


def publish_approved(workflow_state, user=None):
    # Wagtail imports this function by name while wagtail.models loads, and
    # .models needs wagtail.models: imported on use.
    from .models import publishes_without_approval

    page = workflow_state.content_object
    page.get_latest_revision().publish(
        user=user, skip_permission_checks=publishes_without_approval(page.specific)
    )
