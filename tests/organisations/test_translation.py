"""An English organisation profile: the same organisation, in its own words."""

import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html

from portal.core.models import Theme
from portal.organisations.models import OrganisationKind, OrganisationPage
from tests.core.test_html_pictures import photo
from tests.factories import OrganisationPageFactory, translate_page

pytestmark = pytest.mark.django_db

NOTE = "Logo, fakta og kontaktoplysninger redigeres på den danske side."
SHARED = ("kind", "logo", "municipalities", "works_nationwide", "themes", "cvr", "website",
          "contact_email", "contact_phone", "publishes_opportunities_directly")


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def danish(organisation):
    publish(
        organisation, logo=photo("Gammelt"), image_alt="Besøgsvennernes logo",
        website="https://gammel.example", cvr="10000009", contact_email="gammel@besoeg.example",
        contact_phone="11 11 11 11", contact_name="Frivilligkoordinator",
        themes=[Theme.objects.get(slug="ensomhed")],
    )
    return organisation


@pytest.fixture
def english(danish):
    return translate_page(danish, publish_parents=True, title="The Visiting Friends",
                          contact_name="Volunteer coordinator",
                          image_alt="The Visiting Friends' logo")


def profile_logo(html):
    return re.search(r'<img [^>]*class="profile__logo"[^>]*>', html).group(0)


def test_the_english_profile_shows_the_facts_the_danish_page_has_now(client, danish, english):
    publish(
        danish, kind=OrganisationKind.FOUNDATION, logo=photo("Nyt"), works_nationwide=True,
        website="https://ny.example", cvr="10000017", contact_email="ny@besoeg.example",
        contact_phone="22 22 22 22", themes=[Theme.objects.get(slug="samskabelse")],
    )

    html = client.get(english.url).content.decode()

    assert english.url.startswith("/en/")
    for text in ("The Visiting Friends", "Foundation", "The whole country", "Co-creation",
                 "10000017", 'href="https://ny.example"', 'href="mailto:ny@besoeg.example"',
                 "22 22 22 22", "Volunteer coordinator"):
        assert text in html, text
    for stale in ("Voluntary organisation", "Loneliness", "10000009", "gammel.example",
                  "gammel@besoeg.example", "11 11 11 11"):
        assert stale not in html, stale
    logo = profile_logo(html)
    assert "/Nyt." in logo and "alt=\"The Visiting Friends&#x27; logo\"" in logo
    # The Volunteering Data in its head names the same registration and website.
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "10000017" in data and "https://ny.example" in data and "gammel" not in data


def test_the_editor_of_the_english_profile_writes_words_and_is_told_where_the_facts_are(
    admin_client, danish, english
):
    english_form = admin_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    danish_form = admin_client.get(f"/admin/pages/{danish.pk}/edit/").content.decode()

    assert NOTE in english_form and NOTE not in danish_form
    for name in SHARED:
        assert f'name="{name}"' not in english_form, name
        assert f'name="{name}"' in danish_form, name
    for name in ("summary", "description", "contact_name", "image_alt", "image_decorative"):
        assert f'name="{name}"' in english_form, name


def edit(admin_client, page, **fields):
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.update(fields)
    data["action-publish"] = "1"
    return admin_client.post(url, data)


def test_the_english_editor_describes_the_danish_logo_in_english(
    client, admin_client, danish, english
):
    response = edit(admin_client, english, image_alt="Logo of the Visiting Friends")

    assert response.status_code == 302, response.context["form"].errors.as_data()
    logo = profile_logo(client.get(english.url).content.decode())
    assert "/Gammelt." in logo and 'alt="Logo of the Visiting Friends"' in logo
    assert OrganisationPage.objects.get(pk=english.pk).image_alt == "Logo of the Visiting Friends"


def test_the_english_editor_must_describe_the_danish_logo(admin_client, danish, english):
    response = edit(admin_client, english, image_alt="")

    assert response.status_code == 200
    assert response.context["form"].errors["image_alt"] == [
        "Skriv, hvad billedet viser, eller sæt kryds ved 'billedet er kun pynt'."
    ]


def test_the_english_directory_filters_on_the_danish_pages_kind(client, danish, english):
    publish(danish, kind=OrganisationKind.FOUNDATION)
    # Another organisation keeps the English copy's old kind in use (an option nobody has
    # is ignored).
    OrganisationPageFactory(parent=danish.get_parent(), title="Vågekonerne",
                            kind=OrganisationKind.NGO)

    found = client.get("/en/organisationer/?type=foundation").content.decode()
    left_out = client.get("/en/organisationer/?type=ngo").content.decode()

    assert f'href="{english.url}"' in found and "The Visiting Friends" in found
    assert "Vågekonerne" in left_out and "The Visiting Friends" not in left_out
