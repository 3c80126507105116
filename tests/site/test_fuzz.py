"""Property-based checks: whatever a client sends as API or search parameters, the answer is
never a server error, and an error answer says what was wrong."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.api.views import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet
from programs.api import PartnerInstitutionAPIViewSet

ENDPOINTS = {
    "/api/v2/pages/": PagesAPIViewSet,
    "/api/v2/images/": ImagesAPIViewSet,
    "/api/v2/documents/": DocumentsAPIViewSet,
    "/api/v2/partners/": PartnerInstitutionAPIViewSet,
}
# Values as hostile clients send them: numbers out of range, unicode, control characters, SQL
# and markup fragments, field syntax and the page types and languages that exist.
VALUES = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "*",
            "-id",
            "title,-title",
            "_,id",
            "body(*)",
            "a(b(c(d(e))))",
            "' OR 1=1 --",
            "<script>",
            "%00",
            "zh-hans",
            "en",
            "fr",
            "home.HomePage",
            "programs.PartnerProgramPage",
            "wagtailcore.Page",
            "organizations.NoSuchPage",
            "random",
            "and",
            "or",
            "CN",
            "html",
        ]
    ),
)
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def parameters(names: frozenset[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(sorted(names | {"unknown"})), VALUES, max_size=4)


def assert_handled(response, url: str, params: dict) -> None:
    assert response.status_code < 500, (url, params)
    if response.status_code >= 400 and response["Content-Type"].startswith("application/json"):
        assert response.json().get("message"), (url, params, response.content[:300])


@pytest.mark.django_db
@pytest.mark.parametrize("url", sorted(ENDPOINTS))
def test_api_listing_parameters_never_make_a_server_error(url):
    client = Client()

    @SETTINGS
    @given(params=parameters(frozenset(ENDPOINTS[url].known_query_parameters)))
    def check(params: dict[str, str]) -> None:
        assert_handled(client.get(url, params), url, params)

    check()


@pytest.mark.django_db
def test_api_detail_and_find_never_make_a_server_error():
    client = Client()

    @SETTINGS
    @given(
        path=st.sampled_from(["/api/v2/pages/", "/api/v2/partners/", "/api/v2/images/"]),
        key=st.one_of(
            st.integers(min_value=-(2**70), max_value=2**70).map(str),
            st.text(alphabet=st.characters(codec="ascii", exclude_categories=["Cc"]), max_size=12),
        ),
        params=parameters(frozenset({"fields", "locale", "html_path", "id"})),
    )
    def check(path: str, key: str, params: dict[str, str]) -> None:
        for url in (f"{path}{key}/", f"{path}find/"):
            assert_handled(client.get(url, params), url, params)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_search_page_never_makes_a_server_error(language):
    client = Client()
    url = f"/{language}/search/"

    @SETTINGS
    @given(params=parameters(frozenset({"q", "page", "type"})))
    def check(params: dict[str, str]) -> None:
        response = client.get(url, params)
        assert response.status_code < 500, params

    check()
