"""Wagtail's page view, routed in fewer queries (see `home.routing`)."""

from contextlib import suppress

from django.http import Http404, HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Site

from .routing import home_in_active_language


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve` view. Wagtail routes from `site.root_page.localized.specific` (three
    queries: the locale, the translation, the specific page); this finds that page in one and
    leaves the route where Wagtail's `Page.route_for_request` keeps it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        site = Site.find_for_request(request)
        route = None
        if site is not None:
            home = home_in_active_language(site.root_page)
            with suppress(Http404):  # no such page: Wagtail's view answers 404
                route = home.route(request, [part for part in path.split("/") if part])
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
