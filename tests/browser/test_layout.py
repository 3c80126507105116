"""The real browser: every page type, in both locales, fits a 375 px phone and a desktop
without sideways scrolling, and the header stays small and in reading order."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_no_page_overflows_sideways(demo_server, browser, width):
    assert len(demo_server.page_paths) == 24, demo_server.page_paths  # 12 page types x 2 locales
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    overflowing = {}
    search_pages = ["/en/search/?q=exchange", "/zh-hans/search/?q=%E4%BA%A4%E6%B5%81"]
    for path in demo_server.page_paths + search_pages:
        response = page.goto(demo_server.base_url + path)
        assert response.status == 200, path
        extra = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if extra > 0:
            overflowing[path] = extra
    context.close()
    assert overflowing == {}


def test_language_fonts_and_assets_follow_the_locale(demo_server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(demo_server.base_url + "/zh-hans/")
    assert page.evaluate("document.documentElement.lang") == "zh-hans"
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "PingFang SC" in font and "Noto Sans CJK SC" in font
    assets = page.evaluate(
        "[...document.querySelectorAll('link[rel=stylesheet], script[src], img')]"
        ".map(e => e.href || e.src)"
    )
    assert assets and all(url.startswith(demo_server.base_url) for url in assets)
    context.close()


# Where a header element is drawn: the header part holding it (name, search, language, menu),
# by that part's vertical middle and left edge, then its own unscrolled left edge within the
# part (the phone's menu scrolls sideways to show the focused link).
BOX = """element => {
    const part = element.closest('.site-header__inner > *').getBoundingClientRect();
    return {
        text: element.textContent.trim() || element.name,
        middle: part.top + part.height / 2,
        left: part.left,
        height: part.height,
        within: element.offsetLeft,
        shown: element.getClientRects().length > 0,
    };
}"""
HEADER_FOCUSABLE = ".site-header :is(a, input, button)"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/en/organizations/ifmsa/", "/zh-hans/organizations/ifmsa/"])
def test_the_header_is_small_and_tab_follows_the_reading_order(demo_server, browser, width, path):
    context = browser.new_context(viewport={"width": width, "height": 667})
    page = context.new_page()
    page.goto(demo_server.base_url + path)
    # Two short rows: at most 100 px, 15 % of a small phone's screen (it was a quarter).
    assert page.locator(".site-header").bounding_box()["height"] <= 100
    shown = page.eval_on_selector_all(HEADER_FOCUSABLE, f"all => all.map({BOX})")
    # Tab from the skip link through the header reaches each shown element once, each drawn
    # (when it has focus: the phone's menu scrolls sideways to it) right of the last on its
    # row or on a row below: no CSS `order` sends focus backwards.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    visited = []
    for _ in [box for box in shown if box["shown"]]:
        page.keyboard.press("Tab")
        visited.append(page.evaluate(f"({BOX})(document.activeElement)"))
    assert sorted(box["text"] for box in visited) == sorted(
        box["text"] for box in shown if box["shown"]
    )
    for before, after in zip(visited, visited[1:], strict=False):
        if (before["middle"], before["left"]) == (after["middle"], after["left"]):
            assert after["within"] > before["within"], (before, after)
            continue
        same_row = (
            abs(after["middle"] - before["middle"]) < min(before["height"], after["height"]) / 2
        )
        assert (same_row and after["left"] > before["left"]) or (
            not same_row and after["middle"] > before["middle"]
        ), (before, after)
    context.close()
