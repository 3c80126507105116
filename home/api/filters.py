"""Query parameters of the public API, checked before they reach the database: pagination,
the search, field and locale filters, and the checks every request goes through. Anything the
client got wrong is a 400 with a message, never a 500."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale

from .resolver import Resolver, get_resolver_for_view

SEARCH_OPERATORS = ("and", "or")
MAX_INTEGER = 10**18  # below SQLite's and PostgreSQL's 2^63: no overflow in any query
MAX_FIELDS_DEPTH = 4
MAX_PARAMETER_LENGTH = 2000
INTEGER = re.compile(r"[0-9]{1,18}")
# Parameters that name a page by id (`root` is also accepted where Wagtail accepts it).
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


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


def integer_parameter(
    request, name: str, default: int, maximum: int = MAX_INTEGER, minimum: int = 0
) -> int:
    value = request.GET.get(name)
    if value is None:
        return default
    if not INTEGER.fullmatch(value) or not minimum <= int(value) <= maximum:
        raise BadRequestError(f"{name} must be an integer between {minimum} and {maximum}")
    return int(value)


class StrictPagination(WagtailPagination):
    """Wagtail's `limit`/`offset` with bounds checked (upstream, `offset` >= 2^63 is a 500).

    The items of a queryset come with the total count (a window function, counted before
    the limit), instead of a count query of its own."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20
        offset = integer_parameter(request, "offset", 0)
        limit = integer_parameter(request, "limit", min(20, limit_max), limit_max, minimum=1)
        self.view = view
        # Search results are no queryset; DISTINCT would apply after the window counted.
        if not isinstance(queryset, models.QuerySet) or queryset.query.distinct:
            self.total_count = queryset.count()
            return queryset[offset : offset + limit]
        counted = queryset.annotate(listing_total=models.Window(models.Count("pk")))
        items = list(counted[offset : offset + limit])
        # Past the last item there is no row to carry the count.
        self.total_count = items[0].listing_total if items else queryset.count()
        return items


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
        # Parameters a view or a page type filters on its own terms (e.g. partners' `country`,
        # news' `organization`) are left alone.
        own = set(getattr(view, "own_filters", ())) | set(model_filter_parameters(queryset.model))
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


def model_filter_parameters(model: type) -> tuple[str, ...]:
    """The listing parameters a model filters on itself: `api_filter_parameters` on the model,
    applied by its classmethod `api_filter(queryset, query)` (which raises BadRequestError on a
    bad value). Apps add filters this way without this module knowing them."""
    return tuple(getattr(model, "api_filter_parameters", ()))


class ModelFilter(BaseFilterBackend):
    """Listings of one type (`type=…`) filtered by the parameters that type declares."""

    def filter_queryset(self, request, queryset, view):
        parameters = model_filter_parameters(queryset.model)
        if view.action != "listing_view" or not any(name in request.GET for name in parameters):
            return queryset
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.model.api_filter(queryset, request.GET)
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


def with_search_filter(backends: list) -> list:
    """`backends` with Wagtail's search, fields and locale filters replaced by ours, and the
    page types' own filters (`ModelFilter`) after the field filters."""
    replacements = {
        filters.SearchFilter: SearchFilter,
        filters.FieldsFilter: FieldsFilter,
        filters.LocaleFilter: LocaleFilter,
    }
    result = [replacements.get(backend, backend) for backend in backends]
    if FieldsFilter in result:
        result.insert(result.index(FieldsFilter) + 1, ModelFilter)
    return result


def requested_locale(request, resolver: Resolver) -> Locale | None:
    """The locale `?locale=` names (None without the parameter); an unknown code is a 400
    naming the ones that exist. Every endpoint reads `locale` through this."""
    code = request.GET.get("locale")
    if code is None:
        return None
    locale = resolver.locale_by_code(code)
    if locale is None:
        codes = ", ".join(sorted(loc.language_code for loc in resolver.locales.values()))
        raise BadRequestError(f"locale must be one of: {codes}")
    return locale
