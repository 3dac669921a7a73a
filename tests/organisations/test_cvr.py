"""An organisation's CVR number: checked as the register checks it, shown on its profile."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import querydict_from_html

from portal.organisations.cvr import org_id, validate_cvr
from tests.factories import OrganisationPageFactory

pytestmark = pytest.mark.django_db

VALID = "10000009"


@pytest.mark.parametrize("value", ["10000009", "10000017", "10000025"])
def test_numbers_that_pass_the_modulus_11_check_are_accepted(value):
    validate_cvr(value)


@pytest.mark.parametrize(("value", "message"), [
    ("1000000", "Et CVR-nummer er 8 cifre"),
    ("100000091", "Et CVR-nummer er 8 cifre"),
    ("1000 0009", "Et CVR-nummer er 8 cifre"),
    ("1000000A", "Et CVR-nummer er 8 cifre"),
    ("１００００００９", "Et CVR-nummer er 8 cifre"),
    ("10000008", "10000008 er ikke et gyldigt CVR-nummer"),
    ("01000009", "01000009 er ikke et gyldigt CVR-nummer"),
])
def test_a_mistyped_number_gets_a_danish_message(value, message):
    with pytest.raises(ValidationError) as error:
        validate_cvr(value)
    assert message in error.value.messages[0]


def test_the_open_data_identifier_uses_the_registers_prefix():
    assert org_id(VALID) == "DK-CVR-10000009"


def test_the_profile_shows_the_number_with_a_link_to_the_register(client, organisation):
    organisation.cvr = VALID
    organisation.save_revision().publish()

    html = client.get(organisation.url).content.decode()

    assert f'href="https://datacvr.virk.dk/enhed/virksomhed/{VALID}"' in html
    assert "CVR-nummer" in html


def test_a_profile_without_a_number_says_nothing_about_it(client, organisation):
    assert "CVR-nummer" not in client.get(organisation.url).content.decode()


def save_in_admin(client, page, cvr):
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["cvr"] = cvr
    return client.post(url, data)


def test_an_editor_typing_a_wrong_number_is_told_and_nothing_is_saved(
    client, organisation, editor
):
    client.force_login(editor)

    response = save_in_admin(client, organisation, "12345678")

    assert response.status_code == 200
    assert "12345678 er ikke et gyldigt CVR-nummer" in response.content.decode()
    assert not organisation.revisions.exists()


def test_two_organisations_cannot_share_a_number(client, organisation, organisation_index, editor):
    OrganisationPageFactory(parent=organisation_index, title="Vågekonerne", cvr=VALID)
    client.force_login(editor)

    response = save_in_admin(client, organisation, VALID)

    assert response.status_code == 200
    assert "CVR-nummeret er allerede brugt af Vågekonerne" in response.content.decode()
