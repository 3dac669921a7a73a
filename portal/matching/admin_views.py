"""The coordinators' workspace views.

Every view that loads a request does it through ``ScopedObjectMixin``, the
house's ``OwnOrganisationObjectMixin``: another organisation's id is a 404.
"""

import re

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import DeleteView, HistoryView, InspectView
from wagtail.admin.views.generic.usage import UsageView

from portal.organisations.ownership import OwnOrganisationObjectMixin

from .attendance import bookings_with_attendance, mark
from .availability import ShiftFull
from .mails import waiting_for
from .models import Kind, MatchRequest, NotificationPreference, Status
from .pass_on import why_not as why_not_pass_on
from .permissions import is_coordinator
from .preferences import PreferenceForm
from .suggestion_links import (
    AlreadyLinked,
    NotSuggested,
    NotWaiting,
    book_for_referral,
    link_offer,
    link_opportunity,
)
from .suggestions import suggestions_for
from .workflow import add_note, assign, change_status, coordinators_of, erase

VIEWSET_URL = "wagtailsnippets_matching_matchrequest"


def inspect_url(match_request):
    return reverse(f"{VIEWSET_URL}:inspect", args=[match_request.pk])


class ScopedObjectMixin(OwnOrganisationObjectMixin):
    model = MatchRequest


class ScopedEditView(ScopedObjectMixin, View):
    """Requests are worked from their detail page, not edited as a whole."""

    def get(self, request, pk):
        return redirect(inspect_url(self.get_object()))

    post = get


class NoCreateView(View):
    """Requests come in through the public forms only."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class NoteForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Ny intern note"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class CoordinatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class AssignForm(forms.Form):
    assigned_to = CoordinatorChoiceField(
        label=gettext_lazy("Tildel til"), queryset=None, required=False,
        empty_label=gettext_lazy("Ingen"),
    )

    def __init__(self, *args, match_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = coordinators_of(match_request.organisation)
        self.fields["assigned_to"].initial = match_request.assigned_to_id


COMMON_FIELDS = ["reference", "kind", "status", "organisation", "assigned_to", "name", "email",
                 "phone", "preferred_language"]
OFFER_FIELDS = ["opportunity", "message"]
REFERRAL_FIELDS = ["referrer_role", "referrer_workplace", "municipality", "activity",
                   "preferred_times", "language", "contact_route", "citizen_phone", "message"]
RECORD_FIELDS = ["created_at", "consent_version", "consent_given_at", "erase_after",
                 "flagged_stale_at", "erased_at"]


def _user_name(user):
    return get_user_display_name(user) if user else None


def _phone_link(phone):
    """A number as typed, dialled as digits: "+45 12 34 56 78" calls tel:+4512345678."""
    if not phone:
        return None
    return format_html('<a href="tel:{}">{}</a>', re.sub(r"[^\d+]", "", phone), phone)


class ScopedInspectView(ScopedObjectMixin, InspectView):
    template_name = "matching/admin/inspect.html"

    def get_edit_url(self):
        return None  # this page is where a request is worked; no separate edit form

    def get_fields(self):
        # Wagtail asks for the fields before it loads the object; load it (scoped) first.
        self.object = self.get_object()
        specific = OFFER_FIELDS if self.object.kind == Kind.OFFER else REFERRAL_FIELDS
        return [*COMMON_FIELDS, *specific, *RECORD_FIELDS]

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "–" if value in (None, "") else value

    def get_assigned_to_display_value(self):
        return _user_name(self.object.assigned_to)

    def get_email_display_value(self):
        email = self.object.email
        return format_html('<a href="mailto:{}">{}</a>', email, email) if email else None

    def get_phone_display_value(self):
        return _phone_link(self.object.phone)

    def get_citizen_phone_display_value(self):
        return _phone_link(self.object.citizen_phone)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        match_request = self.object
        context.update(
            match_request=match_request,
            notes=match_request.notes.select_related("author"),
            bookings=bookings_with_attendance(match_request),
            waiting=waiting_for(match_request),
            transitions=[Status(s) for s in Status if s in match_request.allowed_statuses()],
            note_form=NoteForm(),
            assign_form=AssignForm(match_request=match_request),
            history_url=reverse(f"{VIEWSET_URL}:history", args=[match_request.pk]),
            notifications=match_request.notifications.all(),
            suggestions=suggestions_for(match_request),
            can_pass_on=not why_not_pass_on(match_request),
        )
        return context


class ScopedActionView(ScopedObjectMixin, View):
    """A POST that does one thing to one request, then back to its detail page."""

    http_method_names = ["post"]

    def post(self, request, pk):
        match_request = self.get_object()
        self.act(request, match_request)
        return redirect(inspect_url(match_request))


class StatusView(ScopedActionView):
    def act(self, request, match_request):
        try:
            change_status(match_request, request.POST.get("status", ""), user=request.user)
        except ValueError:
            messages.error(request, _("Den status kan henvendelsen ikke få nu."))
        else:
            messages.success(request, _("Status ændret til “%(status)s”.")
                             % {"status": match_request.get_status_display()})


class AssignView(ScopedActionView):
    def act(self, request, match_request):
        form = AssignForm(request.POST, match_request=match_request)
        if form.is_valid():
            assign(match_request, form.cleaned_data["assigned_to"], user=request.user)
            messages.success(request, _("Tildelingen er gemt."))
        else:
            messages.error(request, _("Vælg en koordinator fra organisationen."))


class NoteView(ScopedActionView):
    def act(self, request, match_request):
        form = NoteForm(request.POST)
        if form.is_valid():
            add_note(match_request, form.cleaned_data["text"], request.user)
            messages.success(request, _("Noten er gemt."))
        else:
            messages.error(request, _("Skriv en note på højst 2000 tegn."))


class EraseView(ScopedActionView):
    def act(self, request, match_request):
        if not request.user.is_superuser:
            raise PermissionDenied
        if match_request.erased_at is None:
            erase(match_request, user=request.user, reason="admin")
        messages.success(request, _("Personoplysningerne er slettet."))


def notification_preferences(request):
    if not is_coordinator(request.user):
        raise PermissionDenied
    preference, _created = NotificationPreference.objects.get_or_create(user=request.user)
    form = PreferenceForm(request.POST if request.method == "POST" else None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dine notifikationsindstillinger er gemt."))
        return redirect(f"{VIEWSET_URL}:preferences")
    return TemplateResponse(request, "matching/admin/preferences.html", {
        "form": form, "page_title": _("Mine notifikationer"), "header_icon": "mail",
    })


class AttendanceForm(forms.Form):
    shift = forms.IntegerField()
    attended = forms.TypedChoiceField(choices=[("yes", "yes"), ("no", "no")],
                                      coerce=lambda value: value == "yes")


class AttendanceView(ScopedActionView):
    def act(self, request, match_request):
        form = AttendanceForm(request.POST)
        if form.is_valid() and mark(match_request, form.cleaned_data["shift"],
                                    form.cleaned_data["attended"], request.user):
            messages.success(request, _("Fremmødet er gemt."))
        else:
            messages.error(request, _("Fremmøde kan kun registreres for en vagt, der er begyndt."))


class SuggestionForm(forms.Form):
    """Which suggestion the coordinator links: a shift or an opportunity for a referral,
    a referral for an offer."""

    # Bounded to a database id, so a hand-made number is "not found", never an overflow.
    shift = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    opportunity = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    referral = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class SuggestionView(ScopedActionView):
    """One click links a suggestion; another organisation's shift or request is a 404."""

    def act(self, request, match_request):
        form = SuggestionForm(request.POST)
        chosen = form.cleaned_data if form.is_valid() else {}
        try:
            self.link(request, match_request, chosen)
        except NotSuggested:
            raise Http404 from None
        except NotWaiting:
            messages.error(request, _("Forslag kan kun bruges på en henvendelse, der er i gang."))
        except AlreadyLinked:
            messages.warning(request, _("Forslaget er allerede koblet til henvendelsen."))
        except ShiftFull as full:
            # The booking code says why: no place left, or the shift has begun.
            messages.error(request, _("%(reason)s Intet er gemt; vælg en anden vagt.")
                           % {"reason": full})

    def link(self, request, match_request, chosen):
        user = request.user
        if match_request.kind == Kind.OFFER:
            referral = link_offer(match_request, chosen.get("referral"), user)
            messages.success(request, _("Tilbuddet er koblet til henvisningen %(reference)s. "
                                        "Ingen er kontaktet.") % {"reference": referral})
        elif chosen.get("shift"):
            shift = book_for_referral(match_request, chosen["shift"], user)
            messages.success(request, _("Vagten %(shift)s er booket til henvendelsen. "
                                        "Ingen er kontaktet.") % {"shift": shift})
        else:
            opportunity = link_opportunity(match_request, chosen.get("opportunity"), user)
            messages.success(request, _("Frivilligopgaven “%(title)s” er noteret på "
                                        "henvendelsen. Ingen er kontaktet.")
                             % {"title": opportunity.title})
