"""What a front end needs besides pages to build the whole site: each language's navigation
(`/api/v2/navigation/`) and Wagtail's redirects (`/api/v2/redirects/`).

Same conventions as the other endpoints (home/api/views.py): anonymous, strict parameters,
JSON errors, `Cache-Control` and `ETag`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from home.affected import api_detail_url
from home.models import HomePage
from home.navigation import current_site, locale_home, menu_items

from .filters import requested_locale
from .views import StrictAPIMixin

FOOTER_FIELDS = ("contact_name", "address", "phone", "email")


class SiteAPIViewSet(StrictAPIMixin, BaseAPIViewSet):
    """An endpoint with a listing only, taking only `known_query_parameters`."""

    known_query_parameters = frozenset()

    @classmethod
    def get_urlpatterns(cls) -> list:
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

    def check_known_parameters(self, request) -> None:
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: "
                + ", ".join(sorted(unknown))
            )

    def page_link(self, page: Page) -> dict:
        """`{id, type, title, locale, html_url, api_url}`."""
        return {
            **self.resolver.page_summary(page),
            "api_url": api_detail_url(page, self.request),
        }


class NavigationAPIViewSet(SiteAPIViewSet):
    """`GET /api/v2/navigation/?locale=<code>`: one language's navigation.

    Parameters: `locale` (optional, `en` or `zh-hans`; the default language without it; any
    other code is a 400).

    Response: `{"locale": code, "home": page, "menu": [page, …], "footer": {"contact_name",
    "address", "phone", "email"}, "languages": [{"locale", "home": page}, …]}`, where a page is
    `{id, type, title, locale, html_url, api_url}`. `menu` is the home page's live, public
    children shown in menus, in menu order (what the site's header shows); `footer` comes from
    that language's home page; `languages` names each language's home page (for a switcher).
    404 when the language has no published home page.
    """

    model = Locale
    known_query_parameters = frozenset({"locale"})

    @classmethod
    def openapi_paths(cls, generator: Any, name: str) -> dict:
        from .openapi.components import STRING, obj
        from .openapi.parameters import query_parameters

        page = generator.components.page_link()
        navigation = obj(
            {
                "locale": generator.components.locale(),
                "home": page,
                "menu": {"type": "array", "items": page},
                "footer": obj({field: STRING for field in FOOTER_FIELDS}),
                "languages": {
                    "type": "array",
                    "items": obj({"locale": generator.components.locale(), "home": page}),
                },
            }
        )
        operation = {
            "operationId": "navigation",
            "summary": "One language's menu, footer contacts and home pages",
            "tags": [name],
            "parameters": query_parameters(cls.known_query_parameters, {}, cls),
            "responses": generator.responses(
                generator.json("The navigation", navigation), 400, 404
            ),
        }
        return {"": {"get": operation}}

    def listing_view(self, request):
        self.check_known_parameters(request)
        locale = requested_locale(request, self.resolver) or Locale.get_default()
        home = locale_home(locale, request)
        if home is None:
            return Response({"message": "this language has no published home page"}, status=404)
        homes = [locale_home(other, request) for other in self.resolver.locales.values()]
        menu = menu_items(home, None, request)
        return Response(
            {
                "locale": locale.language_code,
                "home": self.page_link(home),
                "menu": [self.page_link(page) for page, _current in menu],
                "footer": {
                    name: getattr(home, name, "") if isinstance(home, HomePage) else ""
                    for name in FOOTER_FIELDS
                },
                "languages": [
                    {
                        "locale": self.resolver.locale_code(other.locale_id),
                        "home": self.page_link(other),
                    }
                    for other in homes
                    if other is not None
                ],
            }
        )


class RedirectsAPIViewSet(SiteAPIViewSet):
    """`GET /api/v2/redirects/`: the redirects editors set up (Settings → Redirects) for the
    requested site (and those for every site).

    Parameters: `path` (optional: the old path, e.g. `/old-page/`; matched as Wagtail's
    redirect middleware matches it), `limit` and `offset` (the listing's pagination).

    Response with `path`: one redirect, `{"old_path", "target", "is_permanent", "status_code",
    "page"}` (`target` the absolute URL to go to; `page`, when it leads to a page, that page as
    `{id, type, title, locale, html_url, api_url}`, else null); 404 `{"message"}` when no
    redirect has that path. Without `path`: `{"meta": {"total_count"}, "items": [redirect, …]}`,
    ordered by old path.
    """

    model = Redirect
    known_query_parameters = frozenset({"path", "limit", "offset"})

    @classmethod
    def openapi_paths(cls, generator: Any, name: str) -> dict:
        from .openapi.components import URL, nullable, obj
        from .openapi.parameters import TEXT, parameter, query_parameters

        redirect = generator.components.ref(
            "Redirect",
            lambda: obj(
                {
                    "old_path": {"type": "string"},
                    "target": nullable(URL),
                    "is_permanent": {"type": "boolean"},
                    "status_code": {"type": "integer", "enum": [301, 302]},
                    "page": nullable(generator.components.page_link()),
                }
            ),
        )
        listing = obj(
            {
                "meta": obj({"total_count": {"type": "integer", "minimum": 0}}),
                "items": {"type": "array", "items": redirect},
            }
        )
        declared = {"path": parameter(TEXT, "An old path, e.g. `/old-page/`: its redirect only.")}
        operation = {
            "operationId": "redirects",
            "summary": "The site's redirects, or the one for an old path",
            "tags": [name],
            "parameters": query_parameters(cls.known_query_parameters, declared, cls),
            "responses": generator.responses(
                generator.json(
                    "The redirects, or with `path` that one redirect",
                    {"oneOf": [listing, redirect]},
                ),
                400,
                404,
            ),
        }
        return {"": {"get": operation}}

    def get_queryset(self):
        site = current_site(self.request)
        return (
            Redirect.get_for_site(site)
            .select_related("redirect_page", "redirect_page__locale")
            .order_by("old_path", "pk")
        )

    def listing_view(self, request):
        self.check_known_parameters(request)
        queryset = self.get_queryset()
        if "path" in request.GET:
            old_path = Redirect.normalise_path(request.GET["path"])
            # A redirect for this site wins over one for every site.
            redirect = (
                queryset.filter(old_path=old_path)
                .order_by(F("site_id").asc(nulls_first=True))
                .last()
            )
            if redirect is None:
                return Response({"message": "no redirect for this path"}, status=404)
            return Response(self.describe(redirect))
        items = list(self.paginate_queryset(queryset))
        return self.get_paginated_response([self.describe(item) for item in items])

    def describe(self, redirect: Redirect) -> dict:
        page = redirect.redirect_page
        if page is not None and page.live:
            target = page.get_full_url(self.request)
        else:
            page = None
            target = self.request.build_absolute_uri(redirect.link) if redirect.link else None
        return {
            "old_path": redirect.old_path,
            "target": target,
            "is_permanent": redirect.is_permanent,
            "status_code": 301 if redirect.is_permanent else 302,
            "page": self.page_link(page) if page is not None else None,
        }
