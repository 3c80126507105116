"""StreamField values in the API: every block ready to render, its references resolved in the
language of the page being serialized (see home/api/resolver.py)."""

from __future__ import annotations

from typing import Any

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.safe_urls import safe_url_or_empty

from .resolver import Resolver, current_locale_id, get_resolver


def has_own_api_representation(block: blocks.Block) -> bool:
    # Our blocks override get_api_representation next to their definition; Wagtail's stock
    # blocks get the generic treatment below (resolved references instead of bare ids).
    return not type(block).get_api_representation.__module__.startswith("wagtail.")


def block_representation(block: blocks.Block, value: Any, context: dict) -> Any:
    """A block value ready to render (see the module docstring)."""
    if value is None:
        return None
    if has_own_api_representation(block):
        return block.get_api_representation(value, context)
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child.block_type,
                "value": block_representation(child.block, child.value, context),
                "id": child.id,
            }
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        return [block_representation(block.child_block, item, context) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_representation(child, value.get(name), context)
            for name, child in block.child_blocks.items()
        }
    return _leaf_representation(block, value, context)


def _leaf_representation(block: blocks.Block, value: Any, context: dict) -> Any:
    """A block that holds no other blocks: references resolved, link targets checked."""
    resolver = get_resolver(context)
    locale_id = current_locale_id(context)
    if isinstance(block, blocks.PageChooserBlock):
        return resolver.page_ref(value.pk, locale_id)
    if isinstance(block, ImageChooserBlock):
        return resolver.image(value.pk)
    if isinstance(block, DocumentChooserBlock):
        return resolver.document(value.pk)
    if isinstance(block, SnippetChooserBlock):
        obj = resolver.localized(type(value), value.pk, locale_id)
        return snippet_representation(obj, context)
    if isinstance(block, blocks.RichTextBlock):
        return resolver.rich_text(value, locale_id)
    if isinstance(block, EmbedBlock):
        return {"url": safe_url_or_empty(value.url), "html": resolver.embed_html(value.url)}
    if isinstance(block, blocks.URLBlock):
        return safe_url_or_empty(value)
    return block.get_api_representation(value, context)


def snippet_representation(obj: Any, context: dict) -> dict | None:
    """A snippet as its model describes itself for the API (`api_representation`), or its
    id, type and name."""
    if obj is None:
        return None
    custom = getattr(obj, "api_representation", None)
    if custom is not None:
        return custom(context)
    return {"id": obj.pk, "type": obj._meta.label, "title": str(obj)}


def prime_stream(resolver: Resolver, value: Any) -> None:
    if value is not None:
        resolver.prime_value(value.stream_block, value)
