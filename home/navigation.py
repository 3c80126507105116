"""The site's structure as a visitor moves through it: each language's home page, a page's
ancestors, the main menu, and which pages are private.

Used by the template tags (`home.templatetags.site_tags`) and views alike. Look-ups are cached
on the request, so the header, breadcrumbs, language switcher and footer together cost a
handful of queries whatever the size of the menu; on a page found through `HomePage.route`,
most of them were already read with the page (see `home.routing`).

This module belongs to `home` and must not import the domain apps.
"""

from django.http import HttpRequest
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.models import HomePage
from home.routing import request_cache, with_restricted_flag


def current_site(request: HttpRequest | None) -> Site | None:
    """The request's Site, else the default one (e.g. rendering without a request)."""
    cache = request_cache(request)
    if "site" not in cache:
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        cache["site"] = site
    return cache["site"]


def locale_home(
    page_or_locale: Page | Locale | None, request: HttpRequest | None = None
) -> Page | None:
    """The home page of a page's (or a locale's) language: the site's root page in that locale.

    Returns the specific page (a `HomePage` when the root is one) or None when the locale has
    no published home page. Cached per request.
    """
    if page_or_locale is None:
        return None
    locale = page_or_locale.locale if isinstance(page_or_locale, Page) else page_or_locale
    cache = request_cache(request)
    key = ("locale_home", locale.pk)
    if key in cache:
        return cache[key]
    site = current_site(request)
    home = None
    if site is not None:
        root = site.root_page
        # Every language's home page at once: the language switcher asks for the others next.
        for found in HomePage.objects.live().filter(translation_key=root.translation_key):
            cache.setdefault(("locale_home", found.locale_id), found)
        home = cache.get(key) or (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale.pk)
            .specific()
            .first()
        )
    cache[key] = home
    return home


def active_locale(request: HttpRequest | None) -> Locale | None:
    """The locale of the active language (`Locale.get_active`), read once per request: for
    views without a page, such as search."""
    cache = request_cache(request)
    if "active_locale" not in cache:
        try:
            cache["active_locale"] = Locale.get_active()
        except Locale.DoesNotExist:
            cache["active_locale"] = None
    return cache["active_locale"]


def ancestors(page: Page, request: HttpRequest | None) -> list[Page]:
    """The page's ancestors below the tree root, top first (shared by breadcrumbs and switcher)."""
    cache = request_cache(request)
    key = ("ancestors", page.pk)
    if key not in cache:
        cache[key] = list(page.get_ancestors().filter(depth__gt=1))
    return cache[key]


def breadcrumb_trail(page: Page | None, request: HttpRequest | None) -> list[Page]:
    """The live ancestors below the tree root, top first; empty for a home page or no page."""
    if page is None or page.pk is None:
        return []
    return [ancestor for ancestor in ancestors(page, request) if ancestor.live]


def sections(home: Page | None, request: HttpRequest | None) -> list[Page]:
    """The live, public children of `home` (the sections of a language: organisations, news…),
    in tree order: what the menu and the `<head>` links choose from. One query, cached per
    request."""
    if home is None:
        return []
    cache = request_cache(request)
    key = ("sections", home.pk)
    if key not in cache:
        children = with_restricted_flag(home.get_children().live())
        cache[key] = [child for child in children if not child.restricted]
    return cache[key]


def menu_items(
    home: Page | None, page: Page | None, request: HttpRequest | None = None
) -> list[tuple[Page, str]]:
    """The live, public, in-menu children of `home`, each as `(child, current)`.

    `current` is "page" for the page being shown, "true" for the section containing it, else ""
    (the values of `aria-current`).
    """
    items = []
    for child in sections(home, request):
        if not child.show_in_menus:
            continue
        current = ""
        if page is not None and page.path.startswith(child.path):
            current = "page" if page.pk == child.pk else "true"
        items.append((child, current))
    return items


def _restricted_paths(request: HttpRequest | None) -> list[str]:
    """Tree paths of pages with a view restriction (login, password, groups); everything below
    them is private too. One query, cached per request."""
    cache = request_cache(request)
    if "restricted_paths" not in cache:
        cache["restricted_paths"] = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return cache["restricted_paths"]


def is_public(page: Page, request: HttpRequest | None) -> bool:
    """Whether anyone may see `page`: no view restriction on it or an ancestor (read from its
    `restricted` flag when the query that fetched it added one, see `with_restricted_flag`)."""
    restricted = getattr(page, "restricted", None)
    if restricted is not None:
        return not restricted
    return not any(page.path.startswith(path) for path in _restricted_paths(request))
