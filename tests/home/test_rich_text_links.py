"""A rich-text link whose stored id is not a real id never makes a page answer 500: not on the
site, not in the editor; saving from the editor drops the broken link and keeps its text."""

from __future__ import annotations

import json

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from home.rich_text import entity_id

BAD_LINKS = (
    '<p>Read <a linktype="page" id="abc">the history</a>, '
    '<a linktype="page" id="99999999999999999999999">the archive</a> and '
    '<a linktype="document" id="1e3">the statutes</a>; '
    '<a linktype="page" id="{home_id}">home</a> still works.</p>'
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        (12, 12),
        ("abc", None),
        ("1e3", None),
        ("-4", None),
        ("0", None),
        ("٣", None),
        (str(2**63), None),
        (str(2**63 - 1), 2**63 - 1),
        (None, None),
        ("", None),
    ],
)
def test_entity_id_accepts_only_database_ids(value, expected):
    assert entity_id(value) == expected


@pytest.fixture
def page_with_bad_links(home_en):
    home_en.intro = BAD_LINKS.format(home_id=home_en.id)
    home_en.save_revision().publish()
    return home_en


@pytest.mark.django_db
def test_public_page_renders_bad_links_as_plain_anchors(client, page_with_bad_links):
    response = client.get(page_with_bad_links.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<a>the history</a>" in html and "<a>the archive</a>" in html
    assert "<a>the statutes</a>" in html
    assert f'<a href="{page_with_bad_links.url}">home</a>' in html


@pytest.mark.django_db
def test_editor_opens_a_page_with_bad_links(admin_client, page_with_bad_links):
    response = admin_client.get(f"/admin/pages/{page_with_bad_links.id}/edit/")
    assert response.status_code == 200
    assert "the history" in response.content.decode()


@pytest.mark.django_db
def test_saving_from_the_editor_drops_a_bad_link_and_keeps_its_text():
    converter = ContentstateConverter(features=["link", "document-link"])
    entities = {
        "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"id": "abc"}},
        "1": {"type": "DOCUMENT", "mutability": "MUTABLE", "data": {"id": str(10**30)}},
        "2": {"type": "LINK", "mutability": "MUTABLE", "data": {"id": 3}},
    }
    contentstate = {
        "blocks": [
            {
                "key": "k",
                "text": "one two three",
                "type": "unstyled",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": 0, "length": 3, "key": 0},
                    {"offset": 4, "length": 3, "key": 1},
                    {"offset": 8, "length": 5, "key": 2},
                ],
            }
        ],
        "entityMap": entities,
    }
    html = converter.to_database_format(json.dumps(contentstate))
    assert (
        html
        == '<p data-block-key="k"><a>one</a> <a>two</a> <a linktype="page" id="3">three</a></p>'
    )


@pytest.mark.django_db
def test_api_returns_a_page_with_bad_links(client, page_with_bad_links):
    response = client.get(f"/api/v2/pages/{page_with_bad_links.id}/")
    assert response.status_code == 200, response.content
    intro = response.json()["intro"]
    assert "<a>the history</a>" in intro and "<a>the statutes</a>" in intro
    assert f'data-page-id="{page_with_bad_links.id}">home</a>' in intro
