"""Browser tests: Playwright drives Debian's Chromium against a live server.

Only a system Chromium is used (never a downloaded browser). Where it is
missing these tests are skipped with a note on how to install it; CI always
installs it, so there they always run.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE_VIEWPORT = {"width": 375, "height": 740}

# Playwright's synchronous API runs an event loop in the test thread; the ORM
# calls the tests make for their set-up are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# Runs before pytest-django orders the tests, so that browser tests count as
# database tests and run before the transactional ones, which flush the tables.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: install it with "
        "'sudo apt-get install chromium' (or set CHROMIUM_PATH) to run the browser tests"
    )
    for item in items:
        if "e2e" not in item.keywords:
            continue
        # Asks pytest-django for the test database without flushing it afterwards.
        item.add_marker(pytest.mark.django_db)
        if not os.path.exists(CHROMIUM):
            item.add_marker(skip)


# Package scope: Playwright's event loop is gone before the database tests
# that follow, which must find the test database connection they started with.
@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While the loop runs, Django keeps this thread's connections apart
        # (asgiref's Local acts per context in a thread with a running loop):
        # the one the browser tests used must be closed now, or it outlives
        # the test database, which PostgreSQL then refuses to drop.
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="da-DK", viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core with the WCAG 2.0/2.1/2.2 A and AA rules: zero violations."""

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        assert not violations, f"{page.url}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in violations
        )

    return check


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """A live server over the demo, loaded once for the browser tests and committed.

    This is not pytest-django's ``live_server``: that one flushes every table
    after each test, taking the taxonomies and home page the migrations seeded
    with it. Browser tests are marked ``django_db`` instead (a rolled-back
    transaction each). When the browser tests are done, the database is put
    back as the migrations left it, so the committed demo cannot leak into the
    tests that run after them.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection, connections
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        as_migrated = connection.creation.serialize_db_to_string()
        with open(os.devnull, "w") as devnull:
            call_command("load_demo", stdout=devnull)
        server = LiveServer("localhost")
        yield server
        server.stop()
        connections.close_all()
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(as_migrated)
        # The restored rows keep their ids; move the sequences past them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
