"""An organisation's own figures in the admin: its editors and coordinators, nobody else."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from portal.figures.models import RequestFact
from tests.factories import OrganisationPageFactory, UserFactory
from tests.logins import sign_in_verified
from tests.matching.conftest import coordinator_of, make_opportunity

from .conftest import add_facts

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")


@pytest.fixture
def organisation_facts(organisation, other_organisation):
    solhoej = make_opportunity(organisation, title="Besøgsven på Solhøj")
    add_facts(7, organisation=organisation, opportunity=solhoej, matched=True)
    add_facts(6, organisation=organisation, opportunity=solhoej)
    add_facts(3, organisation=organisation, kind="referral")
    add_facts(20, organisation=other_organisation)
    return solhoej


def signed_in(user):
    return sign_in_verified(Client(), user)


def test_a_coordinator_sees_their_organisations_figures_per_opportunity(
    organisation, organisation_facts
):
    client = signed_in(coordinator_of(organisation, "koordinator"))
    response = client.get("/admin/tal/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/tal/{organisation.pk}/"
    html = response.content.decode()
    assert "Besøgsven på Solhøj" in html
    # The 3 referrals without an opportunity are hidden, and with them Solhøj's 13 (and its
    # share), since 16 - 13 would give the 3 away.
    assert "Uden frivilligopgave" in html
    assert html.count("under 5") >= 2
    assert "no-store" in response["Cache-Control"]


def test_an_editor_sees_them_too(organisation, organisation_facts, editor):
    assert signed_in(editor).get(f"/admin/tal/{organisation.pk}/").status_code == 200


def test_another_organisations_figures_are_not_found(organisation, other_organisation,
                                                     organisation_facts, editor):
    client = signed_in(coordinator_of(organisation, "koordinator"))
    for url in (f"/admin/tal/{other_organisation.pk}/",
                f"/admin/tal/{other_organisation.pk}/henvendelser.csv",
                f"/admin/tal/{other_organisation.pk}/opgave-detaljer.json",
                "/admin/tal/999999/"):
        assert client.get(url).status_code == 404, url
        assert signed_in(editor).get(url).status_code == 404, url


def test_someone_of_no_organisation_sees_no_figures(organisation, organisation_facts):
    outsider = UserFactory(username="udenfor")
    outsider.groups.add(Group.objects.get(name="Editors"))  # Wagtail's: the admin, no organisation
    client = signed_in(outsider)
    assert client.get(f"/admin/tal/{organisation.pk}/").status_code == 404
    assert "ikke redaktør eller koordinator" in client.get("/admin/tal/").content.decode()


def test_the_per_opportunity_download_hides_what_the_page_hides(organisation,
                                                                  organisation_facts):
    client = signed_in(coordinator_of(organisation, "koordinator"))
    response = client.get(f"/admin/tal/{organisation.pk}/opgave-detaljer.json")
    rows = {row["label"]: row["values"] for row in response.json()["rows"]}
    assert rows["Besøgsven på Solhøj"] == [None, None]
    assert all(values == [None, None] for values in rows.values())
    assert RequestFact.objects.count() == 36
