from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode"),
        max_length=32,
        help_text=_("De seks cifre fra din godkendelsesapp, eller en af dine reservekoder."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class AppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode fra appen"),
        max_length=12,
        help_text=_("Skriv de seks cifre, som appen viser lige nu."),
        widget=forms.TextInput(attrs={
            "autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True,
        }),
    )
