"""StreamField blocks as JSON Schema, exactly as home/api/stream.py serializes them: a stream
is a list of `{type, value, id}` items, a discriminated union over its child blocks."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from ..stream import has_own_api_representation
from .components import HTML, STRING, Components, nullable, obj


def camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def stream_schema(block: blocks.StreamBlock, components: Components) -> dict:
    """A list whose items are one of the stream's blocks, told apart by `type`."""
    refs = {
        name: components.add(f"{camel(name)}Block", stream_item_schema(name, child, components))
        for name, child in block.child_blocks.items()
    }
    return {
        "type": "array",
        "items": {
            "oneOf": list(refs.values()),
            "discriminator": {
                "propertyName": "type",
                "mapping": {name: ref["$ref"] for name, ref in refs.items()},
            },
        },
    }


def stream_item_schema(name: str, block: blocks.Block, components: Components) -> dict:
    label = str(block.label or name)
    description = str(block.meta.description or "") if hasattr(block.meta, "description") else ""
    return obj(
        {
            "type": {"const": name},
            "value": block_schema(block, components),
            "id": nullable(STRING),
        },
        title=label,
        **({"description": description} if description else {}),
    )


def block_schema(block: blocks.Block, components: Components) -> dict:
    """The schema of a block's value in the API."""
    own = getattr(block, "api_schema", None)
    if own is not None:
        return own(components)
    if has_own_api_representation(block):
        raise ImproperlyConfigured(
            f"{type(block).__name__} has its own get_api_representation: give it an "
            "api_schema(components) method (see home/api/openapi/__init__.py)"
        )
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block, components)
    if isinstance(block, blocks.ListBlock):
        schema = {"type": "array", "items": block_schema(block.child_block, components)}
        if block.meta.min_num:
            schema["minItems"] = block.meta.min_num
        if block.meta.max_num:
            schema["maxItems"] = block.meta.max_num
        return schema
    if isinstance(block, blocks.StructBlock):
        return obj(
            {name: block_schema(child, components) for name, child in block.child_blocks.items()}
        )
    schema = leaf_schema(block, components)
    help_text = getattr(block.meta, "help_text", None)
    if help_text and "description" not in schema and "$ref" not in schema:
        schema["description"] = str(help_text)
    # References may point at something no longer visible; optional values may be empty.
    return schema if block.required and "$ref" not in schema else nullable(schema)


def _field_limits(block: blocks.Block) -> dict:
    field = getattr(block, "field", None)
    limits = {}
    for attribute, keyword in (
        ("max_length", "maxLength"),
        ("min_length", "minLength"),
        ("max_value", "maximum"),
        ("min_value", "minimum"),
    ):
        value = getattr(field, attribute, None)
        if value is not None:
            limits[keyword] = value
    return limits


def leaf_schema(block: blocks.Block, components: Components) -> dict:  # noqa: C901 (a table)
    """A block holding no other block, as `_leaf_representation` outputs it."""
    if isinstance(block, blocks.PageChooserBlock):
        return components.page_ref()
    if isinstance(block, ImageChooserBlock):
        return components.image()
    if isinstance(block, DocumentChooserBlock):
        return components.document()
    if isinstance(block, SnippetChooserBlock):
        own = getattr(block.target_model, "api_schema", None)
        if own is not None:
            return own(components)
        return components.ref(
            "Snippet", lambda: obj({"id": {"type": "integer"}, "type": STRING, "title": STRING})
        )
    if isinstance(block, blocks.RichTextBlock):
        return dict(HTML)
    if isinstance(block, EmbedBlock):
        return obj({"url": STRING, "html": nullable(HTML)})
    if isinstance(block, TableBlock):
        return table_schema()
    if isinstance(block, blocks.ChoiceBlock):
        values = [str(value) for value, _ in block.field.choices if value != ""]
        return {"type": "string", "enum": values}
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.IntegerBlock):
        return {"type": "integer", **_field_limits(block)}
    if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
        return {"type": "number", **_field_limits(block)}
    if isinstance(block, blocks.DateBlock):
        return {"type": "string", "format": "date"}
    if isinstance(block, blocks.DateTimeBlock):
        return {"type": "string", "format": "date-time"}
    if isinstance(block, blocks.TimeBlock):
        return {"type": "string", "format": "time"}
    if isinstance(block, blocks.URLBlock):
        return {"type": "string", "description": "An http(s), mailto or tel URL, or empty."}
    if isinstance(block, blocks.EmailBlock):
        return {"type": "string", "description": "An e-mail address."}
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RawHTMLBlock)):
        return {"type": "string", **_field_limits(block)}
    raise ImproperlyConfigured(
        f"no API schema for {type(block).__name__}: give it an api_schema(components) method"
    )


def table_schema() -> dict:
    """TableBlock's value as stored: the cells (row by row) and its options."""
    return {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": {"type": "array", "items": nullable(STRING)}},
            "table_caption": nullable(STRING),
            "first_row_is_table_header": {"type": "boolean"},
            "first_col_is_header": {"type": "boolean"},
        },
        "required": ["data"],
    }
