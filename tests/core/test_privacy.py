"""A private page stays private although its restrictions are read from the cache."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.factories import OrganisationPageFactory
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity(organisation):
    return OpportunityPageFactory(parent=organisation, title="Besøgsven til Inger")


def login_address(page):
    return f"/_util/login/?next={page.url}"


def restrict(page, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=fields.pop("restriction_type", PageViewRestriction.LOGIN),
        **fields)


def test_a_page_made_private_after_a_visit_asks_for_a_login_at_once(client, opportunity):
    assert client.get(opportunity.url).status_code == 200

    restrict(opportunity)
    response = client.get(opportunity.url)

    assert response.status_code == 302
    assert response["Location"] == login_address(opportunity)


def test_a_page_below_a_private_one_is_private_too(client, organisation, opportunity):
    assert client.get(opportunity.url).status_code == 200

    restrict(organisation)
    response = client.get(opportunity.url)

    assert response.status_code == 302
    assert response["Location"] == login_address(opportunity)


def test_a_page_made_public_again_is_shown_at_once(client, opportunity):
    restriction = restrict(opportunity)
    assert client.get(opportunity.url).status_code == 302

    restriction.delete()

    assert client.get(opportunity.url).status_code == 200


def test_a_page_moved_below_a_private_page_becomes_private(client, organisation_index,
                                                           organisation, opportunity):
    private = OrganisationPageFactory(parent=organisation_index, title="Lukket forening")
    restrict(private)
    assert client.get(opportunity.url).status_code == 200

    opportunity.move(private, pos="last-child")
    opportunity.refresh_from_db()
    response = client.get(opportunity.url)

    assert response.status_code == 302
    assert response["Location"] == login_address(opportunity)


def test_a_password_page_shows_its_password_form(client, opportunity):
    restrict(opportunity, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig")

    response = client.get(opportunity.url)

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Besøgsven til Inger" not in response.content.decode()


def test_without_the_cache_the_database_decides(client, opportunity):
    restrict(opportunity)
    cache.clear()

    assert client.get(opportunity.url).status_code == 302


def test_the_directory_leaves_out_a_private_organisation(client, organisation_index,
                                                         organisation):
    card = '>Besøgsvennerne</a>'
    assert card in client.get(organisation_index.url).content.decode()

    restrict(organisation)

    assert card not in client.get(organisation_index.url).content.decode()
