"""A history timeline is shown in date order whatever order its events were entered in, each
date as precisely as it is known; excerpts elsewhere show the chosen years. Links and dates
follow the reader's language, on the site and in the API."""

import datetime
import re

import pytest
from wagtail.models import Locale

from tests.factories import (
    HistoryPageFactory,
    OrganizationPageFactory,
    TimelineEventBlockFactory,
    translate,
)
from tests.html import api_detail, main_html

pytestmark = pytest.mark.django_db

# (date, precision, title), in the order an editor entered them.
EVENTS = [
    (datetime.date(2014, 12, 29), "day", "Founded"),
    (datetime.date(1984, 1, 1), "decade", "First exchanges"),
    (datetime.date(2001, 5, 1), "month", "Joined the federation"),
    (datetime.date(1995, 1, 1), "year", "First congress"),
]
CHINESE = {
    "Founded": "成立",
    "First exchanges": "首批交流",
    "Joined the federation": "加入联合会",
    "First congress": "首届大会",
}
IN_DATE_ORDER = ["First exchanges", "First congress", "Joined the federation", "Founded"]


@pytest.fixture
def history(organisation, chinese):
    """A timeline whose events link to the organisation, with its Chinese translation."""
    page = HistoryPageFactory(
        parent=organisation,
        title="Timeline",
        events=[
            (
                "event",
                TimelineEventBlockFactory(
                    date=date,
                    precision=precision,
                    title=title,
                    link=organisation if title == "Founded" else None,
                ),
            )
            for date, precision, title in EVENTS
        ],
    )
    translate(page, chinese, CHINESE | {"Timeline": "时间线"})
    return page


def event_titles(html: str) -> list[str]:
    return re.findall(r'<h\d class="timeline__title">([^<]+)</h\d>', html)


def test_events_render_in_date_order_with_machine_readable_dates(client, history):
    html = main_html(client, history)
    assert event_titles(html) == IN_DATE_ORDER
    dates = re.findall(r'class="timeline__date"(?: datetime="([^"]*)")?>([^<]+)<', html)
    assert dates == [
        ("", "1980s"),  # a decade has no <time> value
        ("1995", "1995"),
        ("2001-05", "May 2001"),
        ("2014-12-29", "29 December 2014"),
    ]


def test_chinese_timeline_is_in_the_same_order_with_chinese_dates_and_links(
    client, history, organisation, chinese
):
    html = main_html(client, history.get_translation(chinese))
    assert event_titles(html) == [CHINESE[title] for title in IN_DATE_ORDER]
    assert "1980年代" in html and "2001年5月" in html and "2014年12月29日" in html
    organisation_zh = organisation.get_translation(chinese)
    assert f'<a href="{organisation_zh.url}">协会</a>' in html
    assert not re.search(r'href="/en/', html)


API_DATES = {
    "en": ["1980s", "1995", "May 2001", "29 December 2014"],
    "zh-hans": ["1980年代", "1995年", "2001年5月", "2014年12月29日"],
}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_api_events_are_in_date_order_in_the_readers_language(
    client, history, organisation, language
):
    locale = Locale.objects.get(language_code=language)
    events = api_detail(client, history.get_translation(locale))["events"]
    titles = IN_DATE_ORDER if language == "en" else [CHINESE[t] for t in IN_DATE_ORDER]
    assert [event["title"] for event in events] == titles
    assert [event["date"] for event in events] == [
        "1984-01-01", "1995-01-01", "2001-05-01", "2014-12-29",
    ]  # fmt: skip
    assert [event["precision"] for event in events] == ["decade", "year", "month", "day"]
    assert [event["display_date"] for event in events] == API_DATES[language]
    assert [event["link"] for event in events[:-1]] == [None, None, None]
    link = events[-1]["link"]
    assert (link["id"], link["locale"]) == (organisation.get_translation(locale).pk, language)


@pytest.fixture
def excerpt_page(organization_index, history, chinese):
    """An organisation page showing at most two events of 1990-2014 from the history."""
    page = OrganizationPageFactory(
        parent=organization_index,
        body__0__timeline_excerpt__heading="Milestones",
        body__0__timeline_excerpt__history_page=history,
        body__0__timeline_excerpt__from_year=1990,
        body__0__timeline_excerpt__to_year=2014,
        body__0__timeline_excerpt__max_events=2,
    )
    translate(page, chinese, {"Milestones": "里程碑"})
    return page


def test_excerpt_shows_the_chosen_years_and_links_to_the_full_history(
    client, excerpt_page, history, chinese
):
    html = main_html(client, excerpt_page)
    assert "<h2>Milestones</h2>" in html
    assert event_titles(html) == ["First congress", "Joined the federation"]
    assert f'<a href="{history.url}">The full history: Timeline</a>' in html

    html_zh = main_html(client, excerpt_page.get_translation(chinese))
    assert "<h2>里程碑</h2>" in html_zh
    assert event_titles(html_zh) == ["首届大会", "加入联合会"]
    assert f'<a href="{history.get_translation(chinese).url}">完整历史：时间线</a>' in html_zh


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_api_excerpt_has_the_chosen_events_of_the_readers_history(
    client, excerpt_page, history, language
):
    locale = Locale.objects.get(language_code=language)
    block = api_detail(client, excerpt_page.get_translation(locale))["body"][0]
    assert block["type"] == "timeline_excerpt"
    excerpt = block["value"]
    assert (excerpt["from_year"], excerpt["to_year"]) == (1990, 2014)
    assert excerpt["history_page"]["id"] == history.get_translation(locale).pk
    assert excerpt["history_page"]["locale"] == language
    assert [event["date"] for event in excerpt["events"]] == ["1995-01-01", "2001-05-01"]
    assert [event["display_date"] for event in excerpt["events"]] == API_DATES[language][1:3]
