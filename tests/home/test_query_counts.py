"""The home page sends a fixed number of queries, however much content the site has."""

import datetime
import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from portal.core.models import Municipality
from portal.home.models import FeaturedKnowledge, FeaturedOpportunity, FeaturedTool
from portal.opportunities.models import Commitment
from tests.cases.factories import CasePageFactory, ToolPageFactory
from tests.factories import OrganisationPageFactory
from tests.opportunities.factories import OpportunityPageFactory, ShiftBookingFactory, ShiftFactory

pytestmark = pytest.mark.django_db
# Finding the page (portal.core.routing) 3, the visitor's locale (Wagtail's routing with
# localisation on: the site's root in that language) 1, Wagtail's check of its view restrictions 1;
# the sections: the view restrictions they share 1, this week 1, the opportunities 3 (the
# choice, the cards, their municipalities), the cases 4 (and their themes and organisations),
# the tools 2, the figures 4; the join page 1; the pictures of the cases and of the tools
# 2 each (the images, their renditions).
HOME_PAGE_QUERIES = 25


def queries_of_home(client):
    client.get("/")  # the first visit may fill caches (the taxonomies, the site's root)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def picture():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (160, 90), "#3a7d44").save(buffer, "JPEG")
    return get_image_model().objects.create(title="Højbed",
                                            file=ImageFile(buffer, name="hoejbed.jpg"))


def add_content(organisation, count):
    municipalities = list(Municipality.objects.filter(slug__in=["aalborg", "aarhus", "odense"]))
    soon = timezone.now() + datetime.timedelta(days=2)
    for number in range(count):
        opportunity = OpportunityPageFactory(parent=organisation, commitment=Commitment.AD_HOC,
                                             municipalities=municipalities)
        shift = ShiftFactory(opportunity=opportunity,
                             starts_at=soon + datetime.timedelta(hours=number))
        ShiftBookingFactory(shift=shift)
        CasePageFactory(parent=organisation, tags={"municipalities": municipalities},
                        image=picture(), image_alt="Et højbed")
        ToolPageFactory(parent=organisation, image=picture(), image_alt="Et højbed")


def choose(home, count):
    """An editor's choice of the ``count`` newest of each kind, and the join page."""
    for model in (FeaturedOpportunity, FeaturedKnowledge, FeaturedTool):
        model.objects.filter(home=home).delete()
        newest = model.page.field.related_model.objects.order_by("-pk")[:count]
        for order, page in enumerate(newest):
            model.objects.create(home=home, page=page, sort_order=order)
    home.join_page = home.get_children().first()
    home.save_revision().publish()


@pytest.mark.parametrize("chosen", [False, True], ids=["newest", "chosen by an editor"])
def test_the_home_page_does_not_grow_with_the_content(client, home, organisation_index, chosen):
    add_content(OrganisationPageFactory(parent=organisation_index), 1)
    if chosen:
        choose(home, 1)
    one_of_each = queries_of_home(client)

    for _ in range(3):
        add_content(OrganisationPageFactory(parent=organisation_index), 4)
    if chosen:
        choose(home, 3)

    assert queries_of_home(client) == one_of_each <= HOME_PAGE_QUERIES
