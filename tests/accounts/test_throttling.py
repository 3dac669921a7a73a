"""Wrong passwords at the admin's sign-in: a pause for that username from that address."""

from datetime import timedelta

import pytest

from tests.factories import UserFactory

from .conftest import sign_in

pytestmark = pytest.mark.django_db

OFFICE = {"REMOTE_ADDR": "198.51.100.7"}
STRANGER = {"REMOTE_ADDR": "203.0.113.66"}


@pytest.fixture
def editor_account(db):
    return UserFactory(username="redaktoer", is_staff=True)


def guess_wrong(client, times, **headers):
    return [sign_in(client, "redaktoer", "forkert", **headers).status_code for _ in range(times)]


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_the_fifth_wrong_password_locks_and_the_right_one_waits_for_the_cool_off(
    client, editor_account, clock
):
    assert guess_wrong(client, 5, **STRANGER) == [200, 200, 200, 200, 429]

    refused = sign_in(client, "redaktoer", **STRANGER)
    assert refused.status_code == 429
    assert "For mange forkerte forsøg" in refused.content.decode()
    assert "Prøv igen om 15 minutter" in refused.content.decode()
    assert not is_signed_in(client)

    clock.shift(timedelta(minutes=14))
    assert sign_in(client, "redaktoer", **STRANGER).status_code == 429

    clock.shift(timedelta(minutes=1, seconds=1))
    accepted = sign_in(client, "redaktoer", **STRANGER)
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/"
    assert is_signed_in(client)


def test_a_stranger_guessing_does_not_lock_out_the_person_elsewhere(client, editor_account, clock):
    guess_wrong(client, 6, **STRANGER)

    response = sign_in(client, "redaktoer", **OFFICE)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_right_password_before_the_limit_clears_the_count(client, editor_account, clock):
    guess_wrong(client, 4, **OFFICE)
    assert sign_in(client, "redaktoer", **OFFICE).status_code == 302
    client.logout()

    assert guess_wrong(client, 4, **OFFICE) == [200, 200, 200, 200]
    assert sign_in(client, "redaktoer", **OFFICE).status_code == 302


def test_behind_a_proxy_the_address_the_proxy_saw_counts(client, editor_account, clock, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    guess_wrong(client, 5, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66")

    from_the_office = sign_in(
        client, "redaktoer", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert from_the_office.status_code == 302
    client.logout()
    from_the_stranger = sign_in(
        client, "redaktoer", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.66"
    )
    assert from_the_stranger.status_code == 429
