"""How an event's time and place read: on its page and in lists (in the reader's language, local
times with the zone they are in) and for search engines (schema.org `Event`)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import formats
from django.utils.translation import gettext

from home.dates import format_partial_date, iso_partial_date

if TYPE_CHECKING:
    from .events import EventPage

SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}


def utc_offset(value: datetime.datetime) -> str:
    """ "+03:00" for a datetime three hours ahead of UTC."""
    return value.isoformat()[-6:] if value.utcoffset() else "+00:00"


def _day(value: datetime.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _moment(value: datetime.datetime) -> str:
    return f"{_day(value.date())} {value:%H:%M}"


def event_when(event: EventPage) -> dict:
    """{"text": how the event's time reads in the active language, "datetime": the start for a
    `<time datetime>` (with its UTC offset when timed), "zone": the IANA zone or ""}."""
    if not event.is_dated:
        return {
            "text": format_partial_date(event.start_date, event.date_precision),
            "datetime": iso_partial_date(event.start_date, event.date_precision),
            "zone": "",
        }
    start, end = event.starts_at, event.ends_at
    if start is None:
        text = _day(event.start_date)
        if event.end_date and event.end_date != event.start_date:
            text = gettext("%(start)s – %(end)s") % {"start": text, "end": _day(event.end_date)}
        return {"text": text, "datetime": event.start_date.isoformat(), "zone": ""}
    text = _moment(start)
    if end is not None:
        later = f"{end:%H:%M}" if end.date() == start.date() else _moment(end)
        text = gettext("%(start)s – %(end)s") % {"start": text, "end": later}
    offset = utc_offset(start)
    text = gettext("%(when)s, local time in %(zone)s (UTC%(offset)s)") % {
        "when": text,
        "zone": event.time_zone,
        "offset": offset,
    }
    return {"text": text, "datetime": start.isoformat(), "zone": event.time_zone}


def iso_start(event: EventPage) -> str:
    """The start in ISO 8601: with its UTC offset when timed, a date when all-day, and only
    as precise as it is known ("2011") otherwise."""
    if not event.is_dated:
        return iso_partial_date(event.start_date, event.date_precision)
    start = event.starts_at
    return start.isoformat() if start else event.start_date.isoformat()


def iso_end(event: EventPage) -> str:
    end = event.ends_at
    if end:
        return end.isoformat()
    return event.end_date.isoformat() if event.end_date else ""


def _location(event: EventPage, request: HttpRequest) -> list[dict] | dict:
    places = []
    if event.venue or event.city or event.country:
        address = {"@type": "PostalAddress"}
        if event.city:
            address["addressLocality"] = event.city
        if event.country:
            address["addressCountry"] = event.country.code
        places.append({"@type": "Place", "name": event.venue or event.city, "address": address})
    if event.online:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places[0] if len(places) == 1 else places


def structured_data(event: EventPage, request: HttpRequest) -> dict:
    """The event as a schema.org `Event` (for JSON-LD), in the event's language."""
    mode = "Offline"
    if event.online:
        mode = "Mixed" if (event.venue or event.city) else "Online"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": iso_start(event),
        "eventStatus": SCHEMA_STATUS[event.status],
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "inLanguage": event.locale.language_code,
        "url": event.get_full_url(request),
    }
    if event.is_dated and iso_end(event):
        data["endDate"] = iso_end(event)
    if event.summary:
        data["description"] = event.summary
    location = _location(event, request)
    if location:
        data["location"] = location
    organiser = event.localized_host_organization()
    if organiser is not None:
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.title,
            "url": organiser.get_full_url(request),
        }
    return data
