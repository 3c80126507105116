"""iCalendar files: one event (`calendar/` on its page) and each language's calendar to subscribe
to (`calendar/` on the event section), which also carries the programmes' application
deadlines as all-day entries.

UIDs come from translation keys, so an event keeps its UID in every language and through every
republication; a cancelled event stays in the feed marked CANCELLED, so calendar apps remove it.
Timed events carry their zone (TZID with a VTIMEZONE), all-day ones plain dates."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import icalendar
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Site

from home.routing import public

if TYPE_CHECKING:
    from .events import EventIndexPage, EventPage

# How far back the subscription feed reaches, so recent entries don't vanish from calendars.
FEED_HISTORY = datetime.timedelta(days=365)
ICAL_STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def uid(kind: str, page, request: HttpRequest) -> str:
    """`event-<translation key>@<site hostname>`: the same in every language, every revision,
    and whichever address the calendar was fetched from."""
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host().split(":")[0]
    return f"{kind}-{page.translation_key}@{host}"


def new_calendar(name: str, language: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Medical students' associations//events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-language", language)
    return cal


def _stamp(page) -> datetime.datetime:
    return page.last_published_at or timezone.now()


def event_vevent(event: EventPage, request: HttpRequest) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid("event", event, request))
    vevent.add("dtstamp", _stamp(event))
    summary = event.title
    if event.status == "postponed":
        summary = gettext("Postponed: %(title)s") % {"title": summary}
    vevent.add("summary", summary)
    start = event.starts_at
    if start is not None:
        vevent.add("dtstart", start)
        if event.ends_at is not None:
            vevent.add("dtend", event.ends_at)
    else:
        # All-day: DTEND is the day after the last one (RFC 5545, exclusive).
        vevent.add("dtstart", event.start_date)
        vevent.add("dtend", (event.end_date or event.start_date) + datetime.timedelta(days=1))
    vevent.add("status", ICAL_STATUS[event.status])
    vevent.add("url", event.get_full_url(request))
    if event.summary:
        vevent.add("description", event.summary)
    place = ", ".join(str(part) for part in (event.venue, event.city, event.country.name) if part)
    if event.online and event.online_url:
        place = f"{place} / {event.online_url}" if place else event.online_url
    if place:
        vevent.add("location", place)
    return vevent


def deadline_vevent(program, request: HttpRequest) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid("deadline", program, request))
    vevent.add("dtstamp", _stamp(program))
    vevent.add("summary", gettext("Application deadline: %(title)s") % {"title": program.title})
    vevent.add("dtstart", program.application_deadline)
    vevent.add("dtend", program.application_deadline + datetime.timedelta(days=1))
    vevent.add("transp", "TRANSPARENT")
    vevent.add("url", program.get_full_url(request))
    return vevent


def event_calendar(event: EventPage, request: HttpRequest) -> icalendar.Calendar:
    with translation.override(event.locale.language_code):
        cal = new_calendar(event.title, event.locale.language_code)
        cal.add_component(event_vevent(event, request))
    cal.add_missing_timezones()
    return cal


def section_calendar(index: EventIndexPage, request: HttpRequest) -> icalendar.Calendar:
    """The section's dated events and its language's application deadlines, from a year ago."""
    from .events import EventPage
    from .models import PartnerProgramPage

    since = timezone.localdate() - FEED_HISTORY
    events = public(EventPage.objects.child_of(index).live())
    events = events.filter(date_precision="day", last_day__gte=since).order_by("start_date", "pk")
    programs = (
        public(PartnerProgramPage.objects.live())
        .filter(locale_id=index.locale_id, application_deadline__gte=since)
        .order_by("application_deadline", "pk")
    )
    with translation.override(index.locale.language_code):
        cal = new_calendar(index.title, index.locale.language_code)
        for event in events:
            cal.add_component(event_vevent(event, request))
        for program in programs:
            cal.add_component(deadline_vevent(program, request))
    cal.add_missing_timezones()
    return cal


def calendar_response(cal: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
