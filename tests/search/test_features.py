"""Autocomplete, promotions and the editors' reports."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from search.models import ZeroResultQuery
from search.stats import flush_statistics
from search.templatetags.search_tags import highlight
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_autocomplete_suggests_titles_as_json(client, visiting_friends):
    response = client.get("/soeg/forslag/", {"q": "besøgsv"})

    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "title": "Besøgsvenner Nordjylland",
            "url": visiting_friends.url,
            "type": "Organisation",
        }
    ]
    assert client.get("/soeg/forslag/", {"q": "b"}).json() == {"results": []}


def test_a_promoted_page_comes_first_and_hits_are_counted(client, home, visiting_friends):
    guide = StandardPageFactory(parent=home, title="Sådan bliver du frivillig")
    SearchPromotion.objects.create(
        query=Query.get("nordjylland"), page=guide, description="Start her.", sort_order=0
    )

    response = client.get("/soeg/", {"q": "Nordjylland"})
    client.get("/soeg/", {"q": "nordjylland "})

    html = response.content.decode()
    assert html.index("Sådan bliver du frivillig") < html.index("Besøgsvenner <mark>")
    assert "Start her." in html
    flush_statistics()
    assert Query.get("nordjylland").hits == 2


def test_a_promoted_page_that_is_unpublished_is_not_shown(client, home):
    guide = StandardPageFactory(parent=home, title="Gammel vejledning")
    SearchPromotion.objects.create(query=Query.get("vejledning"), page=guide, sort_order=0)
    guide.unpublish()

    assert "Gammel vejledning" not in client.get("/soeg/", {"q": "vejledning"}).content.decode()


def test_moderators_see_the_zero_result_report_and_editors_do_not(client, home):
    client.get("/soeg/", {"q": "spiseven gentofte"})
    client.get("/soeg/", {"q": "spiseven gentofte"})
    flush_statistics()
    assert ZeroResultQuery.objects.get().count == 2

    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_searchpromotion"),
    )
    client.force_login(moderator)
    report = client.get("/admin/reports/soegninger-uden-resultater/")
    assert report.status_code == 200
    assert "spiseven gentofte" in report.content.decode()

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/reports/soegninger-uden-resultater/").status_code == 302


def test_highlight_escapes_everything_but_its_own_marks():
    marked = highlight('<b>Frivillige</b> & "ældre"', ["frivillig", "ældres"])

    assert marked == (
        "&lt;b&gt;<mark>Frivillige</mark>&lt;/b&gt; &amp; &quot;<mark>ældre</mark>&quot;"
    )
    assert highlight("<i>", []) == "&lt;i&gt;"


def test_match_requests_and_people_are_never_indexed():
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from modelsearch.index import get_indexed_models
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    indexed = set(get_indexed_models())
    assert indexed.isdisjoint(apps.get_app_config("matching").get_models())
    assert get_user_model() not in indexed
    user = get_user_model()
    for model in indexed - {get_image_model(), get_document_model()}:
        if issubclass(model, Page):
            continue
        # Anything else indexed is a label list (taxonomies, categories): no
        # link to a person.
        assert all(
            getattr(field, "related_model", None) is not user for field in model._meta.get_fields()
        ), model
