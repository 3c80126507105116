"""`/api/v2/page_preview/`: a page's draft for a headless front end's preview.

The editor's "Front end" preview mode (home/headless_preview.py) sends the front end
`?content_type=…&token=…`; the front end passes both on here and gets the draft in exactly the
shape of `/api/v2/pages/<id>/`, so one piece of code renders pages and previews.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.cache import patch_cache_control
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from home.headless_preview import PreviewError, preview_page

from .views import PagesAPIViewSet, StrictAPIMixin


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """`GET /api/v2/page_preview/?content_type=<app_label.model>&token=<token>`

    Parameters:
    - `content_type` (required): the page type as the preview URL gives it, e.g.
      `organizations.organizationpage`.
    - `token` (required): the signed preview token from the preview URL; it is the only
      credential (no login), valid for `HEADLESS_PREVIEW_MAX_AGE` seconds (1 hour by default).
    - `fields` (optional): as for a page's detail.

    Response: 200 with the draft serialized as `/api/v2/pages/<id>/` serializes the page
    (`meta.locale`, `meta.translations`, links in the page's language, image renditions);
    `Cache-Control: no-store`. Errors, as `{"message": …}`: 400 for missing or malformed
    parameters, 403 for a tampered or expired token, 404 when there is no preview of that
    page type under that token. A page being created (never saved) has `id: null` and
    `meta.detail_url: null`.
    """

    known_query_parameters = frozenset({"content_type", "token", "fields", "format"})

    @classmethod
    def openapi_paths(cls, generator: Any, name: str) -> dict:
        from .openapi.parameters import TEXT, parameter, query_parameters

        declared = {
            "content_type": parameter(
                {**TEXT, "pattern": "^[a-z0-9_]+\\.[a-z0-9_]+$"},
                "The page type from the preview URL, e.g. `organizations.organizationpage`.",
            ),
            "token": parameter(TEXT, "The signed token from the preview URL (1 hour by default)."),
        }
        parameters = query_parameters(cls.known_query_parameters, declared, cls)
        for item in parameters:
            item["required"] = item["name"] in declared
        operation = {
            "operationId": "page_preview",
            "summary": "A draft, in the shape of a page's detail, for a front end's preview",
            "tags": [name],
            "parameters": parameters,
            "responses": generator.responses(
                generator.json("The draft", generator.pages_schema(PagesAPIViewSet)), 400, 403, 404
            ),
        }
        return {"": {"get": operation}}

    _never_saved = False

    @classmethod
    def get_urlpatterns(cls) -> list:
        return [path("", cls.as_view({"get": "preview_view"}), name="listing")]

    def preview_view(self, request):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: "
                f"{', '.join(sorted(unknown))}"
            )
        missing = [name for name in ("content_type", "token") if not request.GET.get(name)]
        if missing:
            raise BadRequestError(f"required: {', '.join(missing)}")
        # Serialized as the pages endpoint's detail view serializes a page.
        self.action = "detail_view"
        response = self.detail_view(request, pk=None)
        if self._never_saved:
            # A page being created has no id nor detail URL yet (0 stood in while serializing).
            if "id" in response.data:
                response.data["id"] = None
            if "detail_url" in response.data.get("meta", {}):
                response.data["meta"]["detail_url"] = None
        return response

    def get_object(self) -> Page:
        if getattr(self, "_cached_object", None) is None:
            page = preview_page(self.request.GET["content_type"], self.request.GET["token"])
            self._never_saved = page.pk is None
            if self._never_saved:
                page.pk = 0  # URL reversing and per-page lookups need an integer
            self._cached_object = page
        return self._cached_object

    def handle_exception(self, exc):
        if isinstance(exc, PreviewError):
            return Response({"message": exc.message}, status=exc.status)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        # A draft behind a credential: never stored by a browser or a shared cache.
        response = super(StrictAPIMixin, self).finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, no_store=True, private=True)
        return response
