import pytest
from django.test import Client

from tests.factories import (
    CaseIndexPageFactory,
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    ToolIndexPageFactory,
    home_page,
)
from tests.logins import sign_in_verified


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def organisation_index(home):
    return OrganisationIndexPageFactory(parent=home)


@pytest.fixture
def opportunity_index(home):
    return OpportunityIndexPageFactory(parent=home)


@pytest.fixture
def case_index(home):
    return CaseIndexPageFactory(parent=home)


@pytest.fixture
def tool_index(home):
    return ToolIndexPageFactory(parent=home)


@pytest.fixture
def organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Besøgsvennerne")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as a fresh deployment would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's superuser client, signed in with both steps (password and app code)."""
    return sign_in_verified(Client(), admin_user)
