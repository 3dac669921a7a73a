"""The alert form: an address and how often, guarded like the intake forms.

``IntakeForm`` (portal.matching.forms) gives the one-time token, the signed start
stamp bound to it and the honeypot, and the accessible error attributes.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.matching.forms import IntakeForm

from .models import MAX_QUERY_LENGTH, Frequency


class SubscriptionForm(IntakeForm):
    email = forms.EmailField(
        label=_("Din e-mail"), max_length=254,
        help_text=_("Vi sender først en e-mail, hvor du bekræfter, at det er din adresse."),
        error_messages={"required": _("Skriv din e-mailadresse."),
                        "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
                        "null_characters_not_allowed": _("Adressen indeholder et tegn, der ikke "
                                                         "kan bruges. Skriv den igen.")},
    )
    frequency = forms.ChoiceField(
        label=_("Hvor ofte?"), choices=Frequency.choices, widget=forms.RadioSelect,
        initial=Frequency.WEEKLY,
        help_text=_("Vi skriver kun, når der er nye opgaver."),
        error_messages={"required": _("Vælg, hvor ofte du vil have besked."),
                        "invalid_choice": _("Vælg dagligt eller ugentligt.")},
    )
    # The listing's query string; cleaned again by the listing's filters in the view.
    filters = forms.CharField(
        required=False, max_length=MAX_QUERY_LENGTH, widget=forms.HiddenInput,
        error_messages={"max_length": _("Der er valgt for mange filtre. Vælg færre, og prøv "
                                        "igen."),
                        "null_characters_not_allowed": _("Filtrene indeholder et tegn, der ikke "
                                                         "kan bruges. Vælg dem igen på listen.")},
    )

    autocomplete = {"email": "email"}
    field_order = ["email", "frequency"]

    def hidden_errors(self):
        return [*super().hidden_errors(), *self.errors.get("filters", [])]
