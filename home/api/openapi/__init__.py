"""The OpenAPI 3.1 document of the API v2, generated from the code (`/api/v2/openapi.json`).

Nothing is listed by hand: the generator (`document.py`) walks the endpoints registered on the
router, the page models (`wagtail.models.get_page_models()`), their serializers and each
StreamBlock's child blocks, so a new endpoint, page type, field or block appears by itself.
Where code cannot be read automatically, it declares its schema next to itself:

- **A serializer field** (home/api/fields.py and apps' fields) has a method
  `openapi_schema(components) -> dict`; `ComputedField(…, schema=…)` takes it as an argument.
  Plain model fields (CharField, DateField, choices…) are read from the DRF field.
- **A block** with its own `get_api_representation` has `api_schema(components) -> dict`;
  Wagtail's blocks are described by `blocks.py` as `home/api/stream.py` outputs them.
- **A snippet** shown by a SnippetChooserBlock has a classmethod `api_schema(components)`
  (next to its `api_representation`).
- **An endpoint** (a viewset on the router) describes each of its `known_query_parameters`
  through `parameters.COMMON_PARAMETERS`, or declares its own in a class attribute
  `openapi_parameters = {name: {"schema": …, "description": …}}`; a page model's listing
  filters (`api_filter_parameters`) are declared in `api_filter_openapi` the same way.
  A detail response is the schema of the endpoint's model (its serializer, with every field),
  a listing `{meta: {total_count}, items: […]}`; an endpoint may override the item by a class
  method `openapi_item_schema(components, generator)`. `openapi_detail_parameters` and
  `openapi_find_parameters` name what its detail and `find/` views take (default `fields`, `id`).
- **An endpoint that is not a listing/detail/find of objects** (e.g. a preview of one page)
  has a class method `openapi_paths(generator, name) -> {path: path item}`, paths relative to
  its base URL (`""` is `/api/v2/<name>/`); `generator.json(description, schema)`,
  `generator.responses(success, 400, 404)`, `generator.pages_schema(endpoint)` and
  `parameters.query_parameters(...)` build them as for the others.
- **Webhooks** the site sends: a function registered with the `openapi_webhooks` hook returns
  `{name: path item}` for the document's `webhooks`.

Shared shapes are named components (`components.py`): a provider registers one with
`components.ref(name, factory)`, which defines it once and returns its `$ref`.
"""
