"""The API's serializer fields, importable from models.py: each primes the response's
`Resolver` (home/api/resolver.py) for all the items of a response, then reads from it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from rest_framework import fields as drf_fields
from wagtail.models import Page

from home.i18n.translation_status import translation_statuses
from home.safe_urls import safe_url_or_empty

from .openapi.components import HTML, STRING, Components, nullable, obj, page_ref_properties
from .resolver import Resolver, current_locale_id, get_resolver
from .stream import block_representation, prime_stream


class PrimedFieldMixin:
    """A field that announces, for all the items of a response at once, what it will need."""

    def instance_value(self, instance: Any) -> Any:
        return getattr(instance, self.source, None)

    def prime(self, instances: list, resolver: Resolver) -> None:
        raise NotImplementedError


class ReadOnlyField(drf_fields.Field):
    """Base of the API's output-only fields."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)


class ForeignKeyIdField(PrimedFieldMixin, ReadOnlyField):
    """A foreign key read as its id; the objects of all ids are loaded at once by `prime_ids`."""

    def get_attribute(self, instance: Any) -> Any:
        return getattr(instance, f"{self.source}_id")

    def prime(self, instances: list, resolver: Resolver) -> None:
        self.prime_ids([getattr(instance, f"{self.source}_id") for instance in instances], resolver)

    def prime_ids(self, ids: list, resolver: Resolver) -> None:
        raise NotImplementedError


class WholeInstanceField(PrimedFieldMixin, ReadOnlyField):
    """A field computed from the whole instance rather than one attribute."""

    def get_attribute(self, instance: Any) -> Any:
        return instance


class StreamAPIField(PrimedFieldMixin, ReadOnlyField):
    """A StreamField, every block ready to render."""

    def __init__(self, *args, **kwargs) -> None:
        for name in (
            "max_length",
            "allow_blank",
            "min_length",
            "validators",
            "required",
            "default",
        ):
            kwargs.pop(name, None)
        super().__init__(*args, **kwargs)

    def prime(self, instances: list, resolver: Resolver) -> None:
        for instance in instances:
            prime_stream(resolver, self.instance_value(instance))

    def to_representation(self, value: Any) -> Any:
        return block_representation(value.stream_block, value, self.context)

    def openapi_schema(self, components: Components) -> dict:
        from .openapi.blocks import stream_schema

        block = self.parent.Meta.model._meta.get_field(self.source).stream_block
        name = type(block).__name__
        if name == "StreamBlock":  # declared inline in the model: no name of its own
            return stream_schema(block, components)
        return components.ref(name, lambda: stream_schema(block, components))


class RichTextAPIField(PrimedFieldMixin, drf_fields.CharField):
    """A RichTextField as HTML, links resolved in the page's language.

    `?rich_text_format=` (Wagtail's db_html, markdown…) still gives Wagtail's own output."""

    def prime(self, instances: list, resolver: Resolver) -> None:
        for instance in instances:
            resolver.prime_rich_text(self.instance_value(instance))

    def to_representation(self, value: Any) -> str:
        if self.context.get("request") is not None and "rich_text_format" in (
            self.context["request"].GET
        ):
            from wagtail.api.rich_text import APIRichText

            return APIRichText.serialize(
                str(value), format=self.context["_wagtail_rich_text_format"]
            )
        return get_resolver(self.context).rich_text(str(value), current_locale_id(self.context))

    def openapi_schema(self, components: Components) -> dict:
        return {**HTML, "description": "HTML; see `rich_text_format` for other formats."}


class LocalizedPageField(ForeignKeyIdField):
    """A page foreign key as `{id, type, title, locale, html_url}` of the page in the language
    of the page being serialized (translations store the source-language page)."""

    def prime_ids(self, ids: list, resolver: Resolver) -> None:
        resolver.prime(Page, ids)

    def to_representation(self, pk: int) -> dict | None:
        return get_resolver(self.context).page_ref(pk, current_locale_id(self.context))

    def openapi_schema(self, components: Components) -> dict:
        return nullable(components.page_ref())


class ImageAPIField(ForeignKeyIdField):
    """An image foreign key as the image with absolute URLs of its renditions."""

    def prime_ids(self, ids: list, resolver: Resolver) -> None:
        resolver.prime_images(ids)

    def to_representation(self, pk: int) -> dict | None:
        return get_resolver(self.context).image(pk)

    def openapi_schema(self, components: Components) -> dict:
        return nullable(components.image())


class LocaleCodeField(ReadOnlyField):
    """`locale` as its language code, from the response's table of locales (no query)."""

    def get_attribute(self, instance: Any) -> Any:
        return instance.locale_id

    def to_representation(self, locale_id: int) -> str:
        return get_resolver(self.context).locale_code(locale_id)

    def openapi_schema(self, components: Components) -> dict:
        return components.locale()


class ComputedField(WholeInstanceField):
    """A read-only field computed from the instance by `represent(instance, context)`, primed
    for all instances by `prime_all(instances, resolver)`: for lists of related pages, etc."""

    def __init__(
        self,
        represent: Callable[[Any, dict], Any],
        prime_all: Callable[[list, Resolver], None] | None = None,
        schema: dict | Callable[[Components], dict] | None = None,
        **kwargs,
    ) -> None:
        self._represent = represent
        self._prime_all = prime_all
        self._schema = schema
        super().__init__(**kwargs)

    def openapi_schema(self, components: Components) -> dict:
        """The `schema` given: a dict, or a function of the components."""
        if self._schema is None:
            raise ImproperlyConfigured(f"ComputedField {self.field_name!r} needs a schema=")
        return self._schema(components) if callable(self._schema) else self._schema

    def prime(self, instances: list, resolver: Resolver) -> None:
        if self._prime_all is not None:
            self._prime_all(instances, resolver)

    def to_representation(self, instance: Any) -> Any:
        return self._represent(instance, self.context)


class RelatedPagesField(WholeInstanceField):
    """A list of related pages, each `{id, type, title, locale, html_url}` plus what
    `describe(page)` adds. `loader(pages, resolver)` returns {page id: [related pages]} for all
    the pages of a response in a fixed number of queries."""

    def __init__(
        self,
        loader: Callable[[list, Resolver], dict[int, list]],
        describe: Callable[[Any, str], dict] | None = None,
        described: Callable[[], dict] | None = None,
        **kwargs,
    ) -> None:
        self.loader = loader
        self.describe = describe
        self.described = described  # {property: schema} of what `describe` adds
        super().__init__(**kwargs)

    def openapi_schema(self, components: Components) -> dict:
        described = self.described() if self.described else {}
        return {"type": "array", "items": obj({**page_ref_properties(), **described})}

    def prime(self, instances: list, resolver: Resolver) -> None:
        store = resolver.store.setdefault(self.loader, {})
        store.update(self.loader([i for i in instances if i.pk not in store], resolver))

    def to_representation(self, instance: Any) -> list[dict]:
        resolver = get_resolver(self.context)
        self.prime([instance], resolver)
        items = resolver.store[self.loader].get(instance.pk, [])
        code = resolver.locale_code(instance.locale_id)
        return [
            {**resolver.page_summary(item), **(self.describe(item, code) if self.describe else {})}
            for item in items
        ]


def in_language(code: str, text: Callable[[], Any]) -> str:
    """`text()` (e.g. a choice label or a partial date) as read in language `code`."""
    with translation.override(code):
        return str(text())


def translated_field(text: Callable[[Any], Any]) -> ComputedField:
    """A field computed in the serialized object's language (labels, formatted dates)."""

    def represent(instance: Any, context: dict) -> str:
        code = get_resolver(context).locale_code(instance.locale_id)
        return in_language(code, lambda: text(instance))

    return ComputedField(represent, schema={**STRING, "description": "In the item's language."})


class LinkTargetField(ReadOnlyField):
    """A URL a client will put in an `href`: empty unless http(s), mailto, tel or relative."""

    def to_representation(self, value: str | None) -> str:
        return safe_url_or_empty(value)

    def openapi_schema(self, components: Components) -> dict:
        return {**STRING, "description": "An http(s), mailto, tel or relative URL, or empty."}


class StringField(ReadOnlyField):
    """A value shown as its string (e.g. a country as its ISO code)."""

    def to_representation(self, value: Any) -> str:
        return str(value)

    def openapi_schema(self, components: Components) -> dict:
        return STRING


# -- page meta ---------------------------------------------------------------------------


class TranslationsField(WholeInstanceField):
    """`meta.translations`: the page's other published translations, each with its status
    (`source` for the source-language page, else `up_to_date`, `outdated` or `draft`, as the
    translation-status report decides: home/translation_status.py)."""

    def prime(self, instances: list, resolver: Resolver) -> None:
        keys = getattr(resolver, "translation_keys", set())
        resolver.translation_keys = keys | {page.translation_key for page in instances}

    def to_representation(self, page: Page) -> list[dict]:
        resolver = get_resolver(self.context)
        info = translation_info(resolver)
        siblings = info["pages"].get(page.translation_key, [])
        return [
            {**resolver.page_summary(other), "status": info["status"].get(other.pk, "unknown")}
            for other in siblings
            if other.pk != page.pk
        ]

    def openapi_schema(self, components: Components) -> dict:
        return {
            "type": "array",
            "items": obj({**page_ref_properties(), "status": translation_status_schema()}),
        }


class TranslationStatusField(TranslationsField):
    """`meta.translation_status`: this page's own status (see TranslationsField)."""

    def to_representation(self, page: Page) -> str:
        info = translation_info(get_resolver(self.context))
        return info["status"].get(page.pk, "unknown")

    def openapi_schema(self, components: Components) -> dict:
        return translation_status_schema()


def translation_status_schema() -> dict:
    from home.i18n.translation_status import TranslationState

    return {"type": "string", "enum": ["source", *TranslationState.values, "unknown"]}


def translation_info(resolver: Resolver) -> dict:
    """Visible pages sharing each primed translation key, and each one's status: four
    queries per response (pages, then three for the statuses)."""
    info = getattr(resolver, "_translation_info", None)
    keys = getattr(resolver, "translation_keys", set())
    if info is not None and keys <= info["keys"]:
        return info
    pages: dict[Any, list[Page]] = {}
    for page in resolver.visible_pages().filter(translation_key__in=keys).order_by("locale_id"):
        pages.setdefault(page.translation_key, []).append(page)
    source = resolver.locale_by_code(settings.LANGUAGE_CODE)
    status: dict[int, str] = {}
    if source is not None and keys:
        targets = [loc for loc in resolver.locales.values() if loc.pk != source.pk]
        for row in translation_statuses(
            Page.objects.filter(translation_key__in=keys), source, targets
        ):
            status[row.page_id] = "source"
            for locale_status in row.statuses:
                if locale_status.page_id is not None:
                    status[locale_status.page_id] = str(locale_status.state)
    info = {"keys": set(keys), "pages": pages, "status": status}
    resolver._translation_info = info
    return info


class PrefetchedTagsField(ReadOnlyField):
    """Tags from the prefetched list (upstream's query per item sorts in the database)."""

    def to_representation(self, value) -> list[str]:
        return sorted(tag.name for tag in value.all())

    def openapi_schema(self, components: Components) -> dict:
        return {"type": "array", "items": STRING}
