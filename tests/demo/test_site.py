"""The demo's page tree and organisations."""

import pytest

from portal.organisations.models import OrganisationKind, OrganisationPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/frivilligopgaver/", "/erfaringer/", "/vaerktoejer/",
                                 "/organisationer/", "/om/", "/privatlivspolitik/",
                                 "/tilgaengelighed/"])
def test_every_section_of_the_demo_opens(client, url):
    assert client.get(url).status_code == 200


def test_the_demo_has_organisations_of_every_kind_across_the_country():
    organisations = OrganisationPage.objects.live()
    assert organisations.count() >= 15
    assert set(organisations.values_list("kind", flat=True)) == set(OrganisationKind.values)
    municipalities = {m for org in organisations for m in org.municipalities.all()}
    assert len(municipalities) >= 8
