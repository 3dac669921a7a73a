"""The editor's form for a need: the end date's window is checked where it is typed.

Not in ``NeedPage.clean``: the window is relative to today, and the model is
also saved when Redaktionen approves a revision days later or a need is
copied; an approval must not fail because the calendar moved on.
"""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .dates import latest_end_date


class NeedPageForm(WagtailAdminPageForm):
    def clean_end_date(self):
        end_date = self.cleaned_data.get("end_date")
        if end_date is None:
            return end_date
        if end_date < timezone.localdate():
            raise forms.ValidationError(
                _("Datoen er passeret. Vælg i dag eller en dato højst 12 måneder frem.")
            )
        latest = latest_end_date()
        if end_date > latest:
            raise forms.ValidationError(
                _("Et behov kan højst være aktuelt i 12 måneder – vælg senest %(date)s.")
                % {"date": formats.date_format(latest, "DATE_FORMAT")}
            )
        return end_date
