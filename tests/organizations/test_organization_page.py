"""An organisation page shows its committees, member organisations and history pages, each in
the page's language, on the site and in the API; its founding date reads as precisely as it
is known."""

import datetime
import re

import pytest

from tests.factories import (
    CommitteePageFactory,
    HistoryPageFactory,
    OrganizationPageFactory,
    translate,
)
from tests.html import api_detail, main_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(organization_index, chinese) -> dict:
    """An organisation (in a federation) with two committees, a history and a member, all
    translated into Chinese. Keys: the English pages; `<key>_zh`: their translations."""
    pages = {"federation": OrganizationPageFactory(parent=organization_index, title="Federation")}
    pages["organisation"] = OrganizationPageFactory(
        parent=organization_index, title="Association", parent_organization=pages["federation"]
    )
    # Entered out of alphabetical order: committees keep the editor's order.
    pages["committee_b"] = CommitteePageFactory(
        parent=pages["organisation"], title="Team B", full_name="Team on B", acronym=""
    )
    pages["committee_a"] = CommitteePageFactory(
        parent=pages["organisation"], title="Committee A", full_name="Committee on A"
    )
    pages["history"] = HistoryPageFactory(parent=pages["organisation"], title="Our history")
    pages["member"] = OrganizationPageFactory(
        parent=organization_index, title="Local society", parent_organization=pages["organisation"]
    )
    chinese_titles = {
        "Federation": "联合会",
        "Association": "协会",
        "Team B": "乙团队",
        "Committee A": "甲委员会",
        "Committee on A": "甲事务委员会",
        "Our history": "我们的历史",
        "Local society": "地方学会",
    }
    for key in list(pages):  # parents first, as translating requires
        pages[f"{key}_zh"] = translate(pages[key], chinese, chinese_titles)
    return pages


def test_organisation_page_lists_committees_members_and_history(client, network):
    html = main_html(client, network["organisation"])
    member_of = html.index("Member of")
    assert f'<a href="{network["federation"].url}">Federation</a>' in html[member_of:]
    committees = [network["committee_b"], network["committee_a"]]
    positions = [html.index(f'href="{committee.url}"') for committee in committees]
    assert positions == sorted(positions)
    assert "Committee on A" in html and "Team on B" in html
    assert f'href="{network["member"].url}">Local society</a>' in html
    assert f'href="{network["history"].url}">Our history</a>' in html


def test_chinese_organisation_page_shows_chinese_pages_only(client, network):
    html = main_html(client, network["organisation_zh"])
    assert "成员组织" in html and "委员会与团队" in html and "历史沿革" in html
    assert f'<a href="{network["federation_zh"].url}">联合会</a>' in html
    assert f'href="{network["committee_a_zh"].url}">' in html and "甲事务委员会" in html
    assert f'href="{network["member_zh"].url}">地方学会</a>' in html
    assert f'href="{network["history_zh"].url}">我们的历史</a>' in html
    assert not re.search(r'href="/en/', html)


def test_an_unpublished_member_is_not_listed(client, network):
    network["member_zh"].unpublish()
    assert network["member_zh"].url not in main_html(client, network["organisation_zh"])
    assert network["member"].url in main_html(client, network["organisation"])


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_api_detail_refers_to_pages_in_the_organisations_language(client, network, language):
    suffix = "_zh" if language == "zh-hans" else ""
    detail = api_detail(client, network[f"organisation{suffix}"])
    assert detail["parent_organization"]["id"] == network[f"federation{suffix}"].pk
    assert detail["parent_organization"]["locale"] == language
    assert [c["id"] for c in detail["committees"]] == [
        network[f"committee_b{suffix}"].pk,
        network[f"committee_a{suffix}"].pk,
    ]
    committee_a = detail["committees"][1]
    assert committee_a["full_name"] == network[f"committee_a{suffix}"].full_name
    assert committee_a["committee_kind"] == "standing"
    assert committee_a["html_url"].endswith(network[f"committee_a{suffix}"].url)
    assert [m["id"] for m in detail["member_organizations"]] == [network[f"member{suffix}"].pk]
    assert detail["member_organizations"][0]["title"] == network[f"member{suffix}"].title
    assert [h["id"] for h in detail["history_pages"]] == [network[f"history{suffix}"].pk]


FOUNDED = [
    # precision, date, English, Chinese, <time datetime>
    ("day", datetime.date(2014, 12, 29), "29 December 2014", "2014年12月29日", "2014-12-29"),
    ("month", datetime.date(2014, 10, 15), "October 2014", "2014年10月", "2014-10"),
    ("year", datetime.date(1951, 6, 1), "1951", "1951年", "1951"),
    ("decade", datetime.date(1984, 1, 1), "1980s", "1980年代", None),
]


@pytest.mark.parametrize("precision,founded,en_text,zh_text,iso", FOUNDED)
def test_founding_date_reads_as_precisely_as_it_is_known(
    client, organization_index, chinese, precision, founded, en_text, zh_text, iso
):
    page = OrganizationPageFactory(
        parent=organization_index, founded=founded, founded_precision=precision
    )
    page_zh = translate(page, chinese)
    for reading, text in ((page, en_text), (page_zh, zh_text)):
        html = main_html(client, reading)
        if iso:
            assert f'<time datetime="{iso}">{text}</time>' in html
        else:  # a decade has no <time> value
            assert f"<dd>{text}</dd>" in html and "<time" not in html
        detail = api_detail(client, reading)
        assert detail["founded"] == founded.isoformat()
        assert detail["founded_precision"] == precision
        assert detail["founded_display"] == text
