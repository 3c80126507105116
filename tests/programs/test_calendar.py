"""Calendar files, read back with icalendar as a calendar app would: one event's file and each
language's subscription feed (events plus application deadlines as all-day entries)."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from tests.factories import PartnerProgramPageFactory

from .conftest import days

pytestmark = pytest.mark.django_db

SUMMER = datetime.date(2031, 6, 15)
HOST = "example.org"


@pytest.fixture(autouse=True)
def site_hostname(db):
    """UIDs name the site, not the address a request came in by."""
    Site.objects.filter(is_default_site=True).update(hostname=HOST)


def calendar_at(client, url: str) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["summary"]): event for event in cal.walk("VEVENT")}


def test_one_event_with_its_time_zone(client, add_event):
    event = add_event(
        "Congress",
        start_date=SUMMER,
        start_time=datetime.time(9),
        end_time=datetime.time(17),
        time_zone="Europe/Bucharest",
        venue="Aula",
        city="Bucharest",
        country="RO",
    )
    cal = calendar_at(client, event.url + "calendar/")
    [vevent] = cal.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert start == datetime.datetime(2031, 6, 15, 6, tzinfo=datetime.UTC)
    assert vevent["dtstart"].params["TZID"] == "Europe/Bucharest"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Bucharest"]
    assert vevent.decoded("dtend").astimezone(zoneinfo.ZoneInfo("Europe/Bucharest")).hour == 17
    assert vevent["status"] == "CONFIRMED"
    assert vevent["location"] == "Aula, Bucharest, Romania"
    assert str(vevent["url"]).endswith(event.url)


def test_all_day_event_ends_the_day_after(client, add_event):
    event = add_event("Days", start_date=SUMMER, end_date=SUMMER.replace(day=17))
    [vevent] = calendar_at(client, event.url + "calendar/").walk("VEVENT")
    assert vevent.decoded("dtstart") == SUMMER
    assert vevent.decoded("dtend") == datetime.date(2031, 6, 18)


def test_uid_is_the_same_in_both_languages_and_after_republishing(client, add_event):
    event = add_event("Meeting", zh="会议", start_date=SUMMER)
    zh = event.get_translations().get()
    [en_event] = calendar_at(client, event.url + "calendar/").walk("VEVENT")
    [zh_event] = calendar_at(client, zh.url + "calendar/").walk("VEVENT")
    assert en_event["uid"] == zh_event["uid"] == f"event-{event.translation_key}@{HOST}"
    assert (str(en_event["summary"]), str(zh_event["summary"])) == ("Meeting", "会议")
    assert str(zh_event["url"]).endswith(zh.url)
    event.title = "Meeting, renamed"
    event.save_revision().publish()
    [again] = calendar_at(client, event.url + "calendar/").walk("VEVENT")
    assert again["uid"] == en_event["uid"] and str(again["summary"]) == "Meeting, renamed"


def test_feed_per_language_with_cancelled_events_and_deadlines(
    client, event_index, add_event, program_index
):
    add_event("On", zh="举行", start_date=days(10))
    add_event("Off", zh="取消", start_date=days(12), status="cancelled")
    add_event("Later", start_date=days(20), status="postponed")
    add_event("Roughly", start_date=days(40), date_precision="month")
    add_event("Long ago", start_date=days(-800))
    program = PartnerProgramPageFactory(
        parent=program_index, title="Exchange", application_deadline=days(15)
    )
    en = vevents(calendar_at(client, event_index.url + "calendar/"))
    assert set(en) == {"On", "Off", "Postponed: Later", "Application deadline: Exchange"}
    assert en["Off"]["status"] == "CANCELLED"
    assert en["Postponed: Later"]["status"] == "TENTATIVE"
    deadline = en["Application deadline: Exchange"]
    assert deadline.decoded("dtstart") == days(15)
    assert deadline.decoded("dtend") == days(16)
    assert deadline["uid"] == f"deadline-{program.translation_key}@{HOST}"

    zh_cal = calendar_at(client, event_index.get_translations().get().url + "calendar/")
    zh = vevents(zh_cal)
    assert set(zh) == {"举行", "取消"}  # the programme has no Chinese translation
    assert zh["取消"]["status"] == "CANCELLED"
    assert zh_cal["x-wr-calname"] == "日程"


def test_feed_leaves_out_drafts_and_private_events(client, event_index, add_event):
    add_event("Public", start_date=days(3))
    add_event("Draft", start_date=days(3)).unpublish()
    private = add_event("Private", start_date=days(3))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert set(vevents(calendar_at(client, event_index.url + "calendar/"))) == {"Public"}


def test_feed_queries_do_not_grow(client, event_index, add_event, program_index):
    url = event_index.url + "calendar/"

    def add(n: int, prefix: str) -> None:
        for i in range(n):
            zone = {"time_zone": "Asia/Shanghai", "start_time": datetime.time(9)} if i % 2 else {}
            add_event(f"{prefix}{i}", start_date=days(i + 1), country="CN", **zone)
            PartnerProgramPageFactory(parent=program_index, application_deadline=days(i + 1))

    add(2, "A")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(5, "B")
    with CaptureQueriesContext(connection) as many:
        cal = calendar_at(client, url)
    assert len(cal.walk("VEVENT")) == 14
    assert len(few.captured_queries) == len(many.captured_queries)
