"""Event pages: where editors may add them, what the admin refuses, how they read in both
languages (local times and the right instant), the upcoming and past lists, the home page's
"What's on" box, the API, and schema.org data."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.models import HomePage
from programs.events import EventIndexPage, EventPage
from programs.models import PartnerProgramPage, ProgramIndexPage
from tests.admin_forms import page_edit_data
from tests.factories import PartnerProgramPageFactory
from tests.html import json_ld, main_html

from .conftest import days

pytestmark = pytest.mark.django_db

SUMMER = datetime.date(2031, 6, 15)


def test_page_type_rules(event_index, program_index):
    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(program_index)
    assert not EventIndexPage.can_create_at(program_index)
    assert not EventIndexPage.can_create_at(event_index)
    assert ProgramIndexPage.allowed_subpage_models() == [PartnerProgramPage]


def test_help_texts_on_every_date_field():
    for name in ("start_date", "end_date", "start_time", "time_zone", "registration_deadline"):
        assert EventPage._meta.get_field(name).help_text


def test_bucharest_and_shantou_show_local_times_at_the_right_instant(client, add_event):
    congress = add_event(
        "Congress",
        zh="大会",
        start_date=SUMMER,
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 30),
        time_zone="Europe/Bucharest",
        city="Bucharest",
        country="RO",
    )
    meeting = add_event(
        "Meeting",
        zh="会议",
        start_date=SUMMER,
        start_time=datetime.time(9, 0),
        time_zone="Asia/Shanghai",
        city="Shantou",
        country="CN",
    )
    assert congress.starts_at.astimezone(datetime.UTC).hour == 6
    assert meeting.starts_at.astimezone(datetime.UTC).hour == 1

    html = main_html(client, congress)
    assert 'datetime="2031-06-15T09:00:00+03:00"' in html
    assert "15 June 2031 09:00 – 17:30, local time in Europe/Bucharest (UTC+03:00)" in html
    assert "Bucharest, Romania" in html

    html = main_html(client, meeting.get_translations().get())
    assert 'datetime="2031-06-15T09:00:00+08:00"' in html
    assert "2031年6月15日 09:00，Asia/Shanghai当地时间（UTC+08:00）" in html
    assert "中国" in html


def test_all_day_and_year_only_events_read_as_known(client, add_event):
    days_long = add_event("Days", zh="多日", start_date=SUMMER, end_date=SUMMER.replace(day=17))
    year_only = add_event(
        "Year", zh="年份", start_date=datetime.date(2011, 1, 1), date_precision="year"
    )
    html = main_html(client, days_long)
    assert "15 June 2031 – 17 June 2031" in html
    assert 'datetime="2031-06-15"' in html
    assert "calendar/" in html
    html = main_html(client, year_only.get_translations().get())
    assert '<time datetime="2011">2011年</time>' in html
    assert "calendar/" not in html.split("facts-list")[1]
    assert client.get(year_only.url + "calendar/").status_code == 404


def test_cancelled_and_postponed_are_shown_clearly(client, add_event):
    cancelled = add_event("Off", zh="取消", status="cancelled", registration_url="https://x.org")
    postponed = add_event("Later", status="postponed")
    html = main_html(client, cancelled)
    assert "This event has been cancelled." in html and "Register" not in html
    assert "本活动已取消。" in main_html(client, cancelled.get_translations().get())
    assert "This event has been postponed." in main_html(client, postponed)


def admin_post(admin_client, page, **changes) -> str:
    data = page_edit_data(admin_client, page) | changes
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200  # the form again, not a redirect
    return response.content.decode()


def test_admin_refuses_inconsistent_input(admin_client, add_event):
    event = add_event("Edited", start_date=SUMMER)
    html = admin_post(admin_client, event, end_date="2031-06-14")
    assert "The event cannot end before it starts." in html
    html = admin_post(admin_client, event, start_time="09:00", time_zone="")
    assert "Choose the time zone the times are in." in html
    html = admin_post(admin_client, event, registration_deadline="2031-06-20")
    assert "The registration deadline is after the event starts." in html
    html = admin_post(admin_client, event, online="on", online_url="")
    assert "Give the link where people join the online event." in html
    html = admin_post(admin_client, event, date_precision="year", start_time="10:00")
    assert "Times need a date known to the day." in html
    assert event.revisions.count() == 0


def test_admin_accepts_registration_link_without_deadline(admin_client, add_event):
    event = add_event("Open", start_date=SUMMER)
    data = page_edit_data(admin_client, event) | {
        "registration_url": "https://example.org/register",
        "start_time": "09:00",
        "time_zone": "Europe/Bucharest",
    }
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.get_latest_revision_as_object().time_zone == "Europe/Bucharest"


def test_admin_refuses_unsafe_registration_link(admin_client, add_event):
    html = admin_post(admin_client, add_event("Unsafe"), registration_url="javascript:alert(1)")
    assert "registration_url" in html and "error" in html


def listed_titles(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1]
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', main)


def test_upcoming_soonest_first_past_latest_first(client, event_index, add_event):
    add_event("Later", start_date=days(20))
    add_event("Sooner", start_date=days(5))
    add_event("Running", start_date=days(-2), end_date=days(1))
    add_event("Old", start_date=days(-100))
    add_event("Older", start_date=days(-200))
    assert listed_titles(client, event_index.url) == ["Running", "Sooner", "Later"]
    assert listed_titles(client, event_index.url + "past/") == ["Old", "Older"]


def test_pagination_and_bad_page_numbers(client, event_index, add_event):
    for n in range(14):
        add_event(f"E{n:02d}", start_date=days(n + 1))
    assert len(listed_titles(client, event_index.url)) == 12
    assert listed_titles(client, event_index.url + "?page=2") == ["E12", "E13"]
    assert listed_titles(client, event_index.url + "?page=99") == ["E12", "E13"]
    assert listed_titles(client, event_index.url + "?page=abc")[0] == "E00"
    assert 'rel="next"' in client.get(event_index.url).content.decode()


def test_drafts_and_private_events_are_never_listed(client, event_index, add_event, home_en):
    add_event("Public", start_date=days(3))
    draft = add_event("Draft", start_date=days(3))
    draft.unpublish()
    private = add_event("Private", start_date=days(3))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert listed_titles(client, event_index.url) == ["Public"]
    home = client.get(home_en.url).content.decode()
    assert "Public" in home and "Draft" not in home and "Private" not in home
    api = client.get("/api/v2/events/?upcoming=true").json()
    assert [item["title"] for item in api["items"]] == ["Public"]


def test_chinese_lists_show_chinese_events(client, event_index, add_event):
    add_event("Meeting", zh="会议", start_date=days(3))
    zh_index = event_index.get_translations().get()
    assert listed_titles(client, zh_index.url) == ["会议"]
    assert "即将举行的活动" in client.get(zh_index.url).content.decode()


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_list_and_home_box_queries_do_not_grow(client, event_index, add_event, home_en):
    program = PartnerProgramPageFactory(parent=PartnerProgramPage.objects.first().get_parent())
    for n in range(2):
        add_event(f"A{n}", start_date=days(n + 1), program=program, country="RO")
    client.get(event_index.url), client.get(home_en.url)  # warm caches (site, locales)
    few = count_queries(client, event_index.url), count_queries(client, home_en.url)
    for n in range(5):
        add_event(f"B{n}", start_date=days(n + 1), program=program, city="Shantou")
    many = count_queries(client, event_index.url), count_queries(client, home_en.url)
    assert few == many


def test_whats_on_box_on_home_pages(client, add_event, home_en, home_zh):
    add_event("Soon", zh="即将", start_date=days(2))
    add_event("Past", zh="过去", start_date=days(-2))
    en = client.get(home_en.url).content.decode()
    assert "What’s on" in en and "Soon" in en and ">Past<" not in en
    zh = client.get(home_zh.url).content.decode()
    assert "近期活动" in zh and "即将" in zh


def test_organisation_and_programme_pages_list_their_events(client, add_event, organisation):
    program = PartnerProgramPage.objects.get(slug="medics", locale=organisation.locale)
    add_event(
        "Hosted", zh="主办", start_date=days(4), host_organization=organisation, program=program
    )
    assert "Hosted" in main_html(client, organisation)
    assert "主办" in main_html(client, organisation.get_translations().get())
    assert "Hosted" in main_html(client, program)


def test_api_fields(client, add_event, organisation):
    program = PartnerProgramPage.objects.get(slug="medics", locale=organisation.locale)
    event = add_event(
        "Congress",
        zh="大会",
        start_date=SUMMER,
        start_time=datetime.time(9),
        time_zone="Europe/Bucharest",
        host_organization=organisation,
        program=program,
        venue="Aula",
        city="Bucharest",
        country="RO",
        status="postponed",
    )
    zh = event.get_translations().get()
    data = client.get(f"/api/v2/pages/{zh.pk}/").json()
    assert data["start"] == "2031-06-15T09:00:00+03:00"
    assert data["time_zone"] == "Europe/Bucharest"
    assert data["status"] == "postponed" and data["status_display"] == "已延期"
    assert data["host_organization"]["title"] == "协会"
    assert data["host_organization"]["locale"] == "zh-hans"
    assert data["program"]["locale"] == "zh-hans"
    assert data["venue"] == "Aula" and data["country"] == "RO"


def test_api_filters(client, add_event, organisation):
    program = PartnerProgramPage.objects.get(slug="medics", locale=organisation.locale)
    add_event("Soon", zh="即将", start_date=days(3), host_organization=organisation)
    add_event("Far", start_date=days(300), program=program)
    add_event("Past", start_date=days(-3))

    def titles(query: str) -> list[str]:
        response = client.get(f"/api/v2/events/?{query}")
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles("upcoming=true&locale=en") == ["Soon", "Far"]
    assert "Past" in titles("upcoming=false&locale=en")
    assert titles(f"starts_after={days(1)}&starts_before={days(10)}") == ["Soon", "即将"]
    zh_org = organisation.get_translations().get()
    assert titles(f"organization={zh_org.pk}&locale=zh-hans") == ["即将"]
    assert titles(f"program={program.pk}&upcoming=true") == ["Far"]
    assert len(titles(f"program={program.pk}&upcoming=false")) == 2  # MEDICS 2016, both languages


@pytest.mark.parametrize(
    "query",
    [
        "upcoming=yes",
        "starts_after=2031-02-30",
        "starts_before=soon",
        "organization=x",
        "program=-1",
        "locale=fr",
        "type=home.HomePage",
    ],
)
def test_api_bad_values_are_400(client, query):
    response = client.get(f"/api/v2/events/?{query}")
    assert response.status_code == 400
    assert response.json()["message"]


def test_api_listing_queries_do_not_grow(client, add_event, organisation):
    url = "/api/v2/events/?upcoming=true&fields=start,host_organization,host_institution,program"
    for n in range(2):
        add_event(f"A{n}", start_date=days(n + 1), host_organization=organisation)
    client.get(url)
    few = count_queries(client, url)
    for n in range(5):
        add_event(f"B{n}", start_date=days(n + 1), host_organization=organisation)
    assert count_queries(client, url) == few


def test_structured_data(rf, add_event, organisation):
    event = add_event(
        "Congress",
        start_date=SUMMER,
        start_time=datetime.time(9),
        end_time=datetime.time(17),
        time_zone="Europe/Bucharest",
        venue="Aula Magna",
        city="Bucharest",
        country="RO",
        status="cancelled",
        host_organization=organisation,
    )
    data = event.structured_data(rf.get("/", HTTP_HOST="localhost"))
    assert data["@type"] == "Event" and data["name"] == "Congress"
    assert data["startDate"] == "2031-06-15T09:00:00+03:00"
    assert data["endDate"] == "2031-06-15T17:00:00+03:00"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Bucharest",
        "addressCountry": "RO",
    }
    assert data["organizer"]["name"] == "Association"
    assert data["inLanguage"] == "en" and data["url"].endswith(event.url)

    event.online, event.online_url, event.venue, event.city = True, "https://meet.example", "", ""
    event.country = ""
    data = event.structured_data(rf.get("/", HTTP_HOST="localhost"))
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example"}


def test_json_ld_in_the_head_of_an_event(client, add_event, organisation, chinese):
    event = add_event("Congress", zh="大会", start_date=SUMMER, host_organization=organisation)
    nodes = json_ld(client, event)
    assert nodes["Event"]["name"] == "Congress"
    assert nodes["Event"]["startDate"] == SUMMER.isoformat()
    assert nodes["Event"]["organizer"]["name"] == "Association"
    assert nodes["WebPage"]["mainEntity"] == {"@id": nodes["Event"]["@id"]}
    zh = json_ld(client, event.get_translation(chinese))
    assert zh["Event"]["name"] == "大会" and zh["Event"]["organizer"]["name"] == "协会"


def test_demo_events_in_both_languages(client):
    events = EventPage.objects.live().filter(locale__language_code="en")
    assert events.count() == 16
    meeting = events.get(slug="ewa-annual-meeting-2018")
    assert meeting.date_precision == "year" and meeting.host_institution.short_name == "SUMC"
    zh = meeting.get_translations().get()
    assert zh.title == "第十二届东西方联盟年会" and zh.city == "汕头"


def test_editors_find_events_only_in_the_event_section(admin_client, event_index, program_index):
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[event_index.pk]))
    assert response.status_code == 302 and "/programs/eventpage/" in response["Location"]
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[program_index.pk]))
    assert "eventpage" not in response.content.decode()


def test_admin_preview_of_an_event_and_its_section(admin_client, add_event, event_index):
    event = add_event("Previewed", start_date=SUMMER)
    for page in (event, event_index):
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = page_edit_data(admin_client, page) | {"title": "Preview title"}
        assert admin_client.post(url, data).json()["is_valid"]
        response = admin_client.get(url)
        assert response.status_code == 200 and "Preview title" in response.content.decode()


def test_home_box_links_to_the_section_and_search_shows_dates(client, add_event, home_en):
    event = add_event("Soon", start_date=SUMMER)
    html = client.get(home_en.url).content.decode()
    assert "All events" in html
    assert event.search_date == "15 June 2031"


def test_demo_organisation_pages_list_their_past_meetings(client, english):
    from organizations.models import OrganizationPage

    alliance = OrganizationPage.objects.get(slug="east-west-alliance", locale=english)
    html = main_html(client, alliance)
    assert "12th East-West Alliance annual meeting" in html
    assert html.index("12th East-West") < html.index("9th East-West")  # latest first
    assert "第十二届东西方联盟年会" in main_html(client, alliance.get_translations().get())


def test_api_search_with_event_filters(client, add_event):
    add_event("Telemedicine day", start_date=days(3))
    for query in ("upcoming=true", "upcoming=false", f"starts_after={days(1)}"):
        response = client.get(f"/api/v2/events/?{query}&search=Telemedicine&locale=en")
        assert response.status_code == 200, response.content
    assert [item["title"] for item in response.json()["items"]] == ["Telemedicine day"]
    organization = EventPage.objects.get(
        slug="medics-2016", locale__language_code="en"
    ).host_organization
    response = client.get(f"/api/v2/events/?organization={organization.pk}&search=MEDICS")
    assert response.status_code == 200
    found = {item["id"] for item in response.json()["items"]}
    soms = EventPage.objects.filter(host_organization=organization).values_list("pk", flat=True)
    assert found and found <= set(soms)
    response = client.get("/api/v2/programs/?calls=open&search=exchange")
    assert response.status_code == 200, response.content
