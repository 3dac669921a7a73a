"""/indlejr/: a web editor chooses the filters, sees the widget and copies its snippet."""

import html
import re

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def snippet(response):
    text = re.search(r"<textarea[^>]*>(.*?)</textarea>", response.content.decode(), re.S).group(1)
    return html.unescape(text)


def preview(response):
    return html.unescape(re.search(r'<iframe class="embed-builder__preview" src="([^"]*)"',
                                   response.content.decode()).group(1))


def test_without_choices_the_snippet_shows_five_of_everything(client, opportunities):
    response = client.get("/indlejr/")

    assert response.status_code == 200
    assert preview(response) == "/indlejr/frivilligopgaver/?antal=5"
    assert snippet(response) == (
        '<iframe src="http://testserver/indlejr/frivilligopgaver/?antal=5" '
        'title="Frivilligopgaver fra Bindeled" height="1090" loading="lazy" '
        'style="width: 100%; border: 0;"></iframe>'
    )


def test_the_choices_become_the_widgets_query(client, opportunities, other_organisation):
    query = f"kommune=aalborg&organisation={other_organisation.slug}&aktivitet=&antal=3"
    response = client.get("/indlejr/?" + query)

    expected = (
        f"/indlejr/frivilligopgaver/?kommune=aalborg&organisation={other_organisation.slug}&antal=3"
    )
    assert preview(response) == expected
    # In the snippet the address is an HTML attribute: its ampersands are escaped.
    assert 'src="http://testserver{}"'.format(expected.replace("&", "&amp;")) in snippet(response)
    # The preview is the widget itself: the same opportunities.
    assert "Lektiehjælp i Aalborg" in client.get(expected).content.decode()


def test_a_wrong_choice_is_shown_at_its_field_and_left_out(client, opportunities):
    response = client.get("/indlejr/?kommune=atlantis&antal=50")
    page = response.content.decode()

    assert response.status_code == 200
    assert preview(response) == "/indlejr/frivilligopgaver/?antal=5"
    assert 'id="id_kommune_error"' in page and 'id="id_antal_error"' in page
    assert 'aria-invalid="true"' in page
    assert "Et af valgene kunne ikke bruges" in page


def test_only_public_organisations_are_offered(client, opportunities, other_organisation):
    PageViewRestriction.objects.create(page=other_organisation, restriction_type="login")

    page = client.get("/indlejr/").content.decode()

    assert "Besøgsvennerne</option>" in page
    assert "Lektiecaféen" not in page


def test_the_page_has_no_inline_script_and_a_footer_link_leads_here(client, opportunities):
    page = client.get("/indlejr/").content.decode()

    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert 'src="/static/embed/builder.js"' in page
    assert '<a href="/indlejr/">' in client.get("/frivilligopgaver/").content.decode()
