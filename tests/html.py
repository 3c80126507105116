"""Reading pages as a visitor or an API client does, for assertions on what they show."""

import json
import re

from django.test import Client
from wagtail.models import Page


def main_html(client: Client, page: Page) -> str:
    """The `<main>` element of `page` as served: its content without menus and footer."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def api_detail(client: Client, page: Page) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:500]
    return response.json()


JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client: Client, page: Page) -> dict[str, dict]:
    """The page's schema.org JSON-LD nodes by type, as a search engine reads them: one script,
    in <head>."""
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    scripts = JSON_LD.findall(html.split("</head>", 1)[0])
    assert len(scripts) == 1 and len(JSON_LD.findall(html)) == 1
    document = json.loads(scripts[0])
    assert document["@context"] == "https://schema.org"
    return {node["@type"]: node for node in document["@graph"]}
