"""Output that cannot carry script, whatever wrote the stored value: `{{ html|sanitized }}` for
rich text (home.rich_text) and `{{ url|safe_url }}` for link targets (home.safe_urls)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from home.rich_text import sanitize
from home.safe_urls import safe_url_or_empty

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    return mark_safe(sanitize(str(html)))  # sanitize() leaves only allowed, escaped markup


@register.filter
def safe_url(url: str | None) -> str:
    """The link target if it is http(s), mailto, tel or relative; else empty (no link)."""
    return safe_url_or_empty(url)
