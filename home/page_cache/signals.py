"""Purging on every change a visitor could see (connected in `HomeConfig.ready`): publish,
unpublish (translations and scheduled publishing send the same signals), move, delete, and
saves or deletes of snippets, images, redirects, sites and languages."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models.signals import post_save, pre_delete
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from .purge import affected_urls, purge, purge_everything, shown_on_every_page


def on_page_changed(sender, instance: Page, **kwargs: Any) -> None:
    """Publish, unpublish and, before it happens, delete (while what refers to the page is
    still in the reference index); before and after a move (old and new addresses)."""
    if instance.depth < 2:
        return
    if shown_on_every_page(instance):
        purge_everything()
    else:
        purge(affected_urls(instance))


@cache
def _content_models() -> tuple[type, ...]:
    """Models shown on pages or in the API besides pages: snippets, images."""
    return (*get_snippet_models(), get_image_model())


def on_model_changed(sender, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    if isinstance(instance, Redirect):
        purge({instance.old_path, *affected_urls(instance)})
    elif isinstance(instance, (Site, Locale)):
        purge_everything()
    elif isinstance(instance, _content_models()) and not isinstance(instance, Page):
        purge(affected_urls(instance))


def connect() -> None:
    page_published.connect(on_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="page_cache_unpublished")
    pre_delete.connect(on_page_changed, sender=Page, dispatch_uid="page_cache_page_deleted")
    pre_page_move.connect(on_page_changed, dispatch_uid="page_cache_page_moving")
    post_page_move.connect(on_page_changed, dispatch_uid="page_cache_page_moved")
    post_save.connect(on_model_changed, dispatch_uid="page_cache_model_saved")
    # Before a delete, while what refers to the object is still in the reference index.
    pre_delete.connect(on_model_changed, dispatch_uid="page_cache_model_deleting")
