"""Reading pages as a visitor or an API client does, for assertions on what they show."""

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
