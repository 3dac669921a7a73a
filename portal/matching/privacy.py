"""Retention, access and erasure of the personal data in match requests.

Erasure wipes the personal fields, the notes, the waiting-list places, the
attendance and the links sent by e-mail, and gives back shift places;
the row remains as an anonymous trace (reference, kind, organisation, dates,
status) and the audit log records that it happened, without any content.
Both jobs also run the retention hooks of other apps (``portal.core.retention``),
so what people typed elsewhere, such as search statistics, follows the same rules.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from portal.core.retention import expire_everywhere, export_everywhere, forget_everywhere

from .availability import booked_shifts
from .models import FINISHED, MatchRequest, Status
from .workflow import erase, record_export

STALE_AFTER = timedelta(days=365)


@dataclass
class RetentionReport:
    erased: list = field(default_factory=list)
    flagged: list = field(default_factory=list)
    # Records other apps removed, by the name they registered (portal.core.retention).
    elsewhere: dict = field(default_factory=dict)


def _live():
    return MatchRequest.objects.filter(erased_at__isnull=True)


def erase_expired(today=None):
    """Erase finished requests past their date; flag open ones untouched for a year."""
    today = today or timezone.localdate()
    report = RetentionReport()
    expired = _live().filter(status__in=FINISHED, erase_after__lt=today).order_by("pk")
    for match_request in expired.iterator():
        with transaction.atomic():
            erase(match_request, reason="retention")
        report.erased.append(match_request.reference)
    stale = _live().exclude(status__in=FINISHED).filter(
        updated_at__lt=timezone.now() - STALE_AFTER, flagged_stale_at__isnull=True
    )
    report.flagged = list(stale.values_list("reference", flat=True))
    # update() leaves updated_at alone, so flagging does not count as a touch.
    stale.update(flagged_stale_at=timezone.now())
    report.elsewhere = expire_everywhere(today)
    return report


def requests_of(email):
    return (
        _live().filter(email__iexact=email.strip())
        .select_related("organisation", "opportunity", "municipality", "activity")
        .prefetch_related("notes")
        .order_by("created_at")
    )


def _when(value):
    if isinstance(value, datetime):
        value = timezone.localtime(value)  # the hour a Dane reads, with its offset
    return value.isoformat() if value else None


def personal_data(email, user=None):
    """Everything stored about the person with this e-mail address, across organisations.

    Each request exported is logged in the audit log (by whom, how many), as
    erasure is; the log holds a keyed hash of the address, not the address.
    """
    found = list(requests_of(email))
    record_export(found, email, user=user)
    requests = []
    for match_request in found:
        requests.append({
            "reference": match_request.reference,
            "kind": match_request.kind,
            "status": str(Status(match_request.status).label),
            "organisation": match_request.organisation.title,
            "opportunity": match_request.opportunity.title if match_request.opportunity else None,
            "received": _when(match_request.created_at),
            "consent": {"version": match_request.consent_version,
                        "given_at": _when(match_request.consent_given_at)},
            "erase_after": _when(match_request.erase_after),
            **{name: getattr(match_request, name) for name in MatchRequest.PERSONAL_FIELDS},
            "municipality": str(match_request.municipality or "") or None,
            "activity": str(match_request.activity or "") or None,
            "contact_route": match_request.contact_route or None,
            "shifts": [
                {"starts_at": _when(booking.shift.starts_at),
                 "ends_at": _when(booking.shift.ends_at)}
                for booking in booked_shifts(match_request.reference)
            ],
            "notes": [{"written": _when(note.created_at), "text": note.text}
                      for note in match_request.notes.all()],
            "waiting_lists": [
                {"starts_at": _when(entry.shift.starts_at), "state": entry.state,
                 "joined": _when(entry.created_at)}
                for entry in match_request.waiting.select_related("shift")
            ],
            "attendance": [
                {"starts_at": _when(record.shift.starts_at), "attended": record.attended}
                for record in match_request.attendance.select_related("shift")
            ],
            "followup_answer": match_request.followup_answer or None,
            "followup_answered_at": _when(match_request.followup_answered_at),
        })
    return {"email": email.strip(), "exported_at": _when(timezone.now()), "requests": requests,
            # What other apps keep by this address (portal.core.retention).
            "elsewhere": export_everywhere(email.strip())}


def erase_personal_data(email, user=None):
    """Erase every request of this person, and what they typed elsewhere (their address and
    the names they gave); returns a report of the references erased."""
    report = RetentionReport()
    names = set()
    for match_request in requests_of(email):
        names.add(match_request.name)
        with transaction.atomic():
            erase(match_request, user=user, reason="data_subject_request")
        report.erased.append(match_request.reference)
    report.elsewhere = forget_everywhere([email.strip(), *names])
    return report
