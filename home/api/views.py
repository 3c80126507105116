"""The public API v2 endpoints: pages, images and documents, and what every endpoint shares.

- Anonymous, always: no authentication class runs, so a session cookie or a Basic header
  changes nothing; pages are the live ones outside every private section.
- Strict: every parameter is checked before it reaches the database (home/api/filters.py);
  anything the client got wrong is a 400 (or 404) with `{"message": …}`, never a 500.
- Fast: listings are one page of items plus a fixed number of queries whatever the limit;
  fields prime a per-response `Resolver` (home/api/resolver.py) that loads references in bulk.
- Cacheable: 200 responses carry the site's public caching headers and an `ETag`
  (home/page_cache/headers.py); `If-None-Match` gets a 304.
"""

from __future__ import annotations

from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError, models
from django.db.models.lookups import StartsWith
from django.http import Http404, HttpRequest, HttpResponseNotModified, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions as drf_exceptions
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from wagtail import fields as wagtail_fields
from wagtail.api import APIField
from wagtail.api.v2 import serializers, views
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Collection, Page

from home.page_cache.headers import make_public

from .fields import (
    LocaleCodeField,
    PrefetchedTagsField,
    PrimedFieldMixin,
    RichTextAPIField,
    StreamAPIField,
    TranslationsField,
    TranslationStatusField,
)
from .filters import (
    INTEGER,
    MAX_INTEGER,
    StrictPagination,
    check_parameters,
    model_filter_parameters,
    requested_locale,
    with_search_filter,
)
from .resolver import Resolver, get_resolver_for_view


def prime_fields(serializer, instances: list, resolver: Resolver) -> None:
    """Let every field announce what it will need for all `instances`, before any is
    serialized: the resolver then loads it in bulk."""
    for field in serializer.fields.values():
        if isinstance(field, PrimedFieldMixin):
            field.prime(instances, resolver)


class StrictAPIMixin:
    """Anonymous, strict, primed and cacheable: mixed into every public endpoint."""

    authentication_classes: list = []  # the session cookie must not reveal anything more
    permission_classes = [AllowAny]
    pagination_class = StrictPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_parameters(request)

    @property
    def resolver(self) -> Resolver:
        return get_resolver_for_view(self)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["resolver"] = self.resolver
        return context

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = list(self.paginate_queryset(queryset))
        serializer = self.get_serializer(items, many=True)
        prime_fields(serializer.child, items, self.resolver)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        prime_fields(serializer, [instance], self.resolver)
        return Response(serializer.data)

    def get_object(self):
        # `<int:pk>` accepts any length; beyond 2^63 the database overflows.
        if int(self.kwargs.get("pk", 0)) > MAX_INTEGER:
            raise Http404("not found")
        return super().get_object()

    def find_object(self, queryset, request):
        if "id" in request.GET and not INTEGER.fullmatch(request.GET["id"]):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        # The client's mistakes that slipped past the checks above still answer 400, in JSON.
        if isinstance(exc, (ValidationError, ValueError, OverflowError, FieldError, DataError)):
            exc = BadRequestError(f"bad request: {exc}")
        elif isinstance(exc, RecursionError):
            exc = BadRequestError("bad request: too deeply nested")
        if isinstance(exc, (Http404, drf_exceptions.NotFound)):
            return Response({"message": str(exc) or "not found"}, status=404)
        response = super().handle_exception(exc)
        if isinstance(exc, drf_exceptions.APIException):
            # One error format everywhere: `{"message": …}` (DRF says `detail`).
            response.data = {"message": str(exc.detail)}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200:
            patch_cache_control(response, no_cache=True)
            return response
        response.render()
        make_public(response)
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        if isinstance(conditional, HttpResponseNotModified):
            conditional["Cache-Control"] = response["Cache-Control"]
        return conditional or response


@csrf_exempt  # changes nothing: a POST to a wrong address is a 404 too, not a CSRF failure
def not_found(request: HttpRequest) -> JsonResponse:
    """Any other address under /api/v2/ (e.g. `/api/v2/pages/abc/`): a JSON 404 like the
    endpoints' own, not the website's HTML page."""
    response = JsonResponse({"message": "not found"}, status=404)
    patch_cache_control(response, no_cache=True)
    return response


# -- pages --------------------------------------------------------------------------------


class PageSerializer(serializers.PageSerializer):
    """Wagtail's page serializer with fields that resolve references in the page's language."""

    serializer_field_mapping = serializers.PageSerializer.serializer_field_mapping.copy()
    serializer_field_mapping.update(
        {
            wagtail_fields.StreamField: StreamAPIField,
            wagtail_fields.RichTextField: RichTextAPIField,
        }
    )
    locale = LocaleCodeField()
    # What `to_representation` adds to a detail's meta (home/api/openapi/document.py).
    openapi_meta_extra = {
        "requested_locale": {"type": "string", "description": "Detail only: `?locale=`."},
        "fallback": {
            "type": "boolean",
            "description": "Detail only: true when the page is not published in that locale.",
        },
    }

    def to_representation(self, instance):
        # Links inside a page are shown in that page's language.
        previous = self.context.get("api_locale_id")
        self.context["api_locale_id"] = instance.locale_id
        try:
            data = super().to_representation(instance)
        finally:
            self.context["api_locale_id"] = previous
        fallback = self.context.get("fallback_of")
        if self.parent is None and fallback is not None and "meta" in data:
            data["meta"]["requested_locale"] = fallback
            data["meta"]["fallback"] = fallback != data["meta"].get("locale")
        return data


class PagesAPIViewSet(StrictAPIMixin, views.PagesAPIViewSet):
    base_serializer_class = PageSerializer
    filter_backends = with_search_filter(views.PagesAPIViewSet.filter_backends)
    meta_fields = views.PagesAPIViewSet.meta_fields + [
        APIField("translations", serializer=TranslationsField()),
        APIField("translation_status", serializer=TranslationStatusField()),
    ]
    listing_default_fields = views.PagesAPIViewSet.listing_default_fields + [
        "translations",
        "translation_status",
    ]
    # The OpenAPI document (home/api/openapi/): parameters beyond the common ones, and what
    # the detail and find views take.
    openapi_parameters: dict[str, dict] = {}
    openapi_detail_parameters = ("fields", "locale")
    openapi_find_parameters = ("html_path", "id")

    def get_base_queryset(self):
        """Live pages outside every private section, in the requested site's locale trees:
        the same for everyone (upstream shows login-restricted pages to a logged-in session)."""
        if getattr(self, "_base_queryset", None) is not None:
            return self._base_queryset
        try:
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request)
            site = site.site_obj
        except (ValueError, Http404) as error:
            raise BadRequestError(f"site error: {error}") from error
        queryset = self.resolver.visible_pages()
        if site is None:
            queryset = queryset.none()
        else:
            # Below the site's root page or a translation of it, whose tree paths start theirs
            # (a subquery on ids, not a look-up of the roots first).
            roots = Page.objects.filter(translation_key=site.root_page.translation_key)
            root_above = roots.filter(StartsWith(models.OuterRef("path"), models.F("path")))
            in_site = Page.objects.filter(models.Exists(root_above)).values("pk")
            queryset = queryset.filter(pk__in=in_site)
        self._base_queryset = queryset.select_related("locale")
        return self._base_queryset

    def get_queryset(self):
        # With `type=`, upstream starts a new queryset of that model: join the locale again.
        return super().get_queryset().select_related("locale")

    def check_query_parameters(self, queryset):
        # A page type's own filters (see home/api/filters.py `ModelFilter`) are known parameters.
        own = set(model_filter_parameters(queryset.model))
        if own:
            self.known_query_parameters = self.known_query_parameters | own
        super().check_query_parameters(queryset)

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        # Page types keep heavy fields (StreamField bodies) for the detail view: a listing stays
        # a fixed number of queries whatever `limit` is.
        detail_only = list(getattr(model, "api_detail_only_fields", ()))
        if detail_only and not show_details:
            asked = {name for name, negated, _ in fields_config if not negated}
            if asked & set(detail_only):
                raise BadRequestError(
                    "only in a page's detail (/api/v2/pages/<id>/): "
                    + ", ".join(sorted(asked & set(detail_only)))
                )
            cls = type(
                cls.__name__, (cls,), {"detail_only_fields": cls.detail_only_fields + detail_only}
            )
        return super()._get_serializer_class(
            router, model, fields_config, show_details=show_details, nested=nested
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "detail_view" and "locale" in self.request.GET:
            context["fallback_of"] = self.request.GET["locale"]
        return context

    def get_object(self):
        """The page; with `?locale=`, its translation in that locale, or, where there is none
        yet, the page itself with `meta.fallback: true` (never a mix of languages)."""
        if getattr(self, "_cached_object", None) is not None:
            return self._cached_object
        page = super().get_object()
        locale = requested_locale(self.request, self.resolver)
        if locale is not None and page.locale_id != locale.pk:
            translation = (
                self.get_base_queryset()
                .filter(translation_key=page.translation_key, locale=locale)
                .first()
            )
            if translation is not None:
                page = translation.specific
        self._cached_object = page
        return page

    def find_object(self, queryset, request):
        """`html_path` with or without a language prefix: `/zh-hans/…` is looked up in the
        Chinese tree (upstream routes every path from the default locale's root, wagtail#6679)."""
        if "html_path" in request.GET:
            return self.find_by_path(queryset, request, request.GET["html_path"])
        return super().find_object(queryset, request)

    def find_by_path(self, queryset, request, path: str) -> Page | None:
        site = SiteFilterValidator(site=None, request=request).site_obj
        if site is None:
            return None
        components = [unquote(part) for part in path.split("/") if part]
        root = site.root_page
        codes = {code.lower(): code for code, _ in settings.LANGUAGES}
        if components and components[0].lower() in codes:
            locale = self.resolver.locale_by_code(codes[components.pop(0).lower()])
            root = root.get_translation_or_none(locale) if locale else None
            if root is None:
                return None
        try:
            page = root.specific.route(request, components)[0]
        except Http404:
            return None
        return page if queryset.filter(pk=page.pk).exists() else None


# -- images and documents -----------------------------------------------------------------


def with_prefetched_tags(fields: list) -> list:
    return [
        APIField("tags", serializer=PrefetchedTagsField()) if field == "tags" else field
        for field in fields
    ]


class ImagesAPIViewSet(StrictAPIMixin, WagtailImagesAPIViewSet):
    filter_backends = with_search_filter(WagtailImagesAPIViewSet.filter_backends)
    meta_fields = with_prefetched_tags(WagtailImagesAPIViewSet.meta_fields)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


class DocumentsAPIViewSet(StrictAPIMixin, WagtailDocumentsAPIViewSet):
    """Documents outside private collections (those need a login or password to download)."""

    filter_backends = with_search_filter(WagtailDocumentsAPIViewSet.filter_backends)
    meta_fields = with_prefetched_tags(WagtailDocumentsAPIViewSet.meta_fields)

    def get_queryset(self):
        queryset = super().get_queryset().prefetch_related("tags")
        private = models.Q()
        for path in Collection.objects.filter(view_restrictions__isnull=False).values_list(
            "path", flat=True
        ):
            private |= models.Q(collection__path__startswith=path)
        return queryset.exclude(private) if private else queryset
