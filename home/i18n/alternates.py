"""hreflang alternates: a page's address in each language, for `<link rel="alternate">` in
every page's `<head>` and `xhtml:link` in the sitemap (`home.seo`)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

from home.i18n.switcher import chain_translations
from home.navigation import is_public


def alternates(
    translations: list[Page], page: Page, full_url: Callable[[Page], str]
) -> list[dict[str, str]]:
    """hreflang alternates for `page`: one per translation given (the page among them), then
    `x-default` for the default language's version, or the page itself if there is none.

    Each is `{"lang_code": …, "location": …}` (the keys Django's sitemap template reads);
    `full_url(page)` gives a page's absolute URL.
    """
    links = [
        {"lang_code": p.locale.language_code, "location": full_url(p)}
        for p in sorted(translations, key=_language_order)
    ]
    default = next(
        (p for p in translations if p.locale.language_code == settings.LANGUAGE_CODE), page
    )
    links.append({"lang_code": "x-default", "location": full_url(default)})
    return links


def _language_order(page: Page) -> int:
    """Languages in the order of settings.LANGUAGES, so output is stable."""
    codes = [code for code, _name in settings.LANGUAGES]
    code = page.locale.language_code
    return codes.index(code) if code in codes else len(codes)


def head_links(page: Page | None, request: HttpRequest | None) -> tuple[str, list[dict[str, str]]]:
    """The canonical URL of the page being shown and its hreflang alternates (see `alternates`)
    for every live, public translation, all absolute and pointing straight at the pages
    (search engines must not go through the switch view); ("", []) without a page.

    Reuses the switcher's query (`chain_translations`): no query per locale.
    """
    canonical = page.get_full_url(request) if page is not None and page.pk is not None else None
    if not canonical:
        return "", []
    translations = [
        p
        for p in chain_translations(page, request)
        if p.translation_key == page.translation_key and p.pk != page.pk and is_public(p, request)
    ]
    return canonical, alternates(
        [page, *translations],
        page,
        lambda p: canonical if p.pk == page.pk else (p.get_full_url(request) or ""),
    )
