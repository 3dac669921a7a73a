"""The two public intake forms: an offer of help and a referral of a citizen.

Both are plain Django forms. Text fields refuse control characters and markup,
names accept any script ("Åse Ærø-Østergård"), and every field carries the
attributes the templates need for accessible errors (aria-describedby,
aria-invalid, autocomplete).
"""

import re
import time
import unicodedata
import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.core.models import Activity, Municipality

from .availability import (
    organisations_offering,
    shifts_open_for,
    takes_shifts,
    with_held_places,
)
from .languages import span_text
from .models import ContactRoute

STARTED_SALT = "matching.form-started"
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 \-]{6,19}$")
NAME_PUNCTUATION = set(" -'.,’")
# What Django puts where the posted bytes were not UTF-8; nobody types it.
UNREADABLE = "\ufffd"


def _no_control_or_markup(value, multiline=False):
    if UNREADABLE in value:
        raise ValidationError(_("Teksten indeholder tegn, der ikke kunne læses. Skriv den igen."),
                              code="unreadable")
    allowed = {"\n", "\r", "\t"} if multiline else set()
    for char in value:
        if char in allowed:
            continue
        if unicodedata.category(char)[0] == "C":
            raise ValidationError(_("Teksten indeholder usynlige styretegn. Skriv den igen."),
                                  code="control")
    if "<" in value or ">" in value:
        raise ValidationError(_("Brug ikke tegnene < og > – skriv almindelig tekst."),
                              code="markup")


def plain_line(value):
    _no_control_or_markup(value)


def plain_text(value):
    _no_control_or_markup(value, multiline=True)


def person_name(value):
    plain_line(value)
    letters = 0
    for char in value:
        category = unicodedata.category(char)
        if category[0] == "L":
            letters += 1
        elif category[0] != "M" and char not in NAME_PUNCTUATION:
            raise ValidationError(
                _("Et navn kan kun indeholde bogstaver, mellemrum, bindestreg og apostrof."),
                code="name",
            )
    if letters < 2:
        raise ValidationError(_("Skriv dit navn."), code="name")


def phone_number(value):
    if not PHONE_PATTERN.match(value):
        raise ValidationError(
            _("Skriv et telefonnummer med cifre, fx 12 34 56 78 eller +45 12 34 56 78."),
            code="phone",
        )


def start_stamp(token, at=None):
    """A signed start time, valid only together with the form's idempotency token.

    Bound to the token, a stamp cannot be copied into other submissions, and a
    token is stored once, so each stamp passes the minimum fill time once.
    """
    started = int(time.time() if at is None else at)
    return signing.TimestampSigner(salt=STARTED_SALT).sign_object(
        {"token": str(token), "started": started}
    )


def shift_label(shift):
    when = span_text(shift.starts_at, shift.ends_at)
    if shift.places_left <= 0:
        places = _("ingen ledige pladser")
    else:
        places = ngettext("%(n)d ledig plads", "%(n)d ledige pladser",
                          shift.places_left) % {"n": shift.places_left}
    return f"{when}, {shift.place} ({places})" if shift.place else f"{when} ({places})"


class NormalisedCharField(forms.CharField):
    """Composes characters (NFC) so 'Å' typed two ways is stored one way."""

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value) if value else value


def line(label, max_length, required=True, validators=(plain_line,), **kwargs):
    return NormalisedCharField(label=label, max_length=max_length, required=required,
                               validators=list(validators), **kwargs)


def text(label, max_length, help_text=""):
    return NormalisedCharField(
        label=label, max_length=max_length, required=False, help_text=help_text,
        validators=[plain_text], widget=forms.Textarea(attrs={"rows": 4}),
    )


class ShiftCheckboxes(forms.CheckboxSelectMultiple):
    """Full shifts are listed, marked as full, and cannot be ticked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.full = set()

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if str(value) in self.full:
            option["attrs"] = {**option["attrs"], "disabled": True}
        return option


class DescribedFieldsMixin:
    """Ties each field's hint and error message to its input, by the ids the
    templates give them (``<auto_id>-hint``, ``<auto_id>-error``), instead of
    Django's own ``aria-describedby``, which names ids our templates do not render."""

    def full_clean(self):
        super().full_clean()
        self._describe_fields()

    def _describe_fields(self):
        has_errors = self.is_bound and hasattr(self, "_errors") and self._errors is not None
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.HiddenInput):
                continue
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}-hint")
            if has_errors and name in self._errors:
                ids.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                # A group is described on its fieldset, in the template.
                field.widget.attrs.pop("aria-invalid", None)
            elif ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)


class IntakeForm(DescribedFieldsMixin, forms.Form):
    """What both forms share: anti-abuse fields and accessible rendering attributes."""

    idempotency_token = forms.UUIDField(widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput)
    # A field people never see; automated form fillers do, and fill it in.
    website = forms.CharField(
        label=_("Lad dette felt være tomt"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    autocomplete = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        token = uuid.uuid4()
        self.fields["idempotency_token"].initial = token
        self.fields["started"].initial = start_stamp(token)
        for name, value in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self._describe_fields()

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("Formularen kunne ikke sendes. Prøv igen."), code="honeypot")
        return ""

    def clean_started(self):
        try:
            stamp = signing.TimestampSigner(salt=STARTED_SALT).unsign_object(
                self.cleaned_data["started"], max_age=MAX_FORM_AGE_SECONDS
            )
        except signing.BadSignature:
            stamp = None
        # A stamp copied from another form is as void as a forged or stale one.
        if stamp is None or stamp["token"] != str(self.cleaned_data.get("idempotency_token")):
            raise ValidationError(
                _("Formularen er udløbet. Udfyld den igen, og send den på ny."), code="expired"
            )
        if time.time() - stamp["started"] < settings.INTAKE_MIN_FILL_SECONDS:
            raise ValidationError(
                _("Formularen blev sendt meget hurtigt. Kontrollér oplysningerne, og send igen."),
                code="too_fast",
            )
        return stamp["started"]

    def hidden_errors(self):
        """Errors of the hidden fields, shown in the summary, never lost."""
        return [error for name in ("idempotency_token", "started", "website")
                for error in self.errors.get(name, [])]

    def fresh_guards(self):
        """After a rejected submission, stamp the form anew so a retry can pass.

        The new stamp is bound to the posted token when it is one, so a
        double-clicked retry still finds the request the first click stored.
        """
        data = self.data.copy()
        try:
            token = uuid.UUID(str(data.get("idempotency_token")))
        except ValueError:
            token = uuid.uuid4()
        data["idempotency_token"], data["started"] = str(token), start_stamp(token)
        self.data = data

    def renew_token(self):
        """The token was used by someone else's submission: the retry gets a new one."""
        data = self.data.copy()
        data["idempotency_token"] = str(uuid.uuid4())
        self.data = data


class ConsentField(forms.BooleanField):
    def __init__(self, label, **kwargs):
        super().__init__(
            label=label, required=True,
            error_messages={"required": _("Du skal give dit samtykke for at sende.")}, **kwargs,
        )


class OfferForm(IntakeForm):
    name = line(_("Navn"), 120, validators=(person_name,))
    email = forms.EmailField(label=_("E-mail"), max_length=254,
                             help_text=_("Vi sender en kvittering hertil."))
    phone = line(_("Telefon (valgfrit)"), 30, required=False, validators=(phone_number,))
    shifts = forms.MultipleChoiceField(
        label=_("Vælg vagt"), required=False, widget=ShiftCheckboxes,
        help_text=_("Vælg en eller flere vagter."),
        error_messages={"invalid_choice": _("Vælg blandt de viste vagter.")},
    )
    waitlist = forms.MultipleChoiceField(
        label=_("Skriv mig på venteliste (valgfrit)"), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vagterne her er fulde. Bliver en plads ledig, får den første på listen en "
                    "e-mail med et link til at tage den."),
        error_messages={"invalid_choice": _("Vælg blandt de fulde vagter.")},
    )
    message = text(_("Besked (valgfrit)"), 1000,
                   help_text=_("Kort om dig selv eller spørgsmål til opgaven. Højst 1000 tegn. "
                               "Skriv ikke helbredsoplysninger."))
    consent = ConsentField(_("Jeg har læst privatlivspolitikken og giver samtykke til, at mine "
                             "oplysninger sendes til organisationen bag opgaven."))

    autocomplete = {"name": "name", "email": "email", "phone": "tel"}
    field_order = ["name", "email", "phone", "shifts", "waitlist", "message", "consent"]

    def __init__(self, *args, opportunity, upcoming_shifts=None, **kwargs):
        """``upcoming_shifts``: the opportunity's, where the caller has read them already."""
        self.opportunity = opportunity
        self.open_shifts = {}
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.input_type = "tel"
        if takes_shifts(opportunity, upcoming_shifts):
            self.open_shifts = {
                str(shift.pk): shift
                for shift in with_held_places(shifts_open_for(opportunity, upcoming_shifts))
            }
            full = {pk for pk, shift in self.open_shifts.items() if shift.places_left <= 0}
            self.fields["shifts"].choices = [
                (pk, shift_label(shift)) for pk, shift in self.open_shifts.items()
            ]
            self.fields["shifts"].widget.full = full
            self.fields["waitlist"].choices = [
                (pk, shift_label(shift)) for pk, shift in self.open_shifts.items() if pk in full
            ]
        else:
            del self.fields["shifts"]
        if not self.fields.get("waitlist") or not self.fields["waitlist"].choices:
            self.fields.pop("waitlist", None)

    def clean_shifts(self):
        # A shift ticked twice (a hand-made post) is one place, not two.
        chosen = list(dict.fromkeys(self.cleaned_data["shifts"]))
        full = [self.open_shifts[pk] for pk in chosen if self.open_shifts[pk].places_left <= 0]
        if full:
            raise ValidationError(_("Der er ikke flere pladser på den valgte vagt."), code="full")
        return [self.open_shifts[pk] for pk in chosen]

    def clean_waitlist(self):
        return [self.open_shifts[pk] for pk in dict.fromkeys(self.cleaned_data["waitlist"])]

    def clean(self):
        cleaned = super().clean()
        wanted = cleaned.get("shifts") or cleaned.get("waitlist")
        if "shifts" in self.fields and not wanted and not self.has_error("shifts"):
            self.add_error("shifts", ValidationError(
                _("Vælg mindst én vagt.") if "waitlist" not in self.fields
                else _("Vælg mindst én vagt, eller skriv dig på venteliste."), code="required"))
        return cleaned


class ReferralChoiceForm(DescribedFieldsMixin, forms.Form):
    """Step one: where and what. Submitted by GET, holds nothing personal."""

    # The server's error summary explains a missing choice; the browser's own
    # bubble would stop the form before it and say less.
    use_required_attribute = False

    municipality = forms.ModelChoiceField(
        label=_("Borgerens kommune"), queryset=Municipality.objects.all(),
        empty_label=_("Vælg kommune"), to_field_name="slug",
        error_messages={"required": _("Vælg borgerens kommune."),
                        "invalid_choice": _("Vælg en kommune fra listen.")},
    )
    activity = forms.ModelChoiceField(
        label=_("Hvilken slags hjælp"), queryset=Activity.objects.all(),
        empty_label=_("Vælg aktivitet"), to_field_name="slug",
        error_messages={"required": _("Vælg, hvilken slags hjælp borgeren har brug for."),
                        "invalid_choice": _("Vælg en aktivitet fra listen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe_fields()


class ReferralForm(IntakeForm):
    # Own ids: step one's selects on the same page are id_municipality and id_activity.
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.all(), to_field_name="slug",
        widget=forms.HiddenInput(attrs={"id": "referral-municipality"}),
        error_messages={"invalid_choice": _("Vælg kommune og aktivitet igen.")},
    )
    activity = forms.ModelChoiceField(
        queryset=Activity.objects.all(), to_field_name="slug",
        widget=forms.HiddenInput(attrs={"id": "referral-activity"}),
        error_messages={"invalid_choice": _("Vælg kommune og aktivitet igen.")},
    )
    organisation = forms.ChoiceField(
        label=_("Vælg organisation"), widget=forms.RadioSelect,
        help_text=_("Din henvendelse sendes kun til den organisation, du vælger."),
        error_messages={"required": _("Vælg den organisation, henvendelsen skal sendes til."),
                        "invalid_choice": _("Organisationen tilbyder ikke denne hjælp i "
                                            "borgerens kommune. Vælg en anden.")},
    )
    name = line(_("Dit navn"), 120, validators=(person_name,))
    referrer_role = line(_("Din rolle"), 120, help_text=_("Fx social- og sundhedshjælper "
                                                         "eller pårørende."))
    referrer_workplace = line(_("Arbejdssted (valgfrit)"), 160, required=False,
                              help_text=_("Fx hjemmeplejen, Aalborg Kommune."))
    email = forms.EmailField(label=_("Din e-mail"), max_length=254,
                             help_text=_("Vi sender en kvittering hertil."))
    phone = line(_("Dit telefonnummer (valgfrit)"), 30, required=False,
                 validators=(phone_number,))
    preferred_times = line(_("Foretrukne tidspunkter (valgfrit)"), 200, required=False,
                           help_text=_("Fx hverdage om formiddagen."))
    language = line(_("Sprog (valgfrit)"), 60, required=False,
                    help_text=_("Hvis borgeren helst vil tale et andet sprog end dansk."))
    contact_route = forms.ChoiceField(
        label=_("Hvordan skal borgeren kontaktes?"), choices=ContactRoute.choices,
        widget=forms.RadioSelect, initial=ContactRoute.REFERRER,
    )
    citizen_phone = line(_("Borgerens telefonnummer"), 30, required=False,
                         validators=(phone_number,),
                         help_text=_("Kun hvis borgeren skal kontaktes direkte."))
    message = text(_("Praktisk note (valgfrit)"), 600,
                   help_text=_("Fx adgangsforhold eller hvornår borgeren er hjemme. Skriv ingen "
                               "helbredsoplysninger eller diagnoser. Højst 600 tegn."))
    citizen_consent = ConsentField(_("Borgeren har givet samtykke til at blive kontaktet af en "
                                     "frivillig organisation."))
    consent = ConsentField(_("Jeg har læst privatlivspolitikken og giver samtykke til, at "
                             "oplysningerne sendes til den valgte organisation. Kan den ikke "
                             "hjælpe, må den give dem videre til en anden organisation, der "
                             "tilbyder aktiviteten i kommunen; jeg får besked, hvis det sker."))

    autocomplete = {"name": "name", "referrer_role": "organization-title",
                    "referrer_workplace": "organization", "email": "email", "phone": "tel",
                    "citizen_phone": "off", "language": "off", "preferred_times": "off"}
    field_order = ["municipality", "activity", "organisation", "name", "referrer_role",
                   "referrer_workplace", "email", "phone", "preferred_times", "language",
                   "contact_route", "citizen_phone", "message", "citizen_consent", "consent"]

    def __init__(self, *args, municipality, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].widget.input_type = "tel"
        self.fields["citizen_phone"].widget.input_type = "tel"
        self.organisations = {}
        if municipality and activity:
            self.fields["municipality"].initial = municipality.slug
            self.fields["activity"].initial = activity.slug
            self.organisations = {
                str(org.pk): org for org in organisations_offering(activity, municipality)
            }
        self.fields["organisation"].choices = [
            (pk, org.title) for pk, org in self.organisations.items()
        ]

    def clean_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_route") == ContactRoute.DIRECT and not cleaned.get("citizen_phone"):
            if "citizen_phone" not in self.errors:
                self.add_error("citizen_phone", _("Skriv borgerens telefonnummer, når borgeren "
                                                  "skal kontaktes direkte."))
        return cleaned
