"""Search benchmark on PostgreSQL: p50/p95 of realistic Danish queries.

Seeds the issue's scale: opportunities in bulk with ``bench/seeding.py`` (COPY,
Danish titles, summaries and a body paragraph) under 100 organisations, plus
some hundreds of cases and tools made the ordinary way, on top of the demo.
The opportunities are indexed with the configured backend in bulk (its own
``add_items``, in batches), then the database is vacuumed and analysed as
autovacuum would, and it times:

- ``search``: the ranking the page asks of the backend (``search.ranking``:
  candidates, their order, the total counted up to ``search.views.COUNT_CAP``)
  and the first page of 20;
- ``page``: the whole /soeg/ response (search, facets, details, template);
- ``page+facet``: the same with a municipality facet applied (Aalborg, 1.5 %
  of the opportunities);
- ``page+region``: the same with a region facet (Hovedstaden, about 40 %);
- ``suggest``: the search box's title suggestions for what a visitor has typed
  so far (/soeg/forslag/);
- ``list+text``: the opportunity listing with free text, the first request
  for a text, and (``then``) the requests that follow with the same text.

Usage (your own database; it is migrated and filled, and only grows):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_search_bench \\
        .venv/bin/python bench/search_benchmark.py --opportunities 100000
    # the plans instead of the times: add --explain QUERY (EXPLAIN (ANALYZE,
    # BUFFERS) of every statement the page sends for QUERY, with the facet)
"""

import argparse
import datetime
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

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from modelsearch.backends import get_search_backend  # noqa: E402
from modelsearch.conf import get_app_config  # noqa: E402

from bench import seeding  # noqa: E402
from portal.cases.models import CasePage  # noqa: E402
from portal.core.models import Activity, Municipality, Theme  # noqa: E402
from portal.core.text_search import query_terms  # noqa: E402
from portal.opportunities.facet_index import current_index, listing_changed  # noqa: E402
from portal.opportunities.models import OpportunityPage  # noqa: E402
from portal.toolshare.models import CostModel, ToolPage  # noqa: E402
from search.ranking import rank  # noqa: E402
from search.views import COUNT_CAP, RANK_LIMIT, RESULTS_PER_PAGE, searchable_pages  # noqa: E402

QUERIES = [
    "besøgsven aalborg",
    "demens",
    "it-hjælp for ældre",
    "lektiehjælp",
    "vågetjeneste",
    "spiseven odense",
    "motionsven",
    "frivillige",
    "ensomhed",
    "ældre",
    "børneattest",
    "digitalt værktøj vagtplan",
    "pårørende til demente",
    "mentor unge uddannelse",
    "xyzzy",
]
# Free text in the opportunity listing (``list+text``).
LISTING_QUERIES = ["frivillige", "demens", "lektiehjælp", "mentor unge uddannelse", "xyzzy"]
# What the search box sends for its title suggestions as a visitor types.
SUGGEST_PREFIXES = ["be", "besøg", "dem", "demens", "frivil", "it-hj", "vagtpl", "mentor u", "xy"]
FACET = {"kommune": "aalborg"}
# A broad facet: the region holds about 40 % of the opportunities.
BROAD_FACET = {"region": "hovedstaden"}
CASE_TOPICS = ("besøgsvenner", "vågetjeneste", "it-hjælp til ældre", "lektiecafé", "spisevenner",
               "demensvenlig kommune", "frivillige på plejecentre", "sprogcafé for nydanskere")
CASE_SENTENCES = (
    "Kommunen og foreningen aftalte en fælles indsats mod ensomhed blandt ældre",
    "De frivillige blev rekrutteret gennem biblioteker, aftenskoler og sociale medier",
    "Koordinatoren matchede borgere og frivillige ud fra interesser og geografi",
    "Erfaringerne viser, at en fast kontaktperson fastholder de frivillige",
    "Samarbejdet blev finansieret af en pulje fra fonden i tre år",
    "Pårørende fortalte, at besøgene gav dem tid til at trække vejret",
    "Vagtplanen blev flyttet fra papir til et digitalt værktøj",
    "Evalueringen peger på, at borgerne føler sig mindre alene",
)
TOOL_NAMES = ("Vagtplan", "Frivilligportal", "Besøgsplan", "Holdlisten", "Mødebook",
              "Kørselsdeling", "Frivilligkort", "Tidsbank")


def add_cases_and_tools(cases, tools, rng):
    """Cases and tools the ordinary way (``add_child``), up to the given numbers."""
    organisations = seeding.page_tree()[1]
    themes, municipalities = list(Theme.objects.all()), list(Municipality.objects.all())
    activities = list(Activity.objects.all())
    made = []
    with transaction.atomic():
        for number in range(CasePage.objects.count(), cases):
            topic = rng.choice(CASE_TOPICS)
            municipality = rng.choice(municipalities)
            story = ". ".join(rng.sample(CASE_SENTENCES, 4)) + "."
            case = organisations[number % len(organisations)].add_child(instance=CasePage(
                title=f"Samskabelse om {topic} i {municipality.name} ({number})",
                slug=f"bench-case-{number}", summary=f"Erfaringer med {topic}.",
                story=[("paragraph", f"<p>{story}</p>")],
                start_date=datetime.date(2015 + number % 10, 1, 1),
            ))
            case.themes.set(rng.sample(themes, 2))
            case.municipalities.set([municipality])
            case.activities.set([rng.choice(activities)])
            made.append(case)
        for number in range(ToolPage.objects.count(), tools):
            name = f"{rng.choice(TOOL_NAMES)} {number}"
            made.append(organisations[number % len(organisations)].add_child(instance=ToolPage(
                title=name, slug=f"bench-tool-{number}",
                summary=f"{name} er et digitalt værktøj til vagtplan og frivilligkoordinering.",
                description="<p>" + ". ".join(rng.sample(CASE_SENTENCES, 2)) + ".</p>",
                maker="Bench ApS", cost_model=rng.choice(CostModel.values),
            )))
    # Saving indexed each page before its many-to-many terms were set.
    backend = get_search_backend()
    for model in (CasePage, ToolPage):
        pages = [page for page in made if isinstance(page, model)]
        if pages:
            backend.get_index_for_model(model).add_items(model, pages)


def index_opportunities(batch=2000):
    """Index every opportunity that has no index entry yet, in batches."""
    entries = get_search_backend().get_index_for_model(OpportunityPage)
    indexed = get_app_config().get_model("IndexEntry").objects.filter(
        content_type=ContentType.objects.get_for_model(OpportunityPage)
    ).values_list("object_id", flat=True)
    ids = list(OpportunityPage.objects.exclude(
        id__in=[int(object_id) for object_id in indexed]
    ).order_by("pk").values_list("pk", flat=True))
    began = time.perf_counter()
    for offset in range(0, len(ids), batch):
        chunk = OpportunityPage.objects.filter(id__in=ids[offset : offset + batch])
        chunk = chunk.prefetch_related("municipalities", "activities", "target_groups", "skills")
        entries.add_items(OpportunityPage, list(chunk))
        print(f"  indexed {min(offset + batch, len(ids))}", flush=True)
    if ids:
        print(f"indexed {len(ids)} opportunities in {time.perf_counter() - began:.0f} s")


def seed(opportunities, cases, tools):
    # The home migration makes a home page, so the demo's own pages tell
    # whether it is loaded (without them /erfaringer/ and /vaerktoejer/ are 404).
    if not (CasePage.objects.exists() and ToolPage.objects.exists()):
        call_command("load_demo", verbosity=0)
    index, organisations = seeding.page_tree()
    rng = random.Random(6)
    began = time.perf_counter()
    added = seeding.fill(opportunities, organisations, rng)
    bodies = seeding.write_bodies(rng)
    print(f"seeded {added} opportunities ({bodies} bodies) in {time.perf_counter() - began:.0f} s")
    add_cases_and_tools(cases, tools, rng)
    index_opportunities()
    with connection.cursor() as cursor:
        # Indexing rewrites every entry once more (title norms), leaving as many
        # dead rows as live ones; autovacuum cleans that up in production, and a
        # benchmark on a table twice its size would time the seeding instead.
        cursor.execute("VACUUM ANALYZE")


def timed(action, repeat):
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def report(label, times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{label:<12} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {times[-1]:7.1f} ms   (n={len(times)})")


def listing_text_times(client, repeat):
    """The opportunity listing's free text: the first request for a text, and
    the requests that follow it (another page, a facet ticked).

    Each round starts a new listing version, as a published change does; its
    facet index is built before the clock starts (the listing benchmark times
    that).
    """
    first, then = [], []
    for _ in range(repeat):
        listing_changed()
        current_index()
        for query in LISTING_QUERIES:
            first += timed(lambda query=query: client.get("/frivilligopgaver/", {"q": query}), 1)
            for more in ({"page": "2"}, FACET, {"type": "regular"}):
                then += timed(lambda query=query, more=more: client.get(
                    "/frivilligopgaver/", {"q": query, **more}), 1)
    return first, then


def explain(client, query):
    """EXPLAIN (ANALYZE, BUFFERS) of each statement /soeg/ sends for ``query``."""
    for params in ({"q": query}, {"q": query, **FACET}, {"q": query, **BROAD_FACET}):
        with CaptureQueriesContext(connection) as captured:
            client.get("/soeg/", params)
        # Replayed in one transaction with the planner settings the page sets.
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in captured.captured_queries:
                took = float(statement["time"]) * 1000
                if statement["sql"].startswith("SET LOCAL"):
                    cursor.execute(statement["sql"])
                if took < 5:
                    continue
                print(f"\n-- {params} ({took:.0f} ms)\n{statement['sql']}\n")
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opportunities", type=int, default=10000)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--tools", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", metavar="QUERY")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL: set DATABASE_URL to a database of your own.")

    call_command("migrate", verbosity=0)
    seed(args.opportunities, args.cases, args.tools)
    client = Client(HTTP_HOST="localhost")
    if args.explain:
        explain(client, args.explain)
        return
    total = searchable_pages().count()
    print(f"\n{total} public pages ({OpportunityPage.objects.count()} opportunities, "
          f"{CasePage.objects.count()} cases, {ToolPage.objects.count()} tools); "
          f"{len(QUERIES)} queries × {args.repeat} runs each; load {os.getloadavg()[0]:.1f}\n")

    pages = searchable_pages()

    def search_only(query):
        with transaction.atomic():  # as the page runs it (``portal.core.text_search.run_safely``)
            words = " ".join(query_terms(query))
            ranking = rank(pages, words, min(RANK_LIMIT, COUNT_CAP), COUNT_CAP)
            ranking.slice(0, RESULTS_PER_PAGE)

    modes = {
        "search": lambda q: search_only(q),
        "page": lambda q: client.get("/soeg/", {"q": q}),
        "page+facet": lambda q: client.get("/soeg/", {"q": q, **FACET}),
        "page+region": lambda q: client.get("/soeg/", {"q": q, **BROAD_FACET}),
    }
    for query in QUERIES:  # warm caches, connections and query plans
        for action in modes.values():
            action(query)
    per_query = {}
    for label, action in modes.items():
        all_times = []
        for query in QUERIES:
            times = timed(lambda action=action, query=query: action(query), args.repeat)
            per_query.setdefault(query, {})[label] = statistics.median(times)
            all_times += times
        report(label, all_times)
    suggest_times = []
    for prefix in SUGGEST_PREFIXES:
        client.get("/soeg/forslag/", {"q": prefix})
        suggest_times += timed(lambda prefix=prefix: client.get("/soeg/forslag/", {"q": prefix}),
                               args.repeat)
    report("suggest", suggest_times)
    first, then = listing_text_times(client, max(1, args.repeat // 3))
    report("list+text", first)
    report("  then", then)
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    print("\nmedian ms per query:   search    page  page+facet  page+region")
    for query, times in per_query.items():
        print(f"  {query:<26} {times['search']:7.1f} {times['page']:7.1f} "
              f"{times['page+facet']:9.1f} {times['page+region']:11.1f}")


if __name__ == "__main__":
    main()
