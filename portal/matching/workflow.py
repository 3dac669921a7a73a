"""What a coordinator (or the sender) does to a request, each step in the audit log.

Log entries carry codes and ids only (a status, a user id), never what the
person wrote, so the audit trail may outlive the erasure of the request.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.dispatch import Signal
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from portal.organisations.models import OrganisationAccess

from .availability import release_shifts
from .models import MatchRequestNote, Status

RELEASING = (Status.WITHDRAWN, Status.NOT_MATCHED, Status.CLOSED)

# Sent with ``match_request`` and ``status`` inside the transaction of a status change
# (the follow-up question is planned on it).
status_changed = Signal()
# Sent with ``match_request`` inside the transaction of an erasure, before the data goes.
erasing = Signal()


def coordinators_of(organisation):
    """Users who may be assigned a request of this organisation."""
    return get_user_model().objects.filter(
        is_active=True, groups__pk=organisation.access.coordinators_id
    ).order_by("first_name", "last_name", "username")


def coordinators_of_any(organisations):
    groups = OrganisationAccess.objects.filter(organisation__in=organisations)
    return (
        get_user_model().objects.filter(is_active=True, groups__in=groups.values("coordinators"))
        .distinct().order_by("first_name", "last_name", "username")
    )


@transaction.atomic
def change_status(match_request, status, user=None):
    status = Status(status)
    previous = match_request.status
    match_request.move_to(status)  # raises ValueError on a step off the path
    match_request.flagged_stale_at = None
    match_request.needs_attention_since = None  # a coordinator has decided
    match_request.save()
    # A place on a shift is given back unless the volunteer was matched to it.
    if status in RELEASING and previous != Status.MATCHED:
        release_shifts(match_request.reference)
    log(match_request, "matching.status", user=user, data={"status": status.value})
    status_changed.send(sender=change_status, match_request=match_request, status=status)


@transaction.atomic
def assign(match_request, assignee, user=None):
    if assignee is not None and not coordinators_of(match_request.organisation).filter(
        pk=assignee.pk
    ).exists():
        raise ValueError("only a coordinator of the request's organisation can be assigned")
    match_request.assigned_to = assignee
    match_request.flagged_stale_at = None
    match_request.save()
    log(match_request, "matching.assign", user=user,
        data={"assigned_to": assignee.pk if assignee else None})


@transaction.atomic
def add_note(match_request, text, author):
    note = MatchRequestNote.objects.create(request=match_request, text=text, author=author)
    match_request.flagged_stale_at = None
    match_request.save(update_fields=["flagged_stale_at", "updated_at"])
    log(match_request, "matching.note", user=author, data={"note": note.pk})
    return note


@transaction.atomic
def erase(match_request, user=None, reason="request"):
    release_shifts(match_request.reference)
    erasing.send(sender=erase, match_request=match_request)
    match_request.erase()
    log(match_request, "matching.erase", user=user, data={"reason": reason})


def person_key(email):
    """A keyed hash of the address: the log can be checked for one person, never read."""
    return salted_hmac("matching.person", email.strip().casefold()).hexdigest()


@transaction.atomic
def record_export(match_requests, email, user=None):
    """Note on each request that its personal data was handed out, and how many went along."""
    count = len(match_requests)
    for match_request in match_requests:
        log(match_request, "matching.export", user=user,
            data={"requests": count, "person": person_key(email)})


class StatusFormatter(LogFormatter):
    label = _("Henvendelse: status ændret")

    def format_message(self, log_entry):
        try:
            return _("Status ændret til “%(status)s”") % {
                "status": Status(log_entry.data["status"]).label
            }
        except (KeyError, TypeError, ValueError):
            return _("Status ændret")


class AssignFormatter(LogFormatter):
    label = _("Henvendelse: tildelt")

    def format_message(self, log_entry):
        if (log_entry.data or {}).get("assigned_to") is None:
            return _("Tildeling fjernet")
        user = get_user_model().objects.filter(pk=log_entry.data["assigned_to"]).first()
        name = (user.get_full_name() or user.get_username()) if user else "?"
        return _("Tildelt %(name)s") % {"name": name}


class ExportFormatter(LogFormatter):
    label = _("Henvendelse: personoplysninger udleveret")

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("requests")
        if count is None:
            return _("Personoplysninger udleveret")
        return _("Personoplysninger udleveret (%(count)d henvendelser i alt)") % {"count": count}


def register_actions(actions):
    actions.register_action("matching.status")(StatusFormatter)
    actions.register_action("matching.assign")(AssignFormatter)
    actions.register_action("matching.note", _("Henvendelse: note"), _("Intern note tilføjet"))
    actions.register_action(
        "matching.erase", _("Henvendelse: slettet"), _("Personoplysninger slettet")
    )
    actions.register_action("matching.export")(ExportFormatter)
    actions.register_action("matching.cancel_shift", _("Henvendelse: vagt afmeldt"),
                            _("Afsenderen har afmeldt en vagt via linket i påmindelsen"))
    actions.register_action("matching.followup", _("Henvendelse: svar på opfølgning"),
                            _("Afsenderen har svaret på “Blev det et match?”"))
    actions.register_action("matching.attendance", _("Henvendelse: fremmøde"),
                            _("Fremmøde registreret"))
