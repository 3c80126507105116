"""News feeds (RSS 2.0 at `…/news/feed/`, Atom at `…/news/feed/atom/`, one per language),
their `<head>` links, and an article's schema.org description.

Links are absolute, to the pages in the feed's language (from the Site record, as the sitemap's
are). A feed costs the same number of queries whatever the number of items."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext, override
from wagtail.models import Locale

from home.navigation import locale_home, sections

from .news import NewsArticlePage, NewsIndexPage, with_publishers

if TYPE_CHECKING:
    from django.db.models import QuerySet

FEED_ITEMS = 20


class NewsRssFeed(Feed):
    """The latest articles of one news index, newest first."""

    feed_type = Rss201rev2Feed
    route_name = "rss_feed"

    def __init__(self, index: NewsIndexPage) -> None:
        super().__init__()
        self.index = index
        self.language = index.locale.language_code
        self.request: HttpRequest | None = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Labels (e.g. topics) in the feed's language, whatever the visitor's cookie says.
        with override(self.language):
            response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response

    def get_object(self, request, *args, **kwargs) -> NewsIndexPage:
        return self.index

    def title(self, index: NewsIndexPage) -> str:
        return index.title

    def link(self, index: NewsIndexPage) -> str:
        return index.get_full_url(self.request)

    def feed_url(self, index: NewsIndexPage) -> str:
        return index.get_full_url(self.request) + index.reverse_subpage(self.route_name)

    def description(self, index: NewsIndexPage) -> str:
        return gettext("The latest news, newest first.")

    def items(self, index: NewsIndexPage) -> list[NewsArticlePage]:
        articles: QuerySet = index.articles().prefetch_related(None).prefetch_related("topics")
        return with_publishers(articles[:FEED_ITEMS])

    def item_title(self, item: NewsArticlePage) -> str:
        return item.title

    def item_description(self, item: NewsArticlePage) -> str:
        return item.summary

    def item_link(self, item: NewsArticlePage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: NewsArticlePage) -> str:
        return self.item_link(item)

    def item_pubdate(self, item: NewsArticlePage) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item: NewsArticlePage) -> datetime.datetime:
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item: NewsArticlePage) -> str | None:
        return item.publisher.title if item.publisher else None

    def item_author_link(self, item: NewsArticlePage) -> str | None:
        return item.publisher.get_full_url(self.request) if item.publisher else None

    def item_categories(self, item: NewsArticlePage) -> list[str]:
        return [label for _code, label in item.topic_list()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    route_name = "atom_feed"

    def subtitle(self, index: NewsIndexPage) -> str:
        return self.description(index)


def news_index_for(locale: Locale | None, request: HttpRequest | None) -> NewsIndexPage | None:
    """The live, public news section of the language shown: the first among the sections of its
    home page (read once per request for the menu too, see `home.navigation.sections`)."""
    for section in sections(locale_home(locale, request), request):
        if issubclass(section.specific_class, NewsIndexPage):
            # Its titles, URLs and feed routes are all the links need: no query for the rest.
            return section.specific_deferred
    return None


def feed_links(locale: Locale | None, request: HttpRequest | None) -> list[dict]:
    """The `<link rel="alternate">` of the news feeds of the language shown."""
    index = news_index_for(locale, request)
    if index is None:
        return []
    base = index.get_full_url(request)
    if not base:
        return []
    with override(locale.language_code):
        return [
            {
                "rel": "alternate",
                "type": "application/rss+xml",
                "href": base + index.reverse_subpage("rss_feed"),
                "title": gettext("%(title)s (RSS)") % {"title": index.title},
            },
            {
                "rel": "alternate",
                "type": "application/atom+xml",
                "href": base + index.reverse_subpage("atom_feed"),
                "title": gettext("%(title)s (Atom)") % {"title": index.title},
            },
        ]


def article_structured_data(article: NewsArticlePage, request: HttpRequest | None) -> dict:
    """A schema.org `NewsArticle` for the article (a dict, ready for JSON-LD)."""
    url = article.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": article.date.isoformat(),
        "inLanguage": article.locale.language_code,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat(timespec="seconds")
    if article.image is not None:
        rendition = article.image.get_rendition("max-1600x1600")
        image_url = (
            rendition.full_url if request is None else request.build_absolute_uri(rendition.url)
        )
        data["image"] = [image_url]
    publisher = article.publisher_page()
    if publisher is not None:
        organization = {
            "@type": "Organization",
            "name": publisher.title,
            "url": publisher.get_full_url(request),
        }
        data["publisher"] = organization
        data["author"] = organization
    return data
