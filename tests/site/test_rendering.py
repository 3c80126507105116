"""Every page type renders in both locales, with localized links, dates and landmarks."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Locale, Page

from home.models import HomePage
from organizations.models import CommitteePage, HistoryPage, OrganizationPage
from programs.models import PartnerProgramPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "HomePage",
    "OrganizationIndexPage",
    "OrganizationPage",
    "CommitteePage",
    "HistoryPage",
    "NewsIndexPage",
    "NewsArticlePage",
    "ProgramIndexPage",
    "PartnerProgramPage",
    "EventIndexPage",
    "EventPage",
    "FormPage",
}


def main_html(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


class BreadcrumbParser(HTMLParser):
    """The breadcrumb trail of a page (`<nav class="breadcrumbs">`): its `aria-label` and its
    links as `(href, text, aria-current)`, in order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.label: str | None = None
        self.links: list[tuple[str | None, str, str | None]] = []
        self._in_nav = False
        self._link: list | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav" and "breadcrumbs" in (attributes.get("class") or "").split():
            self._in_nav = True
            self.label = attributes.get("aria-label")
        elif tag == "a" and self._in_nav:
            self._link = [attributes.get("href"), "", attributes.get("aria-current")]

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            href, text, current = self._link
            self.links.append((href, text.strip(), current))
            self._link = None
        elif tag == "nav":
            self._in_nav = False


def expected_trail(page: Page) -> list[tuple[str, str, str | None]]:
    """Home page first, each ancestor by its title and URL, the page itself last and current."""
    trail = [(page.url, page.title, "page")]
    parent = page.get_parent()
    while parent.depth > 1:
        trail.insert(0, (parent.url, parent.title, None))
        parent = parent.get_parent()
    return trail


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_live_page_renders_with_landmarks(client, language):
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=language).specific()
    assert {type(p).__name__ for p in pages} == PAGE_TYPES
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, page.url
        for landmark in ("<header", "<nav", "<main", "<footer", "<h1"):
            assert landmark in html, (page.url, landmark)
        assert html.count("<h1") == 1, page.url
        # A home page has no ancestor to show: no trail at all.
        expected = expected_trail(page) if page.depth > 2 else []
        assert BreadcrumbParser(html).links == expected, page.url


@pytest.mark.parametrize(("language", "label"), [("en", "Breadcrumb"), ("zh-hans", "面包屑导航")])
def test_breadcrumbs_lead_from_the_home_page_to_the_page(client, language, label):
    locale = Locale.objects.get(language_code=language)
    home = HomePage.objects.get(locale=locale)
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale=locale)
    committee = CommitteePage.objects.child_of(smsa).live().first()
    trail = BreadcrumbParser(client.get(committee.url).content.decode())
    assert trail.label == label
    assert trail.links == expected_trail(committee)
    assert trail.links[0] == (home.url, home.title, None)
    assert trail.links[-2:] == [
        (smsa.url, smsa.title, None),
        (committee.url, committee.title, "page"),
    ]
    # Every crumb is in the page's own language, and only the last is marked current.
    assert all(href.startswith(f"/{language}/") for href, _title, _current in trail.links)
    assert [current for _href, _title, current in trail.links].count("page") == 1


def test_both_locales_have_the_same_pages(english, chinese):
    en_keys = set(Page.objects.filter(locale=english, depth__gt=1).values_list("translation_key"))
    zh_keys = set(Page.objects.filter(locale=chinese, depth__gt=1).values_list("translation_key"))
    assert en_keys == zh_keys
    assert Page.objects.filter(locale=chinese, depth__gt=1, live=False).count() == 0


def test_chinese_organisation_page_links_stay_in_chinese(client, chinese):
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale=chinese)
    china = OrganizationPage.objects.get(acronym="IFMSA-China", locale=chinese)
    html = main_html(client.get(smsa.url).content.decode())
    assert f'href="{china.url}"' in html
    committees = CommitteePage.objects.child_of(smsa).live()
    assert {c.acronym for c in committees} >= {"SCOME", "SCOPE", "SCORE", "SCOPH", "SCORA"}
    for committee in committees:
        assert f'href="{committee.url}"' in html
        assert committee.title in html
    assert "2014年12月29日" in html
    assert not re.search(r'href="/en/', html)


def test_english_dates_read_as_written(client, english):
    smsa = OrganizationPage.objects.get(acronym="SMSA", locale=english)
    assert "29 December 2014" in client.get(smsa.url).content.decode()


def test_parent_lists_its_member_organisations_in_its_locale(client, english, chinese):
    for locale in (english, chinese):
        china = OrganizationPage.objects.get(acronym="IFMSA-China", locale=locale)
        smsa = OrganizationPage.objects.get(acronym="SMSA", locale=locale)
        assert f'href="{smsa.url}"' in main_html(client.get(china.url).content.decode())


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_history_is_in_date_order(client, language):
    for history in HistoryPage.objects.live().filter(locale__language_code=language):
        html = main_html(client.get(history.url).content.decode())
        assert html.count('class="timeline__event"') == len(history.events), history.url
        # The timeline's dates (the news listed after it, under "More from", have their own).
        timeline = html[html.index('<ol class="timeline">') :].split("</ol>", 1)[0]
        dates = re.findall(r'<time [^>]*datetime="(\d{4}(?:-\d{2}){0,2})"', timeline)
        assert dates and dates == sorted(dates), history.url


def test_programme_shows_localized_host_and_partners(client, chinese):
    programme = (
        PartnerProgramPage.objects.live().filter(locale=chinese, partners__isnull=False).first()
    )
    html = main_html(client.get(programme.url).content.decode())
    host = programme.localized_host_organization()
    assert host.locale == chinese
    assert f'href="{host.url}"' in html
    partners = programme.localized_partners()
    assert partners and all(p.locale == chinese for p in partners)
    for partner in partners:
        assert partner.name in html
    assert not re.search(r'href="/en/', html)


def test_organisation_lists_hosted_programmes(client, chinese):
    programme = PartnerProgramPage.objects.live().filter(locale=chinese).first()
    host = programme.localized_host_organization()
    assert f'href="{programme.url}"' in main_html(client.get(host.url).content.decode())


def test_content_is_escaped(client, english):
    page = OrganizationPage.objects.get(acronym="IFMSA", locale=english)
    page.summary = '<script>alert("x")</script>'
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_draft_changes_and_unpublished_pages_stay_private(client, english):
    page = OrganizationPage.objects.get(acronym="SOMS", locale=english)
    page.summary = "Draft-only sentence"
    page.save_revision()
    assert "Draft-only sentence" not in client.get(page.url).content.decode()
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
    index_html = client.get(page.get_parent().url).content.decode()
    assert f'href="{url}"' not in index_html


def test_unknown_page_is_a_404_in_the_locale(client):
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    assert 'lang="zh-hans"' in response.content.decode()
