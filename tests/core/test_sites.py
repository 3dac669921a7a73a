"""Each process knows the site and home page of a host, and forgets them when they change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories import OrganisationIndexPageFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return OrganisationIndexPageFactory(parent=home_page(), title="Foreninger i kommunen",
                                        slug="foreninger")


def heading(response):
    html = response.content.decode()
    start = html.index("<h1")
    return html[html.index(">", start) + 1:html.index("</h1>", start)].strip()


def test_a_repeat_visit_reads_neither_the_site_nor_its_home_page(client, directory):
    client.get("/foreninger/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/foreninger/").status_code == 200

    assert not [query for query in captured if "wagtailcore_site" in query["sql"]]


def test_a_new_root_page_for_the_site_shows_at_once(client, directory,
                                                    django_capture_on_commit_callbacks):
    assert heading(client.get("/foreninger/")) == "Foreninger i kommunen"
    site = Site.objects.get(is_default_site=True)
    site.root_page = directory
    with django_capture_on_commit_callbacks(execute=True):
        site.save()

    assert heading(client.get("/")) == "Foreninger i kommunen"
    assert client.get("/foreninger/").status_code == 404


def test_each_host_gets_its_own_site(client, directory, settings):
    settings.ALLOWED_HOSTS = ["testserver", "kommune.example"]
    Site.objects.create(hostname="kommune.example", port=80, root_page=directory)
    client.get("/", HTTP_HOST="kommune.example")

    assert heading(client.get("/", HTTP_HOST="kommune.example")) == "Foreninger i kommunen"
    assert client.get("/foreninger/").status_code == 200
