"""How a request reaches its page, in a fixed number of queries whatever the page's depth.

Wagtail walks the URL one slug at a time, two queries per level (the child, then its specific
page), then reads the page's view restrictions (two more). `HomePage.route` hands the walk to
`resolve_below`, which reads every page of the path and their translations in one query, then
the page shown itself. What that query read is kept for the rest of the request: the
breadcrumbs, the language switcher and the hreflang links need nothing more.

`home_in_active_language` finds where routing starts, the site's home page in the visitor's
language, in one query instead of Wagtail's three (see `home.views.serve`).

Imported by `home.models` (so it imports no model of this project) and by `home.navigation`,
which owns the request cache's other entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.lookups import StartsWith
from django.http import HttpRequest
from django.urls import Resolver404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.url_routing import RouteResult

_CACHE_ATTR = "_home_request_cache"


def request_cache(request: HttpRequest | None) -> dict[Any, Any]:
    """A dict living as long as the request (a throwaway dict when there is no request)."""
    if request is None:
        return {}
    cache = getattr(request, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTR, cache)
    return cache


def _restriction_covering_page() -> Exists:
    """A view restriction (login, password, groups) on the page or one of its ancestors: what
    Wagtail's `PageQuerySet.public()` excludes, as a subquery rather than a query of its own."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))


def with_restricted_flag(pages: QuerySet) -> QuerySet:
    """`pages`, each with `restricted`: whether a view restriction makes it private."""
    return pages.annotate(restricted=_restriction_covering_page())


def public(pages: QuerySet) -> QuerySet:
    """`pages` without private ones: `pages.public()` in the same query instead of one more."""
    return pages.filter(~_restriction_covering_page())


class RoutedPageMixin:
    """Mixed into every page type, before `Page`. Wagtail reads a page's view restrictions
    before serving it; when `resolve_below` found the page, its query already said that none
    applies, so that check costs no query."""

    # Set by `resolve_below` on the page it returns.
    known_unrestricted = False

    def get_view_restrictions(self) -> QuerySet:
        if self.known_unrestricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _routes_below_itself(page: Page, path_components: list[str]) -> bool:
    """Whether `page` answers `path_components` itself rather than passing them to a child,
    known from its class alone (Wagtail would call its `route` before looking at children)."""
    route = page.specific_class.route
    if route is Page.route:
        return False
    if route is RoutablePageMixin.route:
        # Its own sub-URLs (e.g. a news feed) come first; anything else goes to its children.
        try:
            page.specific_class.get_resolver().resolve("/" + "/".join(path_components) + "/")
        except Resolver404:  # not one of its sub-URLs
            return False
        return True
    return True  # a custom `route`: let it decide


@lru_cache(maxsize=1)
def _page_type_joins() -> dict[type[Page], str]:
    """{page type: the name `select_related` joins it by}, for the page types that extend
    `Page` directly."""
    joins = {}
    for model in get_page_models():
        link = model._meta.parents.get(Page)
        if link is not None:
            joins[model] = link.related_query_name()
    return joins


def with_page_types(pages: QuerySet, types: Iterable[type[Page]]) -> QuerySet:
    """`pages` (a queryset of `Page`) joined to the tables of `types`, so that `own_type` gives
    rows of those types as their own type without Wagtail's query per type (`.specific()`).
    Only the types expected: PostgreSQL takes milliseconds to plan a join of every type."""
    joins = _page_type_joins()
    return pages.select_related(*{joins[model] for model in types if model in joins})


def _become(row: Page, specific: Page) -> Page:
    """`specific` as `row.specific`, with the row's annotations and cached relations, as
    Wagtail's `get_specific` copies them."""
    for name, value in row.__dict__.items():
        specific.__dict__.setdefault(name, value)
    row.__dict__["specific"] = specific
    return specific


def own_type(row: Page) -> Page:
    """`row.specific` from a row of `with_page_types` (a row not joined falls back to
    Wagtail's query)."""
    model = row.specific_class
    join = _page_type_joins().get(model)
    if model is None or isinstance(row, model) or join is None:
        return row.specific
    return _become(row, getattr(row, join))


def _specific_with_images(row: Page) -> Page:
    """`row.specific` with the images its fields choose (a logo, a lead image) in the same
    query: the page shows them, and its structured data names them."""
    model = row.specific_class
    if model is None or isinstance(row, model):
        return row.specific
    images = [
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.related_model is get_image_model()
    ]
    return _become(row, model._default_manager.select_related(*images).get(pk=row.pk))


def resolve_below(home: Page, request: HttpRequest, path_components: list[str]) -> RouteResult:
    """What `Page.route` gives for `path_components` below `home`, in two queries.

    Reads the pages whose URL path is a prefix of the one asked for, with every translation of
    them (live or not, any locale), and the children of `home`, each with whether a view
    restriction covers it; then the page found as its specific type. Leaves in the request
    cache: the page's ancestors below the tree root (`("ancestors", pk)`), the live
    translations of the page and its ancestors (`("chain_translations", pk)`), the home page of
    its language (`("locale_home", id)`) and its live, public children, the sections of the
    menu (`("sections", pk)`, see `home.navigation.sections`).
    """
    paths = [home.url_path]
    for slug in path_components:
        paths.append(f"{paths[-1]}{slug}/")
    keys = Page.objects.filter(url_path__in=paths).values("translation_key")
    sections = Q(path__startswith=home.path, depth=home.depth + 1)  # the menu's candidates
    rows = list(
        with_restricted_flag(Page.objects.filter(Q(translation_key__in=keys) | sections))
        .select_related("locale")
        .order_by("path")
    )
    by_url_path = {row.url_path: row for row in rows if row.locale_id == home.locale_id}

    # Wagtail's walk, each child found in what was read: stops at the last page of the path
    # that exists, or earlier at a page that routes what remains itself.
    lineage, remaining = [home], list(path_components)
    while remaining and not (len(lineage) > 1 and _routes_below_itself(lineage[-1], remaining)):
        child = by_url_path.get(f"{lineage[-1].url_path}{remaining[0]}/")
        if child is None:
            break
        child._cached_parent_obj = lineage[-1]
        lineage.append(child)
        remaining = remaining[1:]

    found = lineage[-1]
    page = _specific_with_images(found)
    home_row = by_url_path.get(home.url_path)
    if home_row is not None:
        home.locale = home_row.locale
        if page.locale_id == home.locale_id:
            page.locale = home.locale
        cache = request_cache(request)
        cache[("ancestors", page.pk)] = lineage[:-1]
        chain_keys = {p.translation_key for p in lineage}
        cache[("chain_translations", page.pk)] = [
            row for row in rows if row.live and row.translation_key in chain_keys
        ]
        cache[("locale_home", home.locale_id)] = home if home.live else None
        cache[("sections", home.pk)] = [
            row
            for row in rows
            if row.depth == home.depth + 1
            and row.path.startswith(home.path)
            and row.live
            and not row.restricted
        ]
        # Without aliases on the way, Wagtail's check reads the restrictions on the page and
        # its ancestors: exactly those `restricted` says whether there are.
        if not any(p.alias_of_id for p in lineage):
            page.known_unrestricted = not by_url_path[found.url_path].restricted
    if page is home:
        return Page.route(home, request, remaining)
    return page.route(request, remaining)


def home_in_active_language(root: Page) -> Page:
    """`root.localized.specific` in one query: the live translation of the site's root page in
    the active language, or the root itself, as its specific type with its locale."""
    try:
        # The language Wagtail's `Locale.get_active` would choose.
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = ""
    model = root.specific_class or Page
    rows = model.objects.filter(
        Q(translation_key=root.translation_key, locale__language_code=language, live=True)
        | Q(pk=root.pk)
    ).select_related("locale")
    by_language = {row.locale.language_code: row for row in rows}
    return by_language.get(language) or next(row for row in rows if row.pk == root.pk)
