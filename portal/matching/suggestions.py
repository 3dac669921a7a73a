"""Suggestions for a coordinator deciding a request: what could fit, and why.

On a referral: the organisation's own open opportunities and their upcoming
shifts. On a volunteer's offer: the organisation's referrals still waiting.
Each suggestion carries its reasons in plain Danish, the ones for and the
ones against, so the coordinator can see how it was ranked and disagree.

Nothing here decides or contacts anyone; what a coordinator's click on a
suggestion does is in ``suggestion_links``.

Everything is computed on request from the database, in a fixed number of
queries however many opportunities, shifts or referrals there are.
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Ranking reads every open opportunity of an organisation at once, which the
# per-opportunity helpers in ``availability`` do not; booking goes through them.
from portal.opportunities.models import OpportunityPage, Shift

from .availability import booked_shifts, with_held_places
from .models import Kind, MatchRequest, Status

# Requests still being worked: a suggestion is offered for these, and only these are suggested.
WAITING = (Status.NEW, Status.CONTACTED)
SHOWN = 10  # suggestions shown; a coordinator reads a short list, not a catalogue
SHIFTS_SHOWN = 5  # per opportunity, the best-fitting first

# The one place with the weights. A suggestion's score is the sum of the weights
# of its reasons; only the order matters, and every reason is shown beside it.
WEIGHTS = {
    # Where the help happens is the hardest constraint: a volunteer rarely travels
    # to another municipality for a weekly visit, so it weighs most either way.
    "same_municipality": 3,
    "other_municipality": -3,
    # Online or nationwide work reaches the citizen too, but less surely than a
    # local opportunity (not every citizen can use a phone or video call).
    "reaches_everywhere": 2,
    # The kind of help asked for: as important as the place, but a coordinator
    # sometimes offers a neighbouring activity, so a mismatch costs a little less.
    "same_activity": 3,
    "other_activity": -2,
    # Preferred times are free text read for a few Danish words (see ``read_times``):
    # a hint, so it weighs less than place and activity and a miss costs little.
    "time_fits": 2,
    "time_does_not_fit": -1,
    # A free place can be booked now; none means waiting, which counts against.
    "free_place": 1,
    "no_free_place": -2,
    # A shared language helps, but the citizen's language is optional text too.
    "language": 1,
}

# Danish words in "foretrukne tidspunkter" and what they mean. Honest limits: this
# reads only weekday names, "hverdag(e)", "weekend" and parts of the day; anything
# else ("efter kl. 14", "ikke i uge 7") is not understood and is then not judged, and
# "i morgen" (tomorrow) is read as the morning.
# Each name written out: makemessages finds only literal strings.
WEEKDAY_NAMES = [gettext_lazy("mandag"), gettext_lazy("tirsdag"), gettext_lazy("onsdag"),
                 gettext_lazy("torsdag"), gettext_lazy("fredag"), gettext_lazy("lørdag"),
                 gettext_lazy("søndag")]
DAY_WORDS = {"mandag": {0}, "tirsdag": {1}, "onsdag": {2}, "torsdag": {3}, "fredag": {4},
             "lørdag": {5}, "søndag": {6}, "hverdag": {0, 1, 2, 3, 4}, "weekend": {5, 6}}
# Hours of the day, Copenhagen time; the night runs past midnight.
PART_WORDS = {"morgen": (6, 9), "formiddag": (8, 12), "eftermiddag": (12, 17),
              "aften": (17, 23), "nat": (22, 30)}
NIGHT = re.compile(r"n[aæ]t(ten|ter|te\w*)?")


@dataclass
class Times:
    days: set = field(default_factory=set)
    parts: list = field(default_factory=list)

    @property
    def understood(self):
        return bool(self.days or self.parts)


def read_times(text):
    """The weekdays and parts of the day named in a referral's free-text preferred times."""
    times = Times()
    for word in re.findall(r"\w+", (text or "").casefold()):
        # Inside a word, for Danish compounds: "hverdagsaftener", "lørdagsformiddag".
        for key, days in DAY_WORDS.items():
            if key in word:
                times.days |= days
        for key, hours in PART_WORDS.items():
            if key != "nat" and key in word:
                times.parts.append(hours)
        # "nat" only as the night ("natten", "weekendnat"), not inside "signatur".
        if NIGHT.fullmatch(word) or word.endswith(("nat", "natten")):
            times.parts.append(PART_WORDS["nat"])
    return times


def _hours(moment):
    return moment.hour + moment.minute / 60


def fits_times(shift, times):
    """Does the shift, in Copenhagen time, fall on a named day and overlap a named part?"""
    start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
    if times.days and start.weekday() not in times.days:
        return False
    if not times.parts:
        return True
    begin = _hours(start)
    finish = begin + (end - start).total_seconds() / 3600
    # A night window (22-30) is also tried a day earlier (-2-6), for shifts after midnight.
    return any(begin < b + shift_by and finish > a + shift_by
               for a, b in times.parts for shift_by in (0, -24))


def _clock(moment):
    return f"{moment.hour}" if moment.minute == 0 else f"{moment.hour}.{moment.minute:02d}"


def shift_label(shift):
    """"lørdag 12.12. kl. 10–12", in Copenhagen time."""
    start, end = timezone.localtime(shift.starts_at), timezone.localtime(shift.ends_at)
    return _("%(day)s %(date)s kl. %(start)s–%(end)s") % {
        "day": WEEKDAY_NAMES[start.weekday()], "date": f"{start.day}.{start.month}.",
        "start": _clock(start), "end": _clock(end),
    }


@dataclass
class ShiftOption:
    shift: object
    label: str
    places_left: int
    fits_time: bool | None
    booked: bool

    @property
    def bookable(self):
        return self.places_left > 0 and not self.booked


@dataclass
class Suggestion:
    """One opportunity (for a referral) or one referral (for an offer), with its reasons."""

    subject: object
    fits: list = field(default_factory=list)
    misfits: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # worth knowing, not weighed
    shifts: list = field(default_factory=list)
    score: int = 0

    def add(self, weight, text):
        self.score += WEIGHTS[weight]
        (self.fits if WEIGHTS[weight] > 0 else self.misfits).append(text)


def _place(suggestion, municipality, municipality_ids, everywhere):
    if municipality is None:
        return
    if municipality.pk in municipality_ids:
        suggestion.add("same_municipality", _("samme kommune (%s)") % municipality.name)
    elif everywhere:
        suggestion.add("reaches_everywhere", _("online eller hele landet"))
    else:
        suggestion.add("other_municipality", _("anden kommune"))


def _activity(suggestion, activity, activity_ids):
    if activity is None:
        return
    if activity.pk in activity_ids:
        suggestion.add("same_activity", _("samme aktivitet (%s)") % activity.name)
    else:
        suggestion.add("other_activity", _("anden aktivitet"))


def _language(suggestion, language, languages):
    # Only a match is said: an opportunity that names no language may still have one.
    if language and language.casefold() in (languages or "").casefold():
        suggestion.add("language", _("sprog: %s") % language)


def _shift_options(opportunity, shifts, times, booked_ids):
    options = [
        ShiftOption(shift, shift_label(shift), shift.places_left,
                    fits_times(shift, times) if times.understood else None,
                    shift.pk in booked_ids)
        for shift in shifts
    ]
    # The ones a coordinator could book and that fit the wishes first, then by time.
    options.sort(key=lambda o: (not o.bookable, o.fits_time is False, o.shift.starts_at))
    return options[:SHIFTS_SHOWN]


def _judge_shifts(suggestion, opportunity, options):
    free = [option for option in options if option.bookable]
    if not opportunity.uses_shifts:
        suggestion.notes.append(_("uden vagter: tidspunktet aftales"))
    elif not free:
        suggestion.add("no_free_place", _("ingen ledige pladser") if options
                       else _("ingen kommende vagter"))
    elif any(option.fits_time for option in free):
        best = next(option for option in free if option.fits_time)
        suggestion.add("free_place", _("ledig plads %s") % best.label)
        suggestion.add("time_fits", _("passer med foretrukne tider"))
    else:
        suggestion.add("free_place", _("ledig plads %s") % free[0].label)
        if free[0].fits_time is False:
            suggestion.add("time_does_not_fit", _("vagterne passer ikke med foretrukne tider"))


def _requirements(suggestion, opportunity):
    # The referral form asks neither the citizen's age nor a target group, so these
    # are shown for the coordinator's judgement and never weighed.
    if opportunity.requires_child_certificate:
        suggestion.notes.append(_("kræver børneattest"))
    groups = ", ".join(group.name for group in opportunity.target_groups.all())
    if groups:
        suggestion.notes.append(_("målgruppe: %s") % groups)


def _ranked(suggestions):
    # Ties: opportunities by title, referrals oldest first (they have waited longest).
    suggestions.sort(key=lambda s: (-s.score, getattr(s.subject, "created_at", None)
                                    or str(s.subject)))
    return suggestions[:SHOWN]


def for_referral(referral):
    """The organisation's open opportunities, best fit first, each with its upcoming shifts."""
    organisation = referral.organisation
    opportunities = list(
        OpportunityPage.objects.open().filter(owner_organisation=organisation.pk)
        .prefetch_related("municipalities", "activities", "target_groups")
    )
    shifts = with_held_places(
        Shift.objects.filter(opportunity__in=[o.pk for o in opportunities])
        .upcoming().with_places().order_by("starts_at")
    )
    booked_ids = set(booked_shifts(referral.reference).values_list("shift_id", flat=True))
    times = read_times(referral.preferred_times)
    suggestions = []
    for opportunity in opportunities:
        suggestion = Suggestion(opportunity)
        everywhere = opportunity.is_online or organisation.works_nationwide
        _place(suggestion, referral.municipality,
               {m.pk for m in opportunity.municipalities.all()}, everywhere)
        _activity(suggestion, referral.activity, {a.pk for a in opportunity.activities.all()})
        _language(suggestion, referral.language, opportunity.languages)
        own = [shift for shift in shifts if shift.opportunity_id == opportunity.pk]
        suggestion.shifts = _shift_options(opportunity, own, times, booked_ids)
        _judge_shifts(suggestion, opportunity, suggestion.shifts)
        _requirements(suggestion, opportunity)
        suggestions.append(suggestion)
    return _ranked(suggestions)


def waiting_referrals(organisation_id):
    return (
        MatchRequest.objects.filter(organisation=organisation_id, kind=Kind.REFERRAL,
                                    status__in=WAITING, erased_at__isnull=True)
        .select_related("municipality", "activity")
    )


def for_offer(offer):
    """The organisation's waiting referrals this volunteer's opportunity and shifts could serve.

    A referral is suggested when at least one thing fits; the rest are left out.
    """
    opportunity = (
        OpportunityPage.objects.filter(pk=offer.opportunity_id)
        .prefetch_related("municipalities", "activities").first()
    )
    if opportunity is None:
        return []
    everywhere = opportunity.is_online or offer.organisation.works_nationwide
    municipality_ids = {m.pk for m in opportunity.municipalities.all()}
    activity_ids = {a.pk for a in opportunity.activities.all()}
    shifts = [booking.shift for booking in booked_shifts(offer.reference)]
    suggestions = []
    for referral in waiting_referrals(offer.organisation_id):
        suggestion = Suggestion(referral)
        _place(suggestion, referral.municipality, municipality_ids, everywhere)
        _activity(suggestion, referral.activity, activity_ids)
        _language(suggestion, referral.language, opportunity.languages)
        times = read_times(referral.preferred_times)
        if shifts and times.understood:
            fitting = [shift for shift in shifts if fits_times(shift, times)]
            if fitting:
                suggestion.add("time_fits", _("vagten %s passer med foretrukne tider")
                               % shift_label(fitting[0]))
            else:
                suggestion.add("time_does_not_fit",
                               _("de valgte vagter passer ikke med foretrukne tider"))
        if suggestion.fits:
            suggestions.append(suggestion)
    return _ranked(suggestions)


def suggestions_for(match_request):
    if match_request.erased_at or match_request.status not in WAITING:
        return []
    if match_request.kind == Kind.REFERRAL:
        return for_referral(match_request)
    return for_offer(match_request)
