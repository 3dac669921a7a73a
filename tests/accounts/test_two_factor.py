"""The second factor in the admin: who must set up an app, verifying, backup codes."""

import re
from base64 import b32decode
from datetime import timedelta

import pytest
from django_otp.oath import totp

from portal.core.two_factor import install_known_app, replace_backup_codes
from tests.factories import UserFactory

from .conftest import sign_in

pytestmark = pytest.mark.django_db

SETUP_URL = "/admin/totrin/opsaet/"
VERIFY_URL = "/admin/totrin/"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
MATCH_REQUESTS = "/admin/snippets/matching/matchrequest/"


def code_for(secret):
    return f"{totp(b32decode(secret.replace(' ', ''))):06d}"


def set_up_app(client):
    """What a person does on the setup page: ask for a secret, scan it, type a code."""
    client.post("/admin/totrin/opsaet/ny-noegle/", {"next": "/admin/"})
    page = client.get(SETUP_URL).content.decode()
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    return secret, client.post(SETUP_URL, {"code": code_for(secret), "next": "/admin/"})


@pytest.fixture
def superuser(db):
    return UserFactory(username="chef", is_superuser=True, is_staff=True)


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_who_may_read_requests_or_run_the_site_must_set_up_an_app_first(client, who, request):
    user = request.getfixturevalue(who)
    assert sign_in(client, user.username).status_code == 302

    for page in ("/admin/", MATCH_REQUESTS, "/admin/totrin/reservekoder/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"] == f"{SETUP_URL}?next={page}"
    assert "Sæt godkendelsesapp op" in client.get(SETUP_URL).content.decode()


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_after_setup_with_a_code_from_the_app_the_admin_opens(client, who, request, clock):
    user = request.getfixturevalue(who)
    sign_in(client, user.username)

    secret, confirmed = set_up_app(client)

    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/admin/totrin/reservekoder/?next=/admin/"
    codes_page = client.get(confirmed["Location"]).content.decode()
    assert len(re.findall(r"<li><code>[a-z2-7]{8}</code></li>", codes_page)) == 10
    assert client.get("/admin/").status_code == 200
    assert client.get(MATCH_REQUESTS).status_code == 200


def test_a_wrong_code_at_setup_is_refused_and_the_admin_stays_closed(client, coordinator, clock):
    sign_in(client, "koordinator")
    client.post("/admin/totrin/opsaet/ny-noegle/")

    response = client.post(SETUP_URL, {"code": "000000"})

    assert response.status_code == 200
    assert "Koden er forkert eller udløbet" in response.content.decode()
    assert client.get("/admin/")["Location"] == f"{SETUP_URL}?next=/admin/"


def test_with_an_app_the_code_is_asked_for_after_the_password(client, coordinator, clock):
    install_known_app(coordinator, SECRET)
    sign_in(client, "koordinator")

    assert client.get(MATCH_REQUESTS)["Location"] == (
        f"{VERIFY_URL}?next=/admin/snippets/matching/matchrequest/"
    )
    wrong = client.post(VERIFY_URL, {"code": "123456", "next": MATCH_REQUESTS})
    assert wrong.status_code == 200
    assert "Koden er forkert eller udløbet" in wrong.content.decode()
    assert client.get(MATCH_REQUESTS).status_code == 302

    clock.shift(timedelta(seconds=2))  # past django-otp's pause after one wrong code
    right = client.post(VERIFY_URL, {"code": code_for(SECRET), "next": MATCH_REQUESTS})
    assert right.status_code == 302
    assert right["Location"] == MATCH_REQUESTS
    assert client.get(MATCH_REQUESTS).status_code == 200


def test_right_after_a_wrong_code_verification_pauses(client, coordinator, clock):
    install_known_app(coordinator, SECRET)
    sign_in(client, "koordinator")
    client.post(VERIFY_URL, {"code": "123456"})

    response = client.post(VERIFY_URL, {"code": code_for(SECRET)})

    assert response.status_code == 200
    assert "For mange forkerte koder i træk" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_works_once(client, superuser, clock):
    install_known_app(superuser, SECRET)
    replace_backup_codes(superuser, ["reserve1", "reserve2"])

    sign_in(client, "chef")
    used = client.post(VERIFY_URL, {"code": "reserve1"}, follow=True)
    assert used.redirect_chain == [("/admin/", 302)]
    assert "Du har 1 tilbage" in used.content.decode()

    client.logout()
    sign_in(client, "chef")
    again = client.post(VERIFY_URL, {"code": "reserve1"})
    assert again.status_code == 200
    assert "Koden er forkert eller udløbet" in again.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_new_app_replaces_the_old_one(client, coordinator, clock):
    install_known_app(coordinator, SECRET)
    sign_in(client, "koordinator")
    client.post(VERIFY_URL, {"code": code_for(SECRET)})

    clock.shift(timedelta(seconds=30))
    new_secret, confirmed = set_up_app(client)
    assert confirmed.status_code == 302

    client.logout()
    sign_in(client, "koordinator")
    clock.shift(timedelta(seconds=30))
    assert client.post(VERIFY_URL, {"code": code_for(SECRET)}).status_code == 200
    clock.shift(timedelta(seconds=2))
    assert client.post(VERIFY_URL, {"code": code_for(new_secret)}).status_code == 302


def test_an_editor_without_those_roles_is_not_asked(client, editor):
    sign_in(client, "redaktoer")

    assert client.get("/admin/").status_code == 200
    assert "Sæt godkendelsesapp op" in client.get(SETUP_URL).content.decode()


def test_an_editor_who_chose_an_app_is_asked_for_its_code(client, editor, clock):
    install_known_app(editor, SECRET)
    sign_in(client, "redaktoer")

    assert client.get("/admin/")["Location"] == f"{VERIFY_URL}?next=/admin/"
    assert client.post(VERIFY_URL, {"code": code_for(SECRET)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_someone_without_their_phone_can_sign_out_from_the_code_page(client, coordinator):
    install_known_app(coordinator, SECRET)
    sign_in(client, "koordinator")

    page = client.get(VERIFY_URL).content.decode()
    assert '<form method="post" action="/admin/logout/">' in page
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
