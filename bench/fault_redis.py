"""Redis outage: the public pages and the offer form on gunicorn with Redis stopped.

Starts a redis-server of its own on a free port and gunicorn (production
settings) using it, fills the cache with a round of page views, stops Redis,
and then counts: GETs of the public pages and their 500s; offers sent,
acknowledged (a redirect to a receipt), stored (rows in the database) and
answered with 500; what the rate limit answers one address meanwhile (it
counts in each gunicorn worker's memory while Redis is down); then starts
Redis again on the same port and checks the running workers use it again.
Last, how often the workers logged the outage and the recovery.

Usage (your own database, migrated and with the demo loaded):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_redis \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_redis \\
        .venv/bin/python manage.py load_demo
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_redis \\
        .venv/bin/python bench/fault_redis.py --offers 100 --rounds 5
"""

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKERS = 3
RATE_LIMIT = 20
BENCH_EMAIL = "fault-redis-{}@example.org"
PUBLIC_PAGES = ("/", "/frivilligopgaver/", "/frivilligopgaver/?kommune=aalborg&type=regular",
                "/soeg/?q=bes%C3%B8gsven", "/erfaringer/", "/vaerktoejer/", "/organisationer/",
                "/bestil-frivillig/?municipality=aalborg&activity=besoegsven")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(redis_port, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "STATIC_ROOT": static_root,
        "INTAKE_MIN_FILL_SECONDS": "0",
        "INTAKE_RATE_LIMIT": str(RATE_LIMIT),
        # Each offer comes "through a proxy" from an address of its own, so the
        # rate limit is measured on its own, from one address.
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "INFO",
    }


def start_redis(port):
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--daemonize", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if redis_keys(port) is not None:
            return server
        time.sleep(0.05)
    server.terminate()
    raise SystemExit("redis-server did not start")


def redis_keys(port):
    """How many keys the server holds; None when it does not answer."""
    answer = subprocess.run(["redis-cli", "-p", str(port), "dbsize"], capture_output=True,
                            text=True, timeout=10)
    return int(answer.stdout) if answer.stdout.strip().isdigit() else None


def start_gunicorn(port, env, log):
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS)], cwd=ROOT, env=env, stdout=log, stderr=log,
    )
    for _ in range(150):
        try:
            request(port, "GET", "/")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def offer_target():
    """The pk and address of a demo opportunity that takes offers without a shift."""
    from portal.opportunities.models import OpportunityPage

    opportunity = OpportunityPage.objects.live().filter(commitment="regular").first()
    if opportunity is None:
        raise SystemExit("no demo opportunity: run migrate and load_demo first (see --help)")
    return opportunity.pk, urllib.parse.urlsplit(opportunity.url).path


def csrf_pair(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    html = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    return cookie, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post_offer(port, opportunity_id, csrf, number, address):
    from portal.matching.forms import start_stamp

    token = uuid.uuid4()
    body = urllib.parse.urlencode({
        "csrfmiddlewaretoken": csrf[1], "idempotency_token": str(token), "website": "",
        "started": start_stamp(token, at=time.time() - 60), "name": "Bench Bruger",
        "email": BENCH_EMAIL.format(number), "phone": "12 34 56 78",
        "message": "Redis er nede", "consent": "on",
    })
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Cookie": f"csrftoken={csrf[0]}", "X-Forwarded-For": address}
    return request(port, "POST", f"/tilmelding/{opportunity_id}/", body, headers)


def timed_gets(port, pages, rounds):
    started = time.perf_counter()
    statuses = Counter(request(port, "GET", path).status for _ in range(rounds) for path in pages)
    return statuses, time.perf_counter() - started


def bench_rows():
    from portal.matching.models import MatchRequest

    return MatchRequest.objects.filter(email__startswith="fault-redis-")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--offers", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5, help="GETs of each public page")
    args = parser.parse_args()
    if not 1 <= args.offers <= 5000 or not 1 <= args.rounds <= 100:
        raise SystemExit("keep it bounded: 1-5000 offers, 1-100 rounds")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to your own PostgreSQL database")

    redis_port, web_port = free_port(), free_port()
    static_root = tempfile.mkdtemp(prefix="bindeled-fault-redis-static-")
    env = environment(redis_port, static_root)
    os.environ.update(env)
    import django

    django.setup()
    bench_rows().delete()
    opportunity_id, opportunity_path = offer_target()
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=env, check=True)

    redis = start_redis(redis_port)
    log = tempfile.NamedTemporaryFile("w+", prefix="bindeled-fault-redis-", suffix=".log")
    web = start_gunicorn(web_port, env, log)
    try:
        pages = (*PUBLIC_PAGES, opportunity_path)
        warm = Counter(request(web_port, "GET", path).status for path in pages)
        keys_before = redis_keys(redis_port)
        csrf = csrf_pair(web_port, opportunity_path)
        gets_up, get_seconds_up = timed_gets(web_port, pages, args.rounds)
        redis.terminate()
        redis.wait(timeout=10)

        gets, get_seconds = timed_gets(web_port, pages, args.rounds)
        started = time.perf_counter()
        offers = [post_offer(web_port, opportunity_id, csrf, number, f"198.51.100.{number % 250}")
                  for number in range(args.offers)]
        offer_seconds = time.perf_counter() - started
        acknowledged = sum(offer.status == 302 and "/kvittering/" in offer.getheader("Location")
                           for offer in offers)
        offer_errors = sum(offer.status == 500 for offer in offers)
        stored = bench_rows().count()
        limited = Counter(post_offer(web_port, opportunity_id, csrf, f"limit-{n}", "203.0.113.9")
                          .status for n in range(RATE_LIMIT * (WORKERS + 1)))

        redis = start_redis(redis_port)
        time.sleep(6)  # past the cache's retry period (RETRY_AFTER_SECONDS)
        for path in pages:
            request(web_port, "GET", path)
        keys_after = redis_keys(redis_port)
    finally:
        web.terminate()
        web.wait(timeout=30)
        redis.terminate()
        redis.wait(timeout=10)
        bench_rows().delete()
    log.seek(0)
    logged = log.read()

    print(f"warm-up, Redis up:     GETs by status {dict(warm)}, {keys_before} keys in Redis")
    print(f"Redis up:              {sum(gets_up.values())} GETs in {get_seconds_up:.1f} s, "
          f"by status {dict(gets_up)}")
    print(f"Redis stopped:         {sum(gets.values())} GETs of {len(pages)} public pages in "
          f"{get_seconds:.1f} s, by status {dict(gets)}, 500s: {gets[500]}")
    print(f"offers:                sent {args.offers}, acknowledged {acknowledged}, stored "
          f"{stored}, 500s {offer_errors} in {offer_seconds:.1f} s")
    print(f"rate limit, 1 address: {sum(limited.values())} offers, by status {dict(limited)} "
          f"(limit {RATE_LIMIT} per worker while Redis is down, {WORKERS} workers)")
    print(f"Redis started again:   {keys_after} keys in Redis after one round of pages")
    print(f"log lines:             {logged.count('is unreachable')} 'unreachable', "
          f"{logged.count('reachable again')} 'reachable again' ({WORKERS} workers)")
    ok = gets[500] == 0 and acknowledged == stored == args.offers and 500 not in limited
    sys.exit(0 if ok and keys_after else 1)


if __name__ == "__main__":
    main()
