"""Lighthouse (mobile) scores of the home page, the listing and an opportunity page.

Serves the demo the way production does (``portal.settings.production`` on
gunicorn, static files collected and served by whitenoise, the page cache on a
redis-server of its own; the helpers of ``bench/load_benchmark.py``) and runs
Lighthouse from npm against each page, with Lighthouse's default mobile
emulation (a mid-range phone on a throttled connection, simulated). Prints the
four category scores (0-100) per page: the median of ``--runs`` runs each.
Issue 18 asks for at least 95 in every category on these three pages.

Uploaded images are served beside the app the way a proxy in front of it
would (``/media/`` from ``MEDIA_ROOT``, here by whitenoise in the same
process: ``portal.wsgi`` itself serves no uploads, see
:func:`application_with_media`). ``MEDIA_ROOT`` is a temporary folder unless it
is set; a database that already has the demo needs the ``MEDIA_ROOT`` its
images were loaded into.

Lighthouse is installed from npm into a temporary folder (never into the
repository) unless ``--lighthouse-dir`` names one that has it already; it
drives the system Chromium (``CHROME_PATH``, /usr/bin/chromium by default).
Lighthouse 12.2.3: the newest that runs on Node 20.

Usage (your own database; it is migrated and the demo loaded into it):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_lighthouse \\
        .venv/bin/python bench/lighthouse.py --runs 3
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_benchmark import environment, free_port, gunicorn, seed, stop  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOAL = 95
PAGES = [("home", "/"), ("listing", "/frivilligopgaver/"), ("opportunity", None)]


def application_with_media():
    """``portal.wsgi`` with ``/media/`` answered from ``MEDIA_ROOT``, cached for a year like
    the renditions' unique names allow; gunicorn calls this in each worker."""
    from django.conf import settings
    from whitenoise import WhiteNoise

    from portal.wsgi import application

    return WhiteNoise(application, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL,
                      max_age=365 * 24 * 3600)


def install_lighthouse(folder):
    binary = Path(folder) / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                        "--save-exact", LIGHTHOUSE], check=True, stdout=subprocess.DEVNULL)
    return binary


def audit(binary, url, report_dir, name, run):
    """The four scores (0-100) of one Lighthouse run, and the report's path."""
    report = Path(report_dir) / f"{name}-{run}.json"
    subprocess.run(
        [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless --no-sandbox --disable-gpu"],
        check=True, env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH",
                                                                        "/usr/bin/chromium")},
    )
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}, report


def failing_audits(report):
    """The audits that cost points: id and score, for the printout under a low score."""
    data = json.loads(Path(report).read_text())
    weighted = {ref["id"] for category in data["categories"].values()
                for ref in category["auditRefs"] if ref["weight"]}
    return sorted(
        (audit_id, result["score"]) for audit_id, result in data["audits"].items()
        if audit_id in weighted and result["score"] is not None and result["score"] < 0.9
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--lighthouse-dir", help="a folder where lighthouse is (or is put)")
    parser.add_argument("--reports", help="keep the JSON reports in this folder")
    arguments = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("set DATABASE_URL to a database of your own (it gets the demo)")
    if not 1 <= arguments.runs <= 9:
        raise SystemExit("keep it bounded: 1-9 runs per page")

    lighthouse_dir = arguments.lighthouse_dir or tempfile.mkdtemp(prefix="bindeled-lighthouse-")
    binary = install_lighthouse(lighthouse_dir)
    report_dir = arguments.reports or tempfile.mkdtemp(prefix="bindeled-lighthouse-reports-")
    Path(report_dir).mkdir(parents=True, exist_ok=True)
    redis_port = free_port()
    static_root = tempfile.mkdtemp(prefix="bindeled-lighthouse-static-")
    log = tempfile.NamedTemporaryFile("w+", prefix="bindeled-lighthouse-", suffix=".log",
                                      delete=False)
    os.environ.update(environment(redis_port, static_root, 300))
    os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bindeled-lighthouse-media-"))
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                   cwd=ROOT, env=os.environ, check=True)
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    opportunity, _count = seed("demo")
    # What a running worker would have done by the time visitors come: above all the
    # renditions made on publish (the page would otherwise make them while Lighthouse waits).
    subprocess.run([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay",
                    "--queue-name", "*"], cwd=ROOT, env=os.environ, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    web = gunicorn("bench.lighthouse:application_with_media()", port, os.environ, log)
    below_goal = []
    print(f"{'page':<12} " + " ".join(f"{name:>15}" for name in CATEGORIES))
    try:
        for name, path in PAGES:
            url = f"http://127.0.0.1:{port}{path or opportunity}"
            runs = [audit(binary, url, report_dir, name, run) for run in range(arguments.runs)]
            scores = {category: statistics.median(scores[category] for scores, _ in runs)
                      for category in CATEGORIES}
            print(f"{name:<12} " + " ".join(f"{scores[c]:>15.0f}" for c in CATEGORIES),
                  flush=True)
            if min(scores.values()) < GOAL:
                below_goal.append((name, failing_audits(runs[-1][1])))
    finally:
        stop(web)
        redis.terminate()
        redis.wait(timeout=10)
        shutil.rmtree(static_root, ignore_errors=True)
        if not arguments.lighthouse_dir:
            shutil.rmtree(lighthouse_dir, ignore_errors=True)
    for name, audits in below_goal:
        print(f"{name} is below {GOAL}; audits that cost points: "
              + ", ".join(f"{audit_id} ({score:.2f})" for audit_id, score in audits))
    print(f"reports: {report_dir}; gunicorn's log: {log.name}")


if __name__ == "__main__":
    main()
