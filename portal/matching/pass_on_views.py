"""The coordinator's "Giv videre" page for a referral their organisation cannot help with."""

from django import forms
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.views.generic import DeleteView, HistoryView, InspectView
from wagtail.admin.views.generic.usage import UsageView

from portal.organisations.ownership import OwnOrganisationObjectMixin

from .admin_views import VIEWSET_URL, ScopedObjectMixin, inspect_url
from .models import PassedOnReferral, PassOnReason
from .pass_on import CannotPassOn, NotReceiving, pass_on, receiving_organisations, why_not


class PassOnForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label=gettext_lazy("Giv henvisningen videre til"), coerce=int, widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Vælg den organisation, der skal have den."),
                        "invalid_choice": gettext_lazy("Vælg en af de viste organisationer.")},
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Hvorfor kan I ikke hjælpe?"), choices=PassOnReason.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Begrundelsen står i e-mailen til henviseren."),
        error_messages={"required": gettext_lazy("Vælg en begrundelse.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Note til den nye organisation (valgfrit)"), required=False,
        max_length=600, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": gettext_lazy("Skriv højst 600 tegn i noten.")},
        help_text=gettext_lazy("Kun den nye organisations koordinatorer ser noten. "
                               "Skriv ingen helbredsoplysninger. Højst 600 tegn."),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(org.pk, org.title) for org in organisations]


class PassOnView(ScopedObjectMixin, View):
    """GET shows who could take the referral; POST passes it on. Another organisation's
    request, or an organisation that was not offered, is a 404."""

    template_name = "matching/admin/pass_on.html"

    def get(self, request, pk):
        referral = self.get_object()
        return self.render(referral, PassOnForm(organisations=receiving_organisations(referral)))

    def post(self, request, pk):
        referral = self.get_object()
        form = PassOnForm(request.POST, organisations=receiving_organisations(referral))
        if why_not(referral) or not form.is_valid():
            return self.render(referral, form, status=400)
        chosen = form.cleaned_data
        try:
            receiver = pass_on(referral, chosen["organisation"], chosen["reason"], chosen["note"],
                               request.user)
        except NotReceiving:
            raise Http404 from None
        except CannotPassOn as problem:  # it changed while the coordinator was choosing
            messages.error(request, str(problem))
            return redirect(inspect_url(referral))
        messages.success(request, _("Henvisningen er givet videre til %(organisation)s. "
                                    "Henviseren får besked på e-mail.")
                         % {"organisation": receiver.title})
        return redirect(reverse(f"{VIEWSET_URL}:list"))

    def render(self, referral, form, status=200):
        return TemplateResponse(self.request, self.template_name, {
            "match_request": referral, "form": form, "problem": why_not(referral),
            "back_url": inspect_url(referral), "header_icon": "resubmit",
            "page_title": _("Giv henvisningen %(reference)s videre")
            % {"reference": referral.reference},
        }, status=status)


class PassedOnObjectMixin(OwnOrganisationObjectMixin):
    model = PassedOnReferral


class PassedOnInspectView(PassedOnObjectMixin, InspectView):
    pass


class PassedOnDeleteView(PassedOnObjectMixin, DeleteView):
    pass


class PassedOnHistoryView(PassedOnObjectMixin, HistoryView):
    pass


class PassedOnUsageView(PassedOnObjectMixin, UsageView):
    pass
