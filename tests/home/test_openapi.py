"""The OpenAPI document (`/api/v2/openapi.json`, home/api/openapi/): a valid OpenAPI 3.1
document naming every page type and every block, and real responses for every demo page in
both languages that validate against it."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

PREFIX = "#/components/schemas/"


@pytest.fixture(scope="module")
def document(django_db_blocker) -> dict:
    from home.api.openapi.views import openapi_document

    with django_db_blocker.unblock():
        return openapi_document()


def label(model: type) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def validator(document: dict, schema: dict) -> Draft202012Validator:
    """A validator of `schema` whose `$ref`s resolve in the document's components."""
    root = {**schema, "components": document["components"]}
    return Draft202012Validator(root, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid(document: dict, schema: dict, data, where: str) -> None:
    errors = sorted(validator(document, schema).iter_errors(data), key=lambda e: e.path)
    assert not errors, f"{where}: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:5]
    )


def response_schema(document: dict, path: str) -> dict:
    return document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]


def stream_blocks(block: blocks.Block, found: set[str]) -> set[str]:
    """The names of every block of a stream, however deeply nested."""
    if isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            found.add(name)
            stream_blocks(child, found)
    elif isinstance(block, blocks.ListBlock):
        stream_blocks(block.child_block, found)
    elif isinstance(block, blocks.StructBlock):
        for child in block.child_blocks.values():
            stream_blocks(child, found)
    return found


def discriminator_mappings(schema, found: dict) -> dict:
    """{block name: $ref} of every discriminated union anywhere in `schema`."""
    if isinstance(schema, dict):
        found.update(schema.get("discriminator", {}).get("mapping", {}))
        for value in schema.values():
            discriminator_mappings(value, found)
    elif isinstance(schema, list):
        for value in schema:
            discriminator_mappings(value, found)
    return found


def test_served_and_valid(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    document = response.json()
    validate(document)  # raises on an invalid OpenAPI 3.1 document
    assert document["openapi"] == "3.1.0"
    for endpoint in ("pages", "images", "documents", "partners", "events", "programs"):
        for path in ("", "{id}/", "find/"):
            assert f"/api/v2/{endpoint}/{path}" in document["paths"]


def test_every_page_type_has_its_fields(document):
    schemas = document["components"]["schemas"]
    for model in get_page_models():
        schema = schemas[label(model)]
        fields = {field.name for field in getattr(model, "api_fields", None) or []}
        assert fields <= set(schema["properties"]), label(model)
        assert schema["properties"]["meta"]["properties"]["type"] == {"const": label(model)}
    listing = response_schema(document, "/api/v2/pages/")["properties"]["items"]["items"]
    assert {ref["$ref"] for ref in listing["anyOf"]} == {
        PREFIX + label(model) for model in get_page_models()
    }


def test_every_block_type_is_a_typed_member_of_its_stream(document):
    schemas = document["components"]["schemas"]
    mappings = discriminator_mappings(schemas, {})
    for model in get_page_models():
        # StreamFields the API shows as streams (not those a field of their own reshapes,
        # like a history's events in date order).
        streams = [f.name for f in getattr(model, "api_fields", []) if f.serializer is None]
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.name in streams:
                for name in stream_blocks(field.stream_block, set()):
                    assert name in mappings, f"{label(model)}.{field.name}: block {name}"
    for name in ("heading", "paragraph", "image", "partner_grid", "timeline_excerpt"):
        item = schemas[mappings[name].removeprefix(PREFIX)]
        assert item["properties"]["type"] == {"const": name}
        assert item["properties"]["value"], name  # typed, not "any value"


def test_block_values_are_typed(document):
    schemas = document["components"]["schemas"]
    heading = schemas["HeadingBlock"]["properties"]["value"]["properties"]
    assert heading["text"] == {"type": "string", "maxLength": 120}
    assert heading["level"]["enum"] == ["h2", "h3"]
    excerpt = schemas["TimelineExcerptBlock"]["properties"]["value"]["properties"]
    assert excerpt["events"]["items"] == {"$ref": PREFIX + "TimelineEvent"}
    partners = schemas["PartnerGridBlock"]["properties"]["value"]["properties"]["partners"]
    assert partners["minItems"] == 1
    assert {"$ref": PREFIX + "Partner"} in partners["items"]["anyOf"]
    image = schemas["ImageBlock"]["properties"]["value"]["properties"]["image"]
    assert {"$ref": PREFIX + "Image"} in image["anyOf"]


def test_parameters_carry_the_limits_the_api_enforces(document):
    parameters = {
        p["name"]: p["schema"] for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"]
    }
    assert parameters["limit"]["minimum"] == 1 and parameters["limit"]["maximum"] == 50
    assert parameters["locale"]["enum"] == ["en", "zh-hans"]
    assert parameters["topic"]["enum"]  # news' own filters, declared by the page type
    events = {
        p["name"]: p["schema"] for p in document["paths"]["/api/v2/events/"]["get"]["parameters"]
    }
    assert events["upcoming"]["enum"] == ["true", "false"]
    assert "type" not in events


def test_every_demo_page_in_both_languages_validates(client, document):
    detail = response_schema(document, "/api/v2/pages/{id}/")
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert {page.locale.language_code for page in pages} == {"en", "zh-hans"}
    for page in pages:
        data = client.get(f"/api/v2/pages/{page.pk}/").json()
        assert data["meta"]["type"] == label(type(page))
        assert_valid(document, detail, data, f"page {page.pk}")
        # …and the schema of its own type, not just any page's.
        assert_valid(document, {"$ref": PREFIX + label(type(page))}, data, f"page {page.pk}")


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_listings_of_every_type_with_every_field_validate(client, document, locale):
    schema = response_schema(document, "/api/v2/pages/")
    for model in get_page_models()[1:]:
        query = {"type": label(model), "locale": locale, "fields": "*", "limit": 50}
        data = client.get("/api/v2/pages/", query).json()
        assert "items" in data, data
        assert_valid(document, schema, data, f"{label(model)} in {locale}")
    for endpoint in ("events", "programs", "partners", "images", "documents"):
        query = {"fields": "*", "limit": 50}
        if endpoint != "images" and endpoint != "documents":
            query["locale"] = locale
        data = client.get(f"/api/v2/{endpoint}/", query).json()
        assert data["items"] or endpoint == "documents", endpoint
        assert_valid(document, response_schema(document, f"/api/v2/{endpoint}/"), data, endpoint)


def test_errors_match_the_error_schema(client, document):
    error = document["paths"]["/api/v2/pages/"]["get"]["responses"]["400"]
    schema = error["content"]["application/json"]["schema"]
    for query in ({"limit": "0"}, {"locale": "xx"}, {"search_operator": "xor"}):
        response = client.get("/api/v2/pages/", query)
        assert response.status_code == 400
        assert_valid(document, schema, response.json(), str(query))


def test_a_response_that_drifts_from_the_schema_fails(client, document, home_en):
    """The schemas are closed: a block value of the wrong shape or an unknown field fails."""
    data = client.get(f"/api/v2/pages/{home_en.pk}/").json()
    schema = {"$ref": PREFIX + "home.HomePage"}
    heading = next(item for item in data["body"] if item["type"] == "heading")
    heading["value"]["level"] = "h7"
    with pytest.raises(AssertionError, match="h7"):
        assert_valid(document, schema, data, "drifted")
    heading["value"]["level"] = "h2"
    data["unknown"] = 1
    with pytest.raises(AssertionError, match="unknown"):
        assert_valid(document, schema, data, "drifted")


def test_what_cannot_be_described_fails_loudly():
    """A new parameter, block or computed field must say its schema: the document never
    silently calls something "any value"."""
    from django.core.exceptions import ImproperlyConfigured

    from home.api.fields import ComputedField
    from home.api.openapi.blocks import block_schema
    from home.api.openapi.components import Components
    from home.api.openapi.parameters import query_parameters

    class Endpoint:
        pass

    with pytest.raises(ImproperlyConfigured, match="bogus"):
        query_parameters({"bogus"}, {}, Endpoint)
    assert query_parameters({"bogus"}, {"bogus": {"schema": {}, "description": "x"}}, Endpoint)

    class CustomBlock(blocks.StructBlock):
        def get_api_representation(self, value, context=None):
            return "custom"

    with pytest.raises(ImproperlyConfigured, match="api_schema"):
        block_schema(CustomBlock(), Components())
    with pytest.raises(ImproperlyConfigured, match="schema"):
        ComputedField(lambda instance, context: 1).openapi_schema(Components())


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v2/pages/?limit=0", 400),  # the document says 1–50
        ("/api/v2/partners/?country=%C3%89%C3%89", 400),  # two letters, but not ASCII
        ("/api/v2/events/?starts_after=20310601", 400),  # YYYY-MM-DD only
        ("/api/v2/pages/abc/", 404),  # not an id: the API's JSON 404, not the website's page
    ],
)
def test_what_the_document_calls_invalid_is_refused(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["message"]
