"""What search engines see: canonical and hreflang links in `<head>`, the sitemap, robots.txt."""

import datetime
import html as html_lib
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from organizations.models import CommitteePage, OrganizationPage
from tests.factories import CommitteePageFactory, OrganizationPageFactory, translate

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def head(html: str) -> str:
    return html.split("<head>", 1)[1].split("</head>", 1)[0]


def canonical(html: str) -> list[str]:
    return [
        html_lib.unescape(url)
        for url in re.findall(r'<link rel="canonical" href="([^"]+)">', head(html))
    ]


def hreflangs(html: str) -> dict[str, str]:
    found = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head(html))
    assert len(found) == len({code for code, _ in found}), found  # no language twice
    return {code: html_lib.unescape(url) for code, url in found}


def sitemap(client) -> dict[str, dict]:
    """`{loc: {"lastmod": …, "alternates": {hreflang: href}}}` from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    urls = {}
    for url in root.findall("sm:url", NS):
        loc = url.find("sm:loc", NS).text
        assert loc not in urls, f"{loc} listed twice"
        lastmod = url.find("sm:lastmod", NS)
        urls[loc] = {
            "lastmod": lastmod.text if lastmod is not None else None,
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", NS)
                if link.get("rel") == "alternate"
            },
        }
    return urls


def translated_committee(organisation: OrganizationPage, chinese) -> CommitteePage:
    """A committee of a translated organisation, and its Chinese translation."""
    page = CommitteePageFactory(parent=organisation)
    translate(page, chinese)
    return page


# --- <head> ----------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", ["organisation", "committee"])
def test_head_links_on_translated_page_in_both_locales(client, organisation, chinese, depth):
    if depth == "organisation":
        page_en = organisation
    else:
        page_en = translated_committee(organisation, chinese)
    page_zh = page_en.get_translation(chinese)
    expected = {
        "en": page_en.get_full_url(),
        "zh-hans": page_zh.get_full_url(),
        "x-default": page_en.get_full_url(),
    }
    assert expected["en"].startswith("http") and expected["zh-hans"].startswith("http")
    for page in (page_en, page_zh):
        html = client.get(page.url).content.decode()
        assert canonical(html) == [page.get_full_url()]
        assert hreflangs(html) == expected


def test_head_links_on_home_pages(client, home_en, home_zh):
    for page in (home_en, home_zh):
        html = client.get(page.url).content.decode()
        assert canonical(html) == [page.get_full_url()]
        assert hreflangs(html) == {
            "en": home_en.get_full_url(),
            "zh-hans": home_zh.get_full_url(),
            "x-default": home_en.get_full_url(),
        }


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_page_has_canonical_and_hreflang_to_itself(client, language):
    for page in Page.objects.live().filter(depth__gt=1, locale__language_code=language):
        html = client.get(page.url).content.decode()
        assert canonical(html) == [page.get_full_url()], page.url
        links = hreflangs(html)
        assert links[language] == page.get_full_url(), page.url
        assert set(links) == {"en", "zh-hans", "x-default"}, page.url
        # Straight to the pages, never through the switch view.
        assert not any("/language/" in url for url in links.values()), page.url


def test_head_links_on_untranslated_page(client, organisation):
    page = CommitteePageFactory(parent=organisation)
    html = client.get(page.url).content.decode()
    assert canonical(html) == [page.get_full_url()]
    assert hreflangs(html) == {"en": page.get_full_url(), "x-default": page.get_full_url()}


def test_x_default_is_the_page_itself_when_english_is_unpublished(client, organisation, chinese):
    committee_en = translated_committee(organisation, chinese)
    committee_zh = committee_en.get_translation(chinese)
    committee_en.unpublish()
    html = client.get(committee_zh.url).content.decode()
    assert hreflangs(html) == {
        "zh-hans": committee_zh.get_full_url(),
        "x-default": committee_zh.get_full_url(),
    }


def test_head_leaves_out_private_translation(client, organisation, chinese):
    committee_en = translated_committee(organisation, chinese)
    committee_zh = committee_en.get_translation(chinese)
    PageViewRestriction.objects.create(page=committee_zh, restriction_type="login")
    assert hreflangs(client.get(committee_en.url).content.decode()) == {
        "en": committee_en.get_full_url(),
        "x-default": committee_en.get_full_url(),
    }


def test_404_page_has_no_canonical(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert canonical(response.content.decode()) == []


def render_head_tags(page: Page) -> tuple[str, int]:
    """`{% alternate_links %}` and `{% language_switcher %}` for `page`: (html, queries)."""
    request = RequestFactory().get(page.url)
    Site.find_for_request(request)  # as Wagtail's serve view does (cached on the request)
    template = engines["django"].from_string(
        "{% load site_tags %}{% alternate_links %}{% language_switcher %}"
    )
    page = Page.objects.get(pk=page.pk).specific  # nothing cached on the instance
    with CaptureQueriesContext(connection) as queries:
        html = template.render({"page": page, "request": request})
    return html, len(queries)


def test_head_links_and_switcher_cost_a_fixed_few_queries(client, organisation, chinese):
    """One look-up of translations serves both tags, whatever the number of languages; one
    more for view restrictions (only when there are translations to check)."""
    committee_zh = translated_committee(organisation, chinese).get_translation(chinese)
    client.get(organisation.url)  # warm Wagtail's cached site root paths
    for page in (organisation, committee_zh):
        html, queries = render_head_tags(page)
        assert 'rel="canonical"' in html and "language-switcher" in html
        # page.locale, ancestors, translations, locales, view restrictions.
        assert queries <= 5, queries


# --- sitemap.xml -----------------------------------------------------------------------------


def test_sitemap_lists_every_live_public_page_of_both_locales(client):
    urls = sitemap(client)
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    assert set(urls) == {page.get_full_url() for page in pages}
    assert {p.locale.language_code for p in pages} == {"en", "zh-hans"}
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
    for page in pages:
        entry = urls[page.get_full_url()]
        translations = by_key[page.translation_key]
        assert entry["alternates"] == {
            **{code: p.get_full_url() for code, p in translations.items()},
            "x-default": translations["en"].get_full_url(),
        }
        assert entry["lastmod"] == page.last_published_at.date().isoformat()


def test_sitemap_excludes_private_unpublished_and_draft_pages(
    client, organization_index, organisation, chinese
):
    login_en = OrganizationPageFactory(parent=organization_index)
    translate(login_en, chinese)
    translated_committee(login_en, chinese)
    login_zh = login_en.get_translation(chinese)
    password_en = OrganizationPageFactory(parent=organization_index)
    translate(password_en, chinese)
    translated_committee(password_en, chinese)
    password_zh = password_en.get_translation(chinese)
    unpublished_en = translated_committee(organisation, chinese)
    changed_en = translated_committee(organisation, chinese)

    # Private: login needed (the page and everything below it), or a password.
    PageViewRestriction.objects.create(page=login_en, restriction_type="login")
    PageViewRestriction.objects.create(
        page=password_zh, restriction_type="password", password="secret"
    )
    login_en_below = list(login_en.get_descendants())
    password_zh_below = list(password_zh.get_descendants())
    assert login_en_below and password_zh_below
    # Unpublished.
    unpublished_en.unpublish()
    # A draft that was never published.
    draft = CommitteePageFactory(parent=organisation, live=False)
    draft.save_revision()
    draft.refresh_from_db()
    assert not draft.live
    # A published page with later draft changes is listed once, at its live URL.
    changed_en.slug = "later-draft-slug"
    changed_en.save_revision()

    urls = sitemap(client)
    hidden = [login_en, password_zh, *login_en_below, *password_zh_below, unpublished_en, draft]
    for page in hidden:
        page.refresh_from_db()
        full_url = page.get_full_url()
        assert full_url not in urls, full_url
        for entry in urls.values():
            assert full_url not in entry["alternates"].values(), full_url
    # Their public translations stay, without the hidden alternate.
    assert urls[login_zh.get_full_url()]["alternates"] == {
        "zh-hans": login_zh.get_full_url(),
        "x-default": login_zh.get_full_url(),
    }
    assert CommitteePage.objects.get(pk=changed_en.pk).get_full_url() in urls
    assert not any("later-draft-slug" in loc for loc in urls)


def test_sitemap_query_count_does_not_grow_with_pages(client, organisation, chinese):
    def count() -> int:
        client.get("/sitemap.xml")  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    before, listed_before = count(), len(sitemap(client))
    organisation_zh = organisation.get_translation(chinese)
    CommitteePageFactory.create_batch(6, parent=organisation)
    for n in range(3):
        CommitteePageFactory(parent=organisation_zh, title=f"额外委员会 {n}")
    after, listed_after = count(), len(sitemap(client))
    assert listed_after == listed_before + 9
    assert after == before
    assert before <= 6


# --- robots.txt ------------------------------------------------------------------------------


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert [line for line in lines if line.startswith("Disallow:")] == ["Disallow: /admin/"]
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_sitemap_and_robots_are_not_language_prefixed(client):
    for path in ("/sitemap.xml", "/robots.txt"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-CN")
        assert response.status_code == 200, path
    assert client.get("/zh-hans/sitemap.xml").status_code == 404


def test_lastmod_is_a_date(client):
    for entry in sitemap(client).values():
        datetime.date.fromisoformat(entry["lastmod"])


def title(html: str) -> str:
    return html_lib.unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


def description(html: str) -> str | None:
    found = re.search(r'<meta name="description" content="([^"]*)">', head(html))
    return html_lib.unescape(found.group(1)) if found else None


def test_titles_name_the_site_once(client, home_en, home_zh, organisation):
    site = "MedStudents Network"
    home = client.get(home_en.url).content.decode()
    assert title(home).count(site) == 1
    assert title(client.get(home_zh.url).content.decode()).count("医学生网络") == 1
    assert title(client.get(organisation.url).content.decode()) == f"Association · {site}"
    assert title(client.get("/en/search/").content.decode()) == f"Search · {site}"


def test_every_page_has_a_favicon(client, home_en):
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in head(
        client.get(home_en.url).content.decode()
    )
    assert client.get("/static/favicon.svg").status_code == 200


def test_description_falls_back_to_what_the_page_is_about(client, organization_index, chinese):
    page = OrganizationPageFactory(parent=organization_index, summary="Students of one school.")
    translate(page, chinese, {"Students of one school.": "一所学校的学生。"})
    assert description(client.get(page.url).content.decode()) == "Students of one school."
    zh = client.get(page.get_translation(chinese).url).content.decode()
    assert description(zh) == "一所学校的学生。"
    committee = CommitteePageFactory(parent=page, focus="Exchanges <b>abroad</b>.")
    assert description(client.get(committee.url).content.decode()) == "Exchanges abroad."
    page.search_description = "Written for search engines."
    page.save_revision().publish()
    assert description(client.get(page.url).content.decode()) == "Written for search engines."


def test_demo_pages_all_have_descriptions(client):
    for page in Page.objects.live().public().specific().filter(depth__gte=2):
        response = client.get(page.url)
        if response.status_code == 200 and "<head>" in response.content.decode():
            assert description(response.content.decode()), page.url
