"""The public API v2 router. Apps add their own endpoints through the
`register_api_endpoints` hook, so this module never imports a domain app."""

from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter

from home.api.preview import PagePreviewAPIViewSet
from home.api.site import NavigationAPIViewSet, RedirectsAPIViewSet
from home.api.views import DocumentsAPIViewSet, ImagesAPIViewSet, PagesAPIViewSet

# Named "wagtailapi_v2" because the frontend-cache purge hook reverses that namespace.
api_router = WagtailAPIRouter("wagtailapi_v2")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
api_router.register_endpoint("navigation", NavigationAPIViewSet)
api_router.register_endpoint("redirects", RedirectsAPIViewSet)

for register in hooks.get_hooks("register_api_endpoints"):
    register(api_router)
