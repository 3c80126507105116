from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import access, seo, views
from home.api import views as api_views
from home.api.openapi.views import openapi_view
from home.health import healthz
from home.i18n import views as i18n_views
from home.search import views as search_views

from .api import api_router

# Admin, documents and the API stay outside i18n_patterns: they must never be
# redirected to a language prefix.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/openapi.json", openapi_view, name="openapi"),
    path("api/v2/", api_router.urls),
    # Addresses ending in a slash only: `/api/v2/pages` still redirects to `/api/v2/pages/`.
    re_path(r"^api/v2/.*/$", api_views.not_found),
    # The same in every language: the switcher's "remember my choice" link, sitemap, robots.
    path("language/<str:language>/", i18n_views.switch_language, name="switch_language"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # For load balancers: never redirected to a language, never cached.
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Wagtail's page-password view under its own name, rate limited; before wagtail_urls.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        access.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's front-end URLs, its page view (the last) replaced by one that routes in fewer
    # queries (home.views.serve).
    path("", include(wagtail_urls.urlpatterns[:-1])),
    re_path(wagtail_urls.serve_pattern, views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
