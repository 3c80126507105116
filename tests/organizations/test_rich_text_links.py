"""wagtail-localize copies page references unchanged, so a Chinese page's rich text and page
choosers hold the English pages' ids: the site and the API show the Chinese pages instead."""

import re

import pytest

from tests.factories import OrganizationPageFactory, translate
from tests.html import api_detail, main_html

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a href="([^"]+)" data-page-id="(\d+)">([^<]*)</a>')


@pytest.fixture
def pages(organization_index, chinese) -> dict:
    """An English page that links to another in a paragraph and a button, and both pages'
    Chinese translations."""
    target = OrganizationPageFactory(parent=organization_index, title="Federation")
    linking = OrganizationPageFactory(
        parent=organization_index,
        body__0__paragraph__value=f'<p>We belong to <a linktype="page" id="{target.pk}">the '
        "federation</a>.</p>",
        body__1__call_to_action__text="Meet the federation",
        body__1__call_to_action__page=target,
        body__1__call_to_action__url="",
    )
    return {
        "target": target,
        "linking": linking,
        "target_zh": translate(target, chinese, {"Federation": "联合会"}),
        "linking_zh": translate(
            linking,
            chinese,
            {
                'We belong to <a id="a1">the federation</a>.': '我们属于<a id="a1">联合会</a>。',
                "Meet the federation": "了解联合会",
            },
        ),
    }


def test_stored_links_hold_the_english_page(pages):
    stored = pages["linking_zh"].body.raw_data
    assert f'id="{pages["target"].pk}"' in stored[0]["value"]
    assert "联合会" in stored[0]["value"]
    assert stored[1]["value"]["page"] == pages["target"].pk


@pytest.mark.parametrize("suffix", ["", "_zh"])
def test_links_render_to_the_page_in_the_readers_language(client, pages, suffix):
    html = main_html(client, pages[f"linking{suffix}"])
    target_url = pages[f"target{suffix}"].url
    assert html.count(f'href="{target_url}"') == 2  # the paragraph and the button
    other_url = pages["target" if suffix else "target_zh"].url
    assert f'href="{other_url}"' not in html


@pytest.mark.parametrize("suffix", ["", "_zh"])
def test_api_links_point_at_the_page_in_the_readers_language(client, pages, suffix):
    body = api_detail(client, pages[f"linking{suffix}"])["body"]
    target = pages[f"target{suffix}"]
    [(href, page_id, text)] = LINK.findall(body[0]["value"])
    assert href.endswith(target.url) and href.startswith("http")
    assert int(page_id) == target.pk
    assert text == ("联合会" if suffix else "the federation")
    assert 'linktype="page"' not in body[0]["value"]
    button = body[1]["value"]
    assert button["page"]["id"] == target.pk
    assert button["page"]["html_url"] == href
