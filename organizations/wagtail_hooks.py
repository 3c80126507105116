"""What this app adds to other pages: the news boxes on the home page and on organisation
pages, and the news feeds in the `<head>` of every page; and which of its pages change with
their organisation's (for the page cache's purges)."""

from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from home.affected import DEPENDENT_PAGES_HOOK
from home.sections import HEAD_LINKS_HOOK, HOME_PAGE_SECTIONS_HOOK

from .feeds import feed_links, news_index_for
from .hooks import ORGANIZATION_SECTIONS_HOOK
from .models import CommitteePage, HistoryPage, OrganizationPage
from .news import news_articles

# How many articles the boxes show.
LATEST_NEWS = 3


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def latest_news_section(page, request) -> dict | None:
    """ "Latest news" on the home page: the newest articles of its language."""
    articles = list(news_articles(page.locale).descendant_of(page)[:LATEST_NEWS])
    if not articles:
        return None
    return {
        "title": _("Latest news"),
        "template": "organizations/includes/news_list.html",
        "items": articles,
        "more": news_index_for(page.locale, request),
    }


@hooks.register(ORGANIZATION_SECTIONS_HOOK)
def organization_news_section(page, request) -> dict | None:
    """ "News" on an organisation's page: what it published, in the page's language."""
    articles = news_articles(page.locale).filter(organization__translation_key=page.translation_key)
    articles = list(articles[:LATEST_NEWS])
    if not articles:
        return None
    return {
        "title": _("News"),
        "template": "organizations/includes/news_list.html",
        "items": articles,
    }


@hooks.register(HEAD_LINKS_HOOK)
def news_feed_links(locale, request) -> list[dict]:
    return feed_links(locale, request)


@hooks.register(DEPENDENT_PAGES_HOOK)
def organization_parts(page_ids: Iterable[int]) -> list[int]:
    """Committees' and histories' pages show what belongs to their organisation (its other
    committees, its programmes, news and events): they change whenever its page does."""
    paths = OrganizationPage.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    if not below:
        return []
    return list(
        Page.objects.type(CommitteePage, HistoryPage).filter(below).values_list("pk", flat=True)
    )
