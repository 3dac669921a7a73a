"""Each area's numbers per month, kept current as facts change, so a page sums tallies, not facts.

A fact counts in the country, its region, its municipality and its
organisation: in each, once as a request, once more if matched, once for its
follow-up answer, and in the hours histograms of first contact and match.
When the receiver changes a fact, what the fact counted in before is taken
away and what it counts in now is added, in one statement per save. With a
million facts the country's page then sums some twenty thousand rows instead
of a million (``bench/figures_benchmark.py``).

Rows written in bulk (the demo's history, the benchmark, the facts' rebuild)
bypass the receiver; ``rebuild`` makes every tally again from the facts.
"""

from collections import Counter

from django.db import connection
from django.db.models import Count, Q

from portal.matching.models import FollowUpAnswer

from .models import RequestFact, Tally

AREA_FIELDS = (("region", "region_id"), ("municipality", "municipality_id"),
               ("organisation", "organisation_id"))
ANSWER_MEASURES = {f"answer_{answer}": answer for answer in FollowUpAnswer.values}
COUNT_MEASURES = ("requests", "matched", *ANSWER_MEASURES)
HOURS_MEASURES = (("contact", "hours_to_contact"), ("match", "hours_to_match"))
BATCH = 5000


def areas_of(fact):
    keys = ["country-0"]
    keys += [f"{kind}-{getattr(fact, field)}" for kind, field in AREA_FIELDS
             if getattr(fact, field)]
    return keys


def contributions(fact):
    """The tally keys ``(area, month, kind, measure, value)`` one fact adds one to."""
    measures = [("requests", 0)]
    if fact.matched:
        measures.append(("matched", 0))
    if fact.followup_answer:
        measures.append((f"answer_{fact.followup_answer}", 0))
    for measure, field in HOURS_MEASURES:
        if getattr(fact, field) is not None:
            measures.append((measure, getattr(fact, field)))
    month = fact.month.isoformat()
    return [(area, month, fact.kind, measure, value)
            for area in areas_of(fact) for measure, value in measures]


def apply(before, after):
    """Take away the keys the fact counted in ``before``, add those of ``after``."""
    change = Counter(after)
    change.subtract(before)
    rows = [(*key, number) for key, number in change.items() if number]
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(Tally._meta.db_table)
    columns = [quote(name) for name in ("area", "month", "kind", "measure", "value", "number")]
    placeholders = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    number = columns[-1]
    # One upsert that adds to the stored number, so two saves at once both count.
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES {placeholders} "
           f"ON CONFLICT ({', '.join(columns[:-1])}) "
           f"DO UPDATE SET {number} = {table}.{number} + excluded.{number}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


def _grouped(facts, field):
    """The area's tallies of counts and of hours, as rows of ``Tally`` not yet saved."""
    group = [field] if field else []
    counts = {measure: Count("pk", filter=Q(followup_answer=answer))
              for measure, answer in ANSWER_MEASURES.items()}
    rows = facts.values(*group, "month", "kind").annotate(
        requests=Count("pk"), matched=Count("pk", filter=Q(matched=True)), **counts).order_by()
    for row in rows.iterator(chunk_size=BATCH):
        for measure in COUNT_MEASURES:
            if row[measure]:
                yield row.get(field, 0), row["month"], row["kind"], measure, 0, row[measure]
    for measure, hours in HOURS_MEASURES:
        rows = facts.filter(**{f"{hours}__isnull": False}).values(
            *group, "month", "kind", hours).annotate(number=Count("pk")).order_by()
        for row in rows.iterator(chunk_size=BATCH):
            yield row.get(field, 0), row["month"], row["kind"], measure, row[hours], row["number"]


def rebuild():
    """Every tally made again from the facts; the number of tallies."""
    Tally.objects.all().delete()
    made = 0
    for kind, field in (("country", None), *AREA_FIELDS):
        facts = RequestFact.objects.filter(**{f"{field}__isnull": False} if field else {})
        batch = []
        for pk, month, fact_kind, measure, value, number in _grouped(facts, field):
            batch.append(Tally(area=f"{kind}-{pk}", month=month, kind=fact_kind,
                               measure=measure, value=value, number=number))
            if len(batch) == BATCH:
                made += len(Tally.objects.bulk_create(batch))
                batch = []
        made += len(Tally.objects.bulk_create(batch))
    return made
