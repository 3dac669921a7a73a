"""A newcomer can sign in to the demo with what `make demo` prints."""

import pytest

from portal.organisations.demo import (
    DEMO_BACKUP_CODES,
    DEMO_TOTP_SECRET,
    give_demo_second_factor,
)

from .conftest import sign_in
from .test_two_factor import VERIFY_URL, code_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_coordinator(coordinator):
    give_demo_second_factor(coordinator)
    return coordinator


def test_the_printed_secret_gives_the_code(client, demo_coordinator, clock):
    sign_in(client, "koordinator")

    assert client.post(VERIFY_URL, {"code": code_for(DEMO_TOTP_SECRET)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_printed_backup_code_works_and_loading_the_demo_again_renews_it(
    client, demo_coordinator, clock
):
    sign_in(client, "koordinator")
    assert client.post(VERIFY_URL, {"code": DEMO_BACKUP_CODES[0]}).status_code == 302

    give_demo_second_factor(demo_coordinator)
    client.logout()
    sign_in(client, "koordinator")
    assert client.post(VERIFY_URL, {"code": DEMO_BACKUP_CODES[0]}).status_code == 302
