"""The events a webhook can ask for, and `emit`: one delivery per interested subscription, sent
in the background once the change is committed.

Page events are home's own. Apps add events for their models (e.g. programs' partner
institutions) through the `register_webhook_models` hook, returning `WebhookModel`s: `home`
never imports them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from home.affected import absolute_url, affected_pages, api_detail_url, page_references
from home.page_cache.purge import absolute_urls, affected_urls

from .delivery import enqueue
from .models import WebhookDelivery, WebhookSubscription

logger = logging.getLogger(__name__)

WEBHOOK_MODELS_HOOK = "register_webhook_models"

PAGE_EVENTS = {
    "page.published": _("Page published"),
    "page.unpublished": _("Page unpublished"),
    "page.deleted": _("Page deleted"),
    "page.moved": _("Page moved"),
    "translation.published": _("Translation published"),
}


@dataclass(frozen=True)
class WebhookModel:
    """A model whose saves and deletes are the event `event` (e.g. "partner.changed");
    `api_endpoint` names its detail in the API (`/api/v2/<api_endpoint>/<id>/`)."""

    model: type
    event: str
    label: Any
    api_endpoint: str | None = None


@cache
def webhook_models() -> tuple[WebhookModel, ...]:
    found: list[WebhookModel] = []
    for register in hooks.get_hooks(WEBHOOK_MODELS_HOOK):
        found.extend(register())
    return tuple(found)


def event_choices() -> list[tuple[str, Any]]:
    return list(PAGE_EVENTS.items()) + [(item.event, item.label) for item in webhook_models()]


def _object_type(obj: Any) -> str:
    cls = obj.specific_class if isinstance(obj, Page) else type(obj)
    return f"{cls._meta.app_label}.{cls.__name__}"


def describe(obj: Any, api_endpoint: str | None = None) -> dict:
    """The object as a payload names it: id, type, locale, API detail and public URLs."""
    locale = getattr(obj, "locale", None)
    described = {
        "id": obj.pk,
        "type": _object_type(obj),
        "locale": locale.language_code if locale is not None else None,
        "api_url": None,
        "url": None,
    }
    if isinstance(obj, Page):
        described["title"] = obj.title
        described["api_url"] = api_detail_url(obj)
        described["url"] = obj.get_full_url()
    elif api_endpoint:
        described["api_url"] = absolute_url(f"/api/v2/{api_endpoint}/{obj.pk}/")
    return described


def build_payload(
    event: str,
    obj: Any,
    api_endpoint: str | None = None,
    also_affected: list[Page] = (),
    **extra: Any,
) -> dict:
    pages = affected_pages(obj)
    known = {page.pk for page in pages}
    pages += [page.specific for page in also_affected if page.pk not in known and page.live]
    return {
        "event": event,
        "object": describe(obj, api_endpoint),
        "affected_pages": page_references(pages),
        # The same URLs the site purges from its own cache and its CDN.
        "purge_urls": sorted(absolute_urls(affected_urls(obj))),
        "timestamp": timezone.now().isoformat(),
        **extra,
    }


def interested(event: str, locale_id: int | None) -> list[WebhookSubscription]:
    return [
        subscription
        for subscription in WebhookSubscription.objects.filter(active=True)
        if subscription.wants(event, locale_id)
    ]


def emit(
    event: str,
    obj: Any,
    api_endpoint: str | None = None,
    also_affected: list[Page] = (),
    **extra: Any,
) -> None:
    """Log a delivery of `event` about `obj` for each interested subscription and send them in
    the background after the commit. Never raises: publishing must not fail because of it."""
    try:
        # A savepoint: a failure here must not spoil the publishing transaction.
        with transaction.atomic():
            subscriptions = interested(event, getattr(obj, "locale_id", None))
            if not subscriptions:
                return
            payload = build_payload(event, obj, api_endpoint, also_affected, **extra)
            deliveries = [
                WebhookDelivery.objects.create(subscription=sub, event=event, payload=payload)
                for sub in subscriptions
            ]
    except Exception:
        logger.exception("webhook event %s about %r not recorded", event, obj)
        return
    for delivery in deliveries:
        # robust: a queue that fails is logged by Django, the published page stays published.
        transaction.on_commit(lambda pk=delivery.pk: enqueue(pk), robust=True)
