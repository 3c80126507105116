"""`GET /api/v2/openapi.json`: the document, built once per process (it only changes with the
code), public and cacheable like the rest of the API."""

from __future__ import annotations

from functools import cache

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from home.page_cache.headers import make_public

from .document import build_document


@cache
def openapi_document() -> dict:
    from site_config.api import api_router

    return build_document(api_router)


@require_safe
def openapi_view(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
    make_public(response)
    return response
