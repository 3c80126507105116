"""Template tags for the site's frame: menu, breadcrumbs, language switcher, footer, links.

Everything here works from the page being shown (`page` in the template context) and its
locale, so English pages get the English menu and footer and Chinese pages the Chinese ones.
The tags only read the template context; what they show comes from `home.navigation` (site
structure) and `home.i18n` (languages and translations).
"""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django import template
from django.conf import settings
from django.utils.translation import gettext, gettext_noop
from django_countries.fields import Country
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page

from home.i18n.alternates import head_links
from home.i18n.links import link_in_page_language, localize, localized_live_pages
from home.i18n.switcher import language_links
from home.navigation import (
    active_locale,
    breadcrumb_trail,
    current_site,
    locale_home,
    menu_items,
)
from home.places import place_name
from home.sections import head_links as extra_links
from home.seo import page_description
from home.structured_data import json_ld_script, page_graph

register = template.Library()

# Lets `makemessages` pick up the site's name so the catalogue can give it in Chinese; the name
# shown comes from the Site record or WAGTAIL_SITE_NAME and is looked up in the catalogue.
gettext_noop("MedStudents Network")


def _current_page(context: template.Context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


def current_locale(context: template.Context) -> Locale | None:
    """The locale of the page being shown, else the active language's locale (e.g. on a 404)."""
    page = _current_page(context)
    if page is not None:
        return page.locale
    return active_locale(context.get("request"))


# --- tags --------------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def site_name(context: template.Context) -> str:
    """The site's name (the Site's `site_name`, else `WAGTAIL_SITE_NAME`), translated if the
    catalogue has it."""
    site = current_site(context.get("request"))
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "")
    return gettext(name) if name else ""


@register.simple_tag
def meta_description(page: Any) -> str:
    """`{% meta_description page as description %}`: what search engines show under the title."""
    return page_description(page) if page else ""


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
    home = locale_home(current_locale(context), request)
    return {"request": request, "items": menu_items(home, _current_page(context), request)}


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context) -> dict[str, Any]:
    """`{% breadcrumbs %}`: live ancestors below the tree root, then the page itself.

    Renders nothing on a home page (which has no ancestor to show).
    """
    request = context.get("request")
    page = _current_page(context)
    return {"request": request, "page": page, "ancestors": breadcrumb_trail(page, request)}


@register.simple_tag(takes_context=True)
def structured_data(context: template.Context) -> str:
    """`{% structured_data %}`: the page's schema.org JSON-LD (see `home.structured_data`)."""
    page = _current_page(context)
    if page is None or page.pk is None:
        return ""
    return json_ld_script(page_graph(page, context.get("request")))


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, Any]:
    """`{% language_switcher %}`: links to this page in every other language.

    Where the page has no published translation, links to the closest translated ancestor and
    says so.
    """
    links = language_links(_current_page(context), current_locale(context), context.get("request"))
    return {"links": links}


@register.inclusion_tag("home/includes/alternate_links.html", takes_context=True)
def alternate_links(context: template.Context) -> dict[str, Any]:
    """`{% alternate_links %}` in `<head>`: the canonical URL and hreflang alternates.

    `<link rel="alternate" hreflang>` for every live, public translation including the page
    itself, then `x-default` (the default language's version, else the page itself); all
    absolute, pointing straight at the pages (search engines must not go through the switch
    view). Reuses the switcher's query: no query per locale.
    """
    canonical, alternates = head_links(_current_page(context), context.get("request"))
    return {"canonical": canonical, "alternates": alternates}


@register.inclusion_tag("home/includes/head_links.html", takes_context=True)
def extra_head_links(context: template.Context) -> dict[str, Any]:
    """`{% extra_head_links %}` in `<head>`: links other apps add for the language shown, e.g.
    news feeds (see `home.sections.HEAD_LINKS_HOOK`)."""
    return {"links": extra_links(current_locale(context), context.get("request"))}


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
    """`{% localized_for_page value.page as target %}`: a page a block links to, in the locale
    of the page being shown (see `link_in_page_language`); as it is where there is no page
    (block previews)."""
    page = _current_page(context)
    if page is None or not isinstance(obj, Page):
        return obj
    return link_in_page_language(context.get("request"), page, obj)


@register.simple_tag
def localized_pages(pages: Iterable[Any] | StreamValue, locale: Any) -> list[Page]:
    """`{% localized_pages page.featured_pages page.locale as cards %}`.

    Takes pages, stream blocks whose values are pages, or a StreamField of page choosers (read
    as stored, page ids: no query to load pages only to swap them for their translations), and
    returns the live, public ones in `locale` where translated, as specific pages, in the same
    order, in a few queries.
    """
    if isinstance(pages, StreamValue):
        items = [child["value"] for child in pages.raw_data]
    else:
        items = [getattr(item, "value", item) for item in pages or []]
    return localized_live_pages(
        [item for item in items if isinstance(item, Page | int)],
        locale if isinstance(locale, Locale) else None,
    )


@register.simple_tag
def place(city: str = "", country: Country | None = None, venue: str = "") -> str:
    """`{% place page.city page.country page.venue %}`: where it is, in the reader's language's
    order and punctuation (see `place_name`)."""
    return place_name(city, country, venue)


@register.filter
def tel_uri(phone: str) -> str:
    """`{{ phone|tel_uri }}`: a `tel:` link target, keeping only "+" and digits."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    return f"tel:{digits}" if digits else ""
