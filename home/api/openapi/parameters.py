"""Query parameters in the document: those every endpoint shares, with the limits
home/api/filters.py enforces; an endpoint or a page model declares its own (see __init__)."""

from __future__ import annotations

from typing import get_args

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.api.rich_text import RichTextOutputFormat

from ..filters import MAX_PARAMETER_LENGTH, PAGE_ID_PARAMETERS
from .components import ID, locale_codes

# Any text up to the length every parameter is held to, without NUL characters.
TEXT = {"type": "string", "maxLength": MAX_PARAMETER_LENGTH, "pattern": "^[^\\x00]*$"}
PAGE_ID = {"type": "string", "pattern": "^([0-9]{1,18}|root)$"}


def parameter(schema: dict, description: str) -> dict:
    return {"schema": schema, "description": description}


def common_parameters() -> dict[str, dict]:
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 20
    tree = "a page id, or `root` (the site's home page)"
    parameters = {
        "limit": parameter(
            {"type": "integer", "minimum": 1, "maximum": limit_max, "default": min(20, limit_max)},
            "How many items (a page of the listing).",
        ),
        "offset": parameter(
            {**ID, "default": 0}, "Items to skip; `meta.total_count` is the total."
        ),
        "fields": parameter(
            TEXT,
            "Which fields: `*` all, `title,partners`, `-summary`; nested at most 4 levels "
            "(`logo(renditions)`). Detail-only fields (bodies) are refused in listings.",
        ),
        "order": parameter(TEXT, "A field to sort by, `-` for descending, or `random`."),
        "search": parameter(TEXT, "Full-text search, in both languages."),
        "search_operator": parameter(
            {"type": "string", "pattern": "^([aA][nN][dD]|[oO][rR])$"},
            "How search terms combine: `and` or `or`.",
        ),
        "locale": parameter(
            {"type": "string", "enum": locale_codes()}, "Only items in that language."
        ),
        "type": parameter(
            {**TEXT, "pattern": "^[A-Za-z0-9_.,]*$"},
            "Page types, e.g. `organizations.OrganizationPage` (comma-separated): their own "
            "fields become available and `<field>=value` filters them.",
        ),
        "site": parameter(TEXT, "The site's hostname (and port) whose pages to list."),
        "rich_text_format": parameter(
            {"type": "string", "enum": list(get_args(RichTextOutputFormat))},
            "Rich text as Wagtail's own formats instead of the site's resolved HTML.",
        ),
        "format": parameter({"type": "string", "enum": ["json"]}, "The response format."),
        "_": parameter(TEXT, "Ignored: a cache buster."),
        "html_path": parameter(TEXT, "A website path with its language prefix, e.g. `/zh-hans/`."),
        "id": parameter(ID, "The object's id."),
    }
    for name in PAGE_ID_PARAMETERS:
        parameters[name] = parameter(PAGE_ID, f"{name.replace('_', ' ')}: {tree}.")
    return parameters


def page_filter_parameters(models: list[type]) -> dict[str, dict]:
    """The listing filters page types declare (`api_filter_parameters`, `api_filter_openapi`)."""
    found: dict[str, dict] = {}
    for model in models:
        declared = getattr(model, "api_filter_openapi", {})
        label = f"{model._meta.app_label}.{model.__name__}"
        for name in getattr(model, "api_filter_parameters", ()):
            if name not in declared:
                raise ImproperlyConfigured(f"{label}.api_filter_openapi does not describe {name}")
            found[name] = {
                **declared[name],
                "description": f"With `type={label}` only: {declared[name]['description']}",
            }
    return found


def query_parameters(names, declared: dict[str, dict], endpoint: type) -> list[dict]:
    """OpenAPI parameter objects for `names`, from `declared` or the common table."""
    common = common_parameters()
    result = []
    for name in sorted(names):
        spec = declared.get(name) or common.get(name)
        if spec is None:
            raise ImproperlyConfigured(
                f"{endpoint.__name__} accepts `{name}` but does not describe it: add it to "
                "its openapi_parameters (see home/api/openapi/__init__.py)"
            )
        result.append({"name": name, "in": "query", "required": False, **spec})
    return result
