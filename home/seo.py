"""What search engines read: `/sitemap.xml`, `/robots.txt` and each page's description.

Both live outside `i18n_patterns` (site_config/urls.py): they are the same in every language.

The sitemap lists every live, public page of the current site in every language. Django's
sitemap framework does the paging and XML; its own `i18n`/`alternates` options assume one
object with one URL per language, which is not how translated Wagtail pages work (each
translation is its own page with its own slug). Wagtail's sitemap has no alternates at all
(wagtail#12420). So the items are the pages themselves and the alternates come from grouping
those same pages by `translation_key`: no query per page, and the number of queries stays the
same however many pages there are.
"""

import datetime
from collections import defaultdict
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from home.i18n.alternates import alternates

# Fields that say what a page is about, in order of preference, when the editor wrote no
# search description: summaries (organisations, programmes, news, events), a committee's focus,
# the home page's introduction.
DESCRIPTION_FIELDS = ("search_description", "summary", "focus", "intro")


def page_description(page: Page, length: int = 160) -> str:
    """What search engines show under the page's title (`<meta name="description">`, JSON-LD)."""
    for field in DESCRIPTION_FIELDS:
        text = strip_tags(str(getattr(page, field, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(length)
    return ""


class PageSitemap(Sitemap):
    """Live, public pages (no view restriction of any kind on them or an ancestor)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self._pages: list[Page] | None = None
        self._full_urls: dict[int, str] = {}

    def items(self) -> list[Page]:
        if self._pages is None:
            self._pages = self._find_pages()
        return self._pages

    def _find_pages(self) -> list[Page]:
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        # The site's home page in each language, as url_path prefixes.
        roots = [srp.root_path for srp in Site.get_site_root_paths() if srp.site_id == site.pk]
        if not roots:
            return []
        under_site = Q()
        for root in roots:
            under_site |= Q(url_path__startswith=root)
        pages = (
            Page.objects.live()
            .public()
            .filter(under_site)
            .select_related("locale")
            .order_by("path")
        )
        return [page for page in pages if self._full_url(page)]

    def _full_url(self, page: Page) -> str:
        if page.pk not in self._full_urls:
            # The request caches the site root paths: no query per page.
            self._full_urls[page.pk] = page.get_full_url(self.request) or ""
        return self._full_urls[page.pk]

    def location(self, item: Page) -> str:
        # Only a path here: Django prefixes the request's scheme and host; `_urls` replaces it
        # with the page's own full URL (the Site's hostname), the same as the canonical link.
        return item.get_url_parts(self.request)[2]

    def lastmod(self, item: Page) -> datetime.datetime | None:
        return item.last_published_at

    def _urls(self, page: int | str, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = super()._urls(page, protocol, domain)
        translations: dict[Any, list[Page]] = defaultdict(list)
        for item in self.items():  # all pages, not only this sitemap page's
            translations[item.translation_key].append(item)
        for url in urls:
            item = url["item"]
            url["location"] = self._full_url(item)
            url["alternates"] = alternates(translations[item.translation_key], item, self._full_url)
        return urls


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """`/sitemap.xml`: every live, public page in both languages, with hreflang alternates."""
    return django_sitemap(request, sitemaps={"pages": PageSitemap(request)})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """`/robots.txt`: crawl everything but the admin; the sitemap's absolute address."""
    return render(
        request,
        "home/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
