"""What a change touches, and purging it: here (the page cache) and in a CDN.

`affected_urls(obj)` is the one answer to "which URLs show something else now?". It starts from
`home.affected.affected_pages` (the page in its languages, parents, home pages, pages that refer
to it or that it refers to, and what apps add through the `affected_pages` hook) and adds
the URLs those pages are shown at: each page's own address and its routable sub-pages (feeds,
calendars, past events), the search pages, the sitemap, and the API answers that carry them
(every endpoint's listing, each page's detail). Apps add URLs only they know through the
`affected_urls` hook (a function taking the object, returning absolute URLs or paths).

`purge(urls)` forgets those paths in the page cache at once (after the transaction commits) and
sends them to Wagtail's frontend cache (WAGTAILFRONTENDCACHE: Cloudflare, CloudFront, a
generic HTTP purge URL) from a background task.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation
from django_tasks import task
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from home.affected import affected_pages

from .keys import forget_everything, forget_paths

AFFECTED_URLS_HOOK = "affected_urls"
API_NAMESPACE = "wagtailapi_v2"


def api_endpoints() -> dict[str, type[models.Model]]:
    """The API's endpoints that list models: {endpoint name: model}, read from the URLconf so
    that apps' own endpoints (events, programmes, partners) count too."""
    _prefix, api = get_resolver().namespace_dict[API_NAMESPACE]
    endpoints = {}
    for name, (_endpoint_prefix, resolver) in api.namespace_dict.items():
        for pattern in resolver.url_patterns:
            model = getattr(getattr(pattern.callback, "cls", None), "model", None)
            if model is not None:
                endpoints[name] = model
                break
    return endpoints


def api_urls(obj: Any, pages: Iterable[Page]) -> set[str]:
    """The API answers showing `obj` or `pages`: each matching endpoint's listing and their
    details (a page shows in the pages endpoint and in its own type's, e.g. events)."""
    objects = [obj, *pages]
    urls = set()
    for name, model in api_endpoints().items():
        matching = [item for item in objects if isinstance(item, model)]
        if not matching:
            continue
        urls.add(reverse(f"{API_NAMESPACE}:{name}:listing"))
        for item in matching:
            # Endpoints without a detail view (navigation, redirects) have only the listing.
            with suppress(NoReverseMatch):
                urls.add(reverse(f"{API_NAMESPACE}:{name}:detail", args=[item.pk]))
    return urls


def page_urls(page: Page) -> set[str]:
    """The page's address on every site, and its routable sub-pages without parameters
    (feeds, calendars, the past-events list)."""
    url = page.get_full_url()
    if url is None:
        return set()
    urls = {url}
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_subpage_urls():
            if not pattern.pattern.converters and str(pattern.pattern):
                urls.add(url.rstrip("/") + "/" + str(pattern.pattern).lstrip("/"))
    return urls


def site_wide_urls() -> set[str]:
    """Answers that show any page: the sitemap, and the search page in every language."""
    urls = {reverse("sitemap"), reverse(f"{API_NAMESPACE}:navigation:listing")}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.add(reverse("search"))
    return urls


def shown_on_every_page(page: Page) -> bool:
    """Home pages (the footer's contact details) and the pages right below them (the main
    menu) show on every page of their language."""
    return page.depth <= 3


def affected_urls(obj: Any) -> set[str]:
    """Every URL (absolute for pages, paths otherwise) whose answer changes with `obj`. Call it
    before a delete, while references to `obj` can still be read."""
    pages = affected_pages(obj)
    if isinstance(obj, Page):
        # The page's own address even once it is no longer live (unpublished), and the pages
        # below it, which show its title in their breadcrumbs.
        pages += [obj.specific, *obj.get_descendants().live().specific()]
    urls = set().union(*(page_urls(page) for page in pages)) if pages else set()
    urls |= api_urls(obj, pages)
    if isinstance(obj, Page):
        urls |= site_wide_urls()
    for extra in hooks.get_hooks(AFFECTED_URLS_HOOK):
        urls.update(extra(obj) or ())
    return urls


def absolute_urls(urls: Iterable[str]) -> set[str]:
    """Paths made absolute on every site (for a CDN, which purges whole URLs)."""
    roots = {site.root_url for site in Site.objects.all()}
    result = set()
    for url in urls:
        if urlsplit(url).netloc:
            result.add(url)
        else:
            result.update(root + url for root in roots)
    return result


def purge(urls: Iterable[str]) -> None:
    """Forget the answers at `urls` in the page cache once the current transaction commits (the
    next request reads what was committed), then purge them from the CDN in the background."""
    urls = set(urls)
    if not urls:
        return

    def after_commit() -> None:
        forget_paths({urlsplit(url).path for url in urls})
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            purge_frontend_cache.enqueue(sorted(absolute_urls(urls)))

    transaction.on_commit(after_commit, robust=True)


def purge_everything() -> None:
    """For changes every page shows (the site's address, its languages)."""

    def after_commit() -> None:
        forget_everything()
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            purge_frontend_cache.enqueue(None)

    transaction.on_commit(after_commit, robust=True)


@task(backend=getattr(settings, "FRONTEND_CACHE_TASK_BACKEND", "default"))
def purge_frontend_cache(urls: list[str] | None) -> None:
    """The CDN purge, away from the editor's request (a CDN's API can take seconds); `None`:
    every page's URLs, worked out here rather than in the request."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if urls is None:
        every_page = set().union(*(page_urls(page) for page in Page.objects.live().specific()))
        urls = sorted(absolute_urls(every_page | site_wide_urls()))
    purge_urls_from_cache(urls)
