from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

NOT_NEGATIVE = _("Beløbet kan ikke være negativt.")


class FundingCallForm(WagtailAdminPageForm):
    """Checks that need the deadlines, which live in the form's inline formset.

    The model's ``clean`` cannot see them: the formset's rows are attached to
    the page only when the form saves.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's own message for a negative number names no amount; say it plainly.
        for name in ("amount_min", "amount_max"):
            field = self.fields[name]
            field.validators = [
                v for v in field.validators if not isinstance(v, MinValueValidator)
            ] + [MinValueValidator(0, NOT_NEGATIVE)]

    def clean(self):
        cleaned_data = super().clean()
        dates = self._deadline_dates()
        if dates is None:
            return cleaned_data
        if not dates:
            self.add_error(None, _("Tilføj mindst én ansøgningsfrist."))
        elif len(set(dates)) != len(dates):
            self.add_error(None, _("To ansøgningsfrister har samme dato. Fjern den ene."))
        decision = cleaned_data.get("decision_date")
        if dates and decision and decision < min(dates):
            self.add_error(
                "decision_date", _("Afgørelsen kan ikke ligge før den første ansøgningsfrist.")
            )
        opens = cleaned_data.get("opens_on")
        if dates and opens and opens > min(dates):
            self.add_error("opens_on", _("Puljen skal åbne før den første ansøgningsfrist."))
        return cleaned_data

    def _deadline_dates(self):
        """The dates of the deadlines the editor keeps, or None while a row is invalid."""
        formset = self.formsets["deadlines"]
        if not formset.is_valid():
            return None
        return [
            form.cleaned_data["date"] for form in formset.forms
            if form.cleaned_data.get("date") and not form.cleaned_data.get("DELETE")
        ]
