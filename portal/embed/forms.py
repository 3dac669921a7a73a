"""The web editor's choices at /indlejr/: which filters the widget shows, and how many."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.opportunities.filters import row_name, taxonomy_choices

from .filters import ORGANISATION, public_organisations
from .widget import COUNT_PARAMETER, DEFAULT_COUNT, MAX_COUNT

CHOICE_FIELDS = ("kommune", ORGANISATION, "aktivitet")


class WidgetBuilderForm(forms.Form):
    """A GET form whose field names are the widget's parameters, so its query is the widget's."""

    kommune = forms.ChoiceField(label=_("Kommune"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    aktivitet = forms.ChoiceField(label=_("Aktivitet"), required=False)
    antal = forms.IntegerField(
        label=_("Antal opgaver"), required=False, min_value=1, max_value=MAX_COUNT,
        initial=DEFAULT_COUNT, help_text=_("Fra 1 til %(max)s.") % {"max": MAX_COUNT},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taxonomies = taxonomy_choices()
        self.fields["kommune"].choices = [
            ("", _("Alle kommuner")), *((row["slug"], row["name"]) for row in taxonomies["kommune"])
        ]
        self.fields["aktivitet"].choices = [
            ("", _("Alle aktiviteter")),
            *((row["slug"], row_name(row)) for row in taxonomies["aktivitet"]),
        ]
        self.fields[ORGANISATION].choices = [
            ("", _("Alle organisationer")),
            *((organisation.slug, organisation.title) for organisation in public_organisations()),
        ]

    def widget_parameters(self):
        """The valid choices as the widget's query-string pairs; a wrong one is left out."""
        cleaned = {}
        if self.is_bound:
            self.is_valid()  # cleans; a field with an error is left out of cleaned_data
            cleaned = self.cleaned_data
        pairs = [(name, cleaned[name]) for name in CHOICE_FIELDS if cleaned.get(name)]
        pairs.append((COUNT_PARAMETER, cleaned.get(COUNT_PARAMETER) or DEFAULT_COUNT))
        return pairs
