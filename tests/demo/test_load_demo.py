"""Running ``load_demo`` again brings the demo up to date without duplicating it."""

import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from portal.cases.models import CasePartner
from portal.opportunities.models import Shift, ShiftBooking
from portal.toolshare.models import ToolUsage

from .conftest import load_demo

pytestmark = pytest.mark.django_db


def content_snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "url_path", "title")),
        "groups": Group.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "shifts": sorted(Shift.objects.values_list("pk", "opportunity_id", "capacity")),
        "bookings": sorted(ShiftBooking.objects.values_list("shift_id", "reference")),
        "tool_usages": ToolUsage.objects.count(),
        "case_partners": CasePartner.objects.count(),
    }


def test_loading_the_demo_again_gives_the_same_content():
    first = content_snapshot()
    load_demo()
    assert content_snapshot() == first
    assert Revision.objects.exists()
