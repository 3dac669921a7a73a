import pytest

from tests.factories import OrganisationPageFactory


@pytest.fixture
def other_organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
