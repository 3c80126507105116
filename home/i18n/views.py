"""The language switch view: outside `i18n_patterns` (site_config/urls.py), the same in every
language."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from home.navigation import locale_home


def _language_home_url(request: HttpRequest, language: str) -> str:
    """The home page of `language` (the site root in that locale), else its URL prefix."""
    locale = Locale.objects.filter(language_code=language).first()
    home = locale_home(locale, request) if locale is not None else None
    return (home.get_url(request) if home is not None else None) or f"/{language}/"


@never_cache  # the response sets a cookie: no shared cache may keep it
@require_safe
def switch_language(request: HttpRequest, language: str) -> HttpResponseRedirect:
    """`/language/<language>/?next=<path>`: remember an explicit language choice, then go on.

    A plain link (GET) so that the switcher works without JavaScript or a form. The choice is
    kept in Django's language cookie, which `home.i18n.middleware.LocaleMiddleware` reads before
    Accept-Language when a visitor comes back to `/`. `next` must be on this site; otherwise
    (or when missing) the visitor lands on that language's home page.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = _language_home_url(request, language)
    response = HttpResponseRedirect(next_url)
    # The same cookie, with the same attributes, as Django's own `set_language` view.
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
