"""Open calls: programmes taking applications now, those closing within 30 days, and what a
programme's page says once its deadline has passed."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programs.calls import ApplicationState, application_state
from tests.factories import PartnerProgramPageFactory, translate
from tests.html import main_html

from .conftest import days

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(program_index, chinese):
    """Programmes by where their call stands: open (closing soon or not), not yet open, closed,
    without a deadline; a draft with an open call."""
    made = {
        "soon": PartnerProgramPageFactory(
            parent=program_index, title="Soon", application_deadline=days(10)
        ),
        "open": PartnerProgramPageFactory(
            parent=program_index,
            title="Open",
            application_opens=days(-5),
            application_deadline=days(60),
        ),
        "future": PartnerProgramPageFactory(
            parent=program_index,
            title="Future",
            application_opens=days(5),
            application_deadline=days(20),
        ),
        "closed": PartnerProgramPageFactory(
            parent=program_index, title="Closed", application_deadline=days(-1)
        ),
        "none": PartnerProgramPageFactory(parent=program_index, title="Undated"),
    }
    PartnerProgramPageFactory(
        parent=program_index, title="Draft", application_deadline=days(3)
    ).unpublish()
    translate(made["soon"], chinese, {"Soon": "即将截止"})
    return made


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_application_state():
    assert application_state(None, None) == ""
    assert application_state(None, days(0)) == ApplicationState.OPEN
    assert application_state(days(1), days(9)) == ApplicationState.NOT_YET_OPEN
    assert application_state(days(-9), days(-1)) == ApplicationState.CLOSED


def test_programme_pages_say_where_their_call_stands(client, calls):
    assert "Applications closed on" in main_html(client, calls["closed"])
    assert "Applications open until" in main_html(client, calls["open"])
    assert "Applications open on" in main_html(client, calls["future"])
    assert "Applications" not in main_html(client, calls["none"]).split("facts")[0]
    assert "申请开放至" in main_html(client, calls["soon"].get_translations().get())


def test_programme_index_filter(client, calls, program_index):
    html = client.get(program_index.url + "?calls=open").content.decode()
    assert card_titles(html) == ["Soon", "Open"]
    html = client.get(program_index.url + "?calls=closing").content.decode()
    assert card_titles(html) == ["Soon"]
    html = client.get(program_index.url + "?calls=nonsense").content.decode()
    assert len(card_titles(html)) == 5


def test_open_calls_box_on_home_pages(client, calls, home_en, home_zh):
    html = client.get(home_en.url).content.decode()
    box = html.split("Open calls", 1)[1]
    assert card_titles(box)[:2] == ["Soon", "Open"]
    assert "Closing within 30 days" in box.split("Open")[0]
    assert "Future" not in box and "Closed" not in box and "Draft" not in box
    zh = client.get(home_zh.url).content.decode()
    assert "开放申请" in zh and "即将截止" in zh and "30天内截止" in zh


def test_home_box_queries_do_not_grow(client, program_index, home_en):
    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(home_en.url).status_code == 200
        return len(context.captured_queries)

    for n in range(1):
        PartnerProgramPageFactory(parent=program_index, application_deadline=days(n + 1))
    client.get(home_en.url)
    few = count()
    for n in range(3):
        PartnerProgramPageFactory(parent=program_index, application_deadline=days(n + 1))
    assert count() == few


def test_api_calls_filter(client, calls):
    def titles(query: str) -> list[str]:
        response = client.get(f"/api/v2/programs/?{query}")
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles("calls=open&locale=en") == ["Soon", "Open"]
    assert titles("calls=closing") == ["Soon", "即将截止"]
    assert titles("calls=closing&locale=zh-hans") == ["即将截止"]
    assert "Closed" in titles("locale=en&limit=20&order=title")
    response = client.get("/api/v2/programs/?calls=soon")
    assert response.status_code == 400 and "calls must be" in response.json()["message"]
