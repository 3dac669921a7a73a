"""Wagtail's bakerydemo, prepared and served as the load benchmark's reference.

Issue 20 states Bindeled's uncached throughput goals as ratios against
bakerydemo's ``/breads/`` and its search, measured in the same run; this module
gives ``bench/load_benchmark.py --bakerydemo DIR`` a running bakerydemo.

Get a source tree at the commit the benchmark was run with (the newest whose
requirements install on Python 3.11: Django 5.2, Wagtail 7.2; the next commit,
49cda62, moved to Django 6.0, which needs Python 3.12):

    git clone https://github.com/wagtail/bakerydemo /tmp/bakerydemo
    git -C /tmp/bakerydemo checkout 3c7e3af163175cdf9bd7b5c0c3fb80297b152724

or from a mirror of its repository:

    mkdir /tmp/bakerydemo && git -C MIRROR archive 3c7e3af | tar -x -C /tmp/bakerydemo

Preparing it (once; kept in a cache folder keyed by the tree's commit, or by
its contents when there is no ``.git``): a copy of the tree, a venv with
``requirements/production.txt`` (without uWSGI: gunicorn serves it, as it
serves Bindeled; django-tasks held below 0.9, see ``prepare``) and gunicorn,
its own PostgreSQL database (``migrate``, ``load_initial_data``),
``collectstatic``. Serving: ``bakerydemo.settings.production`` (DEBUG off,
no debug toolbar, WhiteNoise), the Redis cache that settings module
configures when ``REDIS_URL`` is set (django-redis, a redis-server of its
own), 2 sync gunicorn workers. That settings module
always redirects to HTTPS and trusts ``X-Forwarded-Proto``, as behind a TLS
proxy, so every request here carries ``X-Forwarded-Proto: https`` (``HEADERS``).

Alone, it prepares, serves and checks both pages once:

    .venv/bin/python bench/bakerydemo.py --checkout /tmp/bakerydemo
"""

import argparse
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bindeled_bakery"
PYTHON = shutil.which("python3.11") or sys.executable
WORKERS = 2
HEADERS = ("X-Forwarded-Proto: https",)
BREADS = "/breads/"
SEARCH = "/search/?q=bread"
# What each page shows when it has real content: bread cards, search results.
CONTENT = {BREADS: 'class="bread-list"', SEARCH: 'class="search__results"'}


def tree_key(checkout):
    """The checkout's commit, or a digest of its files when it is not a git clone."""
    if (checkout / ".git").exists():
        return subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    digest = hashlib.sha256()
    for path in sorted(checkout.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(checkout)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:40]


def environment(source, database_url, redis_url=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "SECURE_HSTS_SECONDS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(source),
    }
    env.pop("REDIS_URL", None)  # Bindeled's, if set; bakerydemo gets its own or none
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def create_database(database_url):
    """CREATE DATABASE unless it exists (Bindeled's venv has psycopg)."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


class Bakerydemo:
    """A prepared bakerydemo: its copied source, venv and database."""

    def __init__(self, checkout, database_url=DEFAULT_DATABASE, cache=None):
        checkout = Path(checkout).resolve()
        if not (checkout / "bakerydemo" / "settings" / "production.py").exists():
            raise SystemExit(f"{checkout} is not a bakerydemo source tree")
        cache = Path(cache or Path(tempfile.gettempdir()) / "bindeled-bakerydemo")
        self.checkout = checkout
        self.root = cache / tree_key(checkout)
        self.source = self.root / "src"
        self.venv = self.root / "venv"
        self.database_url = database_url

    def manage(self, *arguments, env=None):
        subprocess.run([str(self.venv / "bin/python"), "manage.py", *arguments],
                       cwd=self.source, check=True, stdout=subprocess.DEVNULL,
                       env=env or environment(self.source, self.database_url))

    def prepare(self):
        """Copy, install, migrate, load and collect once; each step is skipped when done."""
        self.root.mkdir(parents=True, exist_ok=True)
        if not (self.root / "src.done").exists():
            shutil.rmtree(self.source, ignore_errors=True)
            shutil.copytree(self.checkout, self.source, ignore=shutil.ignore_patterns(".git"))
            (self.root / "src.done").touch()
        if not (self.root / "venv.done").exists():
            print(f"bakerydemo: installing its requirements into {self.venv}", flush=True)
            shutil.rmtree(self.venv, ignore_errors=True)
            subprocess.run([PYTHON, "-m", "venv", str(self.venv)], check=True)
            # uWSGI is its Heroku server; gunicorn takes its place here.
            requirements = self.source / "requirements" / "bench.txt"
            lines = (self.source / "requirements" / "production.txt").read_text().splitlines()
            # django-tasks 0.9 builds TaskResult[T](...) on a slotted frozen dataclass,
            # which raises TypeError on Python 3.11 (load_initial_data fails while
            # indexing); 0.8 is inside Wagtail 7.2's range (>=0.8,<0.10) and works.
            requirements.write_text("\n".join(
                [line for line in lines if not line.startswith("uwsgi")]
                + ["django-tasks>=0.8,<0.9"]) + "\n")
            subprocess.run([str(self.venv / "bin/pip"), "install", "-q", "-r",
                            str(requirements), "gunicorn"], check=True)
            (self.root / "venv.done").touch()
        create_database(self.database_url)
        self.manage("migrate", "--noinput", "-v", "0")
        if not self.loaded():
            print("bakerydemo: load_initial_data", flush=True)
            self.manage("load_initial_data")
        if not (self.root / "static.done").exists():
            self.manage("collectstatic", "--noinput", "-v", "0")
            (self.root / "static.done").touch()
        return self

    def loaded(self):
        answer = subprocess.run(
            [str(self.venv / "bin/python"), "manage.py", "shell", "-c",
             "from bakerydemo.breads.models import BreadPage; "
             "print(BreadPage.objects.exists())"],
            cwd=self.source, env=environment(self.source, self.database_url),
            capture_output=True, text=True, check=True)
        return answer.stdout.strip().endswith("True")

    def serve(self, port, log):
        """Start gunicorn and its redis-server; check both pages; return a Server."""
        return Server(self, port, log)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    """(status, body) of one request as wrk sends it."""
    headers = dict(header.split(": ", 1) for header in HEADERS)
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={**headers, "Accept-Encoding": "identity"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read().decode()


class Server:
    def __init__(self, demo, port, log):
        self.port = port
        redis_port = free_port()
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Its production settings append "/0" and "/1" for its two caches.
        env = environment(demo.source, demo.database_url, f"redis://127.0.0.1:{redis_port}")
        self.web = subprocess.Popen(
            [str(demo.venv / "bin/gunicorn"), "bakerydemo.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)],
            cwd=demo.source, env=env, stdout=log, stderr=log)
        try:
            self.check()
        except BaseException:
            self.stop()
            raise

    def check(self):
        """Wait for gunicorn; both pages must answer 200 with their content."""
        for _ in range(300):
            try:
                get(self.port, "/")
                break
            except OSError:
                if self.web.poll() is not None:
                    raise SystemExit("bakerydemo's gunicorn exited; see its log") from None
                time.sleep(0.2)
        else:
            raise SystemExit("bakerydemo's gunicorn did not start; see its log")
        for path, marker in CONTENT.items():
            status, body = get(self.port, path)
            if status != 200 or marker not in body:
                raise SystemExit(f"bakerydemo {path} answered {status} without {marker!r}")

    def stop(self):
        for process in (self.web, self.redis):
            process.terminate()
            process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", required=True, help="a bakerydemo source tree")
    parser.add_argument("--database-url",
                        default=os.environ.get("BAKERYDEMO_DATABASE_URL", DEFAULT_DATABASE))
    arguments = parser.parse_args()
    demo = Bakerydemo(arguments.checkout, arguments.database_url).prepare()
    log = tempfile.NamedTemporaryFile("w+", prefix="bakerydemo-", suffix=".log", delete=False)
    server = demo.serve(free_port(), log)
    server.stop()
    print(f"bakerydemo ready in {demo.root}: {BREADS} and {SEARCH} answer 200 with content")


if __name__ == "__main__":
    main()
