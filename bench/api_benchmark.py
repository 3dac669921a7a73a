"""API benchmark on PostgreSQL: p50/p95 and queries of /api/v1/opportunities/ with 3 filters.

Fills the database in bulk (``bench/seeding.py``, as the listing benchmark
does), then times whole API responses through Django's test client: the
first page with three filters, a page deep in the same results (by its
cursor), 100 results at once, and the unfiltered first page. Each request
is counted in queries too; at each size the counts are printed, and the last
line says whether they stayed the same from the smallest size to the largest.

The facet index is current (as after the worker's rebuild), the taxonomy
lists are cached, and the rate limit is lifted for the run. Conditional GETs
(a 304 answered before any query) are not timed: every request here is a
full answer.

Usage (your own database; it is migrated and filled, and grows between sizes):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_api_bench \\
        .venv/bin/python bench/api_benchmark.py --sizes 10000 100000

With ``REDIS_URL`` the cache (facet index, rate limit, validators) is Redis, as
in production; without it, local memory.
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

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.seeding import fill, page_tree  # noqa: E402
from portal.opportunities.facet_index import listing_changed  # noqa: E402
from portal.opportunities.models import OpportunityPage  # noqa: E402

RUNS = 60
THREE_FILTERS = "region=nordjylland&type=ad_hoc&type=one_off&aktivitet=besoegsven"
SCENARIOS = [
    ("3 filtre, side 1", f"?{THREE_FILTERS}"),
    ("3 filtre, dyb side", None),  # the cursor of a page half-way through, found per size
    ("3 filtre, 100 pr. side", f"?{THREE_FILTERS}&limit=100"),
    ("0 filtre, side 1", ""),
]
API = "/api/v1/opportunities/"


def deep_cursor_query(client):
    """The query string of the page half-way through the three-filter results."""
    data = client.get(f"{API}?{THREE_FILTERS}&limit=100").json()
    middle = data["count"] // 2
    walked, url = 100, data["next"]
    while url and walked < middle:
        data = client.get(url).json()
        walked += 100
        url = data["next"]
    if url is None:
        return f"?{THREE_FILTERS}"
    return "?" + url.split("?", 1)[1].replace("limit=100", "limit=20")


def measure(client, url):
    """(p50 ms, p95 ms, queries, results count) of ``url``."""
    for _ in range(3):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:200]
    with CaptureQueriesContext(connection) as captured:
        count = client.get(url).json()["count"]
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(captured), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of your own.")
    settings.API_RATE_LIMIT = 10**9
    call_command("migrate", verbosity=0)
    _index, organisations = page_tree()
    rng = random.Random(2026)
    client = Client()
    queries = {}
    print(f"{'stored':>8} {'scenario':<24} {'results':>8} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'queries':>8}")
    for size in sorted(arguments.sizes):
        started = time.perf_counter()
        added = fill(size, organisations, rng)
        listing_changed()  # what the signals do for pages saved the ordinary way
        size = OpportunityPage.objects.count()  # a database filled earlier may hold more
        print(f"# {size} opportunities ({added} added in {time.perf_counter() - started:.0f} s)")
        client.get(API)  # builds the facet index once, as the worker does after a change
        for label, query in SCENARIOS:
            url = API + (deep_cursor_query(client) if query is None else query)
            p50, p95, count, results = measure(client, url)
            queries.setdefault(label, []).append(count)
            print(f"{size:>8} {label:<24} {results:>8} {p50:>8.1f} {p95:>8.1f} {count:>8}")
    constant = all(len(set(counts)) == 1 for counts in queries.values())
    print("Queries per request " + ("constant" if constant else "NOT constant") + " across "
          "sizes: " + "; ".join(f"{label} {counts}" for label, counts in queries.items()))


if __name__ == "__main__":
    main()
