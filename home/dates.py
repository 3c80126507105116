"""Dates known only to a year, a month or a decade ("since the 1980s", "founded in 1951").

Stored as a full date plus a precision, so they sort and compare as dates; shown only as
precisely as they are known, in the active language's format.
"""

import datetime

from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
    DECADE = "decade", _("Decade")


PRECISION_HELP_TEXT = _(
    "How precisely the date is known. For a year, month or decade, any date inside it will do: "
    "only the known part is shown."
)


def format_partial_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """Format `value` as precisely as `precision` says, in the active language."""
    if value is None:
        return ""
    if precision == DatePrecision.DECADE:
        # Translators: a decade, e.g. "1980s"
        return gettext("%(decade)ss") % {"decade": value.year - value.year % 10}
    if precision == DatePrecision.YEAR:
        # Translators: a year on its own, e.g. "1951"
        return gettext("%(year)s") % {"year": value.year}
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def iso_partial_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """`value` for a `<time datetime>` attribute, as precise as it is known ("1987", "2014-10",
    "2014-10-29"); empty without a date, and for a decade (HTML has no value for one)."""
    if not isinstance(value, datetime.date) or precision == DatePrecision.DECADE:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class PartialDateDisplay:
    """A model's partial date written out, in the active language: declared as
    `founded_display = PartialDateDisplay("founded")` on a model with the fields `founded` and
    `founded_precision`; with a `label` such as `_("Founded %(date)s")`, the date inside it.
    Empty without a date."""

    def __init__(self, field: str, label: str | None = None) -> None:
        self.field = field
        self.label = label

    def __get__(self, instance: object, owner: type | None = None) -> "str | PartialDateDisplay":
        if instance is None:
            return self
        value = getattr(instance, self.field)
        if not value:
            return ""
        text = format_partial_date(value, getattr(instance, f"{self.field}_precision"))
        return self.label % {"date": text} if self.label else text


def truncate_to_precision(value: datetime.date, precision: str) -> datetime.date:
    """The first day of the period `value` stands for, so that equal periods compare equal."""
    if precision == DatePrecision.DECADE:
        return value.replace(year=value.year - value.year % 10, month=1, day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value
