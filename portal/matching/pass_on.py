"""Passing a referral on to another organisation, when the chosen one cannot help.

The referrer consented to this on the form (``PASS_ON_CONSENT_SINCE``). The
request itself moves: the receiving organisation gets it as new, with one note
saying where it came from and why, and its coordinators are told as for any
new request; the referrer gets an e-mail saying who has it now. The first
organisation keeps only a ``PassedOnReferral``: no person, no reference. Its
own working notes, places on its shifts and pending e-mails go, because they
were about its handling of the person, not the receiver's.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter, log

from portal.organisations.models import OrganisationPage

from .availability import organisations_offering, release_shifts
from .models import (
    PASS_ON_CONSENT_SINCE,
    Kind,
    MatchRequest,
    MatchRequestNote,
    Notification,
    PassedOnReferral,
    PassOnReason,
    Status,
)
from .tasks import notify_coordinators, schedule
from .waitlist import leave

# A referral someone is still deciding on; a matched or finished one stays where it is.
PASSABLE = (Status.NEW, Status.CONTACTED, Status.NOT_MATCHED)


class CannotPassOn(Exception):
    """The referral cannot be passed on now; the message says why, in Danish."""


class NotReceiving(LookupError):
    """The organisation does not offer the referral's activity in its municipality."""


def why_not(referral):
    """Why this request cannot be passed on, or "" when it can."""
    if referral.kind != Kind.REFERRAL:
        return _("Kun henvisninger fra fagpersoner kan gives videre.")
    if referral.erased_at or referral.status not in PASSABLE:
        return _("Kun en henvisning, der stadig er i gang, kan gives videre.")
    if referral.consent_version < PASS_ON_CONSENT_SINCE:
        return _("Henvisningen er sendt, før samtykket dækkede videregivelse. "
                 "Bed henviseren sende den igen til den anden organisation.")
    if referral.activity_id is None or referral.municipality_id is None:
        return _("Henvisningen mangler kommune eller aktivitet.")
    return ""


def receiving_organisations(referral):
    """The other organisations with an open opportunity of the activity in the municipality."""
    if referral.activity_id is None or referral.municipality_id is None:
        return OrganisationPage.objects.none()
    return organisations_offering(referral.activity, referral.municipality).exclude(
        pk=referral.organisation_id)


@transaction.atomic
def pass_on(referral, to_organisation_id, reason, note, user):
    """Move the referral to another organisation; returns the receiving organisation.

    Raises ``CannotPassOn`` (nothing changes) or ``NotReceiving`` for an
    organisation that was not offered.
    """
    referral = MatchRequest.objects.select_for_update().get(pk=referral.pk)
    problem = why_not(referral)
    if problem:
        raise CannotPassOn(problem)
    receiver = receiving_organisations(referral).filter(pk=to_organisation_id).first()
    if receiver is None:
        raise NotReceiving
    giver = referral.organisation
    PassedOnReferral.objects.create(
        from_organisation=giver, to_organisation=receiver, municipality=referral.municipality,
        activity=referral.activity, reason=reason, passed_by=user)

    release_shifts(referral.reference)
    leave(referral)
    referral.notes.all().delete()
    referral.tokens.all().delete()
    referral.notifications.filter(state=Notification.State.PENDING).update(
        state=Notification.State.CANCELLED)

    referral.organisation = receiver
    referral.status = Status.NEW
    referral.assigned_to = None
    referral.flagged_stale_at = None
    referral.needs_attention_since = None
    referral.followup_answer = ""
    referral.followup_answered_at = None
    referral.save()
    MatchRequestNote.objects.create(request=referral, author=user, text=handover_note(
        giver, reason, note))
    log(referral, "matching.passed_on", user=user,
        data={"from": giver.pk, "to": receiver.pk, "reason": reason})

    notify_coordinators(referral, "passed_on")
    if referral.email:
        schedule(Notification.objects.create(
            request=referral, purpose=Notification.Purpose.PASSED_ON,
            details={"from": giver.title, "reason": reason}))
    return receiver


def handover_note(giver, reason, note):
    text = _("Givet videre fra %(organisation)s: %(reason)s.") % {
        "organisation": giver.title, "reason": PassOnReason(reason).label}
    return f"{text}\n{note}" if note else text


class PassedOnFormatter(LogFormatter):
    label = gettext_lazy("Henvendelse: givet videre")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        names = dict(OrganisationPage.objects.filter(
            pk__in=[data.get("from"), data.get("to")]).values_list("pk", "title"))
        return _("Givet videre fra %(from)s til %(to)s") % {
            "from": names.get(data.get("from"), "?"), "to": names.get(data.get("to"), "?")}


def register_actions(actions):
    actions.register_action("matching.passed_on")(PassedOnFormatter)
