"""Link targets a visitor can safely click: http(s), mailto, tel and relative URLs. Anything
else (`javascript:`, `data:`, `vbscript:`…) is refused where a value is written and dropped
where it is shown, whichever path wrote it (admin form, translation override, importer)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
UNSAFE_URL_MESSAGE = _(
    "Only http, https, mailto and tel links, or links within this site, are allowed."
)


def is_safe_url(value: str | None) -> bool:
    """True for an empty value, a relative URL or one with a safe scheme."""
    compact = IGNORED_BY_BROWSERS.sub("", value or "")
    match = SCHEME.match(compact)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def validate_safe_url(value: str | None) -> None:
    if not is_safe_url(value):
        raise ValidationError(UNSAFE_URL_MESSAGE, code="unsafe_url")


def safe_url_or_empty(value: str | None) -> str:
    """What to put in an `href`: the value if it is safe, else nothing."""
    return value if value and is_safe_url(value) else ""
