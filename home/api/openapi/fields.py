"""Serializer fields as JSON Schema: a field that knows its own schema says it
(`openapi_schema(components)`); DRF's and Wagtail's fields are read here."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from rest_framework import fields as drf
from wagtail.api.v2 import serializers as wagtail

from .components import STRING, URL, Components, locale_codes, nullable, obj


def field_schema(field: drf.Field, components: Components) -> dict:
    """The schema of what `field.to_representation` outputs."""
    own = getattr(field, "openapi_schema", None)
    if own is not None:
        return own(components)
    schema = wagtail_field_schema(field, components)
    if schema is None:
        schema = drf_field_schema(field)
    if getattr(field, "allow_null", False):
        schema = nullable(schema)
    return schema


def drf_field_schema(field: drf.Field) -> dict:  # noqa: C901 (a table)
    if isinstance(field, drf.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, drf.ChoiceField):
        values = [str(value) for value in field.choices]
        if field.allow_blank and "" not in values:
            values.append("")
        return {"type": "string", "enum": values}
    if isinstance(field, drf.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, (drf.FloatField, drf.DecimalField)):
        return {"type": "number"}
    if isinstance(field, drf.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, drf.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, drf.TimeField):
        return {"type": "string", "format": "time"}
    if isinstance(field, drf.CharField):  # also e-mail, URL and slug fields
        schema = {"type": "string"}
        if field.max_length is not None:
            schema["maxLength"] = field.max_length
        return schema
    raise ImproperlyConfigured(
        f"no API schema for {type(field).__name__} ({field.field_name}): give it an "
        "openapi_schema(components) method (see home/api/openapi/__init__.py)"
    )


def _linked_object() -> dict:
    """Wagtail's nested object (a page's parent, what it is an alias of)."""
    return obj(
        {
            "id": {"type": "integer"},
            "meta": obj(
                {"type": STRING, "detail_url": URL, "html_url": nullable(URL)},
                required=["type", "detail_url"],
            ),
            "title": STRING,
        },
        required=["id", "meta"],
    )


def wagtail_field_schema(field: drf.Field, components: Components) -> dict | None:
    """Wagtail's own serializer fields (the `meta` of every item), or None."""
    if isinstance(field, (wagtail.TypeField, wagtail.PageTypeField)):
        return {"type": "string", "description": "e.g. `programs.PartnerProgramPage`."}
    if isinstance(field, wagtail.DetailUrlField):
        return URL
    if isinstance(field, wagtail.PageHtmlUrlField):
        return nullable(URL)
    if isinstance(field, wagtail.PageLocaleField):
        return {"type": "string", "enum": locale_codes()}
    if isinstance(field, (wagtail.PageParentField, wagtail.PageAliasOfField)):
        return nullable(components.ref("LinkedPage", _linked_object))
    if isinstance(field, wagtail.TagsField):
        return {"type": "array", "items": STRING}
    if isinstance(field, wagtail.RelatedField):
        return nullable(obj({"id": {"type": "integer"}, "meta": {"type": "object"}}))
    if type(field).__name__ in ("ImageDownloadUrlField", "DocumentDownloadUrlField"):
        return STRING
    return None


def model_fields_schema(model: type, names: list[str]) -> dict:
    """`{name: schema}` of plain model fields as the API serializes them (DRF's own mapping)."""
    from rest_framework import serializers

    meta = type("Meta", (), {"model": model, "fields": names})
    serializer = type("Serializer", (serializers.ModelSerializer,), {"Meta": meta})()
    return {name: field_schema(serializer.fields[name], None) for name in names}
