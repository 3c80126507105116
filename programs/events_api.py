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
from home.api.resolver import get_resolver
from home.api.views import PagesAPIViewSet

from .api import partner_representation
from .calls import CallsFilter, filter_calls
from .event_display import event_when, iso_end, iso_start
from .models import EventPage, PartnerInstitution, PartnerProgramPage


def host_institution(event: Any, context: dict) -> dict | None:
    resolver = get_resolver(context)
    partner = resolver.localized(PartnerInstitution, event.host_institution_id, event.locale_id)
    return partner_representation(partner, resolver) if partner is not None else None


def prime_host_institutions(events: list, resolver) -> None:
    resolver.prime(PartnerInstitution, [event.host_institution_id for event in events])


def event_api_fields() -> list:
    return [
        APIField("start_date"),
        APIField("end_date"),
        APIField("date_precision"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("time_zone"),
        # ISO 8601: with the UTC offset for timed events, a plain date for all-day ones.
        APIField("start", serializer=ComputedField(lambda e, c: iso_start(e))),
        APIField("end", serializer=ComputedField(lambda e, c: iso_end(e) or None)),
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
            serializer=ComputedField(host_institution, prime_all=prime_host_institutions),
        ),
        APIField("program", serializer=LocalizedPageField()),
        APIField("registration_url", serializer=LinkTargetField()),
        APIField("registration_deadline"),
        APIField("summary"),
        APIField("body"),
    ]


def date_parameter(request, name: str) -> datetime.date | None:
    value = request.GET.get(name)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(f"{name} must be a date as YYYY-MM-DD") from None


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


def one_page_type_endpoint(model: type[Page], parameters: tuple[str, ...], backend) -> type:
    return type(
        f"{model.__name__}APIViewSet",
        (OnePageTypeMixin, PagesAPIViewSet),
        {
            "model": model,
            "own_filters": parameters,
            "filter_backends": [backend, *PagesAPIViewSet.filter_backends],
            "known_query_parameters": PagesAPIViewSet.known_query_parameters.union(parameters)
            - {"type"},
        },
    )


EVENT_PARAMETERS = ("upcoming", "starts_after", "starts_before", "organization", "program")
EventsAPIViewSet = one_page_type_endpoint(EventPage, EVENT_PARAMETERS, EventFilter)
ProgramsAPIViewSet = one_page_type_endpoint(PartnerProgramPage, ("calls",), CallsAPIFilter)
