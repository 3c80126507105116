"""What the language switcher offers: the page being shown in every other language, or the
closest translated section where the page itself has no published translation.

The links go through the switch view (`home.i18n.views.switch_language`), so the choice is
remembered. Look-ups are cached on the request (`home.navigation.request_cache`).
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from home.navigation import ancestors, locale_home, request_cache
from home.routing import with_restricted_flag


def _all_locales(request: HttpRequest | None) -> dict[str, Locale]:
    cache = request_cache(request)
    if "locales" not in cache:
        cache["locales"] = {locale.language_code: locale for locale in Locale.objects.all()}
    return cache["locales"]


def language_name(code: str) -> str:
    """A language's name in that language ("English", "简体中文")."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)


def chain_translations(page: Page, request: HttpRequest | None) -> list[Page]:
    """Live pages, in every locale, sharing a translation key with `page` or one of its
    ancestors (the page itself included): what the switcher and the hreflang links choose
    from. One query, cached per request."""
    cache = request_cache(request)
    key = ("chain_translations", page.pk)
    if key not in cache:
        keys = [page.translation_key, *(a.translation_key for a in ancestors(page, request))]
        translations = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
        cache[key] = list(with_restricted_flag(translations))
    return cache[key]


def switch_url(code: str, next_url: str) -> str:
    """The language switch view's URL: remembers `code` in the language cookie, then goes to
    `next_url` (see `home.i18n.views.switch_language`)."""
    return f"{reverse('switch_language', args=[code])}?{urlencode({'next': next_url})}"


def language_links(
    page: Page | None, locale: Locale | None, request: HttpRequest | None
) -> list[dict[str, Any]]:
    """One entry per language other than `locale` (that of the page being shown, or of the
    request when there is no page): where to send the visitor and whether it is a fallback.

    Each dict has `code`, `name` (in its own language), `url` (through the switch view, so the
    choice is remembered), `page_url` (the target page itself), `is_translation` (the same page
    exists in that language) and `fallback_title` (the closest section shown instead).
    """
    cache = request_cache(request)
    key = ("language_links", page.pk if page else None)
    if key in cache:
        return cache[key]

    chain: list[Page] = []
    found: dict[tuple[int, Any], Page] = {}
    if page is not None and page.pk is not None:
        # The page itself, then its ancestors from the nearest up: first published one wins.
        chain = [page, *reversed(ancestors(page, request))]
        translations = chain_translations(page, request)
        found = {(p.locale_id, p.translation_key): p for p in translations}
        # A language where not even the home page is published offers nothing to switch to.
        locales = {p.locale.language_code: p.locale for p in translations}
    else:
        locales = _all_locales(request)
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
                "name": language_name(code),
                "url": switch_url(code, url),
                "page_url": url,
                "is_translation": is_translation,
                "fallback_title": "" if is_translation else target.title,
                # The same, marked with their language for screen readers (used inside a
                # sentence in the visitor's language).
                "name_html": format_html('<span lang="{}">{}</span>', code, language_name(code)),
                "fallback_title_html": ""
                if is_translation
                else format_html('<span lang="{}">{}</span>', code, target.title),
            }
        )
    cache[key] = links
    return links
