from datetime import UTC, datetime

import pytest
import time_machine

from tests.factories import UserFactory

PASSWORD = "kodeord-til-test"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def clock():
    """The time, held still: tests move it on by hand instead of sleeping."""
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def coordinator(organisation):
    user = UserFactory(username="koordinator")
    user.groups.add(organisation.access.coordinators)
    return user


@pytest.fixture
def editor(organisation):
    user = UserFactory(username="redaktoer")
    user.groups.add(organisation.access.editors)
    return user


def sign_in(client, username, password=PASSWORD, **headers):
    """The admin's sign-in form, as a browser sends it."""
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": "/admin/"},
                       **headers)
