"""Open calls: programmes taking applications now (opened, deadline not passed), and those
closing within 30 days. The home page box, the programme index's `?calls=` filter and the
API's `calls=` filter all read them from here."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CLOSING_SOON = datetime.timedelta(days=30)


class CallsFilter(models.TextChoices):
    OPEN = "open", _("Open now")
    CLOSING = "closing", _("Closing within 30 days")


class ApplicationState(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Applications not open yet")
    OPEN = "open", _("Applications open")
    CLOSED = "closed", _("Applications closed")


def open_calls_q(today: datetime.date | None = None) -> models.Q:
    today = today or timezone.localdate()
    return models.Q(application_deadline__gte=today) & (
        models.Q(application_opens__isnull=True) | models.Q(application_opens__lte=today)
    )


def filter_calls(queryset: models.QuerySet, which: str, today: datetime.date | None = None):
    """`queryset` narrowed to open calls ("open") or those closing within 30 days ("closing"),
    soonest deadline first."""
    today = today or timezone.localdate()
    queryset = queryset.filter(open_calls_q(today))
    if which == CallsFilter.CLOSING:
        queryset = queryset.filter(application_deadline__lte=today + CLOSING_SOON)
    return queryset.order_by("application_deadline", "pk")


def application_state(
    opens: datetime.date | None, deadline: datetime.date | None, today: datetime.date | None = None
) -> str:
    """Where a programme's call stands; "" without a deadline."""
    if deadline is None:
        return ""
    today = today or timezone.localdate()
    if deadline < today:
        return ApplicationState.CLOSED
    if opens and opens > today:
        return ApplicationState.NOT_YET_OPEN
    return ApplicationState.OPEN


def closing_soon(deadline: datetime.date | None, today: datetime.date | None = None) -> bool:
    today = today or timezone.localdate()
    return deadline is not None and today <= deadline <= today + CLOSING_SOON
