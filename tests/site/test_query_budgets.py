"""Query budgets of public pages: an anonymous visitor's page costs a fixed number of queries,
the same whether it shows few or many blocks, children or items, in English and in Chinese.

Each test builds its page at two sizes (`SIZES`) and asserts the same exact count at both: a
list that grew a query per item would fail at one of them. The count is of the second request
(the first fills Wagtail's cache of the site's root paths, as any earlier visitor would).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from home.models import FormField
from organizations.models import CommitteePage, HistoryPage, OrganizationPage
from organizations.wagtail_hooks import LATEST_NEWS
from tests.factories import (
    CommitteePageFactory,
    HistoryPageFactory,
    OrganizationPageFactory,
    TimelineEventBlockFactory,
    translate,
)
from tests.home.form_pages import CHINESE as FORM_CHINESE
from tests.home.form_pages import build_form_page
from tests.organizations.news_factories import NewsArticlePageFactory, articles

# A list of one, and a list long enough that a query per item would show.
SIZES = [1, 5]

pytestmark = pytest.mark.django_db


def in_both_languages(build: Callable[[int], object]) -> Callable:
    """Parametrises a test by size and by language (see `assert_budget`)."""
    return pytest.mark.parametrize("language", ["en", "zh-hans"])(
        pytest.mark.parametrize("size", SIZES)(build)
    )


@pytest.fixture
def assert_budget(client, django_assert_num_queries, chinese):
    """`assert_budget(page, queries, language)`: `page` (English, translated beforehand for
    "zh-hans") renders for an anonymous visitor in `language` with exactly `queries`."""

    def check(page, queries: int, language: str) -> str:
        shown = page if language == "en" else page.get_translation(chinese)
        url = shown.get_url()
        client.get(url)
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        return response.content.decode()

    return check


def translated(page, chinese):
    """`page` after publishing its Chinese translation (strings kept as they are)."""
    translate(page, chinese)
    return page


@in_both_languages
def test_organization_index(size, language, organization_index, image, chinese, assert_budget):
    for _ in range(size):
        translated(OrganizationPageFactory(parent=organization_index, logo=image), chinese)
    html = assert_budget(organization_index, 6, language)
    assert html.count('class="card card--org"') == size


@in_both_languages
def test_organization_page(
    size, language, organisation, organization_index, news_index, chinese, assert_budget
):
    for article in articles(news_index, size, organization=organisation):
        translated(article, chinese)
    for _ in range(size):
        translated(CommitteePageFactory(parent=organisation), chinese)
        translated(HistoryPageFactory(parent=organisation), chinese)
        member = OrganizationPageFactory(
            parent=organization_index, parent_organization=organisation
        )
        translated(member, chinese)
    # Two of these are the programmes' and events' sections (programs app), one query each.
    html = assert_budget(organisation, 9, language)
    assert html.count("<abbr>SC") == size  # the committees' acronyms
    assert html.count('class="card card--news"') == min(size, LATEST_NEWS)


def organisation_parts(organisation, chinese, size: int) -> None:
    """`size` more committees and histories under the organisation, in both languages."""
    for _ in range(size):
        translated(CommitteePageFactory(parent=organisation), chinese)
        translated(HistoryPageFactory(parent=organisation), chinese)


def onward_links(html: str) -> int:
    """How many links the "More from" section holds."""
    section = html[html.index('class="organization-parts"') :]
    return section[: section.index("</section>")].count("<li>")


@in_both_languages
def test_committee_page(size, language, organisation, chinese, assert_budget):
    committee = CommitteePageFactory(parent=organisation)
    committee.body = [("paragraph", RichText(f"<p>Paragraph {n}</p>")) for n in range(size)]
    committee.save_revision().publish()
    translated(CommitteePage.objects.get(pk=committee.pk), chinese)
    organisation_parts(organisation, chinese, size)
    # The committee's 4, then its organisation and what belongs to it, as on the organisation's
    # page: the committees and histories, and the news, programmes and events sections.
    html = assert_budget(committee, 9, language)
    assert html.count("<p>Paragraph ") == size
    assert onward_links(html) == 1 + 2 * size  # the organisation, the others


@in_both_languages
def test_history_page(size, language, organisation, chinese, assert_budget):
    events = [("event", TimelineEventBlockFactory()) for _ in range(size)]
    history = translated(HistoryPageFactory(parent=organisation, events=events), chinese)
    organisation_parts(organisation, chinese, size)
    # The history's 4, then its organisation and what belongs to it (see the committee's).
    html = assert_budget(HistoryPage.objects.get(pk=history.pk), 9, language)
    assert html.count('class="timeline__event"') == size
    assert onward_links(html) == 1 + 2 * size


@in_both_languages
def test_news_index(size, language, news_index, organisation, image, chinese, assert_budget):
    published = articles(news_index, size, organization=organisation, image=image, image_alt="A")
    for article in published:
        translated(article, chinese)
    html = assert_budget(news_index, 7, language)
    assert html.count('class="card card--news"') == size
    publisher = "Association" if language == "en" else "协会"  # in the reader's language
    assert html.count(f'<span class="news-publisher">{publisher}</span>') == size


@in_both_languages
def test_news_article(size, language, news_index, organisation, chinese, assert_budget):
    codes = ["anniversary", "conference", "education", "exchange", "research"][:size]
    article = NewsArticlePageFactory(
        parent=news_index, organization=organisation, topic_codes=codes
    )
    translated(article, chinese)
    html = assert_budget(article, 6, language)
    assert html.count('class="badge" href=') == size


@in_both_languages
def test_form_page(size, language, home_en, chinese, assert_budget):
    extra = [FormField(label=f"Question {n}", field_type="singleline") for n in range(size)]
    page = build_form_page(home_en, extra_fields=tuple(extra))
    translate(page, chinese, FORM_CHINESE)
    html = assert_budget(page, 5, language)
    assert html.count("Question ") == size


@in_both_languages
def test_home_page(size, language, organization_index, home_en, home_zh, chinese, assert_budget):
    """The demo's home pages (news, events, open calls, a body with images), featuring `size`
    organisations."""
    featured = [
        translated(OrganizationPageFactory(parent=organization_index), chinese) for _ in range(size)
    ]
    for home in (home_en, home_zh):  # translations keep the English choices, as stored
        home.featured_pages = [("page", page) for page in featured]
        home.save_revision().publish()
    # Two of these are the programmes' boxes (programs app): the next events, the open calls;
    # two the body image and its renditions.
    html = assert_budget(home_en, 11, language)
    assert all(f">{page.title}</a>" in html for page in featured)


# --- what the cheaper routing must keep ------------------------------------------------------


@pytest.mark.parametrize("restricted", ["organisation", "committee"])
def test_pages_below_a_view_restriction_stay_private(client, organisation, restricted):
    committee = CommitteePageFactory(parent=organisation, title="Secret committee")
    protected = organisation if restricted == "organisation" else committee
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="opensesame"
    )
    html = client.get(committee.url).content.decode()
    assert 'name="password"' in html
    assert "Standing Secret committee" not in html
    # Nor is a private committee listed on its organisation's page.
    assert committee.url not in client.get(organisation.url).content.decode()


def test_sub_urls_and_missing_pages_route_as_before(client, news_index, organisation):
    article = NewsArticlePageFactory(parent=news_index, title="Feed", slug="feed")
    # A routable page's own sub-URL comes before a child of the same slug, as in Wagtail.
    feed = client.get(news_index.url + "feed/")
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert client.get(article.url + "no-such-page/").status_code == 404
    assert client.get(organisation.url + "no-such-page/").status_code == 404


def test_a_language_whose_home_page_is_a_draft_routes_from_the_default_one(
    client, home_en, home_zh
):
    """As Wagtail's `root_page.localized`: a translation that is not live is not routed to."""
    home_zh.title = "首页"
    home_zh.save_revision().publish()
    assert "<title>首页" in client.get("/zh-hans/").content.decode()
    home_zh.unpublish()
    html = client.get("/zh-hans/").content.decode()
    assert f"<title>{home_en.title}" in html and "首页" not in html


def test_wagtails_other_front_end_urls_still_answer(client):
    response = client.get("/en/_util/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@in_both_languages
def test_organization_page_with_blocks_linking_to_pages(
    size, language, organization_index, chinese, assert_budget
):
    """A timeline excerpt whose `size` events each link to a page, and `size` buttons: every
    link leads to the page in the reader's language, whatever the number of links."""
    targets = [
        translated(OrganizationPageFactory(parent=organization_index, title=f"Target {n}"), chinese)
        for n in range(size)
    ]
    organisation = OrganizationPageFactory(parent=organization_index, title="Association")
    events = [("event", TimelineEventBlockFactory(link=target)) for target in targets]
    history = HistoryPageFactory(parent=organisation, events=events)
    excerpt = {"heading": "", "history_page": history.pk, "from_year": None, "to_year": None}
    body = [{"type": "timeline_excerpt", "value": {**excerpt, "max_events": 50}}]
    body += [
        {"type": "call_to_action", "value": {"text": "Button", "page": target.pk, "url": ""}}
        for target in targets
    ]
    organisation.body = json.dumps(body)
    organisation.save_revision().publish()
    translated(organisation, chinese)
    translated(history, chinese)
    # The organisation page's 9, the blocks' choosers as stored (the history, the buttons'
    # pages) and every linked page in the reader's language (the history's links too).
    html = assert_budget(OrganizationPage.objects.get(pk=organisation.pk), 12, language)
    shown = [t.get_translation(chinese) if language == "zh-hans" else t for t in targets]
    for target in shown:
        assert f'<a class="button" href="{target.url}">Button</a>' in html, target.url
        assert f'<a href="{target.url}">{target.title}</a>' in html


@in_both_languages
def test_search_results(
    size, language, organisation, image, chinese, client, django_assert_num_queries
):
    """`size` committees and `size` histories match, their bodies holding images, buttons and
    text: the excerpts are read from the text as stored, with no query per result."""
    for n in range(size):
        committee = CommitteePageFactory(parent=organisation, title=f"Zebra committee {n}")
        committee.body = json.dumps(
            [
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "alt_text": "A",
                        "decorative": False,
                        "caption": "",
                    },
                },
                {
                    "type": "call_to_action",
                    "value": {"text": "Go", "page": organisation.pk, "url": ""},
                },
                {"type": "paragraph", "value": "<p>Stripes for every zebra.</p>"},
            ]
        )
        committee.save_revision().publish()
        translated(CommitteePage.objects.get(pk=committee.pk), chinese)
        translated(HistoryPageFactory(parent=organisation, title=f"Zebra history {n}"), chinese)
    url = f"/{language}/search/?q=zebra"
    client.get(url)
    # The private sections, the count, the matches, the pages found as their own types, and
    # the chrome around the results.
    with django_assert_num_queries(9):
        html = client.get(url).content.decode()
    assert html.count('class="search-result"') == 2 * size
    assert html.count("Stripes for every <mark>zebra</mark>.") == size


def test_every_demo_page_is_within_the_budget(client):
    """The demo site as built (timeline excerpts, buttons, partner grids, images): every live
    page and a search in each language, at most 12 queries each."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1)]
    urls += ["/en/search/?q=exchange", "/zh-hans/search/?q=%E4%BA%A4%E6%B5%81"]
    assert len(urls) > 40
    over = {}
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        if len(queries) > 12:
            over[url] = len(queries)
    assert over == {}
