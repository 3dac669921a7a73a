"""Every export of a person's data is in the audit log: who, when, how many, never the address."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.matching.workflow import person_key

from .conftest import make_request

pytestmark = pytest.mark.django_db


def exports():
    return ModelLogEntry.objects.filter(action="matching.export").order_by("object_id")


def test_the_export_command_is_logged_per_request_without_the_address(organisation,
                                                                    other_organisation):
    first = make_request(organisation, email="aase@example.org")
    second = make_request(other_organisation, email="Aase@Example.org")
    make_request(organisation, email="bo@example.org", name="Bo Bent")

    call_command("export_personal_data", "aase@example.org", stdout=StringIO())

    entries = list(exports())
    assert [entry.object_id for entry in entries] == [str(first.pk), str(second.pk)]
    for entry in entries:
        assert entry.user is None
        assert entry.timestamp is not None
        assert entry.data == {"requests": 2, "person": person_key("aase@example.org")}
        assert "aase" not in json.dumps(entry.data).lower()
        assert "Åse" not in entry.label
        assert entry.message == "Personoplysninger udleveret (2 henvendelser i alt)"


def test_the_admin_export_is_logged_with_the_superuser(admin_client, admin_user, organisation):
    make_request(organisation)
    url = reverse("wagtailsnippets_matching_matchrequest:personal_data")
    response = admin_client.post(url, {"email": "aase@example.org", "action": "export"})
    assert response.status_code == 200
    entry = exports().get()
    assert entry.user_id == admin_user.pk
    assert entry.data["requests"] == 1


def test_an_erasure_logs_no_export(admin_client, organisation):
    make_request(organisation)
    url = reverse("wagtailsnippets_matching_matchrequest:personal_data")
    admin_client.post(url, {"email": "aase@example.org", "action": "erase"})
    assert not exports().exists()
    assert ModelLogEntry.objects.filter(action="matching.erase").count() == 1


def test_the_key_is_the_same_for_any_spelling_of_the_address():
    assert person_key(" Aase@Example.ORG ") == person_key("aase@example.org")
    assert person_key("aase@example.org") != person_key("bo@example.org")
