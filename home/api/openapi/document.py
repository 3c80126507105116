"""The generator: the OpenAPI document of every endpoint on the router (see __init__)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, get_page_models

from .components import STRING, Components, obj
from .fields import field_schema
from .parameters import page_filter_parameters, query_parameters

DETAIL_PARAMETERS = ("fields",)
PATH_ID = {"type": "integer", "minimum": 0}  # beyond 10^18: no such object, a 404
FIND_PARAMETERS = ("id",)


def model_label(model: type) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


class Generator:
    def __init__(self, router) -> None:
        self.router = router
        self.components = Components()

    # -- schemas ----------------------------------------------------------------------------

    def page_models(self, endpoint: type) -> list[type[Page]]:
        """The page types an endpoint serves (every one for the pages endpoint)."""
        model = endpoint.model
        if not issubclass(model, Page):
            return []
        return [m for m in get_page_models() if issubclass(m, model) and not m._meta.abstract]

    def item_schema(self, endpoint: type, model: type) -> dict:
        """`$ref` to the schema of `model` as `endpoint` serializes it with every field; in a
        listing, `fields=` leaves some out, so no property is required."""
        return self.components.ref(model_label(model), lambda: self._item(endpoint, model))

    def _item(self, endpoint: type, model: type) -> dict:
        serializer = endpoint._get_serializer_class(self.router, model, [], show_details=True)()
        meta_names = set(serializer.meta_fields)
        body, meta = {}, {}
        for name, field in serializer.fields.items():
            schema = field_schema(field, self.components)
            (meta if name in meta_names else body)[name] = schema
        meta.update(getattr(serializer, "openapi_meta_extra", {}))
        meta["type"] = {"const": model_label(model)}
        verbose = str(model._meta.verbose_name)
        return obj(
            {**body, "meta": obj(meta, required=[])},
            required=[],
            title=verbose[:1].upper() + verbose[1:],
        )

    def pages_schema(self, endpoint: type) -> dict:
        """Any of the page types `endpoint` serves (e.g. a preview endpoint's response)."""
        models = self.page_models(endpoint)
        return {"anyOf": [self.item_schema(endpoint, model) for model in models]}

    def response_item(self, endpoint: type) -> dict:
        own = getattr(endpoint, "openapi_item_schema", None)
        if own is not None:
            return own(self.components, self)
        if not self.page_models(endpoint):
            return self.item_schema(endpoint, endpoint.model)
        return self.pages_schema(endpoint)

    # -- operations -------------------------------------------------------------------------

    def responses(self, success: dict, *errors: int) -> dict:
        error = {"content": {"application/json": {"schema": self.components.error()}}}
        messages = {
            400: "A parameter is unknown or malformed.",
            403: "The token is tampered with, expired, or not for this draft.",
            404: "No such object, or not public; an unknown `format`.",
            405: "The method is not allowed here.",
            413: "The body is too large.",
            415: "The body is not `application/json`.",
            429: "Too many requests from this address; try again later.",
        }
        result = dict(success)
        for status in errors:
            result[str(status)] = {"description": messages[status], **error}
        return result

    def json(self, description: str, schema: dict) -> dict:
        return {
            "200": {
                "description": description,
                "headers": {
                    "ETag": {"schema": STRING},
                    "Cache-Control": {"schema": STRING},
                },
                "content": {"application/json": {"schema": schema}},
            }
        }

    def listing(self, name: str, endpoint: type) -> dict:
        declared = {**page_filter_parameters(self.page_models(endpoint))}
        declared.update(getattr(endpoint, "openapi_parameters", {}))
        names = set(endpoint.known_query_parameters) | set(declared)
        listing = obj(
            {
                "meta": obj({"total_count": {"type": "integer", "minimum": 0}}),
                "items": {"type": "array", "items": self.response_item(endpoint)},
            }
        )
        return {
            "operationId": f"{name}_listing",
            "summary": f"List {name}",
            "tags": [name],
            "parameters": query_parameters(names, declared, endpoint),
            "responses": self.responses(self.json(f"A page of {name}", listing), 400, 404),
        }

    def detail(self, name: str, endpoint: type) -> dict:
        names = getattr(endpoint, "openapi_detail_parameters", DETAIL_PARAMETERS)
        declared = getattr(endpoint, "openapi_parameters", {})
        parameters = [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "integer", "minimum": 0},
            },
            *query_parameters(names, declared, endpoint),
        ]
        return {
            "operationId": f"{name}_detail",
            "summary": f"One of {name}, every field",
            "tags": [name],
            "parameters": parameters,
            "responses": self.responses(
                self.json("The object", self.response_item(endpoint)), 400, 404
            ),
        }

    def find(self, name: str, endpoint: type) -> dict:
        names = getattr(endpoint, "openapi_find_parameters", FIND_PARAMETERS)
        declared = getattr(endpoint, "openapi_parameters", {})
        redirect = {
            "302": {
                "description": "Found: redirects to the object's detail URL.",
                "headers": {"Location": {"schema": STRING, "required": True}},
            }
        }
        return {
            "operationId": f"{name}_find",
            "summary": f"Find one of {name}",
            "tags": [name],
            "parameters": query_parameters(names, declared, endpoint),
            "responses": self.responses(redirect, 400, 404),
        }

    def paths(self) -> dict:
        paths = {}
        # Wagtail mounts every endpoint at `<api root><name>/`; not all have a listing.
        root = reverse(f"{self.router.url_namespace}:pages:listing").removesuffix("pages/")
        for name, endpoint in self.router._endpoints.items():
            base = f"{root}{name}/"
            own = getattr(endpoint, "openapi_paths", None)
            if own is not None:  # an endpoint that is not a listing/detail/find of objects
                paths.update({base + path: item for path, item in own(self, name).items()})
                continue
            paths[base] = {"get": self.listing(name, endpoint)}
            paths[base + "{id}/"] = {"get": self.detail(name, endpoint)}
            paths[base + "find/"] = {"get": self.find(name, endpoint)}
        return paths

    def webhooks(self) -> dict:
        """What apps register with the `openapi_webhooks` hook: `fn(generator)` returns
        `{name: path item}` (OpenAPI 3.1 `webhooks`, e.g. the requests this site sends)."""
        found = {}
        for register in hooks.get_hooks("openapi_webhooks"):
            found.update(register(self))
        return found


def build_document(router) -> dict:
    generator = Generator(router)
    with translation.override("en"):  # titles and descriptions from labels and help texts
        paths = generator.paths()
        webhooks = generator.webhooks()
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "MedStudents Network API",
            "version": "2",
            "description": "The site's public, read-only API v2 (see docs/api.md). Every "
            "response is in one language, `en` or `zh-hans`.",
        },
        "paths": paths,
        **({"webhooks": webhooks} if webhooks else {}),
        "components": {"schemas": dict(sorted(generator.components.schemas.items()))},
    }
    return document
