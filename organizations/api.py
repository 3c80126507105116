"""How organisation pages and their timelines read in the API (see home/api/)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from wagtail.models import Page

from home.api.fields import in_language
from home.api.openapi.components import STRING, Components, nullable, obj
from home.api.resolver import Resolver, get_resolver
from home.dates import format_partial_date
from home.relations import children_by_parent, inline_rows


def committees(pages: list, resolver: Resolver) -> dict[int, list]:
    model = apps.get_model("organizations", "CommitteePage")
    return children_by_parent(resolver.visible_pages(model), pages)


def committee_schema() -> dict:
    from home.api.openapi.fields import model_fields_schema

    model = apps.get_model("organizations", "CommitteePage")
    return model_fields_schema(model, ["acronym", "full_name", "committee_kind"])


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
    return model.members_of(pages, resolver.visible_pages(model))


def organization_schema() -> dict:
    from home.api.openapi.fields import model_fields_schema

    model = apps.get_model("organizations", "OrganizationPage")
    return model_fields_schema(model, ["acronym", "kind"])


def describe_organization(organization: Any, code: str) -> dict:
    return {"acronym": organization.acronym, "kind": organization.kind}


def prime_event_links(histories: list, resolver: Resolver) -> None:
    resolver.prime(Page, [event["link"] for h in histories for event in h.sorted_events()])


def events_representation(
    history: Any,
    resolver: Resolver,
    locale_id: int,
    from_year: int | None = None,
    to_year: int | None = None,
) -> list[dict]:
    """`{date, precision, display_date, title, text, link}` per event in date order
    (`HistoryPage.sorted_events`); `link` is the linked page in the reader's language."""
    code = resolver.locale_code(locale_id)
    return [
        {
            "date": event["date"].isoformat(),
            "precision": event["precision"],
            "display_date": in_language(
                code, lambda e=event: format_partial_date(e["date"], e["precision"])
            ),
            "title": event["title"],
            "text": event["text"],
            "link": resolver.page_ref(event["link"], locale_id),
        }
        for event in history.sorted_events(from_year, to_year)
    ]


def timeline_event_schema(components: Components) -> dict:
    """`$ref` to the shape `events_representation` gives each event."""
    from home.dates import DatePrecision

    return components.ref(
        "TimelineEvent",
        lambda: obj(
            {
                "date": {"type": "string", "format": "date"},
                "precision": {"type": "string", "enum": DatePrecision.values},
                "display_date": {**STRING, "description": "In the reader's language."},
                "title": STRING,
                "text": STRING,
                "link": nullable(components.page_ref()),
            }
        ),
    )


def timeline_schema(components: Components) -> dict:
    return {"type": "array", "items": timeline_event_schema(components)}


# -- news ---------------------------------------------------------------------------------


def prime_topics(articles: list, resolver: Resolver) -> None:
    """One query for the topics of all `articles` of a response."""
    model = apps.get_model("organizations", "NewsArticleTopic")
    store = resolver.store.setdefault(prime_topics, {})
    for pk, rows in inline_rows(articles, "topics", model).items():
        store[pk] = list(dict.fromkeys(row.topic for row in rows))


def topics_schema(components: Components) -> dict:
    from .news import NewsTopic

    topic = obj({"code": {"type": "string", "enum": NewsTopic.values}, "label": STRING})
    return {"type": "array", "items": topic}


def topics_representation(article: Any, context: dict) -> list[dict]:
    """`[{code, label}]`, the label in the article's language."""
    from .news import topic_label

    resolver = get_resolver(context)
    if article.pk not in resolver.store.get(prime_topics, {}):
        prime_topics([article], resolver)
    code = resolver.locale_code(article.locale_id)
    return [
        {"code": topic, "label": in_language(code, lambda t=topic: topic_label(t))}
        for topic in resolver.store[prime_topics][article.pk]
    ]
