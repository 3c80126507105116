"""Django's LocaleMiddleware with the two rules this site needs on top of it.

1. Unprefixed URLs (`/`, `/search/`): Django picks the language from the language cookie,
   then Accept-Language, and redirects to `/<language>/…`. For Chinese it is too generous: it
   maps *any* `zh-…` tag (`zh-TW`, `zh-HK`, `zh-Hant`) to our only Chinese, `zh-hans`, because
   of its "try another variant of the same language" fallback. Traditional-Chinese readers are
   better served by English, so here a tag with a region or script only matches a language we
   have by Django's own variant table (`zh-CN`, `zh-SG`, `zh-Hans`, `en-GB` match; `zh-TW`
   doesn't); a bare `zh` still means `zh-hans`.

2. Django turns *every* unprefixed 404 into a redirect to `/<language>/<path>` when that path
   resolves, and Wagtail's catch-all page route resolves anything. So `/api/v2/pages/999999/`
   (a real 404 from the API) became a redirect to `/en/api/…`. Here only paths that resolve to
   nothing outside `i18n_patterns` get the prefix; admin and API paths never do.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

# Served outside i18n_patterns (see site_config/urls.py): never redirected to a language prefix,
# even where no URL matches (e.g. `/admin/no-such-view/`).
UNPREFIXED_PATHS = ("/admin/", "/api/", "/documents/")


def supported_language(code: str) -> str | None:
    """The site language for one language tag (any case), or None.

    `strict` lookups only go through Django's variant table (`zh-cn` → `zh-hans`, `en-gb` →
    `en`); a bare tag such as `zh` may take any regional variant we have.
    """
    code = code.strip().lower()
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code, strict="-" in code)
    except LookupError:
        return None


def preferred_language(request: HttpRequest) -> str:
    """The language for a request without a language prefix: the cookie set by the language
    switcher, else the best supported Accept-Language entry (q-values respected), else the
    default language."""
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie and (language := supported_language(cookie)):
        return language
    # Sorted by q-value, highest first. Django keeps `q=0` ("not acceptable"): skip those.
    for code, quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        if quality <= 0:
            continue
        if language := supported_language(code):
            return language
    return settings.LANGUAGE_CODE


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware with the rules above; everything else is Django's."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        if translation.get_language_from_path(request.path_info) is None:
            translation.activate(preferred_language(request))
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code == 404 and not self._may_lack_prefix(request):
            # A genuine 404 from a view outside i18n_patterns: keep it (Django would redirect).
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)

    @staticmethod
    def _may_lack_prefix(request: HttpRequest) -> bool:
        path = request.path_info
        if path.startswith(UNPREFIXED_PATHS):
            return False
        if translation.get_language_from_path(path) is not None:
            return True  # already prefixed: Django leaves it alone anyway
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        return not is_valid_path(path, urlconf)
