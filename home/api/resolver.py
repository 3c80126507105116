"""The `Resolver`: bulk loading of everything one API response refers to.

A response must be ready to render (page links as the page in the reader's language, images as
rendition URLs, snippets expanded, rich-text links resolved), and doing that object by object
makes one query per item, block or link. Instead every field *primes* the `Resolver` with what it
will need for all the items of a response (`prime(instances)`), and the first lookup loads
everything in a fixed number of queries: one per referenced model, two for images (with their
renditions), one for documents, one for embeds.

The views (home/api/views.py) call `prime` on every field that has it before serializing; blocks
find the resolver in the serializer context (`get_resolver(context)`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models import Prefetch
from django.utils.timezone import now
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText, get_rewriter
from wagtail.rich_text.rewriters import FIND_A_TAG, LinkRewriter, extract_attrs
from wagtail.snippets.blocks import SnippetChooserBlock

from home.images import API_RENDITIONS
from home.rich_text import entity_id, sanitize
from home.routing import public

logger = logging.getLogger(__name__)

# Renditions every image carries in the API: enough for a thumbnail, a card and a full-width view
# (named in home/images.py, which makes them ahead of the first request).
IMAGE_RENDITIONS = API_RENDITIONS


def rendition_prefetch(lookup: str) -> Prefetch:
    """Prefetch the API's renditions (`IMAGE_RENDITIONS`) of images reached by `lookup`, where
    Wagtail's `get_renditions` looks for them."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=list(IMAGE_RENDITIONS.values()))
    )
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


def absolute(request, url: str | None) -> str | None:
    if not url:
        return url
    return request.build_absolute_uri(url) if request is not None else url


def page_type(page: Page) -> str:
    cls = page.specific_class or type(page)
    return f"{cls._meta.app_label}.{cls.__name__}"


class Resolver:
    """Bulk loader for one API response (see the module docstring)."""

    def __init__(self, request) -> None:
        self.request = request
        self._pending: dict[type, set[int]] = defaultdict(set)
        self._loaded: dict[type, dict[int, Any]] = defaultdict(dict)
        self._by_key: dict[type, dict[Any, dict[int, Any]]] = defaultdict(dict)
        self._after_load: dict[type, list[Callable]] = defaultdict(list)
        self._pending_images: set[int] = set()
        self._images: dict[int, Any] = {}
        self._pending_documents: set[int] = set()
        self._documents: dict[int, Any] = {}
        self._pending_embeds: set[str] = set()
        self._embeds: dict[str, str | None] = {}
        self._locales: dict[int, Locale] | None = None
        # Results of bulk loaders of related lists (see RelatedPagesField), by loader.
        self.store: dict[Any, dict] = {}

    # -- shared lookups ---------------------------------------------------------------------

    @property
    def locales(self) -> dict[int, Locale]:
        if self._locales is None:
            self._locales = {locale.pk: locale for locale in Locale.objects.all()}
        return self._locales

    def locale_code(self, locale_id: int) -> str:
        return self.locales[locale_id].language_code

    def locale_by_code(self, code: str) -> Locale | None:
        return next((loc for loc in self.locales.values() if loc.language_code == code), None)

    def visible_pages(self, model: type[Page] = Page) -> models.QuerySet:
        """Live pages outside every private section: what anyone may see, logged in or not.
        The public ones as a subquery on ids: a filter the search backends accept."""
        public_ids = public(Page.objects.all()).values("pk")
        return model._default_manager.live().filter(pk__in=public_ids)

    # -- priming ----------------------------------------------------------------------------

    def prime(self, model: type, ids: Iterable[int | None], then: Callable | None = None) -> None:
        """Announce translatable objects (pages or snippets) that will be looked up;
        `then(objects)` runs on what gets loaded (e.g. to prime what *they* reference)."""
        ids = {pk for pk in ids if pk is not None}
        wanted = ids - set(self._loaded[model])
        self._pending[model] |= wanted
        if then is not None and wanted:
            self._after_load[model].append(then)
        elif then is not None:  # all loaded already: their own references now
            then([self._loaded[model][pk] for pk in ids if self._loaded[model][pk] is not None])

    def prime_images(self, ids: Iterable[int | None]) -> None:
        self._pending_images |= {pk for pk in ids if pk is not None} - set(self._images)

    def prime_documents(self, ids: Iterable[int | None]) -> None:
        self._pending_documents |= {pk for pk in ids if pk is not None} - set(self._documents)

    def prime_embeds(self, urls: Iterable[str | None]) -> None:
        self._pending_embeds |= {url for url in urls if url} - set(self._embeds)

    def prime_rich_text(self, html: str | RichText | None) -> None:
        for attrs in rich_text_links(html):
            pk = entity_id(attrs.get("id"))
            if attrs.get("linktype") == "page" and pk:
                self.prime(Page, [pk])
            elif attrs.get("linktype") == "document" and pk:
                self.prime_documents([pk])

    def prime_value(self, block: blocks.Block, value: Any) -> None:
        """Prime everything a block value refers to, however deeply nested."""
        if value is None:
            return
        custom = getattr(block, "prime_api", None)
        if custom is not None:
            custom(value, self)
        elif isinstance(block, blocks.StreamBlock):
            for child in value:
                self.prime_value(child.block, child.value)
        elif isinstance(block, blocks.ListBlock):
            for item in value:
                self.prime_value(block.child_block, item)
        elif isinstance(block, blocks.StructBlock):
            for name, child_block in block.child_blocks.items():
                self.prime_value(child_block, value.get(name))
        else:
            self._prime_reference(block, value)

    def _prime_reference(self, block: blocks.Block, value: Any) -> None:
        """Prime what a leaf block (a chooser, rich text or an embed) refers to."""
        if isinstance(block, blocks.PageChooserBlock):
            self.prime(Page, [value.pk])
        elif isinstance(block, ImageChooserBlock):
            self.prime_images([value.pk])
        elif isinstance(block, DocumentChooserBlock):
            self.prime_documents([value.pk])
        elif isinstance(block, SnippetChooserBlock):
            self.prime(type(value), [value.pk])
        elif isinstance(block, blocks.RichTextBlock):
            self.prime_rich_text(value)
        elif isinstance(block, EmbedBlock):
            self.prime_embeds([value.url])

    # -- loading ----------------------------------------------------------------------------

    def flush(self) -> None:
        """Load everything primed so far (each model once), then images, documents, embeds."""
        while self._pending:
            model, ids = self._pending.popitem()
            self._load(model, ids)
        if self._pending_images:
            ids, self._pending_images = self._pending_images, set()
            images = get_image_model().objects.filter(pk__in=ids)
            images = images.prefetch_related(rendition_prefetch("renditions"))
            found = {image.pk: image for image in images}
            self._images.update({pk: found.get(pk) for pk in ids})
        if self._pending_documents:
            ids, self._pending_documents = self._pending_documents, set()
            found = get_document_model().objects.in_bulk(ids)
            self._documents.update({pk: found.get(pk) for pk in ids})
        if self._pending_embeds:
            urls, self._pending_embeds = self._pending_embeds, set()
            self._load_embeds(urls)

    def _load(self, model: type, ids: set[int]) -> None:
        # The objects and all their translations in one query: the translation key of each
        # referenced object comes from a subquery.
        keys = model._default_manager.filter(pk__in=ids).values("translation_key")
        if issubclass(model, Page):
            queryset = self.visible_pages(model)
        else:
            queryset = model._default_manager.all()
        # Images the objects show (e.g. a partner's logo) come with them, and their renditions
        # in one more query.
        image_fields = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and issubclass(field.related_model, get_image_model())
        ]
        if image_fields:
            queryset = queryset.select_related(*image_fields).prefetch_related(
                *(rendition_prefetch(f"{name}__renditions") for name in image_fields)
            )
        loaded = list(queryset.filter(translation_key__in=keys))
        for obj in loaded:
            for name in image_fields:
                image = getattr(obj, name)
                if image is not None:
                    self._images[image.pk] = image
        by_key = self._by_key[model]
        for obj in loaded:
            by_key.setdefault(obj.translation_key, {})[obj.locale_id] = obj
            if obj.pk in ids:
                self._loaded[model][obj.pk] = obj
        for pk in ids:
            self._loaded[model].setdefault(pk, None)  # not visible: never shown
        for callback in self._after_load.pop(model, []):
            callback(loaded)
        while self._pending:  # what the callbacks primed
            self._load(*self._pending.popitem())

    def _load_embeds(self, urls: set[str]) -> None:
        from wagtail.embeds import embeds
        from wagtail.embeds.models import Embed

        hashes = {embeds.get_embed_hash(url): url for url in urls}
        stored = {
            embed.hash: embed.html
            for embed in Embed.objects.exclude(cache_until__lte=now()).filter(hash__in=list(hashes))
        }
        for hash_, url in hashes.items():
            html = stored.get(hash_)
            if html is None:
                try:  # not fetched yet: ask the provider once (then it is stored)
                    html = embeds.get_embed(url).html
                except Exception:  # a provider being down must not fail the API (logged)
                    logger.warning("could not fetch embed %s", url, exc_info=True)
            self._embeds[url] = html

    # -- lookups ----------------------------------------------------------------------------

    def _ensure(self, model: type, pk: int) -> None:
        if pk not in self._loaded[model]:
            self.prime(model, [pk])
        if self._pending or self._pending_images or self._pending_documents:
            self.flush()

    def get(self, model: type, pk: int | None) -> Any:
        """The object as stored, if visible."""
        if pk is None:
            return None
        self._ensure(model, pk)
        return self._loaded[model].get(pk)

    def localized(self, model: type, pk: int | None, locale_id: int | None) -> Any:
        """The object in `locale_id` where that translation is visible, else as stored; None if
        the object itself is not visible (draft, private, deleted)."""
        obj = self.get(model, pk)
        if obj is None or locale_id is None:
            return obj
        return self._by_key[model].get(obj.translation_key, {}).get(locale_id, obj)

    def page_ref(self, pk: int | None, locale_id: int | None, model: type = Page) -> dict | None:
        page = self.localized(model, pk, locale_id)
        return self.page_summary(page) if page is not None else None

    def page_summary(self, page: Page) -> dict:
        """`{id, type, title, locale, html_url}`: what a client needs to link to a page."""
        return {
            "id": page.pk,
            "type": page_type(page),
            "title": page.title,
            "locale": self.locale_code(page.locale_id),
            "html_url": page.get_full_url(self.request),
        }

    def image(self, pk: int | None) -> dict | None:
        if pk is None:
            return None
        if pk not in self._images:
            self.prime_images([pk])
            self.flush()
        image = self._images.get(pk)
        if image is None:
            return None
        data = {
            "id": image.pk,
            "title": image.title,
            "width": image.width,
            "height": image.height,
            "url": absolute(self.request, image.file.url),
            "renditions": {},
        }
        try:
            renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
        except OSError:  # the file is missing: the image is still described
            logger.warning("no renditions for image %s", image.pk, exc_info=True)
            return data
        for name, spec in IMAGE_RENDITIONS.items():
            rendition = renditions[spec]
            data["renditions"][name] = {
                "url": absolute(self.request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        return data

    def document(self, pk: int | None) -> dict | None:
        if pk is None:
            return None
        if pk not in self._documents:
            self.prime_documents([pk])
            self.flush()
        document = self._documents.get(pk)
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": document.title,
            "download_url": absolute(self.request, document.url),
        }

    def embed_html(self, url: str | None) -> str | None:
        if not url:
            return None
        if url not in self._embeds:
            self.prime_embeds([url])
            self.flush()
        return self._embeds.get(url)

    def rich_text(self, html: str | RichText | None, locale_id: int | None) -> str:
        """Database rich text as HTML: page links point at the page in `locale_id` (absolute
        URL, plus `data-page-id` for apps that route internally), document links at the file."""
        source = html.source if isinstance(html, RichText) else (html or "")
        self.prime_rich_text(source)
        self.flush()

        def page_link(attrs: dict) -> str:
            pk = entity_id(attrs.get("id"))
            ref = self.page_ref(pk, locale_id) if pk else None
            if ref is None:
                return "<a>"
            return f'<a href="{ref["html_url"]}" data-page-id="{ref["id"]}">'

        def document_link(attrs: dict) -> str:
            pk = entity_id(attrs.get("id"))
            document = self.document(pk) if pk else None
            return f'<a href="{document["download_url"]}">' if document else "<a>"

        links = LinkRewriter(rules={"page": page_link, "document": document_link})
        embeds = get_rewriter().rewriters[1]  # Wagtail's own, for any <embed> (none here yet)
        return sanitize(embeds(links(source)))


def rich_text_links(html: str | RichText | None) -> list[dict]:
    source = html.source if isinstance(html, RichText) else (html or "")
    return [extract_attrs(match) for match in FIND_A_TAG.findall(source)]


def get_resolver(context: dict) -> Resolver:
    """The response's resolver (created on first use, e.g. for blocks rendered outside a view)."""
    if "resolver" not in context:
        context["resolver"] = Resolver(context.get("request"))
    return context["resolver"]


def current_locale_id(context: dict) -> int | None:
    """The locale of the page being serialized: links inside it are shown in that language."""
    return context.get("api_locale_id")


def get_resolver_for_view(view) -> Resolver:
    """The resolver of the response `view` is answering (one per request)."""
    if getattr(view, "_resolver", None) is None:
        view._resolver = Resolver(view.request)
    return view._resolver
