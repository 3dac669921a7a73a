import pytest
from django.contrib.auth.models import Group

from portal.editorial.models import MODERATORS_GROUP
from tests.factories import OrganisationPageFactory, UserFactory


@pytest.fixture
def editor(organisation):
    user = UserFactory(username="rikke", first_name="Rikke", email="rikke@forening.example")
    user.groups.add(organisation.access.editors)
    return user


@pytest.fixture
def other_organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")


@pytest.fixture
def moderator(db):
    user = UserFactory(username="mona", first_name="Mona", email="mona@bindeled.example")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
