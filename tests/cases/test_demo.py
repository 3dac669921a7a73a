import pytest
from wagtail.documents import get_document_model

from portal.cases import demo as case_demo
from portal.cases.models import CasePage, CasePartner, GuidePage
from portal.home import demo as home_demo
from portal.organisations import demo as organisation_demo
from portal.toolshare import demo as tool_demo
from portal.toolshare.models import ToolPage, ToolUsage

pytestmark = pytest.mark.django_db


def load():
    for module in (home_demo, organisation_demo, tool_demo, case_demo):
        module.load(lambda line: None)


def counts():
    return (CasePage.objects.count(), GuidePage.objects.count(), ToolPage.objects.count(),
            ToolUsage.objects.count(), CasePartner.objects.count(),
            get_document_model().objects.count())


def test_demo_has_the_hub_content_asked_for_says_it_is_illustrative_and_reloads(client):
    load()
    assert CasePage.objects.live().count() >= 10
    assert GuidePage.objects.live().count() >= 4
    assert ToolPage.objects.live().count() >= 10
    assert ToolUsage.objects.count() >= 15
    senior = CasePage.objects.get(slug="it-frivillige-og-borgerservice")
    body = client.get(senior.url).content.decode()
    assert "2.200" in body and "55.000" in body
    assert "Demoindhold" in body
    tool = ToolPage.objects.get(slug="frivilligmatch")
    assert "opdigtede" in client.get(tool.url).content.decode()

    before = counts()
    load()
    assert counts() == before
