"""Match requests: the only place the portal keeps personal data.

A request goes to exactly one organisation. Its personal fields are few, are
wiped by ``MatchRequest.erase()`` and never leave this app except in the
coordinator's own admin views and in the person's own receipt e-mail.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import PortalSettings
from portal.organisations.ownership import COORDINATORS, OrganisationScope

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud on the phone cannot be misheard.
REFERENCE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
# 2026-12: the referral form's consent covers passing the referral on to another
# organisation that offers the activity in the municipality (``pass_on``).
CONSENT_VERSION = "2026-12"
PASS_ON_CONSENT_SINCE = "2026-12"


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"BL-{code[:4]}-{code[4:]}"


def erase_after_from(moment):
    # The day in Copenhagen: its UTC date is the day before for an hour or two
    # after midnight.
    return timezone.localdate(moment) + timedelta(days=settings.MATCH_REQUEST_RETENTION_DAYS)


class Kind(models.TextChoices):
    OFFER = "offer", _("Tilbud om hjælp")
    REFERRAL = "referral", _("Bestilling af frivillig")


class Status(models.TextChoices):
    NEW = "new", _("Ny")
    CONTACTED = "contacted", _("Kontaktet")
    MATCHED = "matched", _("Matchet")
    NOT_MATCHED = "not_matched", _("Ikke matchet")
    CLOSED = "closed", _("Afsluttet")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


# The one path a request may take; anything else is refused.
TRANSITIONS = {
    Status.NEW: {Status.CONTACTED, Status.WITHDRAWN, Status.CLOSED},
    Status.CONTACTED: {Status.MATCHED, Status.NOT_MATCHED, Status.WITHDRAWN},
    Status.MATCHED: {Status.CLOSED, Status.WITHDRAWN},
    Status.NOT_MATCHED: {Status.CLOSED, Status.WITHDRAWN},
    Status.CLOSED: set(),
    Status.WITHDRAWN: set(),
}
FINISHED = (Status.CLOSED, Status.WITHDRAWN)


class FollowUpAnswer(models.TextChoices):
    YES = "yes", _("Ja")
    NO = "no", _("Nej")
    NOT_YET = "not_yet", _("Ikke endnu")


class ContactRoute(models.TextChoices):
    REFERRER = "referrer", _("Gennem mig (henviseren)")
    DIRECT = "direct", _("Direkte til borgeren")


class MatchRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """The requests this user keeps: the ones of the organisations they coordinate."""
        return COORDINATED.narrow(self, user)

    def overdue(self):
        """New requests nobody has looked at for the days the portal settings allow."""
        days = PortalSettings.load().overdue_after_days
        return self.filter(status=Status.NEW, created_at__lt=timezone.now() - timedelta(days=days))


# Coordinators keep their organisations' requests; superusers keep every request.
COORDINATED = OrganisationScope(COORDINATORS)


def organisations_coordinated_by(user):
    return COORDINATED.organisations(user)


class MatchRequest(models.Model):
    reference = models.CharField(_("reference"), max_length=12, unique=True, default=new_reference)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    organisation = models.ForeignKey(
        "organisations.OrganisationPage", on_delete=models.CASCADE,
        related_name="match_requests", verbose_name=_("organisation"),
    )
    # A page, not the opportunity type itself, so a deleted opportunity keeps its requests.
    opportunity = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("frivilligopgave"),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("tildelt"),
    )

    # Who is asking. Wiped on erasure.
    name = models.CharField(_("navn"), max_length=120)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    message = models.TextField(_("besked"), blank=True)
    referrer_role = models.CharField(_("rolle"), max_length=120, blank=True)
    referrer_workplace = models.CharField(_("arbejdssted"), max_length=160, blank=True)
    citizen_phone = models.CharField(_("borgerens telefon"), max_length=30, blank=True)

    # What is asked for (referrals). Not personal on their own.
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("borgerens kommune"),
    )
    activity = models.ForeignKey(
        "core.Activity", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("aktivitet"),
    )
    preferred_times = models.CharField(_("foretrukne tidspunkter"), max_length=200, blank=True)
    language = models.CharField(_("sprog"), max_length=60, blank=True)
    contact_route = models.CharField(
        _("kontakt"), max_length=10, choices=ContactRoute.choices, blank=True
    )
    # The portal's language the person wrote in (``language`` above is the citizen's own
    # tongue, free text): their mails and pages follow it. Blank only after erasure.
    preferred_language = models.CharField(
        _("foretrukket sprog"), max_length=7, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE, blank=True,
    )

    consent_version = models.CharField(_("samtykketekst (version)"), max_length=20)
    consent_given_at = models.DateTimeField(_("samtykke givet"))
    idempotency_token = models.UUIDField(_("indsendelses-id"), unique=True, editable=False)
    created_at = models.DateTimeField(_("modtaget"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("sidst ændret"), auto_now=True)
    erase_after = models.DateField(_("slettes efter"))
    flagged_stale_at = models.DateTimeField(_("markeret som uberørt"), null=True, blank=True)
    erased_at = models.DateTimeField(_("slettet"), null=True, blank=True)
    # The sender's answer to "Blev det et match?"; the coordinator's status still decides.
    followup_answer = models.CharField(
        _("svar på opfølgning"), max_length=8, choices=FollowUpAnswer.choices, blank=True
    )
    followup_answered_at = models.DateTimeField(_("svaret"), null=True, blank=True)
    needs_attention_since = models.DateTimeField(
        _("kræver opmærksomhed siden"), null=True, blank=True,
        help_text=_("Sat, når afsenderen svarer nej til opfølgningen; nulstilles, når en "
                    "koordinator ændrer status."),
    )

    objects = MatchRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("henvendelse")
        verbose_name_plural = _("henvendelser")
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="offer") | Q(opportunity__isnull=True),
                name="matching_referral_without_opportunity",
            ),
        ]

    def __str__(self):
        # The audit log keeps this string after erasure: never a name here.
        return self.reference

    def allowed_statuses(self):
        return TRANSITIONS[Status(self.status)]

    def can_move_to(self, status):
        return status in self.allowed_statuses()

    def move_to(self, status):
        if not self.can_move_to(status):
            raise ValueError(f"{self.status} -> {status} is not an allowed transition")
        self.status = status
        if status in FINISHED:
            self.erase_after = erase_after_from(timezone.now())

    PERSONAL_FIELDS = (
        "name", "email", "phone", "message", "referrer_role", "referrer_workplace",
        "citizen_phone", "preferred_times", "language", "preferred_language",
    )

    def erase(self):
        """Wipe the personal data; the row stays as an anonymous trace for statistics."""
        for field in self.PERSONAL_FIELDS:
            setattr(self, field, "")
        # The follow-up answer and the flag it raised are about the person too.
        self.followup_answer = ""
        self.followup_answered_at = None
        self.needs_attention_since = None
        self.erased_at = timezone.now()
        self.assigned_to = None
        self.save()
        self.notes.all().delete()
        self.attendance.all().delete()
        self.tokens.all().delete()
        self.waiting.all().delete()


class MatchRequestNote(models.Model):
    request = models.ForeignKey(MatchRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("forfatter"),
    )
    text = models.TextField(_("note"), max_length=2000)
    created_at = models.DateTimeField(_("skrevet"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("intern note")
        verbose_name_plural = _("interne noter")

    def __str__(self):
        return f"{self.request} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"


class NotificationPreference(models.Model):
    """Whether a coordinator wants an e-mail when a new request arrives (default: yes)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="match_notifications"
    )
    email_on_new_request = models.BooleanField(
        _("send mig en e-mail om nye henvendelser"), default=True,
        help_text=_("E-mailen indeholder kun et link til henvendelsen, aldrig dens indhold."),
    )
    daily_digest = models.BooleanField(
        _("saml beskederne i én daglig e-mail"), default=False,
        help_text=_("I stedet for en e-mail pr. hændelse får du én om dagen med antal og et "
                    "link, når der er noget nyt eller forsinket."),
    )
    last_digest_on = models.DateField(_("seneste daglige e-mail"), null=True, blank=True,
                                      editable=False)

    class Meta:
        verbose_name = _("notifikationsindstilling")
        verbose_name_plural = _("notifikationsindstillinger")

    def __str__(self):
        return str(self.user)


class Notification(models.Model):
    """One e-mail about a request, and what became of it; visible to administrators."""

    class Purpose(models.TextChoices):
        RECEIPT = "receipt", _("Kvittering til afsender")
        COORDINATOR = "coordinator", _("Besked til koordinator")
        REMINDER = "reminder", _("Påmindelse om vagt")
        SHIFT_CHANGED = "shift_changed", _("Vagt ændret")
        SHIFT_CANCELLED = "shift_cancelled", _("Vagt aflyst")
        PLACE_OFFERED = "place_offered", _("Ledig plads fra venteliste")
        FOLLOWUP = "followup", _("Blev det et match?")
        PASSED_ON = "passed_on", _("Givet videre til en anden organisation")

    class State(models.TextChoices):
        PENDING = "pending", _("Venter")
        SENT = "sent", _("Sendt")
        FAILED = "failed", _("Fejlet")
        CANCELLED = "cancelled", _("Ikke sendt (ikke længere aktuel)")

    request = models.ForeignKey(
        MatchRequest, on_delete=models.CASCADE, related_name="notifications",
        verbose_name=_("henvendelse"),
    )
    purpose = models.CharField(_("formål"), max_length=16, choices=Purpose.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+", verbose_name=_("koordinator"),
    )
    state = models.CharField(
        _("tilstand"), max_length=9, choices=State.choices, default=State.PENDING
    )
    # A mail sent at a time (a reminder, a follow-up) waits until then.
    due_at = models.DateTimeField(_("sendes"), null=True, blank=True)
    # What the mail is about, never who: shift ids, times and places, a link's token id.
    details = models.JSONField(_("detaljer"), default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    # The exception's class and SMTP code only: a message could quote an address.
    last_error = models.CharField(_("seneste fejl"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self):
        return f"{self.request} · {self.get_purpose_display()}"


# The after-offer models live in their own module; importing them here registers them.
from .tracking import ActionToken, Attendance, WaitingListEntry  # noqa: E402, F401


class PassOnReason(models.TextChoices):
    NO_VOLUNTEER = "no_volunteer", _("Vi har ingen ledig frivillig til opgaven")
    OUTSIDE_AREA = "outside_area", _("Borgeren bor uden for det område, vi dækker")
    BETTER_FIT = "better_fit", _("Opgaven passer bedre hos en anden organisation")
    OTHER = "other", _("Anden grund")


class PassedOnReferral(models.Model):
    """What a referral leaves behind at the organisation that passed it on: no person,
    no reference, only where it went and why, so the organisation can count and learn."""

    from_organisation = models.ForeignKey(
        "organisations.OrganisationPage", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("givet videre af"),
    )
    to_organisation = models.ForeignKey(
        "organisations.OrganisationPage", null=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("givet videre til"),
    )
    municipality = models.ForeignKey(
        "core.Municipality", null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("kommune"),
    )
    activity = models.ForeignKey(
        "core.Activity", null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("aktivitet"),
    )
    reason = models.CharField(_("begrundelse"), max_length=20, choices=PassOnReason.choices)
    passed_at = models.DateTimeField(_("givet videre"), default=timezone.now)
    passed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("af"),
    )

    class Meta:
        ordering = ["-passed_at"]
        verbose_name = _("henvisning givet videre")
        verbose_name_plural = _("henvisninger givet videre")

    def __str__(self):
        return str(self.to_organisation or "")


PASSED_ON_BY = OrganisationScope(COORDINATORS, to_organisation="from_organisation")
