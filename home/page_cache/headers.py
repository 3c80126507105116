"""The caching headers of every public, cacheable answer: one policy for pages and the API."""

from __future__ import annotations

from hashlib import md5

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control


def cache_seconds() -> int:
    """How long a shared cache (this site's page cache, a CDN) may keep an answer; 0 = never."""
    return max(0, int(getattr(settings, "PAGE_CACHE_SECONDS", 300)))


def make_public(response: HttpResponse) -> None:
    """Headers for an answer anyone may be given.

    Browsers revalidate every time (`max-age=0` with an `ETag`, so an unchanged answer is a
    304), because an editor's publish must show on the very next request; shared caches keep
    it for PAGE_CACHE_SECONDS (not at all when that is 0) and are purged on change.
    `stale-while-revalidate` lets a CDN answer from its copy for a little longer while it
    fetches the new one.
    """
    if not response.has_header("ETag") and not response.streaming:
        response["ETag"] = f'"{md5(response.content, usedforsecurity=False).hexdigest()}"'
    seconds = cache_seconds()
    if seconds:
        stale = min(seconds, int(getattr(settings, "PAGE_CACHE_STALE_SECONDS", 60)))
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=seconds, stale_while_revalidate=stale
        )
    else:
        patch_cache_control(response, public=True, max_age=0)


def make_private(response: HttpResponse) -> None:
    """Headers for an answer meant for one person (an editor's view of a page)."""
    patch_cache_control(response, private=True, no_cache=True)
