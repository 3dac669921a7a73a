"""A search table that cannot be read: the listings, feeds and search page on gunicorn.

Starts gunicorn (production settings) on the given PostgreSQL database, takes
an ACCESS EXCLUSIVE lock on the search index table from another session (as a
long migration or a stuck transaction would), and sends the pages that search
text. Each should answer 200 within about ``SEARCH_DATABASE_TIMEOUT_MS`` with a
notice, not hang until gunicorn kills the worker. Then the lock is released
and the same pages are asked again. Prints, per phase: requests, status codes,
the pages that showed the notice, median and slowest answer. A listing whose
process still keeps the answer for the same text (the facet index keeps it
until an opportunity changes) answers from that, without a notice.

Usage (your own database, migrated and with the demo loaded):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_redis \\
        .venv/bin/python bench/fault_slow_search.py --rounds 5
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/frivilligopgaver/?q=besøgsven",
    "/frivilligopgaver/rss/?q=besøgsven",
    "/frivilligopgaver/kalender/?q=besøgsven",
    "/erfaringer/?q=ensomhed",
    "/vaerktoejer/?q=vagtplan",
    "/organisationer/?q=ældre",
    "/soeg/?q=besøgsven",
]
NOTICES = ("midlertidigt utilgængelig",)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    began = time.perf_counter()
    connection.request("GET", path.replace("ø", "%C3%B8").replace("æ", "%C3%A6"),
                       headers={"X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    return response.status, time.perf_counter() - began, any(n in body for n in NOTICES)


def phase(port, rounds):
    statuses, times, notices = Counter(), [], Counter()
    for _ in range(rounds):
        for path in PAGES:
            status, seconds, notice = get(port, path)
            statuses[status] += 1
            times.append(seconds)
            notices[path.split("?")[0]] += notice
    return {"requests": len(times), "statuses": dict(statuses),
            "with notice": {page: count for page, count in notices.items() if count},
            "median ms": round(statistics.median(times) * 1000),
            "slowest ms": round(max(times) * 1000)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout-ms", type=int, default=3000)
    args = parser.parse_args()
    database_url = os.environ["DATABASE_URL"]
    port = free_port()
    environment = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only", "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false",
        "SEARCH_DATABASE_TIMEOUT_MS": str(args.timeout_ms),
    }
    environment.pop("REDIS_URL", None)
    static_root = tempfile.mkdtemp(prefix="bindeled-static-")  # not shared with other runs
    environment["STATIC_ROOT"] = static_root
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=environment, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--timeout", "30"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        print("search table readable:", phase(port, 1))
        dsn = database_url.replace("postgres://", "postgresql://", 1)
        with psycopg.connect(dsn) as locker:
            locker.execute("LOCK TABLE wagtailsearch_indexentry IN ACCESS EXCLUSIVE MODE")
            print("search table locked:  ", phase(port, args.rounds))
        print("lock released:        ", phase(port, 1))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
