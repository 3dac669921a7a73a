import pytest

from portal.core.models import Activity, Municipality, Region, TargetGroup, Theme

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
