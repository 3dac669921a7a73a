import pytest
from django.test import RequestFactory
from django.utils import translation

from portal.cases.filters import knowledge_listing
from portal.core.models import Activity, Municipality, Region, TargetGroup, Theme
from portal.toolshare.models import ToolCategory
from tests.cases.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def test_all_regions_and_municipalities_are_seeded_by_migrations():
    assert Region.objects.count() == 5
    assert Municipality.objects.count() == 98
    per_region = {region.name: region.municipalities.count() for region in Region.objects.all()}
    assert per_region == {
        "Region Hovedstaden": 29,
        "Region Sjælland": 17,
        "Region Syddanmark": 22,
        "Region Midtjylland": 19,
        "Region Nordjylland": 11,
    }


@pytest.mark.parametrize(
    ("code", "name", "region"),
    [
        (101, "København", "Region Hovedstaden"),
        (183, "Ishøj", "Region Hovedstaden"),
        (851, "Aalborg", "Region Nordjylland"),
        (751, "Aarhus", "Region Midtjylland"),
        (461, "Odense", "Region Syddanmark"),
        (330, "Slagelse", "Region Sjælland"),
        (492, "Ærø", "Region Syddanmark"),
    ],
)
def test_municipality_codes_are_the_official_ones(code, name, region):
    municipality = Municipality.objects.select_related("region").get(code=code)
    assert municipality.name == name
    assert municipality.region.name == region


def test_common_target_groups_activities_and_themes_are_seeded():
    assert {"Ældre", "Ensomme", "Mennesker med demens", "Døende", "Pårørende"} <= set(
        TargetGroup.objects.values_list("name", flat=True)
    )
    assert {"Besøgsven", "IT-hjælp", "Vågetjeneste", "Spiseven", "Lektiehjælp"} <= set(
        Activity.objects.values_list("name", flat=True)
    )
    assert Theme.objects.filter(slug="samskabelse").exists()


def test_moderators_can_extend_a_taxonomy_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/core/activity/add/",
        {"name": "Havehjælp", "slug": "havehjaelp", "description": ""},
    )
    assert response.status_code == 302
    assert Activity.objects.filter(slug="havehjaelp").exists()


# --- English names ------------------------------------------------------------------


@pytest.mark.parametrize("model", [Region, TargetGroup, Activity, Theme, ToolCategory])
def test_the_migrations_give_every_seeded_value_an_english_name(model):
    assert model.objects.count() >= 5
    assert list(model.objects.filter(name_en="").values_list("name", flat=True)) == []


@pytest.mark.parametrize(
    ("model", "slug", "english"),
    [
        (Activity, "besoegsven", "Visiting friend"),
        (Activity, "lektiehjaelp", "Homework help"),
        (TargetGroup, "aeldre", "Older people"),
        (TargetGroup, "paaroerende", "Relatives and carers"),
        (Theme, "samskabelse", "Co-creation"),
        (Region, "hovedstaden", "Capital Region of Denmark"),
        (ToolCategory, "vagtplaner", "Rotas and booking"),
    ],
)
def test_a_seeded_value_is_named_in_the_visitors_language(model, slug, english):
    item = model.objects.get(slug=slug)
    with translation.override("en"):
        assert item.localized_name == english
        assert str(item) == english
    with translation.override("da"):
        assert item.localized_name == item.name != english
        assert str(item) == item.name


def test_without_an_english_name_english_visitors_see_the_danish():
    activity = Activity.objects.create(name="Havehjælp", slug="havehjaelp")
    with translation.override("en"):
        assert activity.localized_name == "Havehjælp"


def test_a_municipality_keeps_its_danish_name_in_english():
    aarhus = Municipality.objects.get(slug="aarhus")
    with translation.override("en"):
        assert aarhus.localized_name == str(aarhus) == "Aarhus"
    assert not hasattr(aarhus, "name_en")


def test_moderators_give_the_english_name_in_the_admin(admin_client):
    form = admin_client.get("/admin/snippets/core/activity/add/").content.decode()
    assert 'name="name_en"' in form
    assert "læser portalen på engelsk" in form  # the Danish help text
    response = admin_client.post(
        "/admin/snippets/core/activity/add/",
        {"name": "Havehjælp", "name_en": "Gardening help", "slug": "havehjaelp",
         "description": ""},
    )
    assert response.status_code == 302
    assert Activity.objects.get(slug="havehjaelp").name_en == "Gardening help"
    listing = admin_client.get("/admin/snippets/core/activity/").content.decode()
    assert "Gardening help" in listing


def test_a_tool_category_has_its_english_name_in_the_admin(admin_client):
    form = admin_client.get("/admin/snippets/toolshare/toolcategory/add/").content.decode()
    assert 'name="name_en"' in form


def test_a_listings_facets_name_the_values_in_the_visitors_language(case_index, organisation):
    CasePageFactory(parent=organisation, title="Sammen mod ensomhed", tags={
        "themes": list(Theme.objects.filter(slug__in=["ensomhed", "samskabelse", "demens"])),
        "target_groups": list(TargetGroup.objects.filter(slug="aeldre")),
    })
    request = RequestFactory().get("/erfaringer/")

    def labels(facet_name):
        facets = {facet["name"]: facet for facet in knowledge_listing(request)["facets"]}
        return [choice["label"] for choice in facets[facet_name]["choices"]]

    with translation.override("en"):
        # Alphabetical in English, not in the Danish names' order.
        assert labels("tema") == ["Co-creation", "Dementia", "Loneliness"]
        assert labels("maalgruppe") == ["Older people"]
    with translation.override("da"):
        assert labels("tema") == ["Demens", "Ensomhed", "Samskabelse"]
        assert labels("maalgruppe") == ["Ældre"]
