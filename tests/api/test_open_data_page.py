"""/aaben-data/: its curl lines work as written, its links resolve, odd addresses are no 500."""

import html
import re
import shlex
from urllib.parse import urlencode, urlsplit

import pytest

from tests.funding.factories import FundingCallIndexPageFactory

pytestmark = pytest.mark.django_db

COMMANDS = re.compile(r"<pre[^>]*><code>(.*?)</code></pre>", re.S)
LINKS = re.compile(r'<a href="([^"]+)"')


@pytest.fixture
def site(catalogue, home, case_index, tool_index):
    FundingCallIndexPageFactory(parent=home)
    return catalogue


def page_text(client, url="/aaben-data/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def commands(text):
    return [shlex.split(html.unescape(command)) for command in COMMANDS.findall(text)]


def run(client, command, etags):
    """Do what curl would do with ``command``; ``etags`` holds the last ETag per address."""
    assert command[0] == "curl"
    url, query, headers = None, [], {}
    arguments = iter(command[1:])
    for argument in arguments:
        if argument == "--data-urlencode":
            query.append(tuple(next(arguments).split("=", 1)))
        elif argument == "--header":
            name, value = next(arguments).split(": ", 1)
            headers["HTTP_" + name.upper().replace("-", "_")] = value
        elif argument.startswith("http"):
            url = argument
        else:
            assert argument in ("--get", "--include"), argument
    parts = urlsplit(url)
    assert parts.netloc == "testserver"
    address = parts.path + ("?" + parts.query if parts.query else "")
    if query:
        address += ("&" if "?" in address else "?") + urlencode(query)
    if headers.get("HTTP_IF_NONE_MATCH") == '"ETAG"':
        headers["HTTP_IF_NONE_MATCH"] = etags[address]
    response = client.get(address, **headers)
    etags[address] = response.get("ETag")
    return response


def test_the_page_explains_the_api_licence_and_openapi(client, site):
    text = page_text(client)
    assert "<h1>Åbne data</h1>" in text
    assert "http://testserver/api/v1/" in text
    assert 'href="http://testserver/api/v1/openapi.json"' in text
    assert 'href="http://testserver/api/v1/openapi.json?lang=en"' in text
    assert "Creative Commons Navngivelse 4.0 International (CC BY 4.0)" in text
    assert "Bindeled har valgt" in text  # the project's choice, said as such
    assert "uden_boerneattest" in text


def test_every_curl_line_works_as_written(client, site):
    found = commands(page_text(client))
    assert len(found) == 11
    etags = {}
    for command in found:
        response = run(client, command, etags)
        expected = 304 if "--header" in command else 200
        assert response.status_code == expected, (command, response.content[:300])
        if expected == 200:
            assert response.json()


def test_the_examples_name_a_real_opportunity_and_organisation(client, site):
    text = html.unescape(page_text(client))
    newest_open = "Telefonhjælp til IT"
    data = client.get("/api/v1/opportunities/?limit=1").json()["results"][0]
    assert data["title"] == newest_open
    assert f"/api/v1/opportunities/{data['id']}.jsonld" in text


def test_without_content_the_page_leaves_out_the_examples_that_need_one(client, home):
    found = commands(page_text(client))
    assert len(found) == 7
    assert not any(".jsonld" in " ".join(command) for command in found)
    etags = {}
    for command in found:
        assert run(client, command, etags).status_code in (200, 304)


def test_every_link_resolves(client, site):
    links = LINKS.findall(page_text(client))
    internal = [html.unescape(link) for link in links
                if link.startswith(("/", "http://testserver/"))]
    assert {"/frivilligopgaver/rss/", "/frivilligopgaver/kalender/", "/stoette/rss/",
            "/stoette/kalender/", "/stoette/bevillinger.csv", "/stoette/bevillinger.json",
            "/tal/", "/sitemap.xml"} <= set(internal)
    for link in internal:
        if link.startswith("#"):
            continue
        assert client.get(link).status_code == 200, link


def test_the_page_anchors_exist(client, site):
    text = page_text(client)
    for anchor in re.findall(r'href="#([^"]+)"', text):
        assert f'id="{anchor}"' in text, anchor


@pytest.mark.parametrize("query", [
    "?q=%00", "?x=1&x=2", "?page=-1", "?limit=abc&cursor=%FF", "?" + "a" * 3000,
])
def test_odd_query_strings_get_the_page(client, home, query):
    assert client.get(f"/aaben-data/{query}").status_code == 200
