"""Which language a visitor gets: `/` by Accept-Language and the remembered choice, the switch
view, the switcher's targets, and the paths that are never language-prefixed."""

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils.http import urlencode
from wagtail.models import Locale

from tests.factories import CommitteePageFactory, translate

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME

# Accept-Language → language without a cookie. Only Simplified Chinese tags (and a bare `zh`)
# mean Chinese; Traditional Chinese and everything else mean English.
HEADERS = {
    None: "en",
    "zh": "zh-hans",
    "zh-CN": "zh-hans",
    "zh-Hans": "zh-hans",
    "zh-SG": "zh-hans",
    "zh-TW": "en",
    "en-GB": "en",
    "fr": "en",
    "fr, zh-CN;q=0.8": "zh-hans",
}
MORE_HEADERS = {
    "ZH-cn": "zh-hans",
    "zh-hans-CN": "zh-hans",
    "zh-HK": "en",
    "zh-Hant": "en",
    "zh-Hant-TW": "en",
    "zh-TW, zh-CN;q=0.5": "zh-hans",
    "zh-CN;q=0.5, en;q=0.9": "en",
    "en;q=0.1, zh;q=0.9": "zh-hans",
    "zh-CN;q=0": "en",
    "*": "en",
    "de-DE, fr;q=0.9, *;q=0.5": "en",
    "": "en",
}


def get(client, path, accept=None, **extra):
    if accept is not None:
        extra["HTTP_ACCEPT_LANGUAGE"] = accept
    return client.get(path, **extra)


def switcher_links(html: str) -> list[dict[str, str]]:
    """The switcher's links: href (unescaped), hreflang, lang, and the note's text if any."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    links = []
    for match in re.finditer(r"<li>(.*?)</li>", nav.group(0), re.S):
        item = match.group(1)
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', re.search(r"<a [^>]*>", item).group(0)))
        note = re.search(r'<span class="language-switcher__note"[^>]*>(.*?)</span>\s*$', item, re.S)
        links.append(
            {
                "href": html_lib.unescape(attrs["href"]),
                "hreflang": attrs.get("hreflang", ""),
                "lang": attrs.get("lang", ""),
                "note": re.sub(r"<[^>]+>", "", note.group(1)) if note else "",
            }
        )
    return links


def switch_target(href: str) -> tuple[str, str]:
    """(language, next) of a link to the switch view."""
    parts = urlsplit(href)
    match = re.fullmatch(r"/language/([\w-]+)/", parts.path)
    assert match, href
    return match.group(1), parse_qs(parts.query)["next"][0]


# --- `/` and unprefixed paths --------------------------------------------------------------


@pytest.mark.parametrize("cookie", [None, "en", "zh-hans"])
@pytest.mark.parametrize("accept", list(HEADERS))
def test_root_redirect_matrix(client, accept, cookie):
    if cookie:
        client.cookies[COOKIE] = cookie
    response = get(client, "/", accept)
    assert response.status_code == 302
    expected = cookie or HEADERS[accept]
    assert response["Location"] == f"/{expected}/"
    # Caches must keep one redirect per language preference.
    assert "Accept-Language" in response["Vary"]
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("accept, expected", list(MORE_HEADERS.items()))
def test_root_redirect_more_headers(client, accept, expected):
    response = get(client, "/", accept)
    assert response.status_code == 302
    assert response["Location"] == f"/{expected}/"


def test_unknown_cookie_value_falls_back_to_the_header(client):
    client.cookies[COOKIE] = "fr"
    assert get(client, "/", "zh-CN")["Location"] == "/zh-hans/"
    client.cookies[COOKIE] = "zh-TW"
    assert get(client, "/", None)["Location"] == "/en/"


@pytest.mark.parametrize("accept", list(HEADERS))
def test_no_redirect_loops(client, accept):
    response = get(client, "/", accept, follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) == 1
    assert f'<html lang="{HEADERS[accept]}"' in response.content.decode()


@pytest.mark.parametrize(
    "accept, cookie, language",
    [("zh-CN", None, "zh-hans"), ("zh-TW", None, "en"), ("zh-CN", "en", "en")],
)
def test_unprefixed_page_url_redirects_to_the_prefixed_one(
    client, organization_index, accept, cookie, language
):
    index = organization_index.get_translation(Locale.objects.get(language_code=language))
    unprefixed = index.url.removeprefix(f"/{language}")
    assert unprefixed.startswith("/") and not unprefixed.startswith(f"/{language}/")
    if cookie:
        client.cookies[COOKIE] = cookie
    response = get(client, unprefixed, accept)
    assert response.status_code == 302
    assert response["Location"] == index.url
    assert get(client, response["Location"], accept).status_code == 200


def test_prefixed_urls_are_never_redirected_by_language(client, home_en, home_zh):
    client.cookies[COOKIE] = "zh-hans"
    assert get(client, home_en.url, "zh-CN").status_code == 200
    client.cookies[COOKIE] = "en"
    assert get(client, home_zh.url, "en").status_code == 200


@pytest.mark.parametrize("accept", [None, "zh-CN", "en"])
def test_api_404_is_json_not_a_redirect(client, accept):
    response = get(client, "/api/v2/pages/999999/", accept)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_api_listing_is_not_prefixed(client):
    response = get(client, "/api/v2/pages/", "zh-CN")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("accept", [None, "zh-CN"])
def test_admin_is_not_language_prefixed(client, accept):
    response = get(client, "/admin/", accept)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    missing = get(client, "/admin/no-such-screen/", accept)
    assert not missing.get("Location", "").startswith(("/en/", "/zh-hans/"))


# --- the switch view -----------------------------------------------------------------------


def test_switch_sets_the_cookie_and_redirects(client, home_zh):
    response = client.get("/language/zh-hans/?" + urlencode({"next": home_zh.url}))
    assert response.status_code == 302
    assert response["Location"] == home_zh.url
    cookie = response.cookies[COOKIE]
    assert cookie.value == "zh-hans"
    assert cookie["path"] == settings.LANGUAGE_COOKIE_PATH
    assert cookie["samesite"] == (settings.LANGUAGE_COOKIE_SAMESITE or "")
    assert bool(cookie["secure"]) == bool(settings.LANGUAGE_COOKIE_SECURE)
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    # The choice now wins over the header.
    assert get(client, "/", "en-GB")["Location"] == "/zh-hans/"
    client.get("/language/en/?next=/en/")
    assert get(client, "/", "zh-CN")["Location"] == "/en/"


@pytest.mark.parametrize("language", ["fr", "zh-hant", "zh", "EN", "xx-yy"])
def test_switch_to_unknown_language_is_404(client, language):
    response = client.get(f"/language/{language}/?next=/en/")
    assert response.status_code == 404
    assert COOKIE not in response.cookies


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/path",
        "http://evil.example/zh-hans/",
        "javascript:alert(1)",
        "/\\evil.example",
        "",
    ],
)
def test_switch_refuses_offsite_next(client, home_zh, next_url):
    response = client.get("/language/zh-hans/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == home_zh.url
    assert response.cookies[COOKIE].value == "zh-hans"


def test_switch_without_next_goes_to_that_language_home(client, home_en):
    response = client.get("/language/en/")
    assert response["Location"] == home_en.url


def test_switch_accepts_same_host_absolute_next(client):
    response = client.get("/language/en/", {"next": "http://testserver/en/"})
    assert response["Location"] == "http://testserver/en/"


def test_switch_is_get_only(client):
    assert client.post("/language/en/?next=/en/").status_code == 405


# --- the switcher --------------------------------------------------------------------------


def test_switcher_on_translated_page_goes_through_the_switch_view(client, organisation, chinese):
    organisation_zh = organisation.get_translation(chinese)
    for page, other in ((organisation, organisation_zh), (organisation_zh, organisation)):
        (link,) = switcher_links(client.get(page.url).content.decode())
        code = other.locale.language_code
        assert link["hreflang"] == code and link["lang"] == code
        assert switch_target(link["href"]) == (code, other.url)
        assert link["note"] == ""
        response = client.get(link["href"], follow=True)
        assert response.status_code == 200
        assert response.redirect_chain == [(other.url, 302)]
        assert client.cookies[COOKIE].value == code


def test_switcher_on_untranslated_page_points_at_nearest_translated_section(
    client, organisation, chinese
):
    organisation_zh = organisation.get_translation(chinese)
    committee = CommitteePageFactory(parent=organisation)
    assert not committee.get_translations().exists()

    (link,) = switcher_links(client.get(committee.url).content.decode())
    assert link["hreflang"] == "zh-hans" and link["lang"] == "zh-hans"
    assert switch_target(link["href"]) == ("zh-hans", organisation_zh.url)
    assert link["note"] == (
        "This page is not available in 简体中文 yet; the link shows the closest section, “协会”."
    )
    response = client.get(link["href"], follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(organisation_zh.url, 302)]


def test_switcher_on_chinese_page_whose_english_is_unpublished(client, organisation, chinese):
    committee = CommitteePageFactory(parent=organisation)
    committee_zh = translate(committee, chinese)
    committee.unpublish()

    html = client.get(committee_zh.url).content.decode()
    (link,) = switcher_links(html)
    assert link["hreflang"] == "en"
    assert switch_target(link["href"]) == ("en", organisation.url)
    # The note is in the page's language (Chinese) and names the English section.
    assert link["note"] == "此页面暂无 English 版本；该链接将指向最相近的栏目“Association”。"


def test_switcher_never_links_to_draft_translation(client, organisation, chinese):
    """A translation that was never published doesn't count: fall back to the section."""
    committee = CommitteePageFactory(parent=organisation)
    draft = committee.copy_for_translation(chinese)  # created as a draft, not live
    assert not draft.live
    (link,) = switcher_links(client.get(committee.url).content.decode())
    assert switch_target(link["href"]) == ("zh-hans", organisation.get_translation(chinese).url)
