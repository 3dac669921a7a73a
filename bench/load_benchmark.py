"""Load benchmark: public pages on gunicorn under wrk, beside a plain Django view.

Serves the project with gunicorn (production settings, ``gunicorn.conf.py``,
2 sync workers, PostgreSQL, a redis-server of its own) and the reference
``bench/plain_django.py`` on the same gunicorn, and drives each with the same
``wrk`` run (same connections, threads and duration, ``Accept-Encoding: br,
gzip`` as a browser sends). Prints requests per second, p50 and p99 latency
and the ratio to the plain view measured in the same run, for every page:
cached (``PAGE_CACHE_SECONDS=300``: repeat visits are answered from the page
cache) and uncached (``PAGE_CACHE_SECONDS=0``: every request renders).

With ``--bakerydemo DIR`` (a source tree of Wagtail's bakerydemo; see
``bench/bakerydemo.py`` for which commit and how to get it) every block also
runs wrk on bakerydemo's ``/breads/`` and its search, served by gunicorn beside
Bindeled, and a ``× bakery`` column gives issue 20's ratios: the listing with
three filters over ``/breads/`` and Bindeled's search over bakerydemo's search.

Sizes: ``demo`` (the demo content, ``load_demo``) and a number of
opportunities seeded in bulk (``bench/seeding.py``) on top of it, e.g. 100000.
The database only grows: run the sizes in increasing order.

Usage (your own database; it is migrated and filled):

    apt-get install wrk    # Debian's wrk; the bench says so if it is missing
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_load \\
        .venv/bin/python bench/load_benchmark.py --sizes demo 100000 --seconds 10 \\
        --bakerydemo /tmp/bakerydemo   # optional
"""

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKERS = 2
CONNECTIONS = 8
THREADS = 2
PAGES = [
    ("home", "/"),
    ("listing, 3 filters", "/frivilligopgaver/?region=nordjylland&type=ad_hoc&type=one_off"
                           "&aktivitet=besoegsven"),
    ("search", "/soeg/?q=frivillig"),
    ("cases", "/erfaringer/"),
    ("organisations", "/organisationer/"),
    ("opportunity", None),  # the newest open opportunity, found after seeding
]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(redis_port, static_root, cache_seconds):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "STATIC_ROOT": static_root,
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "LOG_LEVEL": "WARNING",
    }


def get(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status


def start(command, env, port, log):
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    for _ in range(300):
        try:
            get(port, "/")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"{command[1]} did not start; see {log.name}")


def gunicorn(app, port, env, log, config=ROOT / "gunicorn.conf.py"):
    command = [str(ROOT / ".venv/bin/gunicorn"), app, "-c", str(config),
               "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)]
    return start(command, env, port, log)


def stop(server):
    server.terminate()
    server.wait(timeout=30)


def wrk(port, path, seconds, headers=()):
    """(requests per second, p50 ms, p99 ms, non-2xx/3xx answers) of one wrk run."""
    extra = [argument for header in headers for argument in ("-H", header)]
    answer = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
         "-H", "Accept-Encoding: br, gzip", *extra, f"http://127.0.0.1:{port}{path}"],
        capture_output=True, text=True, check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", answer).group(1))
    latency = {percent: float(value) * UNITS[unit] for percent, value, unit in
               re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", answer, re.MULTILINE)}
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", answer)
    return rate, latency["50"], latency["99"], int(errors.group(1)) if errors else 0


def seed(size):
    """Load the demo, then bulk opportunities up to ``size``; the newest open one's path."""
    import django

    django.setup()
    from django.core.management import call_command

    from bench import seeding
    from portal.cases.models import CasePage
    from portal.opportunities.facet_index import listing_changed
    from portal.opportunities.models import OpportunityPage

    call_command("migrate", verbosity=0)
    if not CasePage.objects.exists():
        with open(os.devnull, "w") as quiet:
            call_command("load_demo", stdout=quiet)
    if size != "demo":
        _index, organisations = seeding.page_tree()
        seeding.fill(int(size), organisations, random.Random(2026))
        listing_changed()
    opportunity = OpportunityPage.objects.open().order_by("-first_published_at").first()
    count = OpportunityPage.objects.count()
    return opportunity.url, count


def row(count, mode, label, result, plain, bakery=None, with_bakery=False):
    """One printed line; the × bakery column only when bakerydemo is measured."""
    rate, p50, p99, errors = result
    line = (f"{count:>8} {mode:<8} {label:<20} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f} "
            f"{rate / plain:>8.2f} {errors:>6}")
    if with_bakery:
        line += f" {rate / bakery:>8.2f}" if bakery else f" {'':>8}"
    print(line, flush=True)


def start_bakerydemo(checkout, database_url, log):
    """Prepare (once, cached) and serve bakerydemo.

    Returns the server, its pages as (label, path, the Bindeled page issue 20
    measures against it) and the headers its requests need.
    """
    from bench import bakerydemo

    demo = bakerydemo.Bakerydemo(checkout, database_url).prepare()
    pages = [("bakerydemo /breads/", bakerydemo.BREADS, "listing, 3 filters"),
             ("bakerydemo search", bakerydemo.SEARCH, "search")]
    return demo.serve(free_port(), log), pages, bakerydemo.HEADERS


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["demo"],
                        help="'demo' and/or numbers of opportunities, increasing")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument("--bakerydemo", metavar="DIR",
                        help="a bakerydemo source tree to measure beside Bindeled")
    parser.add_argument("--bakerydemo-database",
                        default=os.environ.get("BAKERYDEMO_DATABASE_URL",
                                               "postgres://postgres@127.0.0.1:5432/bindeled_bakery"),
                        help="bakerydemo's own PostgreSQL database")
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: install it with 'apt-get install wrk' (Debian)")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database of your own")
    if not 1 <= arguments.seconds <= 120:
        raise SystemExit("keep it bounded: 1-120 seconds per run")

    redis_port = free_port()
    static_root = tempfile.mkdtemp(prefix="bindeled-load-bench-static-")
    log = tempfile.NamedTemporaryFile("w+", prefix="bindeled-load-bench-", suffix=".log",
                                      delete=False)
    # Before Bindeled's settings enter os.environ; bakerydemo's server sets its own.
    bakery = (start_bakerydemo(arguments.bakerydemo, arguments.bakerydemo_database, log)
              if arguments.bakerydemo else None)
    os.environ.update(environment(redis_port, static_root, 0))
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=os.environ, check=True)
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    plain_port = free_port()
    try:
        # Not the project's gunicorn.conf.py: its hook warms the project's facet index.
        plain = gunicorn("bench.plain_django:application", plain_port, os.environ, log,
                         config=os.devnull)
    except SystemExit:
        if bakery:
            bakery[0].stop()
        redis.terminate()
        raise
    print(f"{'size':>8} {'cache':<8} {'page':<20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'× plain':>8} {'errors':>6}" + (f" {'× bakery':>8}" if bakery else ""))
    try:
        for size in arguments.sizes:
            opportunity, count = seed(size)
            pages = [(label, path or opportunity) for label, path in PAGES]
            for cache_seconds, mode in ((0, "uncached"), (300, "cached")):
                port = free_port()
                env = environment(redis_port, static_root, cache_seconds)
                web = gunicorn("portal.wsgi", port, env, log)
                try:
                    reference = wrk(plain_port, "/", arguments.seconds)
                    row(count, mode, "plain Django view", reference, reference[0],
                        with_bakery=bool(bakery))
                    against = {}
                    if bakery:
                        server, bakery_pages, headers = bakery
                        for label, path, measured in bakery_pages:
                            result = wrk(server.port, path, arguments.seconds, headers)
                            against[measured] = result[0]
                            row(count, mode, label, result, reference[0], with_bakery=True)
                    for label, path in pages:
                        get(port, path)  # the cached run's first visit fills the cache
                        row(count, mode, label, wrk(port, path, arguments.seconds),
                            reference[0], against.get(label), with_bakery=bool(bakery))
                finally:
                    stop(web)
    finally:
        stop(plain)
        if bakery:
            bakery[0].stop()
        redis.terminate()
        redis.wait(timeout=10)
        shutil.rmtree(static_root, ignore_errors=True)
    print(f"gunicorn's log: {log.name}")


if __name__ == "__main__":
    main()
