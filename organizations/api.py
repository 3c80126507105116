"""How organisation pages and their timelines read in the API (see home/api/)."""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps

from home.api.fields import in_language
from home.api.resolver import Resolver
from home.dates import format_partial_date
from home.relations import children_by_parent, pointing_at


def committees(pages: list, resolver: Resolver) -> dict[int, list]:
    model = apps.get_model("organizations", "CommitteePage")
    return children_by_parent(resolver.visible_pages(model), pages)


def describe_committee(committee: Any, code: str) -> dict:
    return {
        "acronym": committee.acronym,
        "full_name": committee.full_name,
        "committee_kind": committee.committee_kind,
    }


def history_pages(pages: list, resolver: Resolver) -> dict[int, list]:
    model = apps.get_model("organizations", "HistoryPage")
    return children_by_parent(resolver.visible_pages(model), pages)


def member_organizations(pages: list, resolver: Resolver) -> dict[int, list]:
    model = apps.get_model("organizations", "OrganizationPage")
    queryset = resolver.visible_pages(model).order_by("title")
    return pointing_at(queryset, pages, "parent_organization")


def describe_organization(organization: Any, code: str) -> dict:
    return {"acronym": organization.acronym, "kind": organization.kind}


def raw_events(history: Any) -> list[dict]:
    """A history page's events from the stored JSON, in date order. Read raw: the events are
    flat, and turning them into Python values would fetch each linked page on its own."""
    events = [
        dict(item["value"])
        for item in history.events.raw_data
        if item.get("type") == "event" and item.get("value", {}).get("date")
    ]
    return sorted(events, key=lambda event: event["date"])


def prime_event_links(histories: list, resolver: Resolver) -> None:
    from wagtail.models import Page

    resolver.prime(Page, [e.get("link") for h in histories for e in raw_events(h)])


def events_representation(
    history: Any,
    resolver: Resolver,
    locale_id: int,
    from_year: int | None = None,
    to_year: int | None = None,
) -> list[dict]:
    """`{date, precision, display_date, title, text, link}` per event in date order; `link` is
    the linked page in the reader's language."""
    code = resolver.locale_code(locale_id)
    result = []
    for event in raw_events(history):
        date = datetime.date.fromisoformat(event["date"])
        if (from_year and date.year < from_year) or (to_year and date.year > to_year):
            continue
        precision = event.get("precision") or "year"
        result.append(
            {
                "date": event["date"],
                "precision": precision,
                "display_date": in_language(
                    code, lambda d=date, p=precision: format_partial_date(d, p)
                ),
                "title": event.get("title", ""),
                "text": event.get("text", ""),
                "link": resolver.page_ref(event.get("link"), locale_id),
            }
        )
    return result
