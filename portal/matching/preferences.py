"""A coordinator's choice of e-mails, in Wagtail's account settings.

Per event (a mail for each new request, cancelled shift or "nej"), once a day
(the digest, ``portal.matching.digest``), or none. The panel is shown only to
coordinators; the same choice is on "Henvendelser → Mine notifikationer".
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from .models import NotificationPreference
from .permissions import is_coordinator


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["email_on_new_request", "daily_digest"]


class MatchNotificationsPanel(BaseSettingsPanel):
    name = "match_notifications"
    title = _("Henvendelser")
    tab = notifications_tab
    order = 200
    form_class = PreferenceForm

    def is_active(self):
        return is_coordinator(self.user)

    def get_form(self):
        preference, _created = NotificationPreference.objects.get_or_create(user=self.user)
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data, instance=preference, prefix=self.name)
