"""The image renditions the site shows, named once per place in the layout, and made before
anyone asks for them.

Each `RenditionSet` is what one place shows: Wagtail filter specs (brace patterns, e.g.
`format-{avif,webp,jpeg}|width-{400,800}`, expanded as Wagtail's `{% picture %}` tag does) and
the `sizes` that match its width in static/css/site.css. Templates render a set with
`{% responsive_picture image "name" … %}` (home/templatetags/image_tags.py) and the background
task below makes every set's renditions, so the two read the same specs and cannot drift.

Renditions are made when an image is saved and when a page that uses images is published, in
a task on `RENDITIONS_TASK_BACKEND` (the worker's database backend; immediate in tests), never
in a visitor's request; a rendition missing all the same (e.g. a set added since) is still
made on the first view, as Wagtail does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, Prefetch, prefetch_related_objects
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter, SourceImageIOError
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published

logger = logging.getLogger(__name__)

# Photos fall back to JPEG; logos to PNG, which keeps their transparency (Wagtail's
# `format-jpeg` paints transparent parts white). AVIF and WebP keep it either way.
PHOTO_FORMATS = "format-{avif,webp,jpeg}"
LOGO_FORMATS = "format-{avif,webp,png}"
# Logos shown at 3–3.5rem (48–56 px): one size for ordinary screens, one for dense ones;
# `max-` rather than `fill-`, as the CSS fits them whole (object-fit: contain) and so must we.
SMALL_LOGO = f"{LOGO_FORMATS}|max-{{64x64,128x128}}"


@dataclass(frozen=True)
class RenditionSet:
    """The renditions one place shows (`patterns` as in Wagtail's image tags) and, for pages,
    the `sizes` attribute that says how wide it is shown."""

    name: str
    patterns: tuple[str, ...]
    sizes: str = ""

    @property
    def filter_specs(self) -> list[str]:
        return [spec for pattern in self.patterns for spec in Filter.expand_spec(pattern)]


# The content column: 48rem wide (--measure) from 50rem up, the viewport less the 1rem
# margins below.
CONTENT_IMAGE = RenditionSet(
    "content",
    (f"{PHOTO_FORMATS}|width-{{400,800,1600}}",),
    sizes="(min-width: 50rem) 48rem, calc(100vw - 2rem)",
)
# A news card's picture, 16:9 across the card: `.cards` has one column below 37rem, two up to
# 55rem, three beyond, inside a 70rem-wide main column; a card's padding takes about 2.3rem.
CARD_IMAGE = RenditionSet(
    "card",
    (f"{PHOTO_FORMATS}|fill-{{400x225,800x450}}",),
    sizes=(
        "(min-width: 72rem) 21rem, (min-width: 55rem) calc(33vw - 4rem), "
        "(min-width: 37rem) calc(50vw - 4rem), calc(100vw - 4.5rem)"
    ),
)
CARD_LOGO = RenditionSet("card_logo", (SMALL_LOGO,), sizes="3.5rem")  # .card__logo
PARTNER_LOGO = RenditionSet("partner_logo", (SMALL_LOGO,), sizes="3rem")  # .partner__logo
# An organisation's page header: 6rem, 8rem from 40rem up (.page-header__logo).
HEADER_LOGO = RenditionSet(
    "header_logo",
    (f"{LOGO_FORMATS}|max-{{128x128,256x256}}",),
    sizes="(min-width: 40rem) 8rem, 6rem",
)
# Not in pages' HTML but read by others: structured data (home/structured_data.py) and the API.
SHARED_IMAGE = RenditionSet("shared_image", ("fill-1200x630",))
SHARED_LOGO = RenditionSet("shared_logo", ("fill-160x160",))
# Every image in the API carries these, by name (home/api/resolver.py).
API_RENDITIONS = {
    "thumbnail": "fill-320x240",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}
API_IMAGE = RenditionSet("api", tuple(API_RENDITIONS.values()))

RENDITION_SETS = {
    rendition_set.name: rendition_set
    for rendition_set in (
        CONTENT_IMAGE,
        CARD_IMAGE,
        CARD_LOGO,
        PARTNER_LOGO,
        HEADER_LOGO,
        SHARED_IMAGE,
        SHARED_LOGO,
        API_IMAGE,
    )
}


def all_filter_specs() -> list[str]:
    """Every spec of every set, each once: what an image gets ahead of its first view."""
    specs = (spec for s in RENDITION_SETS.values() for spec in s.filter_specs)
    return list(dict.fromkeys(specs))


def renditions_prefetch(lookup: str, *sets: RenditionSet) -> Prefetch:
    """Prefetch the renditions of `sets` at `lookup` (e.g. "logo__renditions"), where Wagtail
    looks first: a listing then finds every picture's renditions in one query, not one each."""
    rendition_model = get_image_model().get_rendition_model()
    specs = [spec for s in sets for spec in s.filter_specs]
    return Prefetch(lookup, queryset=rendition_model.objects.filter(filter_spec__in=specs))


def prefetch_pictures(objects: list[Model], image_field: str, rendition_set: RenditionSet) -> None:
    """Load the images in `image_field` of `objects` (those not loaded already) and their
    renditions of the set: two queries at most for a listing, whatever its length."""
    prefetch_related_objects(
        objects, image_field, renditions_prefetch(f"{image_field}__renditions", rendition_set)
    )


# Below webhook deliveries when both wait for the worker: a late thumbnail costs less.
@task(backend=settings.RENDITIONS_TASK_BACKEND, priority=-10)
def make_renditions(image_ids: list[int]) -> int:
    """Make every set's missing renditions of these images (and put them all in Wagtail's
    renditions cache); the number of images done."""
    specs = all_filter_specs()
    done = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            image.get_renditions(*specs)
        except SourceImageIOError:
            logger.warning("image %s: source file missing, no renditions made", image.pk)
            continue
        done += 1
    return done


def enqueue_renditions(image_ids: Iterable[int]) -> None:
    """Queue `make_renditions` once the current transaction has committed (the images and
    their files are in place by then)."""
    ids = sorted(set(image_ids))
    if ids:
        # robust: a queue that fails is logged by Django; the save or publish stands.
        transaction.on_commit(lambda: make_renditions.enqueue(ids), robust=True)


def images_used_by(page: Page) -> list[int]:
    """The ids of the images a page refers to, from image fields or blocks in its body (from
    Wagtail's reference index, brought up to date when the page was saved)."""
    image_type = ContentType.objects.get_for_model(get_image_model())
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type=image_type)
    return [int(object_id) for object_id in references.values_list("to_object_id", flat=True)]


def on_image_saved(sender: type, instance: AbstractImage, **kwargs: Any) -> None:
    if not kwargs.get("raw"):  # loaddata: the files may not be there yet
        enqueue_renditions([instance.pk])


def on_page_published(sender: type, instance: Page, **kwargs: Any) -> None:
    enqueue_renditions(images_used_by(instance))


def connect() -> None:
    post_save.connect(
        on_image_saved, sender=get_image_model(), dispatch_uid="renditions_image_saved"
    )
    page_published.connect(on_page_published, dispatch_uid="renditions_page_published")
