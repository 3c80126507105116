from django import template

from programs.calls import closing_soon
from programs.event_display import event_when as when

register = template.Library()


@register.simple_tag
def event_when(event) -> dict:
    """`{% event_when event as when %}`: `when.text`, `when.datetime` (see event_display)."""
    return when(event)


@register.filter
def is_closing_soon(deadline) -> bool:
    return closing_soon(deadline)
