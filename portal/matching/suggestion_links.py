"""What a coordinator's click on a suggestion does: it books or it notes, nothing more.

For a referral, a shift is booked under the public form's capacity rules and
row lock (``availability.book_shifts``); an opportunity without shifts is
noted on the referral. For an offer, the offer and the referral get a note
each. Every click is in the request's history; no status changes and no one
is contacted. Another organisation's shift, opportunity or referral is
``NotSuggested`` (the view answers 404).
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from portal.opportunities.models import OpportunityPage, Shift

from .availability import book_shifts, booked_shifts
from .models import Kind, MatchRequestNote
from .suggestions import WAITING, waiting_referrals


class NotSuggested(LookupError):
    """The shift, opportunity or referral is not one this request could be linked to."""


class AlreadyLinked(Exception):
    pass


class NotWaiting(Exception):
    """The request is finished or erased: nothing more is linked to it."""


def _own_open_opportunities(match_request):
    return OpportunityPage.objects.open().filter(owner_organisation=match_request.organisation_id)


def _check_waiting(match_request):
    if match_request.erased_at or match_request.status not in WAITING:
        raise NotWaiting


def book_for_referral(referral, shift_id, user):
    """Book one place on the shift for the referral, as the public form would.

    Raises ``NotSuggested`` for a shift outside the organisation's open
    opportunities, ``AlreadyLinked`` when the referral holds a place on it,
    ``ShiftFull`` when no place is left (nothing is stored then). No reminder
    is planned: a reminder mails the referrer, and linking contacts no one.
    """
    _check_waiting(referral)
    shift = Shift.objects.filter(
        pk=shift_id, opportunity__in=_own_open_opportunities(referral).values("pk")
    ).first()
    if referral.kind != Kind.REFERRAL or shift is None:
        raise NotSuggested
    try:
        with transaction.atomic():
            if booked_shifts(referral.reference).filter(shift=shift).exists():
                raise AlreadyLinked
            book_shifts([shift], referral.reference)  # the row lock and held places
            log(referral, "matching.suggestion_booked", user=user,
                data={"shift": shift.pk, "opportunity": shift.opportunity_id})
    except IntegrityError:  # a second click won the race: the place is already held
        raise AlreadyLinked from None
    return shift


def _note_once(match_request, text, user):
    """False when the note is already there: a second click links nothing twice."""
    if match_request.notes.filter(text=text).exists():
        return False
    MatchRequestNote.objects.create(request=match_request, author=user, text=text)
    return True


@transaction.atomic
def link_opportunity(referral, opportunity_id, user):
    """Record on a referral that the coordinator chose an opportunity without shifts."""
    _check_waiting(referral)
    opportunity = _own_open_opportunities(referral).filter(pk=opportunity_id).first()
    if referral.kind != Kind.REFERRAL or opportunity is None:
        raise NotSuggested
    text = _("Forslag valgt: frivilligopgaven “%(title)s”.") % {
        "title": opportunity.title}
    if not _note_once(referral, text, user):
        raise AlreadyLinked
    log(referral, "matching.suggestion_linked", user=user, data={"opportunity": opportunity.pk})
    return opportunity


@transaction.atomic
def link_offer(offer, referral_id, user):
    """Link a volunteer's offer and a waiting referral: a note on each, in each history.

    Requests have no field for another request; a note on both keeps the
    link beside the rest of the coordinator's notes, needs no migration, and is
    erased with either request.
    """
    _check_waiting(offer)
    referral = waiting_referrals(offer.organisation_id).filter(pk=referral_id).first()
    if offer.kind != Kind.OFFER or referral is None:
        raise NotSuggested
    on_offer = _("Koblet til henvisningen %(reference)s (forslag).") % {
        "reference": referral.reference}
    on_referral = _("Koblet til frivillig-tilbuddet %(reference)s (forslag).") % {
        "reference": offer.reference}
    if not _note_once(offer, on_offer, user):
        raise AlreadyLinked
    _note_once(referral, on_referral, user)
    for this, other in ((offer, referral), (referral, offer)):
        log(this, "matching.suggestion_linked", user=user, data={"request": other.pk})
    return referral


def register_actions(actions):
    actions.register_action("matching.suggestion_booked", gettext_lazy("Henvendelse: vagt booket"),
                            gettext_lazy("Vagt booket fra forslag"))
    actions.register_action("matching.suggestion_linked",
                            gettext_lazy("Henvendelse: forslag koblet"),
                            gettext_lazy("Koblet fra forslag"))

