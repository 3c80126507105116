"""`{% responsive_picture image "content" alt=… loading="lazy" %}`: Wagtail's `<picture>` (what
its `{% picture %}` tag renders) with the renditions and `sizes` of a named set in
home/images.py, the specs the background task makes ahead of the first view; and
`stream|with_picture_renditions`, so a body's image blocks find theirs in one query."""

from typing import Any

from django import template
from django.db.models import prefetch_related_objects
from django.utils.safestring import SafeString
from wagtail.blocks import StreamValue
from wagtail.images.models import AbstractImage, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home.blocks import ImageBlock
from home.images import CONTENT_IMAGE, RENDITION_SETS, renditions_prefetch

register = template.Library()


@register.simple_tag
def responsive_picture(image: AbstractImage | None, set_name: str, **attrs: Any) -> SafeString:
    """A `<source>` per modern format and an `<img>` in the fallback one, each with a srcset
    of the set's widths; the attributes (alt, class, loading…) go on the `<img>`."""
    if not image:
        return SafeString("")
    rendition_set = RENDITION_SETS[set_name]
    renditions = get_renditions_or_not_found(image, rendition_set.filter_specs)
    return Picture(renditions, {"sizes": rendition_set.sizes, **attrs}).__html__()


@register.filter
def with_picture_renditions(stream: StreamValue) -> StreamValue:
    """The stream, with the renditions of its image blocks loaded together (here, where the
    page is rendered: the API serializes images with renditions of its own)."""
    images = [
        block.value["image"]
        for block in stream
        if isinstance(block.block, ImageBlock) and block.value["image"] is not None
    ]
    prefetch_related_objects(images, renditions_prefetch("renditions", CONTENT_IMAGE))
    return stream
