"""The demo's knowledge hub: cases, guides, tools and experiences, marked as illustrative."""

import pytest

from portal.cases.models import CasePage, GuidePage
from portal.toolshare.models import ToolPage, ToolUsage

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_hub_content_asked_for():
    assert CasePage.objects.live().count() >= 10
    assert GuidePage.objects.live().count() >= 4
    assert ToolPage.objects.live().count() >= 10
    assert ToolUsage.objects.count() >= 15


def test_the_demo_says_its_figures_and_tools_are_illustrative(client):
    senior = CasePage.objects.get(slug="it-frivillige-og-borgerservice", locale__language_code="da")
    body = client.get(senior.url).content.decode()
    assert "2.200" in body and "55.000" in body
    assert "Demoindhold" in body
    tool = ToolPage.objects.get(slug="frivilligmatch")
    assert "opdigtede" in client.get(tool.url).content.decode()
