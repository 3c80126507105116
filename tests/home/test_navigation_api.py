"""`/api/v2/navigation/` and `/api/v2/redirects/` (docs/api.md): what a front end needs besides
pages to build the whole site."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from home.navigation import menu_items

pytestmark = pytest.mark.django_db


def test_navigation_lists_the_menu_and_footer_of_each_language(client, home_en, home_zh):
    for home, code in ((home_en, "en"), (home_zh, "zh-hans")):
        home.contact_name = f"Secretariat {code}"
        home.save()
        response = client.get(f"/api/v2/navigation/?locale={code}")
        assert response.status_code == 200
        assert response["ETag"] and "max-age" in response["Cache-Control"]
        data = response.json()
        assert data["locale"] == code
        assert data["home"]["id"] == home.pk
        assert data["home"]["api_url"].endswith(f"/api/v2/pages/{home.pk}/")
        # The same items, in the same order, as the site's own header.
        assert [item["id"] for item in data["menu"]] == [
            page.pk for page, _current in menu_items(home, None)
        ]
        assert data["menu"], "the demo site has a menu"
        assert all(item["locale"] == code for item in data["menu"])
        assert data["footer"]["contact_name"] == f"Secretariat {code}"
        assert set(data["footer"]) == {"contact_name", "address", "phone", "email"}
        assert {item["locale"] for item in data["languages"]} == {"en", "zh-hans"}


def test_navigation_defaults_to_english_and_refuses_bad_parameters(client, home_en):
    assert client.get("/api/v2/navigation/").json()["locale"] == "en"
    for query in ("locale=fr", "nope=1", "locale=%00"):
        response = client.get(f"/api/v2/navigation/?{query}")
        assert response.status_code == 400
        assert response.json()["message"]


def test_navigation_leaves_out_unpublished_menu_pages(client, home_en):
    page, _current = menu_items(home_en, None)[0]
    page.unpublish()
    ids = [item["id"] for item in client.get("/api/v2/navigation/").json()["menu"]]
    assert page.pk not in ids


def test_redirects_find_a_path_and_list_them(client, home_en):
    site = Site.objects.get(is_default_site=True)
    target = home_en.get_children().live().first()
    Redirect.add_redirect("/old-page", redirect_to=target, is_permanent=True)
    Redirect.add_redirect("/elsewhere", redirect_to="https://example.org/x", is_permanent=False)
    Redirect.objects.create(old_path="/other-site", redirect_link="/", site=None)
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/old-page"),
        redirect_link="https://example.org/site-specific",
        site=site,
    )

    response = client.get("/api/v2/redirects/?path=/elsewhere/")
    assert response.status_code == 200
    assert response.json() == {
        "old_path": "/elsewhere",
        "target": "https://example.org/x",
        "is_permanent": False,
        "status_code": 302,
        "page": None,
    }
    # A redirect for this site wins over one for all sites.
    assert client.get("/api/v2/redirects/?path=/old-page").json()["target"] == (
        "https://example.org/site-specific"
    )
    listing = client.get("/api/v2/redirects/").json()
    assert listing["meta"]["total_count"] == 4
    to_page = next(item for item in listing["items"] if item["page"])
    assert to_page["page"]["id"] == target.pk
    assert to_page["target"] == target.get_full_url()
    assert (to_page["is_permanent"], to_page["status_code"]) == (True, 301)
    assert len(client.get("/api/v2/redirects/?limit=1").json()["items"]) == 1


def test_redirects_answer_404_and_400_in_json(client):
    response = client.get("/api/v2/redirects/?path=/never/")
    assert response.status_code == 404
    assert response.json()["message"]
    for query in ("nope=1", "limit=abc", "offset=-1", "path=%00"):
        response = client.get(f"/api/v2/redirects/?{query}")
        assert response.status_code == 400, query
        assert response.json()["message"]


@pytest.mark.parametrize(
    "endpoint,names",
    [("/api/v2/navigation/", ["locale"]), ("/api/v2/redirects/", ["path", "limit", "offset"])],
)
def test_no_parameter_value_makes_a_500(client, endpoint, names):
    from urllib.parse import urlencode

    from tests.home.test_api_errors import HOSTILE

    for name in names:
        for value in HOSTILE:
            response = client.get(f"{endpoint}?{urlencode({name: value})}")
            assert response.status_code < 500, (name, value)
            assert response["Content-Type"].startswith("application/json")
    assert client.post(endpoint).status_code == 405
