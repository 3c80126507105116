"""Template tags for the site's frame: menu, breadcrumbs, language switcher, footer, links.

Everything here works from the page being shown (`page` in the template context) and its
locale, so English pages get the English menu and footer and Chinese pages the Chinese ones.
Look-ups are cached on the request, so the header, breadcrumbs, switcher and footer together
cost a handful of queries whatever the size of the menu.

This module belongs to `home` and must not import the domain apps (organizations, programs).
"""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language_info, gettext, gettext_noop
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home.dates import DatePrecision
from home.i18n.alternates import alternates
from home.i18n.links import localize, localize_all
from home.models import HomePage

register = template.Library()

_CACHE_ATTR = "_site_tags_cache"

# Lets `makemessages` pick up the site's name so the catalogue can give it in Chinese; the name
# shown comes from the Site record or WAGTAIL_SITE_NAME and is looked up in the catalogue.
gettext_noop("MedStudents Network")


# --- helpers ---------------------------------------------------------------------------------


def _request_cache(request: HttpRequest | None) -> dict:
    """A dict living as long as the request (a throwaway dict when there is no request)."""
    if request is None:
        return {}
    cache = getattr(request, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTR, cache)
    return cache


def _current_page(context: template.Context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _all_locales(request: HttpRequest | None) -> dict[str, Locale]:
    cache = _request_cache(request)
    if "locales" not in cache:
        cache["locales"] = {locale.language_code: locale for locale in Locale.objects.all()}
    return cache["locales"]


def current_locale(context: template.Context) -> Locale | None:
    """The locale of the page being shown, else the active language's locale (e.g. on a 404)."""
    page = _current_page(context)
    if page is not None:
        return page.locale
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _site(request: HttpRequest | None) -> Site | None:
    cache = _request_cache(request)
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
    cache = _request_cache(request)
    key = ("locale_home", locale.pk)
    if key in cache:
        return cache[key]
    site = _site(request)
    home = None
    if site is not None:
        root = site.root_page
        home = HomePage.objects.live().filter(
            translation_key=root.translation_key, locale_id=locale.pk
        ).first() or (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale.pk)
            .specific()
            .first()
        )
    cache[key] = home
    return home


def _ancestors(page: Page, request: HttpRequest | None) -> list[Page]:
    """The page's ancestors below the tree root, top first (shared by breadcrumbs and switcher)."""
    cache = _request_cache(request)
    key = ("ancestors", page.pk)
    if key not in cache:
        cache[key] = list(page.get_ancestors().filter(depth__gt=1))
    return cache[key]


def _language_name(code: str) -> str:
    """A language's name in that language ("English", "简体中文")."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def _chain_translations(page: Page, request: HttpRequest | None) -> list[Page]:
    """Live pages, in every locale, sharing a translation key with `page` or one of its
    ancestors (the page itself included): what the switcher and the hreflang links choose
    from. One query, cached per request."""
    cache = _request_cache(request)
    key = ("chain_translations", page.pk)
    if key not in cache:
        keys = [page.translation_key, *(a.translation_key for a in _ancestors(page, request))]
        cache[key] = list(
            Page.objects.live().filter(translation_key__in=keys).select_related("locale")
        )
    return cache[key]


def _restricted_paths(request: HttpRequest | None) -> list[str]:
    """Tree paths of pages with a view restriction (login, password, groups); everything below
    them is private too. One query, cached per request."""
    cache = _request_cache(request)
    if "restricted_paths" not in cache:
        cache["restricted_paths"] = list(
            PageViewRestriction.objects.values_list("page__path", flat=True)
        )
    return cache["restricted_paths"]


def _is_public(page: Page, request: HttpRequest | None) -> bool:
    return not any(page.path.startswith(path) for path in _restricted_paths(request))


def switch_url(code: str, next_url: str) -> str:
    """The language switch view's URL: remembers `code` in the language cookie, then goes to
    `next_url` (see `home.i18n.views.switch_language`)."""
    return f"{reverse('switch_language', args=[code])}?{urlencode({'next': next_url})}"


def language_links(context: template.Context) -> list[dict[str, Any]]:
    """One entry per other language: where to send the visitor and whether it is a fallback.

    Each dict has `code`, `name` (in its own language), `url` (through the switch view, so the
    choice is remembered), `page_url` (the target page itself), `is_translation` (the same page
    exists in that language) and `fallback_title` (the closest section shown instead).
    """
    request = context.get("request")
    cache = _request_cache(request)
    page = _current_page(context)
    key = ("language_links", page.pk if page else None)
    if key in cache:
        return cache[key]

    locale = current_locale(context)
    locales = _all_locales(request)
    chain: list[Page] = []
    found: dict[tuple[int, Any], Page] = {}
    if page is not None and page.pk is not None:
        # The page itself, then its ancestors from the nearest up: first published one wins.
        chain = [page, *reversed(_ancestors(page, request))]
        found = {(p.locale_id, p.translation_key): p for p in _chain_translations(page, request)}
    links = []
    for code, _name in settings.LANGUAGES:
        target_locale = locales.get(code)
        if target_locale is None or (locale is not None and target_locale.pk == locale.pk):
            continue
        target, is_translation = None, False
        for position, ancestor in enumerate(chain):
            target = found.get((target_locale.pk, ancestor.translation_key))
            if target is not None:
                is_translation = position == 0
                break
        if target is None:
            target = locale_home(target_locale, request)
            is_translation = page is None
        if target is None:
            continue
        url = target.get_url(request)
        if not url:
            continue
        links.append(
            {
                "code": code,
                "name": _language_name(code),
                "url": switch_url(code, url),
                "page_url": url,
                "is_translation": is_translation,
                "fallback_title": "" if is_translation else target.title,
                # The same, marked with their language for screen readers (used inside a
                # sentence in the visitor's language).
                "name_html": format_html('<span lang="{}">{}</span>', code, _language_name(code)),
                "fallback_title_html": ""
                if is_translation
                else format_html('<span lang="{}">{}</span>', code, target.title),
            }
        )
    cache[key] = links
    return links


# --- tags --------------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def site_name(context: template.Context) -> str:
    """The site's name (the Site's `site_name`, else `WAGTAIL_SITE_NAME`), translated if the
    catalogue has it."""
    site = _site(context.get("request"))
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")
    return gettext(name) if name else ""


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    """URL of the home page in the language being shown (`{% home_url %}`)."""
    request = context.get("request")
    home = locale_home(current_locale(context), request)
    return (home.get_url(request) if home else None) or "/"


@register.inclusion_tag("home/includes/main_menu.html", takes_context=True)
def main_menu(context: template.Context) -> dict[str, Any]:
    """`{% main_menu %}`: the live, public, in-menu children of the locale's home page.

    Each item is `(page, current)` where `current` is "page" for the page being shown,
    "true" for the section containing it, else "" (used for `aria-current`).
    """
    request = context.get("request")
    page = _current_page(context)
    home = locale_home(current_locale(context), request)
    items = []
    if home is not None:
        for child in home.get_children().live().public().in_menu():
            current = ""
            if page is not None and page.path.startswith(child.path):
                current = "page" if page.pk == child.pk else "true"
            items.append((child, current))
    return {"request": request, "items": items}


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict[str, Any]:
    """`{% breadcrumbs %}`: live ancestors below the tree root, then the page itself.

    Renders nothing on a home page (which has no ancestor to show).
    """
    request = context.get("request")
    page = _current_page(context)
    ancestors = []
    if page is not None and page.pk is not None:
        ancestors = [a for a in _ancestors(page, request) if a.live]
    return {"request": request, "page": page, "ancestors": ancestors}


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, Any]:
    """`{% language_switcher %}`: links to this page in every other language.

    Where the page has no published translation, links to the closest translated ancestor and
    says so.
    """
    return {"links": language_links(context)}


@register.inclusion_tag("home/includes/alternate_links.html", takes_context=True)
def alternate_links(context: template.Context) -> dict[str, Any]:
    """`{% alternate_links %}` in `<head>`: the canonical URL and hreflang alternates.

    `<link rel="alternate" hreflang>` for every live, public translation including the page
    itself, then `x-default` (the default language's version, else the page itself); all
    absolute, pointing straight at the pages (search engines must not go through the switch
    view). Reuses the switcher's query: no query per locale.
    """
    request = context.get("request")
    page = _current_page(context)
    canonical = page.get_full_url(request) if page is not None and page.pk is not None else None
    if not canonical:
        return {"canonical": "", "alternates": []}
    translations = [
        p
        for p in _chain_translations(page, request)
        if p.translation_key == page.translation_key and p.pk != page.pk and _is_public(p, request)
    ]
    return {
        "canonical": canonical,
        "alternates": alternates(
            [page, *translations],
            page,
            lambda p: canonical if p.pk == page.pk else (p.get_full_url(request) or ""),
        ),
    }


@register.inclusion_tag("home/includes/site_footer.html", takes_context=True)
def site_footer(context: template.Context) -> dict[str, Any]:
    """`{% site_footer %}`: contact details from the home page of the language being shown."""
    request = context.get("request")
    home = locale_home(current_locale(context), request)
    return {
        "request": request,
        "home": home,
        "site_name": site_name(context),
        "year": datetime.date.today().year,
    }


@register.filter
def localized(obj: Any, locale: Any) -> Any:
    """`{{ some_page|localized:page.locale }}`: the object's published translation in `locale`.

    Returns the object unchanged when there is no translation, or when `locale` is not a Locale
    (e.g. in a block preview without a page).
    """
    if obj is None or not isinstance(locale, Locale) or not hasattr(obj, "translation_key"):
        return obj
    return localize(obj, locale)


@register.simple_tag(takes_context=True)
def localized_for_page(context: template.Context, obj: Any) -> Any:
    """`{% localized_for_page value.page as target %}`: like the `localized` filter, in the locale
    of the page being shown; safe where there is no page (block previews)."""
    page = _current_page(context)
    return localized(obj, page.locale) if page is not None else obj


@register.simple_tag
def localized_pages(pages: Iterable[Any], locale: Any) -> list[Page]:
    """`{% localized_pages page.featured_pages page.locale as cards %}`.

    Takes pages, or stream blocks whose values are pages, and returns the live, public ones
    in `locale` where translated, as specific pages, in the same order, in a few queries.
    """
    items = [getattr(item, "value", item) for item in pages or []]
    items = [item for item in items if isinstance(item, Page)]
    if isinstance(locale, Locale):
        items = localize_all(items, locale)
    ids = [item.pk for item in items]
    specific = {p.pk: p for p in Page.objects.live().public().filter(pk__in=ids).specific()}
    return [specific[pk] for pk in ids if pk in specific]


@register.filter
def tel_uri(phone: str) -> str:
    """`{{ phone|tel_uri }}`: a `tel:` link target, keeping only "+" and digits."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    return f"tel:{digits}" if digits else ""


@register.filter
def iso_partial_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """`{{ event.date|iso_partial_date:event.precision }}`: a `<time datetime>` value as precise
    as the date is known ("1987", "2014-10", "2014-10-29"); empty for a decade."""
    if not isinstance(value, datetime.date):
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    if precision == DatePrecision.DECADE:
        return ""
    return value.isoformat()
