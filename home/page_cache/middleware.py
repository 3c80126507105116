"""Serves anonymous GETs from the page cache and stores what may be shared.

Placed after LocaleMiddleware (the key includes the language Django reads from the URL) and
before CSRF and authentication: a hit skips everything below it, the view included.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    get_cache_key,
    get_conditional_response,
    has_vary_header,
    learn_cache_key,
    patch_vary_headers,
)

from .headers import cache_seconds, make_private, make_public
from .keys import key_prefix, page_cache

HEADER = "X-Cache"
logger = logging.getLogger(__name__)
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")


def may_use_cache(request: HttpRequest) -> bool:
    """Only anonymous GETs: a session cookie means an editor, or a visitor who unlocked a
    password-protected page; their answers are their own."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and cache_seconds() > 0
    )


def may_store(response: HttpResponse) -> bool:
    """Whether an answer to an anonymous GET may be given to anyone else: a complete 200 that
    sets no cookie (a CSRF token, a language choice) and that its view did not keep private
    (previews, form submissions)."""
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        and not has_vary_header(response, "*")
    )


def revalidated(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A 304 when the browser's copy (`If-None-Match`) is this answer."""
    return get_conditional_response(request, etag=response["ETag"], response=response) or response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not may_use_cache(request):
            response = self.get_response(request)
            if (
                settings.SESSION_COOKIE_NAME in request.COOKIES
                and request.method in ("GET", "HEAD")
                and not response.has_header("Cache-Control")
            ):
                # An editor's view of a page (with the userbar), never for a shared cache.
                make_private(response)
            response[HEADER] = "skip"
            return response

        cache = page_cache()
        try:
            prefix = key_prefix(request.path)
            key = get_cache_key(request, prefix, "GET", cache=cache)
            cached = cache.get(key) if key else None
        except Exception:
            # The cache is unreachable (Redis down): answer uncached, so that /healthz can
            # still say what is wrong.
            logger.warning("Page cache unavailable", exc_info=True)
            response = self.get_response(request)
            response[HEADER] = "error"
            return response
        if cached is not None:
            cached[HEADER] = "hit"
            return revalidated(request, cached)

        response = self.get_response(request)
        if not may_store(response):
            response[HEADER] = "skip"
            return response
        session = getattr(request, "session", None)
        if session is not None and session.accessed:
            # As SessionMiddleware will add on the way out (an editor's page differs), so the
            # copy served from the cache says the same as this one.
            patch_vary_headers(response, ("Cookie",))
        make_public(response)
        seconds = cache_seconds()
        response[HEADER] = "miss"
        key = learn_cache_key(request, response, seconds, prefix, cache=cache)
        cache.set(key, response, seconds)
        return revalidated(request, response)
