"""Figures benchmark on PostgreSQL: p50/p95 server time of /tal/ with 1,000,000 request facts.

Fills the database with 100 organisations (``bench/seeding.py``), 400 open
opportunities (saved the ordinary way) and then, with COPY, with anonymous
generated request facts (``RequestFact``, marked ``generated``), whose
tallies (``portal/figures/tallies.py``) it then makes: all in the last twelve
months, so every one of them is counted; offers in their opportunity's first
municipality, referrals spread over the country with København and Aarhus far
larger than the rest, as they are. Then times the whole response through
Django's test client for the country, a region, the largest municipality and
a middling one:

- ``cold``: the figures' cache emptied before each request, so every request
  counts from the database (what the first visitor after a change meets);
- ``page``: the page's own counts emptied from the cache, but the hiding
  solved for all areas together (``portal/figures/across.py``) kept, as
  after any other page of figures was seen since the last change;
- ``warm``: the counts found in the cache (everyone else, for
  ``FIGURES_CACHE_SECONDS``).

Usage (your own database; it is migrated and filled once, then reused):

    createdb -h 127.0.0.1 -U postgres bindeled_figures_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_figures_bench \\
        .venv/bin/python bench/figures_benchmark.py --facts 1000000
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.seeding import copy_rows, page_tree  # noqa: E402
from portal.core.models import Activity, Municipality  # noqa: E402
from portal.figures import across, tallies  # noqa: E402
from portal.figures.counting import last_months  # noqa: E402
from portal.figures.facts import first_places  # noqa: E402
from portal.figures.models import RequestFact, Tally  # noqa: E402
from portal.opportunities.models import OpportunityPage  # noqa: E402

OPPORTUNITIES = 400
BATCH = 50_000
RUNS = 20
BIG = {"koebenhavn": 25, "aarhus": 15, "aalborg": 8, "odense": 8}
PAGES = [
    ("hele landet", "/tal/"),
    ("region Hovedstaden", "/tal/?sted=region-hovedstaden"),
    ("København", "/tal/?sted=kommune-koebenhavn"),
    ("Svendborg", "/tal/?sted=kommune-svendborg"),
]
COLUMNS = ["generated", "organisation_id", "opportunity_id", "region_id", "municipality_id",
           "activity_id", "kind", "month", "status", "matched", "hours_to_contact",
           "hours_to_match", "followup_answer"]


def outcome(rng):
    """Status, matched, hours to contact and to match, and the follow-up answer."""
    if rng.random() < 0.12:
        return "new", False, None, None, ""
    contact = max(1, round(rng.lognormvariate(3.0, 0.9)))
    if rng.random() < 0.55:
        return ("matched", True, contact, contact + round(rng.lognormvariate(4.3, 0.8)),
                rng.choice(["yes", "yes", "yes", "not_yet", ""]))
    return "not_matched", False, contact, None, rng.choice(["no", "not_yet", "", ""])


def fact_rows(count, rng):
    """``count`` rows for COPY: 60 % offers on an opportunity, 40 % referrals."""
    opportunities = list(OpportunityPage.objects.values_list("pk", "owner_organisation_id"))
    places = first_places([pk for pk, _owner in opportunities])
    municipalities = list(Municipality.objects.values_list("pk", "slug", "region_id"))
    weights = [BIG.get(slug, 1) for _pk, slug, _region in municipalities]
    regions = {pk: region for pk, _slug, region in municipalities}
    organisations = sorted({owner for _pk, owner in opportunities})
    activities = [activity for _municipality, activity in places.values() if activity]
    months = last_months(timezone.localdate())
    for _ in range(count):
        if rng.random() < 0.6:
            opportunity, organisation = rng.choice(opportunities)
            municipality, activity = places[opportunity]
            kind = "offer"
        else:
            opportunity, organisation = None, rng.choice(organisations)
            municipality = rng.choices(municipalities, weights)[0][0]
            activity, kind = rng.choice(activities), "referral"
        yield (True, organisation, opportunity, regions.get(municipality), municipality,
               activity, kind, rng.choice(months), *outcome(rng))


def opportunities(target, organisations, rng):
    """Open opportunities until there are ``target``, each in 1-2 municipalities and activities."""
    municipalities = list(Municipality.objects.all())
    activities = list(Activity.objects.all())
    commitments = [choice for choice, _label in OpportunityPage._meta.get_field(
        "commitment").choices]
    made = []
    for number in range(OpportunityPage.objects.count(), target):
        owner = organisations[number % len(organisations)]
        page = owner.add_child(instance=OpportunityPage(
            title=f"Bench-opgave {number}", slug=f"bench-opgave-{number}",
            summary="En opgave til benchmark.", commitment=rng.choice(commitments)))
        page.municipalities.set(rng.sample(municipalities, rng.randint(1, 2)))
        page.activities.set(rng.sample(activities, rng.randint(1, 2)))
        page.save()  # parental many-to-many fields are written on save
        made.append(page.pk)
    OpportunityPage.objects.filter(pk__in=made).refresh_listing_columns()


def seed(target, rng):
    have = RequestFact.objects.filter(generated=True).count()
    rows = fact_rows(max(target - have, 0), rng)
    while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
        with transaction.atomic():
            copy_rows(RequestFact._meta.db_table, COLUMNS, batch)
    if target > have or not Tally.objects.exists():
        # COPY bypasses the receiver that keeps the tallies, as the demo's bulk insert does.
        tallies.rebuild()
    with connection.cursor() as cursor:
        for model in (RequestFact, Tally):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    return max(target - have, 0)


def empty_cache(mode):
    """Empty the cache as ``mode`` says: all of it (cold), all but the shared hiding (page)."""
    if mode == "warm":
        return
    key = across.cache_key(timezone.localdate())
    kept = cache.get(key) if mode == "page" else None
    cache.clear()
    if kept is not None:
        cache.set(key, kept)


def measure(client, url, mode):
    """p50 and p95 in ms, and the number of queries of one request."""
    times = []
    for _ in range(RUNS):
        empty_cache(mode)
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    empty_cache(mode)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of your own.")
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    started = time.perf_counter()
    _index, organisations = page_tree()
    opportunities(OPPORTUNITIES, organisations, rng)
    added = seed(arguments.facts, rng)
    total = RequestFact.objects.count()
    print(f"# {total} request facts ({added} added), {Tally.objects.count()} tallies, "
          f"{OpportunityPage.objects.count()} opportunities, "
          f"seeded in {time.perf_counter() - started:.0f} s")
    client = Client()
    client.get("/tal/")  # imports, templates and taxonomies loaded once, as in a running server
    print(f"{'page':<20} {'facts':>8} {'cold p50':>9} {'cold p95':>9} {'page p50':>9} "
          f"{'page p95':>9} {'warm p50':>9} {'warm p95':>9} {'queries cold/page/warm':>23}")
    for label, url in PAGES:
        area = url.partition("sted=")[2]
        counted = RequestFact.objects.filter(**area_filter(area)).count()
        cold, page, warm = (measure(client, url, mode) for mode in ("cold", "page", "warm"))
        print(f"{label:<20} {counted:>8} {cold[0]:>9.1f} {cold[1]:>9.1f} {page[0]:>9.1f} "
              f"{page[1]:>9.1f} {warm[0]:>9.1f} {warm[1]:>9.1f} "
              f"{f'{cold[2]}/{page[2]}/{warm[2]}':>23}")


def area_filter(parameter):
    kind, _dash, slug = parameter.partition("-")
    return {"region": {"region__slug": slug},
            "kommune": {"municipality__slug": slug}}.get(kind, {})


if __name__ == "__main__":
    main()
