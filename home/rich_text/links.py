"""Rich-text links that cannot break a page: a page or document link whose stored id is not a
plausible database id (text, or a number no database column holds) renders as a plain `<a>` on
the site and as a broken link in the editor, instead of a 500, and is dropped when saved from the
editor (its text stays)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import translation
from django.utils.html import escape
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
    PageLinkElementHandler,
)
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.documents.rich_text.contentstate import (
    DocumentLinkElementHandler,
    document_link_entity,
)
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from . import entity_id


def _checked(attrs_list: list[dict]) -> list[dict]:
    return [{**attrs, "id": entity_id(attrs.get("id"))} for attrs in attrs_list]


class SafePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        return super().get_many(_checked(attrs_list))

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        """Each link to its page in the active language where that translation is live, as
        Wagtail's `page.localized` gives: all the links of a text in one query, where Wagtail
        reads the pages, then the active locale and the translation once per link."""
        ids = [entity_id(attrs.get("id")) for attrs in attrs_list]
        try:
            language = get_supported_content_language_variant(translation.get_language())
        except LookupError:  # no active language: the pages as linked
            language = None
        keys = Page.objects.filter(pk__in=ids).values("translation_key")
        in_language = Q(translation_key__in=keys, locale__language_code=language, live=True)
        found = list(
            Page.objects.filter(Q(pk__in=ids) | in_language)
            .select_related("locale")
            .defer_streamfields()
        )
        translated = {p.translation_key: p for p in found if p.locale.language_code == language}
        by_id = {page.pk: page for page in found}
        links = []
        for pk in ids:
            page = by_id.get(pk)
            if page is not None:
                page = translated.get(page.translation_key, page)
            links.append(f'<a href="{escape(page.url)}">' if page is not None else "<a>")
        return links


class SafeDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        return super().get_many(_checked(attrs_list))


class SafePageLinkElementHandler(PageLinkElementHandler):
    def get_attribute_data(self, attrs: dict) -> dict:
        if entity_id(attrs.get("id")) is None:
            return {"url": None, "parentId": None}  # shown as a link with no target
        return super().get_attribute_data(attrs)


class SafeDocumentLinkElementHandler(DocumentLinkElementHandler):
    def get_attribute_data(self, attrs: dict) -> dict:
        if entity_id(attrs.get("id")) is None:
            return {}
        return super().get_attribute_data(attrs)


def safe_link_entity(props: dict) -> Any:
    if props.get("id") is not None and entity_id(props["id"]) is None:
        return DOM.create_element("a", {}, props["children"])
    return link_entity(props)


def safe_document_link_entity(props: dict) -> Any:
    if entity_id(props.get("id")) is None:
        return DOM.create_element("a", {}, props["children"])
    return document_link_entity(props)


LINK_RULE = {
    "from_database_format": {
        "a[href]": ExternalLinkElementHandler("LINK"),
        'a[linktype="page"]': SafePageLinkElementHandler("LINK"),
    },
    "to_database_format": {"entity_decorators": {"LINK": safe_link_entity}},
}
DOCUMENT_LINK_RULE = {
    "from_database_format": {
        'a[linktype="document"]': SafeDocumentLinkElementHandler("DOCUMENT"),
    },
    "to_database_format": {"entity_decorators": {"DOCUMENT": safe_document_link_entity}},
}
