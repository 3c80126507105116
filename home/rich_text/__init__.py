"""Stored rich text is not trusted: an importer, a fixture or a tampered form can put anything
in it. Every reader of it (site, editor, API) reads link ids through `entity_id`, and the site
and the API pass the HTML they send out through `sanitize`. The link handlers are in `links.py`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import nh3
from django.conf import settings

MAX_ID = 2**63 - 1  # the largest value of a 64-bit id column


def entity_id(value: Any) -> int | None:
    """The id a link refers to, or None when it cannot be a row's id."""
    text = str(value) if value is not None else ""
    if not (text.isascii() and text.isdecimal()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


# The tags each editor feature writes; paragraphs and line breaks come with every editor.
FEATURE_TAGS = {
    "h2": {"h2"},
    "h3": {"h3"},
    "h4": {"h4"},
    "bold": {"b", "strong"},
    "italic": {"i", "em"},
    "ol": {"ol", "li"},
    "ul": {"ul", "li"},
    "link": {"a"},
    "document-link": {"a"},
}
# Attributes Wagtail writes (block keys) and the API adds (`data-page-id` on page links).
ATTRIBUTES = {"*": {"data-block-key"}, "a": {"href", "data-page-id"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


@cache
def allowed_tags() -> frozenset[str]:
    """The tags the site's rich-text editor can produce (WAGTAILADMIN_RICH_TEXT_EDITORS)."""
    editor = settings.WAGTAILADMIN_RICH_TEXT_EDITORS["default"]
    features = editor.get("OPTIONS", {}).get("features", [])
    return frozenset({"p", "br"}.union(*(FEATURE_TAGS.get(name, set()) for name in features)))


def sanitize(html: str) -> str:
    """`html` with only what the editor can write: no script, event handler, style, or link to
    a `javascript:` or other non-web URL (relative URLs stay)."""
    return nh3.clean(
        html,
        tags=set(allowed_tags()),
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # keep links as written; rel is not ours to add here
    )
