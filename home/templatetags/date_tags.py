"""`{% partial_date %}`: dates known to a day, a month, a year or a decade (home/dates.py)."""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from home.dates import DatePrecision, format_partial_date, iso_partial_date

register = template.Library()


@register.simple_tag
def partial_date(
    value: datetime.date | None, precision: str = DatePrecision.DAY, css_class: str = ""
) -> SafeString | str:
    """`{% partial_date page.founded page.founded_precision %}`: the date written out as
    precisely as it is known, in a `<time datetime>` element. A decade has no machine-readable
    form: it is plain text, in a `<span>` when it has a `css_class` to carry."""
    text = format_partial_date(value, precision)
    iso = iso_partial_date(value, precision)
    css = format_html(' class="{}"', css_class) if css_class else ""
    if iso:
        return format_html('<time{} datetime="{}">{}</time>', css, iso, text)
    if css_class:
        return format_html("<span{}>{}</span>", css, text)
    return text
