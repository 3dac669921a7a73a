"""Keep each match request's anonymous fact current, and rebuild them all from the requests.

The receiver runs on every save of a request, in its transaction: a status
that moved on since the fact last saw it is a step taken now, so the hours
since the request came in are the time to first contact (the first step past
"new" that means someone answered) or to a match. A request first seen past
"new" (loaded, imported) has unknown times rather than invented ones; the
rebuild reads them from the audit log instead, where every step is dated.

An offer's municipality and activity are its opportunity's (the first the
editor chose); a referral names its own.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.core.models import Municipality
from portal.matching.models import MatchRequest, Status
from portal.opportunities.models import OpportunityPage

from . import tallies
from .models import RequestFact

# Statuses that mean someone from the organisation has answered.
ANSWERED = {Status.CONTACTED, Status.MATCHED, Status.NOT_MATCHED}
REBUILD_CHUNK = 1000


def month_of(moment):
    """The first day of the month ``moment`` falls in, in Danish time."""
    return timezone.localtime(moment).date().replace(day=1)


def hours_between(start, end):
    return max(int((end - start).total_seconds() // 3600), 0)


def regions_by_municipality():
    return dict(Municipality.objects.values_list("pk", "region_id"))


def first_places(opportunity_ids):
    """``{opportunity id: (municipality id, activity id)}``, each the first one chosen."""
    places = {pk: [None, None] for pk in opportunity_ids if pk is not None}
    if not places:
        return {}
    columns = ((OpportunityPage.municipalities.through, "municipality_id"),
               (OpportunityPage.activities.through, "activity_id"))
    for position, (through, column) in enumerate(columns):
        rows = through.objects.filter(opportunitypage_id__in=places).order_by("-pk")
        # Ordered last to first, so the first chosen is written last and stays.
        for opportunity_id, value in rows.values_list("opportunitypage_id", column):
            places[opportunity_id][position] = value
    return {pk: tuple(place) for pk, place in places.items()}


def place(fact, match_request, opportunity_places, regions):
    """Where and what: organisation, opportunity, municipality, region, activity, kind, month."""
    from_opportunity = opportunity_places.get(match_request.opportunity_id, (None, None))
    fact.organisation_id = match_request.organisation_id
    fact.opportunity_id = match_request.opportunity_id
    fact.municipality_id = match_request.municipality_id or from_opportunity[0]
    fact.activity_id = match_request.activity_id or from_opportunity[1]
    fact.region_id = regions.get(fact.municipality_id)
    fact.kind = match_request.kind
    fact.month = month_of(match_request.created_at)


def step(fact, status, hours):
    """The request reached ``status`` ``hours`` after it came in (None: when is unknown)."""
    if status in ANSWERED and fact.hours_to_contact is None:
        fact.hours_to_contact = hours
    if status == Status.MATCHED:
        fact.matched = True
        if fact.hours_to_match is None:
            fact.hours_to_match = hours
    fact.status = status


def keep_answer(fact, match_request):
    # Erasure blanks the request's answer; the anonymous count of answers keeps it.
    if match_request.followup_answer:
        fact.followup_answer = match_request.followup_answer


def _moved(fact, match_request):
    return (fact.organisation_id != match_request.organisation_id
            or fact.opportunity_id != match_request.opportunity_id
            or (match_request.municipality_id
                and fact.municipality_id != match_request.municipality_id)
            or (match_request.activity_id and fact.activity_id != match_request.activity_id))


@receiver(post_save, sender=MatchRequest, dispatch_uid="figures_record_fact")
def record(sender, instance, raw=False, **kwargs):
    if raw:  # loading fixtures: the rebuild command makes their facts
        return
    with transaction.atomic():
        _record(instance)


def _record(instance):
    # Locked, so two saves of one request at once cannot both take its old tallies away.
    fact = RequestFact.objects.select_for_update().filter(request_id=instance.pk).first()
    before = tallies.contributions(fact) if fact else []
    if fact is None:
        fact = RequestFact(request_id=instance.pk, status=Status.NEW)
        place(fact, instance, first_places([instance.opportunity_id]), regions_by_municipality())
        if instance.status != Status.NEW:
            step(fact, instance.status, None)
    else:
        if _moved(fact, instance):
            place(fact, instance, first_places([instance.opportunity_id]),
                  regions_by_municipality())
        if instance.status != fact.status:
            step(fact, instance.status, hours_between(instance.created_at, timezone.now()))
    keep_answer(fact, instance)
    fact.save()
    tallies.apply(before, tallies.contributions(fact))


def status_steps(request_ids):
    """``{request id: [(when, status), …]}`` from the audit log, oldest first."""
    content_type = ContentType.objects.get_for_model(MatchRequest)
    entries = ModelLogEntry.objects.filter(
        content_type=content_type, action="matching.status",
        object_id__in=[str(pk) for pk in request_ids],
    ).order_by("timestamp", "pk").values_list("object_id", "timestamp", "data")
    steps = {}
    for object_id, when, data in entries:
        if (data or {}).get("status") in Status.values:
            steps.setdefault(int(object_id), []).append((when, Status(data["status"])))
    return steps


def rebuild_chunk(match_requests, regions):
    """The facts of these requests, made afresh from the requests and their audit log."""
    ids = [match_request.pk for match_request in match_requests]
    places = first_places({r.opportunity_id for r in match_requests if r.opportunity_id})
    steps = status_steps(ids)
    kept_answers = dict(RequestFact.objects.filter(request_id__in=ids)
                        .values_list("request_id", "followup_answer"))
    facts = []
    for match_request in match_requests:
        fact = RequestFact(request_id=match_request.pk, status=Status.NEW,
                           followup_answer=kept_answers.get(match_request.pk, ""))
        place(fact, match_request, places, regions)
        for when, status in steps.get(match_request.pk, []):
            step(fact, status, hours_between(match_request.created_at, when))
        if fact.status != match_request.status:
            step(fact, match_request.status, None)  # a step the log does not date
        keep_answer(fact, match_request)
        facts.append(fact)
    RequestFact.objects.bulk_create(
        facts, update_conflicts=True, unique_fields=["request_id"],
        update_fields=[field.name for field in RequestFact._meta.concrete_fields
                       if field.name not in ("id", "request_id", "generated")],
    )
    return len(facts)


def rebuild():
    """Every request's fact, made again, then the tallies; facts of deleted requests stay.

    Safe to run again.
    """
    regions = regions_by_municipality()
    done = 0
    chunk = []
    for match_request in MatchRequest.objects.order_by("pk").iterator(chunk_size=REBUILD_CHUNK):
        chunk.append(match_request)
        if len(chunk) == REBUILD_CHUNK:
            done += rebuild_chunk(chunk, regions)
            chunk = []
    if chunk:
        done += rebuild_chunk(chunk, regions)
    tallies.rebuild()
    return done
