"""Named schemas of the OpenAPI document, and the shared shapes of home/api/resolver.py."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from ..resolver import IMAGE_RENDITIONS

PREFIX = "#/components/schemas/"


def nullable(schema: dict) -> dict:
    """`schema` or null (OpenAPI 3.1: a type list, or anyOf for references)."""
    if "$ref" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    result = {**schema, "type": [*types, "null"]}
    if "enum" in result and None not in result["enum"]:
        result["enum"] = [*result["enum"], None]
    return result


def obj(properties: dict, required: list | None = None, **extra) -> dict:
    """A closed object: every property listed, `required` (default: all of them)."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


def locale_codes() -> list[str]:
    return [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]


STRING = {"type": "string"}
HTML = {"type": "string", "contentMediaType": "text/html"}
URL = {"type": "string", "format": "uri"}
# Parameters: an id of at most 18 digits (home/api/filters.py `INTEGER`), an ISO date.
ID = {"type": "integer", "minimum": 0, "maximum": 10**18 - 1}
DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


class Components:
    """The document's `components.schemas`, filled as the generator walks the code."""

    def __init__(self) -> None:
        self.schemas: dict[str, dict] = {}
        self._building: set[str] = set()

    def ref(self, name: str, factory: Callable[[], dict]) -> dict:
        """`$ref` to component `name`, defined by `factory()` the first time it is asked for."""
        if name not in self.schemas and name not in self._building:
            self._building.add(name)  # recursive shapes refer to themselves
            try:
                self.schemas[name] = factory()
            finally:
                self._building.discard(name)
        return {"$ref": PREFIX + name}

    def add(self, name: str, schema: dict) -> dict:
        """`$ref` to `schema` named `name`, or `name2`, `name3`… when another schema has it."""
        candidate, number = name, 1
        while candidate in self.schemas and self.schemas[candidate] != schema:
            number += 1
            candidate = f"{name}{number}"
        self.schemas[candidate] = schema
        return {"$ref": PREFIX + candidate}

    # -- the shared shapes of the resolver --------------------------------------------------

    def page_ref(self) -> dict:
        return self.ref("PageRef", page_ref_schema)

    def image(self) -> dict:
        return self.ref("Image", lambda: image_schema(self))

    def document(self) -> dict:
        return self.ref(
            "Document",
            lambda: obj({"id": {"type": "integer"}, "title": STRING, "download_url": URL}),
        )

    def error(self) -> dict:
        return self.ref(
            "Error",
            lambda: obj({"message": {**STRING, "description": "What is wrong, in English."}}),
        )

    def page_link(self) -> dict:
        """A page as the navigation and redirects endpoints give it: a PageRef and its API URL."""
        return self.ref(
            "PageLink", lambda: obj({**page_ref_properties(), "api_url": nullable(URL)})
        )

    def locale(self) -> dict:
        return self.ref("LocaleCode", lambda: {"type": "string", "enum": locale_codes()})


def page_ref_properties() -> dict:
    return {
        "id": {"type": "integer"},
        "type": {**STRING, "description": "The page type, e.g. `organizations.OrganizationPage`."},
        "title": STRING,
        "locale": {"type": "string", "enum": locale_codes()},
        "html_url": nullable(URL),
    }


def page_ref_schema() -> dict:
    return obj(
        page_ref_properties(),
        description="A page in the reader's language where that translation is published.",
    )


def image_schema(components: Components) -> dict:
    rendition = components.ref(
        "ImageRendition",
        lambda: obj({"url": URL, "width": {"type": "integer"}, "height": {"type": "integer"}}),
    )
    return obj(
        {
            "id": {"type": "integer"},
            "title": STRING,
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "url": URL,
            "renditions": obj(
                {name: rendition for name in IMAGE_RENDITIONS},
                required=[],  # none when the image file is missing
                description="Renditions: "
                + ", ".join(f"{name} ({spec})" for name, spec in IMAGE_RENDITIONS.items()),
            ),
        },
        description="An image with absolute URLs of its renditions.",
    )
