"""The listing filters of news articles in the API: `?date_from=`, `?date_to=`,
`?organization=`, `?topic=` (see `home.api.filters.ModelFilter`). Every bad value is a 400."""

from __future__ import annotations

import datetime
import re

from django.apps import apps
from django.db.models import QuerySet
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from home.api.filters import INTEGER, MAX_INTEGER

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date_parameter(query, name: str) -> datetime.date | None:
    value = query.get(name)
    if value is None:
        return None
    try:
        if ISO_DATE.fullmatch(value):  # not fromisoformat's other forms (20170501, 2017-W18-1)
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise BadRequestError(f"{name} must be a date as YYYY-MM-DD, e.g. 2017-05-01")


def filter_news(queryset: QuerySet, query) -> QuerySet:
    """`date_from`, `date_to` (ISO dates, both included), `organization=<page id>` (in any
    language: its translations count too) and `topic=<code>` on news article listings."""
    from .news import NewsTopic

    date_from = iso_date_parameter(query, "date_from")
    date_to = iso_date_parameter(query, "date_to")
    if date_from and date_to and date_from > date_to:
        raise BadRequestError("date_from must not be after date_to")
    if date_from:
        queryset = queryset.filter(date__gte=date_from)
    if date_to:
        queryset = queryset.filter(date__lte=date_to)
    if "organization" in query:
        value = query["organization"]
        if not INTEGER.fullmatch(value) or int(value) > MAX_INTEGER:
            raise BadRequestError("organization must be a page id (a positive integer)")
        keys = Page.objects.filter(pk=int(value)).values("translation_key")
        queryset = queryset.filter(organization__translation_key__in=keys)
    if "topic" in query:
        if query["topic"] not in NewsTopic.values:
            raise BadRequestError("topic must be one of: " + ", ".join(NewsTopic.values))
        # A subquery: no duplicate rows, no DISTINCT.
        model = apps.get_model("organizations", "NewsArticleTopic")
        topics = model.objects.filter(topic=query["topic"]).values("page_id")
        queryset = queryset.filter(pk__in=topics)
    return queryset
