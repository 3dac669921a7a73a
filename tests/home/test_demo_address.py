"""``PORT=8123 make demo``: every link the demo hands out points where it serves."""

import subprocess

import pytest
from django.conf import settings as django_settings
from wagtail.models import Site

from portal.home import demo
from portal.home.models import HomePage


@pytest.mark.django_db
def test_the_demo_site_takes_the_address_it_is_served_on(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    demo.load(lambda line: None)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    # Wagtail's moderation mails link to pages by their full address.
    assert HomePage.objects.get().full_url == "http://127.0.0.1:8123/"


def test_make_demo_gives_its_port_to_the_demo_and_the_server():
    commands = subprocess.run(
        ["make", "--dry-run", "demo", "PORT=8123"], cwd=django_settings.BASE_DIR,
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout.splitlines()

    for command in ("manage.py load_demo", "manage.py runserver 127.0.0.1:8123"):
        line = next(line for line in commands if command in line)
        assert line.startswith("WAGTAILADMIN_BASE_URL=http://127.0.0.1:8123 "), line
    assert not any("[dev]" in line for line in commands)
