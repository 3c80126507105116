"""Events for the tests of programs/events.py: a fresh event section in both languages and a
helper that adds an event (and, if asked, its Chinese translation)."""

import datetime

import factory
import pytest
import wagtail_factories
from django.utils import timezone

from programs.events import EventIndexPage, EventPage
from tests.factories import english_home, translate


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Events {n}")
    parent = factory.LazyFunction(english_home)

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))

    class Meta:
        model = EventPage


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def event_index(home_en, chinese) -> EventIndexPage:
    """A new, empty event section in English and Chinese (the demo has one with past events)."""
    index = EventIndexPageFactory(parent=home_en, title="Calendar")
    translate(index, chinese, {"Calendar": "日程"})
    return index


@pytest.fixture
def add_event(event_index, chinese):
    """`add_event(title, zh=None, **fields)`: an English event, translated when `zh` is given."""

    def add(title: str, zh: str | None = None, **fields) -> EventPage:
        event = EventPageFactory(parent=event_index, title=title, **fields)
        if zh is not None:
            translate(event, chinese, {title: zh})
        return event

    return add
