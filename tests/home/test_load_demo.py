import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from portal.organisations.models import OrganisationKind, OrganisationPage

pytestmark = pytest.mark.django_db


def _content_snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", flat=True)),
        "groups": Group.objects.count(),
        "images": get_image_model().objects.count(),
    }


def test_load_demo_twice_gives_the_same_content():
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = _content_snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _content_snapshot() == first
    assert Revision.objects.exists()


def test_demo_builds_the_page_tree_and_the_organisations(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    for url in ("/", "/frivilligopgaver/", "/erfaringer/", "/vaerktoejer/", "/organisationer/",
                "/om/", "/privatlivspolitik/", "/tilgaengelighed/"):
        assert client.get(url).status_code == 200, url

    organisations = OrganisationPage.objects.live()
    assert organisations.count() >= 15
    assert set(organisations.values_list("kind", flat=True)) == set(OrganisationKind.values)
    municipalities = {m for org in organisations for m in org.municipalities.all()}
    assert len(municipalities) >= 8
