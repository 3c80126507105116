"""The API's answer to bad input: a 4xx with a JSON `message`, never a 500 (docs/api.md)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = str(2**63)
ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/partners/"]


def assert_client_error(response, status: int = 400) -> str:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    message = response.json()["message"]
    assert message
    return message


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "query",
    [
        f"offset={HUGE}",
        "offset=-1",
        "offset=abc",
        "offset=1e3",
        "limit=abc",
        "limit=1000",
        "limit=-5",
        "search=a%00b",
        "search=a&search_operator=xor",
        "order=no_such_field",
        "order=%00",
        "fields=" + "a(" * 500 + ")" * 500,
        "fields=no_such_field",
        "fields=%00",
        "no_such_parameter=1",
        f"id={HUGE}",
        "id=abc",
        "%00=1",
    ],
)
def test_bad_listing_parameters_are_400(client, endpoint, query):
    assert_client_error(client.get(f"{endpoint}?{query}"))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "query", ["id=abc", f"id={HUGE}", "id=%00", "id=1&fields=" + "a(" * 300 + ")" * 300]
)
def test_bad_find_parameters_are_400(client, endpoint, query):
    assert_client_error(client.get(f"{endpoint}find/?{query}"))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_unknown_ids_are_json_404s(client, endpoint):
    assert_client_error(client.get(f"{endpoint}999999/"), 404)
    assert_client_error(client.get(f"{endpoint}{HUGE}0/"), 404)
    assert_client_error(client.get(f"{endpoint}find/?id=999999"), 404)


@pytest.mark.parametrize(
    "query",
    [
        "locale=xx",
        "locale=%00",
        "child_of=abc",
        f"child_of={HUGE}",
        "child_of=999999",
        f"descendant_of={HUGE}",
        "ancestor_of=-1",
        "translation_of=abc",
        f"translation_of={HUGE}",
        "type=no.Such",
        "type=wagtailimages.Image",
        "type=%00",
        "type=organizations.OrganizationPage&founded=not-a-date",
        f"type=organizations.OrganizationPage&parent_organization={HUGE}",
        "type=organizations.OrganizationPage&parent_organization=abc",
        "type=programs.PartnerProgramPage&participants_per_year=many",
        "type=organizations.OrganizationPage&fields=body",
        "title=%00",
        "slug=a%00",
        "rich_text_format=bogus",
        "site=%00",
        "order=random&offset=1",
        "child_of=3&descendant_of=3",
    ],
)
def test_bad_page_parameters_are_400(client, query):
    assert_client_error(client.get(f"/api/v2/pages/?{query}"))


def test_unknown_locale_lists_the_known_ones(client):
    message = assert_client_error(client.get("/api/v2/pages/?locale=fr"))
    assert "en" in message and "zh-hans" in message
    message = assert_client_error(client.get("/api/v2/pages/3/?locale=fr"))
    assert "zh-hans" in message


@pytest.mark.parametrize("query", ["html_path=%00", "html_path=/zh-hans/%00/"])
def test_bad_paths_are_400(client, query):
    assert_client_error(client.get(f"/api/v2/pages/find/?{query}"))


@pytest.mark.parametrize("query", ["country=FRA", "country=1", "locale=xx", "country=%00"])
def test_bad_partner_filters_are_400(client, query):
    assert_client_error(client.get(f"/api/v2/partners/?{query}"))


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "search", ['"', "'", "(", ")", "|", "&", "!", "*", ":", 'a" OR (b*', "NEAR(a b)", "^a", "-"]
)
def test_full_text_syntax_in_search_is_not_an_error(client, endpoint, search):
    response = client.get(endpoint, {"search": search})
    assert response.status_code == 200
    assert "items" in response.json()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_detail_parameters_are_checked_too(client, endpoint):
    assert_client_error(client.get(f"{endpoint}1/?fields=" + "a(" * 400 + ")" * 400))
    assert_client_error(client.get(f"{endpoint}1/?fields=%00"))


def test_unknown_format_and_methods_are_json(client):
    assert_client_error(client.get("/api/v2/pages/?format=xml"), 404)
    assert_client_error(client.post("/api/v2/pages/"), 405)
    assert_client_error(client.delete("/api/v2/pages/3/"), 405)


HOSTILE = ["", "\x00", "-1", "0", HUGE, "1" * 40, "abc", "a" * 3000, "(((", "'\"*:|&!", "☃", "root"]


def parameters_of(endpoint: str, client) -> list[str]:
    """Every parameter an endpoint knows: operations and filterable fields."""
    from site_config.api import api_router

    view = dict(api_router._endpoints)[endpoint.strip("/").split("/")[-1]]
    names = set(view.known_query_parameters) | set(view.find_query_parameters)
    model = view.model
    names |= set(view.get_available_fields(model, db_fields_only=True))
    return sorted(names)


@pytest.mark.parametrize(
    "endpoint",
    [
        "/api/v2/pages/",
        "/api/v2/pages/?type=organizations.OrganizationPage&",
        "/api/v2/pages/?type=programs.PartnerProgramPage&",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/partners/",
        "/api/v2/events/",
        "/api/v2/programs/",
    ],
)
def test_no_parameter_value_makes_a_500(client, endpoint):
    """Every known parameter with hostile values, on listings, details and find: a JSON
    answer below 500 each time."""
    from urllib.parse import urlencode

    base = endpoint.split("?")[0]
    prefix = endpoint.split("?")[1] if "?" in endpoint else ""
    names = set(parameters_of(base, client))
    if prefix:
        from organizations.models import OrganizationPage
        from programs.models import PartnerProgramPage

        model = OrganizationPage if "Organization" in prefix else PartnerProgramPage
        names |= {f.name for f in model._meta.concrete_fields}
    detail = "3/" if base.endswith("pages/") else "1/"
    for name in sorted(names):
        for value in HOSTILE:
            query = prefix + urlencode({name: value})
            for url in (f"{base}?{query}", f"{base}{detail}?{query}", f"{base}find/?{query}"):
                response = client.get(url)
                assert response.status_code < 500, (url, response.content[:200])
                if response.status_code != 302:
                    assert response["Content-Type"].startswith("application/json"), url
