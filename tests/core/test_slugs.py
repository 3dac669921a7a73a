"""Slugs of Danish titles are readable ASCII: æ, ø, å become ae, oe, aa, for every page type."""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from portal.core.slugs import DanishSlugMixin, danish_slugify
from portal.home.models import StandardPage
from tests.factories import home_page

TITLE = "Besøg på plejehjem i Århus"
SLUG = "besoeg-paa-plejehjem-i-aarhus"


@pytest.mark.parametrize(("text", "slug"), [
    (TITLE, SLUG),
    ("ÆBLEMOST OG ØL", "aeblemost-og-oel"),
    ("Café München – Åben søndag", "cafe-munchen-aaben-soendag"),
    ("Straße 12", "strasse-12"),
])
def test_danish_letters_are_spelled_out(text, slug):
    assert danish_slugify(text) == slug


def test_every_page_type_makes_danish_slugs():
    assert [
        model._meta.label for model in get_page_models()
        if model is not Page and not issubclass(model, DanishSlugMixin)
    ] == []


@pytest.fixture
def add_form(admin_client):
    home = home_page()
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))
    data["title"] = TITLE
    return admin_client, url, data


@pytest.mark.django_db
def test_a_slug_typed_with_danish_letters_is_spelled_out(add_form):
    client, url, data = add_form
    data["slug"] = "besøg-på-plejehjem-i-århus"  # typed, or the admin's script did not run
    assert client.post(url, data).status_code == 302
    assert StandardPage.objects.get(title=TITLE).slug == SLUG


@pytest.mark.django_db
def test_the_admin_script_is_told_the_danish_spelling(add_form):
    client, url, _data = add_form
    html = client.get(url).content.decode()
    formatters = html.split('data-w-slug-formatters-value="', 1)[1].split('"', 1)[0]
    pairs = json.loads(formatters.replace("&quot;", '"'))
    assert [["ø", "gu"], "oe"] in pairs and [["å", "gu"], "aa"] in pairs
    # No unicode: Wagtail's script spells the remaining letters (é, ü) in ASCII.
    assert "data-w-slug-allow-unicode-value" not in html


@pytest.mark.django_db
def test_a_page_made_in_code_gets_a_danish_slug():
    home = home_page()
    page = home.add_child(instance=StandardPage(title=TITLE))
    assert page.slug == SLUG and page.url_path.endswith(f"/{SLUG}/")
    again = home.add_child(instance=StandardPage(title="Besøg på plejehjem i Aarhus"))
    assert again.slug == f"{SLUG}-2"


@pytest.mark.django_db
def test_a_page_copied_under_a_danish_slug_gets_it_spelled_out(admin_client):
    home = home_page()
    original = home.add_child(instance=StandardPage(title="Om os"))
    url = reverse("wagtailadmin_pages:copy", args=[original.pk])

    response = admin_client.post(url, {
        "new_title": TITLE, "new_slug": "besøg-på-plejehjem-i-århus",
        "new_parent_page": home.pk,
    })

    assert response.status_code == 302
    assert StandardPage.objects.get(title=TITLE).slug == SLUG
