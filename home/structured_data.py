"""Schema.org JSON-LD in every page's `<head>`, in the page's language with its own URLs.

A page type says what it is with a method `structured_data(request) -> dict` returning its
schema.org node (an `Organization`, an `Event`, a `NewsArticle`…); pages without one are a
plain `WebPage`. Every page adds a `BreadcrumbList` of where it sits. The helpers here build the
pieces page types share, so each app only maps its own fields.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from home.images import SHARED_IMAGE, RenditionSet
from home.navigation import breadcrumb_trail
from home.seo import page_description

CONTEXT = "https://schema.org"
# JSON inside <script> must not close the element or open a comment: these never appear raw.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def compact(node: dict[str, Any]) -> dict[str, Any]:
    """`node` without empty values, so optional fields an editor left blank are simply absent."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def page_url(page: Page, request: HttpRequest | None) -> str:
    return page.get_full_url(request) or ""


def reference(page: Page | None, request: HttpRequest | None, kind: str = "Organization"):
    """A short node naming another page (a parent organisation, a host, an organiser)."""
    if page is None:
        return None
    return compact({"@type": kind, "name": page.title, "url": page_url(page, request)})


def image_url(
    image: Any, request: HttpRequest | None, rendition_set: RenditionSet = SHARED_IMAGE
) -> str:
    """The absolute URL of the image's rendition in a one-spec set (home/images.py)."""
    if image is None:
        return ""
    (spec,) = rendition_set.filter_specs
    url = image.get_rendition(spec).url
    return request.build_absolute_uri(url) if request is not None else url


def postal_address(street: str = "", city: str = "", country: Any = None) -> dict | None:
    address = compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "addressLocality": city,
            "addressCountry": getattr(country, "code", country) or "",
        }
    )
    return address if len(address) > 1 else None


def breadcrumb_list(page: Page, request: HttpRequest | None) -> dict | None:
    trail = [*breadcrumb_trail(page, request), page]
    if len(trail) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": item.title,
                "item": page_url(item, request),
            }
            for position, item in enumerate(trail, start=1)
        ],
    }


def page_graph(page: Page, request: HttpRequest | None) -> dict[str, Any]:
    """The JSON-LD document of `page`: what it is, the web page about it, and its breadcrumbs."""
    language = page.locale.language_code
    url = page_url(page, request)
    describe = getattr(page, "structured_data", None)
    entity = describe(request) if callable(describe) else None
    webpage = compact(
        {
            "@type": "WebPage",
            "@id": url,
            "url": url,
            "name": page.seo_title or page.title,
            "description": page_description(page),
            "inLanguage": language,
            "breadcrumb": breadcrumb_list(page, request),
        }
    )
    graph = [webpage]
    if entity:
        # Named in the page's language: entities that can say so say it too.
        entity = compact({**entity, "url": entity.get("url") or url, "@context": None})
        webpage["mainEntity"] = {"@id": entity.setdefault("@id", f"{url}#{entity['@type']}")}
        graph.insert(0, entity)
    return {"@context": CONTEXT, "@graph": graph}


def json_ld_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, default=str).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
