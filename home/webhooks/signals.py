"""Signal handlers turning Wagtail's page signals, and saves and deletes of registered models,
into webhook events (connected in `HomeConfig.ready`)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import TranslationSource

from .events import WebhookModel, emit, interested, webhook_models


def is_translation(page: Page) -> bool:
    """Whether the page is a translation made with wagtail-localize (its source is in another
    language)."""
    return (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .exists()
    )


def on_page_published(sender, instance: Page, **kwargs: Any) -> None:
    emit("page.published", instance)
    if interested("translation.published", instance.locale_id) and is_translation(instance):
        emit("translation.published", instance)


def on_page_unpublished(sender, instance: Page, **kwargs: Any) -> None:
    emit("page.unpublished", instance)


def on_page_deleted(sender, instance: Page, **kwargs: Any) -> None:
    # Before the delete: the page and what refers to it can still be read.
    if instance.depth > 1:
        emit("page.deleted", instance)


def on_page_moved(sender, instance: Page, parent_page_before: Page, **kwargs: Any) -> None:
    emit(
        "page.moved",
        instance,
        also_affected=[parent_page_before],
        previous_url_path=kwargs.get("url_path_before"),
    )


@cache
def _registered() -> dict[type, WebhookModel]:
    return {item.model: item for item in webhook_models()}


def on_model_changed(sender, instance: Any, **kwargs: Any) -> None:
    registered = _registered().get(sender)
    if registered is not None and not kwargs.get("raw"):
        emit(registered.event, instance, api_endpoint=registered.api_endpoint)


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="webhooks_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks_page_unpublished")
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="webhooks_page_deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="webhooks_page_moved")
    # Any model: which ones count is known only once every app's hooks are loaded.
    post_save.connect(on_model_changed, dispatch_uid="webhooks_model_saved")
    # Before a delete, while what refers to the object is still in the reference index.
    pre_delete.connect(on_model_changed, dispatch_uid="webhooks_model_deleted")
