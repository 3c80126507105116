"""The public API v2 machinery shared by every app's endpoints.

- Anonymous, always: no authentication class runs, so a session cookie or a Basic header
  changes nothing; pages are the live ones outside every private section.
- Strict: every parameter is checked before it reaches the database; anything the client got
  wrong is a 400 (or 404) with `{"message": …}`, never a 500.
- Fast: listings are one page of items plus a fixed number of queries whatever the limit;
  fields prime a per-response `Resolver` (home/api_fields.py) that loads references in bulk.
- Cacheable: 200 responses carry `Cache-Control: public, max-age=…` and an `ETag`;
  `If-None-Match` gets a 304.
"""

from __future__ import annotations

import re
from hashlib import md5
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError, models
from django.http import Http404, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control
from rest_framework import exceptions as drf_exceptions
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from wagtail import fields as wagtail_fields
from wagtail.api import APIField
from wagtail.api.v2 import filters, serializers, views
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet
from wagtail.models import Collection, Locale, Page

from .api_fields import (
    LocaleCodeField,
    PrimedFieldMixin,
    Resolver,
    RichTextAPIField,
    StreamAPIField,
    get_resolver,
)
from .i18n.translation_status import translation_statuses

SEARCH_OPERATORS = ("and", "or")
MAX_INTEGER = 10**18  # below SQLite's and PostgreSQL's 2^63: no overflow in any query
MAX_FIELDS_DEPTH = 4
MAX_PARAMETER_LENGTH = 2000
INTEGER = re.compile(r"[0-9]{1,18}")
# Parameters that name a page by id (`root` is also accepted where Wagtail accepts it).
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


def cache_max_age() -> int:
    return int(getattr(settings, "API_CACHE_MAX_AGE", 300))


# -- validation ---------------------------------------------------------------------------


def check_parameters(request) -> None:
    """Refuse, before any query, what would otherwise fail deep inside (NUL bytes reach
    PostgreSQL as an error; huge integers overflow; deeply nested `fields` recurse)."""
    for name, values in request.GET.lists():
        for value in [name, *values]:
            if "\x00" in value:
                raise BadRequestError(f"null characters are not allowed (in parameter {name!r})")
            if len(value) > MAX_PARAMETER_LENGTH:
                raise BadRequestError(
                    f"parameter {name!r} is too long (at most {MAX_PARAMETER_LENGTH} characters)"
                )
    for name in PAGE_ID_PARAMETERS:
        value = request.GET.get(name)
        if value is not None and value != "root" and not INTEGER.fullmatch(value):
            raise BadRequestError(f"{name} must be a page id (a positive integer) or 'root'")
    fields = request.GET.get("fields")
    if fields is not None:
        depth = deepest = 0
        for char in fields:
            depth += {"(": 1, ")": -1}.get(char, 0)
            deepest = max(deepest, depth)
        if deepest > MAX_FIELDS_DEPTH:
            raise BadRequestError(f"fields error: nested at most {MAX_FIELDS_DEPTH} levels deep")


def integer_parameter(request, name: str, default: int, maximum: int = MAX_INTEGER) -> int:
    value = request.GET.get(name)
    if value is None:
        return default
    if not INTEGER.fullmatch(value) or int(value) > maximum:
        raise BadRequestError(f"{name} must be an integer between 0 and {maximum}")
    return int(value)


class StrictPagination(WagtailPagination):
    """Wagtail's `limit`/`offset` with bounds checked (upstream, `offset` >= 2^63 is a 500)."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20
        offset = integer_parameter(request, "offset", 0)
        limit = integer_parameter(request, "limit", min(20, limit_max), maximum=limit_max)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class SearchFilter(filters.SearchFilter):
    """Wagtail's `?search=` filter, refusing unknown `search_operator` values with a 400
    (upstream passes them to the backend, which fails with a 500)."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


class FieldsFilter(filters.FieldsFilter):
    """Wagtail's `?<field>=value` filters, with integers bounded and bad values a 400."""

    def filter_queryset(self, request, queryset, view):
        # Parameters a view filters on its own terms (e.g. partners' `country`) are left alone.
        own = set(getattr(view, "own_filters", ()))
        names = set(view.get_available_fields(queryset.model, db_fields_only=True)) - own
        if own:
            query = request.GET.copy()
            for name in own:
                query.pop(name, None)
            request = type("FilteredRequest", (), {"GET": query})()
        for name, value in request.GET.items():
            if name not in names or name == "locale":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except LookupError:
                continue
            numeric = isinstance(field, (models.IntegerField, models.AutoField, models.ForeignKey))
            if numeric and not re.fullmatch(r"-?[0-9]{1,18}", value):
                raise BadRequestError(f"field filter error: {name} must be an integer")
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValidationError, ValueError, TypeError) as error:
            raise BadRequestError(f"field filter error: {error}") from error


class LocaleFilter(filters.LocaleFilter):
    """`?locale=` on listings; an unknown code is a 400 naming the ones that exist (upstream: a
    bare 404). On a page's detail, `locale` picks a translation instead (see `get_object`)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET or view.action != "listing_view":
            return queryset
        locale = requested_locale(request, get_resolver_for_view(view))
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


def with_search_filter(backends: list) -> list:
    """`backends` with Wagtail's search and fields filters replaced by ours."""
    replacements = {
        filters.SearchFilter: SearchFilter,
        filters.FieldsFilter: FieldsFilter,
        filters.LocaleFilter: LocaleFilter,
    }
    return [replacements.get(backend, backend) for backend in backends]


def requested_locale(request, resolver: Resolver) -> Locale | None:
    code = request.GET.get("locale")
    if code is None:
        return None
    locale = resolver.locale_by_code(code)
    if locale is None:
        codes = ", ".join(sorted(loc.language_code for loc in resolver.locales.values()))
        raise BadRequestError(f"locale must be one of: {codes}")
    return locale


def get_resolver_for_view(view) -> Resolver:
    if getattr(view, "_resolver", None) is None:
        view._resolver = Resolver(view.request)
    return view._resolver


# -- the shared view behaviour ------------------------------------------------------------


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
        etag = f'"{md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=cache_max_age())
        conditional = get_conditional_response(request, etag=etag, response=response)
        if isinstance(conditional, HttpResponseNotModified):
            conditional["Cache-Control"] = response["Cache-Control"]
        return conditional or response


# -- pages --------------------------------------------------------------------------------


class TranslationsField(PrimedFieldMixin, Field):
    """`meta.translations`: the page's other published translations, each with its status
    (`source` for the source-language page, else `up_to_date`, `outdated` or `draft`, as the
    translation-status report decides: home/translation_status.py)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        return instance

    def prime(self, instances: list, resolver: Resolver) -> None:
        keys = getattr(resolver, "translation_keys", set())
        resolver.translation_keys = keys | {page.translation_key for page in instances}

    def to_representation(self, page: Page) -> list[dict]:
        resolver = get_resolver(self.context)
        info = translation_info(resolver)
        siblings = info["pages"].get(page.translation_key, [])
        return [
            {**resolver.page_summary(other), "status": info["status"].get(other.pk, "unknown")}
            for other in siblings
            if other.pk != page.pk
        ]


class TranslationStatusField(TranslationsField):
    """`meta.translation_status`: this page's own status (see TranslationsField)."""

    def to_representation(self, page: Page) -> str:
        info = translation_info(get_resolver(self.context))
        return info["status"].get(page.pk, "unknown")


def translation_info(resolver: Resolver) -> dict:
    """Visible pages sharing each primed translation key, and each one's status: four
    queries per response (pages, then three for the statuses)."""
    info = getattr(resolver, "_translation_info", None)
    keys = getattr(resolver, "translation_keys", set())
    if info is not None and keys <= info["keys"]:
        return info
    pages: dict[Any, list[Page]] = {}
    for page in resolver.visible_pages().filter(translation_key__in=keys).order_by("locale_id"):
        pages.setdefault(page.translation_key, []).append(page)
    source = resolver.locale_by_code(settings.LANGUAGE_CODE)
    status: dict[int, str] = {}
    if source is not None and keys:
        targets = [loc for loc in resolver.locales.values() if loc.pk != source.pk]
        for row in translation_statuses(
            Page.objects.filter(translation_key__in=keys), source, targets
        ):
            status[row.page_id] = "source"
            for locale_status in row.statuses:
                if locale_status.page_id is not None:
                    status[locale_status.page_id] = str(locale_status.state)
    info = {"keys": set(keys), "pages": pages, "status": status}
    resolver._translation_info = info
    return info


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
            roots = Page.objects.filter(translation_key=site.root_page.translation_key)
            tree = models.Q()
            for path in roots.values_list("path", flat=True):
                tree |= models.Q(path__startswith=path)
            queryset = queryset.filter(tree)
        self._base_queryset = queryset.select_related("locale")
        return self._base_queryset

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        # Each page type may name relations to load with the page (`api_select_related`).
        related = getattr(model, "api_select_related", ())
        return queryset.select_related("locale", *related)

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


class PrefetchedTagsField(Field):
    """Tags from the prefetched list (upstream's query per item sorts in the database)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> list[str]:
        return sorted(tag.name for tag in value.all())


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
