"""Events and open calls in the API: the fields of event pages, and two listings built on the
pages endpoint (same fields, `locale`, `fields`, `limit`/`offset`, ETags), narrowed to one
page type with the filters a front end needs:

- `/api/v2/events/`: `upcoming=true|false`, `starts_after`/`starts_before` (ISO dates),
  `organization=<page id>`, `program=<page id>`;
- `/api/v2/programs/`: `calls=open|closing`.

They are endpoints of their own because home's pages endpoint knows nothing of this app's
fields (dependencies run from programs to home, never back)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from home.api.fields import (
    ComputedField,
    LinkTargetField,
    LocalizedPageField,
    StringField,
    translated_field,
)
from home.api.filters import INTEGER
from home.api.openapi.components import DATE, ID, nullable
from home.api.resolver import get_resolver
from home.api.views import PagesAPIViewSet
from organizations.news_filters import iso_date_parameter

from .api import partner_representation, partner_schema, prime_partner_institutions
from .calls import CallsFilter, filter_calls
from .event_display import event_when, iso_end, iso_start
from .models import EventPage, PartnerInstitution, PartnerProgramPage


def host_institution(event: Any, context: dict) -> dict | None:
    resolver = get_resolver(context)
    partner = resolver.localized(PartnerInstitution, event.host_institution_id, event.locale_id)
    if partner is None:
        return None
    return partner_representation(partner, resolver, event.locale_id)


def prime_host_institutions(events: list, resolver) -> None:
    prime_partner_institutions([event.host_institution_id for event in events], resolver)


def event_api_fields() -> list:
    return [
        APIField("start_date"),
        APIField("end_date"),
        APIField("date_precision"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("time_zone"),
        # ISO 8601: with the UTC offset for timed events, a plain date for all-day ones.
        APIField("start", serializer=ComputedField(lambda e, c: iso_start(e), schema=WHEN)),
        APIField(
            "end", serializer=ComputedField(lambda e, c: iso_end(e) or None, schema=nullable(WHEN))
        ),
        APIField("when_display", serializer=translated_field(lambda e: event_when(e)["text"])),
        APIField("status"),
        APIField("status_display", serializer=translated_field(lambda e: e.get_status_display())),
        APIField("online"),
        APIField("online_url", serializer=LinkTargetField()),
        APIField("venue"),
        APIField("city"),
        APIField("country", serializer=StringField()),
        APIField("country_name", serializer=translated_field(lambda e: e.country.name)),
        APIField("host_organization", serializer=LocalizedPageField()),
        APIField(
            "host_institution",
            serializer=ComputedField(
                host_institution,
                prime_all=prime_host_institutions,
                schema=lambda components: nullable(partner_schema(components)),
            ),
        ),
        APIField("program", serializer=LocalizedPageField()),
        APIField("registration_url", serializer=LinkTargetField()),
        APIField("registration_deadline"),
        APIField("summary"),
        APIField("body"),
    ]


def date_parameter(request, name: str) -> datetime.date | None:
    # YYYY-MM-DD only, as documented (not fromisoformat's other forms such as 20310601).
    return iso_date_parameter(request.GET, name)


def page_id_parameter(request, name: str) -> int | None:
    value = request.GET.get(name)
    if value is None:
        return None
    if not INTEGER.fullmatch(value):
        raise BadRequestError(f"{name} must be a page id (a positive integer)")
    return int(value)


def related_to(queryset: models.QuerySet, field: str, page_id: int) -> models.QuerySet:
    """Pages whose `field` is page `page_id` or a translation of it (translations keep the
    source-language page in their foreign keys). Ids, not a join: searches can filter on them."""
    key = Page.objects.filter(pk=page_id).values("translation_key")
    ids = list(Page.objects.filter(translation_key__in=key).values_list("pk", flat=True))
    return queryset.filter(**{f"{field}__in": ids})


class EventFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        upcoming = request.GET.get("upcoming")
        if upcoming is not None:
            if upcoming not in ("true", "false"):
                raise BadRequestError("upcoming must be 'true' or 'false'")
            today = timezone.localdate()
            if upcoming == "true":
                queryset = queryset.filter(last_day__gte=today)
            else:
                queryset = queryset.filter(last_day__lt=today)
        after = date_parameter(request, "starts_after")
        if after is not None:
            queryset = queryset.filter(start_date__gte=after)
        before = date_parameter(request, "starts_before")
        if before is not None:
            queryset = queryset.filter(start_date__lte=before)
        for name, field in (("organization", "host_organization"), ("program", "program")):
            page_id = page_id_parameter(request, name)
            if page_id is not None:
                queryset = related_to(queryset, field, page_id)
        if "order" not in request.GET and "search" not in request.GET:
            # Upcoming soonest first; past ones latest first.
            order = ("-start_date", "-pk") if upcoming == "false" else ("start_date", "pk")
            queryset = queryset.order_by(*order)
        return queryset


class CallsAPIFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        calls = request.GET.get("calls")
        if calls is None:
            return queryset
        if calls not in CallsFilter.values:
            raise BadRequestError("calls must be 'open' or 'closing'")
        return filter_calls(queryset, calls)


class OnePageTypeMixin:
    """The pages endpoint narrowed to `model`; its `own_filters` are read by its first filter
    backend (first: the search, last, turns the queryset into search results)."""

    own_filters: tuple[str, ...] = ()

    def get_queryset(self):
        return self.model.objects.filter(
            pk__in=self.get_base_queryset().values("pk")
        ).select_related("locale")


def one_page_type_endpoint(model: type[Page], parameters: dict[str, dict], backend) -> type:
    """The endpoint; `parameters` are its own filters, {name: OpenAPI description}."""
    return type(
        f"{model.__name__}APIViewSet",
        (OnePageTypeMixin, PagesAPIViewSet),
        {
            "model": model,
            "own_filters": tuple(parameters),
            "openapi_parameters": {**PagesAPIViewSet.openapi_parameters, **parameters},
            "filter_backends": [backend, *PagesAPIViewSet.filter_backends],
            "known_query_parameters": PagesAPIViewSet.known_query_parameters.union(parameters)
            - {"type"},
        },
    )


# ISO 8601 as the event is known: a date-time with its offset, a date, a month or a year.
WHEN = {
    "type": "string",
    "description": "e.g. `2031-06-15T09:00:00+03:00`, `2031-06-15`, `2011`.",
}
EVENT_PARAMETERS = {
    "upcoming": {
        "schema": {"type": "string", "enum": ["true", "false"]},
        "description": "`true`: not over yet, soonest first; `false`: past, latest first.",
    },
    "starts_after": {"schema": DATE, "description": "Starting on or after that day."},
    "starts_before": {"schema": DATE, "description": "Starting on or before that day."},
    "organization": {"schema": ID, "description": "Organised by that organisation (page id)."},
    "program": {"schema": ID, "description": "Belonging to that programme (page id)."},
}
CALLS_PARAMETERS = {
    "calls": {
        "schema": {"type": "string", "enum": list(CallsFilter.values)},
        "description": "`open`: applications open now; `closing`: closing within 30 days.",
    }
}
EventsAPIViewSet = one_page_type_endpoint(EventPage, EVENT_PARAMETERS, EventFilter)
ProgramsAPIViewSet = one_page_type_endpoint(PartnerProgramPage, CALLS_PARAMETERS, CallsAPIFilter)
