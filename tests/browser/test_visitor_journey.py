"""A visitor's way through the site in Chromium, with a pointer and with the keyboard alone, on
a phone and a desktop: home → organisation → committee → the same committee in Chinese → its
organisation's history → programme → a partner that has its own page."""

import re

import pytest

pytestmark = pytest.mark.browser

# Each step: the link followed (a CSS selector) and what the page it opens says.
JOURNEY = [
    (".main-menu a[href='/en/organizations/']", "/en/organizations/", "Organisations"),
    ("main a[href='/en/organizations/smsa/']", "/en/organizations/smsa/", "Soochow University"),
    (
        "main a[href='/en/organizations/smsa/scope/']",
        "/en/organizations/smsa/scope/",
        "Professional Exchange",
    ),
    # The language switch keeps the reader on the same committee.
    (
        ".language-switcher a[hreflang='zh-hans']",
        "/zh-hans/organizations/smsa/scope/",
        "专业交流",
    ),
    (
        ".organization-parts a[href='/zh-hans/organizations/smsa/history/']",
        "/zh-hans/organizations/smsa/history/",
        "历史",
    ),
    (".main-menu a[href='/zh-hans/programs/']", "/zh-hans/programs/", "项目"),
    (
        "main a[href='/zh-hans/programs/east-west-alliance-annual-meeting/']",
        "/zh-hans/programs/east-west-alliance-annual-meeting/",
        "东西方联盟",
    ),
    # A partner with a page on the site links to it.
    (
        ".partner__name a[href='/zh-hans/organizations/sumc/']",
        "/zh-hans/organizations/sumc/",
        "汕头",
    ),
]

# The focused element shows a focus indicator (an outline or a box shadow), or its card does
# (a card's title link makes the whole card clickable, and the card takes the outline).
FOCUS_SHOWN = """() => {
    const shown = element => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
            || style.boxShadow !== 'none';
    };
    const card = document.activeElement.closest('.card');
    return shown(document.activeElement) || (card !== null && shown(card));
}"""


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the link matching `selector` has focus, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


@pytest.mark.parametrize("keyboard", [False, True], ids=["pointer", "keyboard"])
@pytest.mark.parametrize("width", [375, 1280])
def test_home_to_a_partner_through_a_committee_in_both_languages(
    demo_server, browser, width, keyboard
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(demo_server.base_url + "/en/")
    for selector, path, heading in JOURNEY:
        if keyboard:
            tab_to(page, selector)
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            link = page.locator(selector).first
            assert link.is_visible() or width == 375, selector
            with page.expect_navigation():
                link.click()
        assert page.url == demo_server.base_url + path
        assert heading in page.locator("h1").inner_text(), (path, heading)
        language = "zh-hans" if path.startswith("/zh-hans/") else "en"
        assert page.evaluate("document.documentElement.lang") == language
        # The page fits the screen's width.
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), path
    # The programme listed each partner once.
    page.go_back()
    names = page.locator(".partner__name").all_inner_texts()
    assert len(names) == len(set(names)) == 15
    assert re.search(r"汕头大学医学院", " ".join(names))
    context.close()
