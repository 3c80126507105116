"""News feeds: RSS 2.0 and Atom per language, valid for a feed reader (feedparser), with
absolute links to the pages in the feed's language, announced in the `<head>` of every page of
that language, in a number of queries that does not grow with the items."""

import datetime
from html.parser import HTMLParser

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.organizations.news_factories import articles

pytestmark = pytest.mark.django_db

FEEDS = [
    ("feed/", "rss20", "application/rss+xml"),
    ("feed/atom/", "atom10", "application/atom+xml"),
]


def parse(client, url: str, content_type: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(("route", "version", "content_type"), FEEDS)
def test_english_feed(client, published_article, organisation, route, version, content_type):
    index = published_article.get_parent()
    feed = parse(client, index.url + route, content_type)
    assert feed.version == version
    assert feed.feed.title == "News"
    assert feed.feed.link == index.full_url
    assert feed.feed.language == "en" if version == "rss20" else True
    [entry] = feed.entries
    assert entry.title == "Thirty years"
    assert entry.link == published_article.full_url
    assert entry.link.startswith("http") and "/en/news/" in entry.link
    assert entry.summary == "The association turns thirty."
    assert entry.published_parsed[:3] == (2017, 5, 1)
    assert entry.author == "Association"
    assert {tag.term for tag in entry.tags} == {"Anniversaries", "Research"}


@pytest.mark.parametrize(("route", "version", "content_type"), FEEDS)
def test_chinese_feed(client, published_article, chinese, route, version, content_type):
    index = published_article.get_parent().get_translation(chinese)
    feed = parse(client, index.url + route, content_type)
    assert feed.feed.title == "新闻"
    [entry] = feed.entries
    article = published_article.get_translation(chinese)
    assert entry.title == "三十年"
    assert entry.link == article.full_url and "/zh-hans/" in entry.link
    assert entry.summary == "协会成立三十周年。"
    assert entry.author == "协会"
    assert {tag.term for tag in entry.tags} == {"周年纪念", "科研"}


def test_language_is_declared(client, published_article, chinese):
    index = published_article.get_parent().get_translation(chinese)
    assert "<language>zh-hans</language>" in client.get(index.url + "feed/").content.decode()
    assert 'xml:lang="zh-hans"' in client.get(index.url + "feed/atom/").content.decode()


def test_newest_first_and_at_most_twenty(client, news_index):
    articles(news_index, 21)
    newest = articles(news_index, 1, date=datetime.date(2030, 1, 1))[0]
    feed = parse(client, news_index.url + "feed/", "application/rss+xml")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == newest.title


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict] = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_head = False
        if tag == "link" and self.in_head:
            self.links.append(dict(attrs))


def feed_links(client, url: str) -> dict[str, str]:
    collector = LinkCollector()
    collector.feed(client.get(url).content.decode())
    return {
        link["type"]: link["href"]
        for link in collector.links
        if link.get("rel") == "alternate" and "type" in link
    }


def test_feeds_are_announced_on_every_page_of_the_language(
    client, published_article, organisation, chinese, home_en, home_zh
):
    index = published_article.get_parent()
    english = {
        "application/rss+xml": index.full_url + "feed/",
        "application/atom+xml": index.full_url + "feed/atom/",
    }
    for page in [home_en, index, published_article, organisation]:
        assert feed_links(client, page.url) == english, page.url
    zh_index = index.get_translation(chinese)
    chinese_links = {
        "application/rss+xml": zh_index.full_url + "feed/",
        "application/atom+xml": zh_index.full_url + "feed/atom/",
    }
    for page in [home_zh, zh_index, organisation.get_translation(chinese)]:
        assert feed_links(client, page.url) == chinese_links, page.url
    # The announced address is the feed.
    parse(client, chinese_links["application/atom+xml"], "application/atom+xml")


def test_no_feed_links_without_a_public_news_section(client, news_index, home_en):
    news_index.unpublish()
    assert feed_links(client, home_en.url) == {}


@pytest.mark.parametrize("route", ["feed/", "feed/atom/"])
def test_feed_queries_do_not_grow(client, news_index, organisation, route):
    url = news_index.url + route

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            parse(client, url, "application/")
        return len(context)

    articles(news_index, 3, organization=organisation, topic_codes=["research"])
    three = count()
    articles(news_index, 9, organization=organisation, topic_codes=["exchange"])
    assert len(parse(client, url, "application/").entries) == 12
    assert count() == three
