"""A hidden count stays hidden when a reader subtracts one area's page from another's."""

import json

import pytest

from portal.core.models import Municipality, Region

from .conftest import add_facts, this_month

pytestmark = pytest.mark.django_db


def offers_this_month(client, place):
    """This month's offers as the download of ``place``'s page gives them (None: hidden)."""
    data = json.loads(client.get("/tal/henvendelser.json", {"sted": place}).content)
    row = next(row for row in data["rows"] if row["key"] == this_month().isoformat()[:7])
    return row["values"][0]


def test_a_region_minus_its_other_municipalities_does_not_give_one_back(client):
    # Every municipality of Nordjylland but Læsø has 6 offers this month, Læsø 3; each has
    # 7 referrals (a month with no referrals would hide its offers on its own page).
    # Alone, the region's page would show 6 × 10 + 3 = 63 and each municipality's its 6,
    # so 63 minus the ten shown sixes would give Læsø's hidden 3 back. Solved together,
    # one more count among the region's and its municipalities' is hidden.
    region = Region.objects.get(name="Region Nordjylland")
    municipalities = list(Municipality.objects.filter(region=region).order_by("name"))
    small = next(m for m in municipalities if m.slug == "laesoe")
    for municipality in municipalities:
        add_facts(3 if municipality == small else 6, municipality=municipality.slug)
        add_facts(7, municipality=municipality.slug, kind="referral")

    region_offers = offers_this_month(client, f"region-{region.slug}")
    shown = {m.slug: offers_this_month(client, f"kommune-{m.slug}") for m in municipalities}

    assert shown[small.slug] is None
    hidden = [slug for slug, offers in shown.items() if offers is None]
    hidden += ["region"] if region_offers is None else []
    assert len(hidden) == 2
    if region_offers is not None:
        assert region_offers == 63


def test_the_country_minus_the_regions_does_not_give_the_requests_without_a_place(client):
    # Each region has 8 offers this month in one municipality; 2 offers have no
    # municipality (an online opportunity). The country's 42 minus the regions' 40
    # would show those 2, so something among them is hidden too.
    for region in Region.objects.order_by("name"):
        first = Municipality.objects.filter(region=region).order_by("name").first()
        add_facts(8, municipality=first.slug)
        add_facts(7, municipality=first.slug, kind="referral")
    add_facts(2)

    country = offers_this_month(client, "")
    regions = [offers_this_month(client, f"region-{region.slug}")
               for region in Region.objects.order_by("name")]

    assert country is None or None in regions


def test_nothing_small_anywhere_hides_nothing_more(client, aalborg):
    add_facts(9, municipality="aalborg")
    add_facts(7, municipality="aalborg", kind="referral")

    assert offers_this_month(client, "kommune-aalborg") == 9
    assert offers_this_month(client, "region-nordjylland") == 9
    assert offers_this_month(client, "") == 9
