"""Bulk actions on the listing, narrowed like every other view.

Ids of another organisation's requests are silently left out: they are neither
changed nor named back to the user.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from portal.organisations.ownership import OwnOrganisationBulkActionMixin

from .models import MatchRequest, Notification, Status
from .tasks import send_again
from .workflow import change_status


class ScopedMixin(OwnOrganisationBulkActionMixin):
    models = [MatchRequest]


class ScopedDeleteBulkAction(ScopedMixin, DeleteBulkAction):
    pass


class ConfirmationTexts:
    """What the shared confirmation page (``matching/admin/bulk_confirm.html``) says."""

    confirm_title = confirm_note = confirm_button = ""

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "confirm_title": self.confirm_title,
                "confirm_note": self.confirm_note, "confirm_button": self.confirm_button}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=Status.choices)


class StatusBulkAction(ScopedMixin, ConfirmationTexts, SnippetBulkAction):
    display_name = _("Skift status")
    action_type = "status"
    aria_label = _("Skift status på de valgte henvendelser")
    template_name = "matching/admin/bulk_status.html"
    confirm_title = confirm_button = _("Skift status")
    confirm_note = _("Henvendelser, der ikke kan få den valgte status, springes over.")
    action_priority = 10
    form_class = StatusForm

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user,
                "status": self.cleaned_form.cleaned_data["status"]}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        changed = 0
        for match_request in objects:
            if match_request.can_move_to(status):
                change_status(match_request, status, user=user)
                changed += 1
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d henvendelse fik ny status.",
                        "%(count)d henvendelser fik ny status.",
                        num_parent_objects) % {"count": num_parent_objects}


class SendAgainBulkAction(ConfirmationTexts, SnippetBulkAction):
    """Failed or stuck e-mails sent again, once what made them fail is mended."""

    models = [Notification]
    display_name = confirm_button = _("Send igen")
    action_type = "send-again"
    aria_label = _("Send de valgte e-mails igen")
    template_name = "matching/admin/bulk_send_again.html"
    confirm_title = _("Send e-mails igen")
    confirm_note = _("Fejlede og hængende e-mails får nye forsøg. E-mails, der er sendt "
                     "eller stadig forsøges, springes over.")
    action_priority = 10

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return send_again(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d e-mail sendes igen.",
                        "%(count)d e-mails sendes igen.",
                        num_parent_objects) % {"count": num_parent_objects}


ACTIONS = (ScopedDeleteBulkAction, StatusBulkAction, SendAgainBulkAction)
