"""`{{ html|sanitized }}`: rich text as the editor could have written it (see home.rich_text)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from home.rich_text import sanitize

register = template.Library()


@register.filter
def sanitized(html: str) -> SafeString:
    return mark_safe(sanitize(str(html)))  # sanitize() leaves only allowed, escaped markup
