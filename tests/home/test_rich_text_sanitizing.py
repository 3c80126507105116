"""Rich text written past the editor (ORM, importer, fixture) is sanitised on the way out: on
public pages and in the API, nothing but what the editor itself could have written."""

from __future__ import annotations

import pytest

from home.rich_text import allowed_tags, sanitize

HOSTILE = (
    '<p data-block-key="a1">Safe <b>bold</b> and <a href="/en/">a relative link</a>, '
    '<a href="mailto:office@example.org">mail</a>, <a href="https://example.org/">web</a>.</p>'
    "<script>alert('script')</script>"
    '<p><img src="x" onerror="alert(\'img\')"> <a href="javascript:alert(\'js\')">js</a> '
    '<a href="JaVaScRiPt:alert(1)">mixed case</a> <a href="data:text/html,<script>x</script>">'
    'data</a> <span style="color:red" onmouseover="alert(2)">styled</span></p>'
    '<iframe src="https://evil.example/"></iframe><h2 onclick="alert(3)">Heading</h2>'
)
SAFE_PARTS = (
    '<p data-block-key="a1">Safe <b>bold</b> and',
    "<h2>Heading</h2>",
    'href="mailto:office@example.org"',
    'href="https://example.org/"',
)


def assert_harmless(html: str) -> None:
    lowered = html.lower()
    for marker in (
        "<script",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "data:text",
        "<iframe",
        "<img",
        "style=",
        "<span",
    ):
        assert marker not in lowered, (marker, html)


def test_sanitize_keeps_what_the_editor_writes_and_drops_the_rest():
    clean = sanitize(HOSTILE)
    assert_harmless(clean)
    for part in SAFE_PARTS:
        assert part in clean
    assert '<a href="/en/">a relative link</a>' in clean
    assert "<a>js</a>" in clean and "<a>mixed case</a>" in clean


def test_allowed_tags_follow_the_editor_features():
    assert {"p", "br", "h2", "h3", "b", "i", "ol", "ul", "li", "a"} <= allowed_tags()
    assert not {"script", "img", "iframe", "span", "div", "style"} & allowed_tags()


@pytest.fixture
def hostile_home(home_en):
    home_en.intro = HOSTILE
    home_en.body = [("paragraph", HOSTILE)]
    home_en.save_revision().publish()
    return home_en


@pytest.mark.django_db
def test_public_page_serves_it_sanitised(client, hostile_home):
    html = client.get(hostile_home.url).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    # The editor's content: what comes before other apps' boxes (news cards have images).
    main = main.split('<section class="extra-section"', 1)[0]
    assert_harmless(main)
    # Both the rich-text field and the paragraph block are there, cleaned.
    assert main.count('href="mailto:office@example.org"') == 2


@pytest.mark.django_db
def test_api_returns_it_sanitised(client, hostile_home):
    detail = client.get(f"/api/v2/pages/{hostile_home.id}/").json()
    paragraph = next(block for block in detail["body"] if block["type"] == "paragraph")
    for html in (detail["intro"], paragraph["value"]):
        assert_harmless(html)
        assert 'href="https://example.org/"' in html
