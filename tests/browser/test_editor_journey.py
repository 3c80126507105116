"""A new editor's way through the admin in Chromium, as far as visitors and the API see it: log
in, write a programme (heading, paragraph, image, key figure, partner), preview it, publish it,
translate it into Chinese in wagtail-localize's editor and publish that, then change the English
page and bring the translation up to date from the translation status report.

Each step is checked where it shows: the preview, the public pages (for an anonymous visitor,
through the page cache), the API and the report. Unit tests drive these views one request at a
time; only a browser runs the editor's JavaScript (choosers, StreamField, autosave, the
translation editor) and so shows that the whole journey works."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, expect

from tests.processes import manage_ok

pytestmark = pytest.mark.browser

USERNAME = "new-editor"
PASSWORD = "a-long-journey-through-the-admin"
CREATE_EDITOR = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({USERNAME!r}, "editor@example.org", {PASSWORD!r})
"""

TITLE = "Rural Health Summer School"
SLUG = "rural-health-summer-school"
SUMMARY = "Two weeks in village clinics."
HEADING = "Clinics in the mountains"
PARAGRAPH = "Students follow a village doctor for two weeks."
ALT_TEXT = "Students outside a village clinic"
FIGURE = ("40", "students each summer")
PARTNER = "Johns Hopkins University"
IMAGE = "Ottawa and Shanghai"
CHANGED_HEADING = "Clinics in the high mountains"
# Every string the translation editor offers, so that the translation ends up complete.
CHINESE = {
    TITLE: "乡村卫生暑期学校",
    SUMMARY: "在乡村诊所度过两周。",
    HEADING: "山区诊所",
    PARAGRAPH: "学生跟随乡村医生两周。",
    ALT_TEXT: "乡村诊所外的学生",
    FIGURE[1]: "名学生（每年夏天）",
}
CHANGED_CHINESE = "高山诊所"
# Server round trips (publishing, submitting for translation) can take a few seconds.
SLOW = 20_000


@pytest.fixture(scope="module")
def editor(demo_server) -> tuple[str, str]:
    """A superuser on the demo server's database: (username, password)."""
    manage_ok("shell", "--no-imports", "-c", CREATE_EDITOR, env=demo_server.env)
    return USERNAME, PASSWORD


def local_only(context: BrowserContext, base_url: str, outside: list[str]) -> BrowserContext:
    """Requests leave for the demo server only; any other is refused and noted in `outside`
    (the admin must not call Gravatar or wagtail.org: settings turn both off)."""

    def route(route: Route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context


@pytest.fixture
def outside_requests() -> list[str]:
    return []


@pytest.fixture
def contexts(
    demo_server, browser: Browser, outside_requests: list[str]
) -> Iterator[tuple[BrowserContext, BrowserContext]]:
    """The editor's browser and an anonymous visitor's, both at desktop width."""
    made = [
        local_only(
            browser.new_context(viewport={"width": 1280, "height": 900}),
            demo_server.base_url,
            outside_requests,
        )
        for _ in range(2)
    ]
    yield made[0], made[1]
    for context in made:
        context.close()


# --- the editor's moves ------------------------------------------------------------------------


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + "/admin/")
    expect(page.get_by_role("button", name=username)).to_be_visible()


def add_block(page: Page, kind: str) -> Locator:
    """Append a block of `kind` to the body; returns the body's panel."""
    body = page.get_by_role("region", name=re.compile(r"^Body\b"))
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    return body


def choose_in_modal(page: Page, opener: Locator, name: str) -> None:
    """Open a chooser and pick the item called `name` from its list."""
    opener.click()
    dialog = page.get_by_role("dialog")
    # A partner's link reads its name; an image's, its title under the thumbnail.
    dialog.get_by_role("link").get_by_text(name, exact=True).click()
    expect(dialog).to_be_hidden()


def write_programme(page: Page) -> None:
    """Fill in the new programme's form: its required fields, a partner and a body."""
    page.get_by_role("textbox", name="Title*", exact=True).fill(TITLE)
    page.get_by_role("combobox", name="Kind*").select_option(label="Course")
    page.get_by_role("textbox", name="Summary").fill(SUMMARY)

    page.get_by_role("button", name="Add Partner").click()
    choose_in_modal(page, page.get_by_role("button", name="Choose partner institution"), PARTNER)

    body = add_block(page, "Heading")
    body.get_by_role("textbox", name="Heading*", exact=True).fill(HEADING)
    add_block(page, "Paragraph")
    body.get_by_role("region", name=re.compile(r"^Paragraph\b")).get_by_role("textbox").fill(
        PARAGRAPH
    )
    add_block(page, "Image")
    choose_in_modal(page, body.get_by_role("button", name="Choose an image"), IMAGE)
    body.get_by_role("textbox", name="Alt text").fill(ALT_TEXT)
    add_block(page, "Key figures")
    body.get_by_role("textbox", name="Value*").fill(FIGURE[0])
    body.get_by_role("textbox", name="Label*").fill(FIGURE[1])


def wait_for_autosave(page: Page) -> None:
    """Wagtail autosaves a new page as a draft once its form is valid, and the form then
    edits that draft. Wait for it, so that "Publish" (and the preview) go to the draft's edit
    view, not to the create view while the draft is being made."""
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=SLOW)
    expect(page.get_by_text("Saved", exact=True)).to_be_visible(timeout=SLOW)


def publish(page: Page) -> None:
    """The page editor's "Publish", under the footer's "More actions"."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()


def page_actions(page: Page) -> Locator:
    """The header's "Actions" menu of the page editor, opened."""
    menu = page.get_by_role("navigation", name="Actions", exact=True)
    menu.get_by_role("button", name="Actions").click()
    return menu


def translate_string(page: Page, source: str, translation: str) -> None:
    """Translate one string in wagtail-localize's editor and save it."""
    segment = page.get_by_role("listitem").filter(has=page.get_by_text(source, exact=True)).last
    segment.get_by_role("button", name="Translate").click()
    segment.get_by_role("textbox").fill(translation)
    segment.get_by_role("button", name="Save").click()
    # The editor offers "Edit" once the server has stored the translation.
    expect(segment.get_by_role("button", name="Edit")).to_be_visible(timeout=SLOW)
    expect(segment).to_contain_text(translation)


def publish_translation(page: Page) -> None:
    page.get_by_role("button", name="Publish in Simplified Chinese").click()
    expect(page.get_by_text(f"Published '{CHINESE[TITLE]}' in Simplified Chinese.")).to_be_visible(
        timeout=SLOW
    )


def report_cell(page: Page, base_url: str, state: str) -> Locator:
    """Open Reports → Translation status, filter it on `state` as an editor does, and return
    the programme's Chinese cell (turning the report's pages until the programme shows)."""
    page.goto(base_url + "/admin/")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation status").click()
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="State").click()
    page.get_by_role("combobox", name="State").select_option(label=state)
    # The filter applies without a reload; its pill shows when the results have come.
    expect(page.get_by_role("button", name=re.compile(rf"State:\s*{state}"))).to_be_visible()
    page.keyboard.press("Escape")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    while not row.count() and page.get_by_role("link", name="Next").count():
        with page.expect_navigation():
            page.get_by_role("link", name="Next").click()
    expect(row).to_have_count(1)
    return row.locator("[data-locale='zh-hans']")


# --- what visitors and the API see -------------------------------------------------------------


def visit(visitor: BrowserContext, url: str) -> Page:
    """`url` in the anonymous visitor's browser, checked to answer 200."""
    page = visitor.new_page()
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    return page


def from_the_cache(visitor: BrowserContext, url: str) -> str:
    """`url` as the page cache serves it to anonymous visitors (asked twice: the first answer
    may be the one that fills the cache)."""
    visitor.request.get(url)
    response = visitor.request.get(url)
    assert response.headers.get("x-cache") == "hit", (url, response.headers)
    return response.text()


def chinese_programme_in_api(visitor: BrowserContext, base_url: str) -> dict:
    """The Chinese programme as the API lists it (every field), with the body from its detail."""
    listing = visitor.request.get(
        base_url + "/api/v2/pages/",
        params={"type": "programs.PartnerProgramPage", "locale": "zh-hans", "fields": "*"},
    )
    assert listing.ok, listing.text()
    found = [item for item in listing.json()["items"] if item["meta"]["slug"] == SLUG]
    assert len(found) == 1, listing.text()
    detail = visitor.request.get(f"{base_url}/api/v2/pages/{found[0]['id']}/")
    assert detail.ok, detail.text()
    assert detail.json()["title"] == found[0]["title"]
    return found[0] | {"body": detail.json()["body"]}


def blocks(api_page: dict, kind: str) -> list:
    """The values of the body's blocks of one kind."""
    return [block["value"] for block in api_page["body"] if block["type"] == kind]


# --- the journey -------------------------------------------------------------------------------


def test_an_editor_writes_translates_and_updates_a_programme(
    demo_server, editor, contexts, outside_requests
):
    base = demo_server.base_url
    editor_context, visitor = contexts
    page = editor_context.new_page()

    # 1. The admin's login form.
    log_in(page, base, *editor)

    # 2. A new programme under the English programme index, from its page listing.
    index = visitor.request.get(
        base + "/api/v2/pages/", params={"type": "programs.ProgramIndexPage", "locale": "en"}
    ).json()["items"]
    assert len(index) == 1
    index_listing = f"{base}/admin/pages/{index[0]['id']}/"
    page.goto(index_listing)
    page.get_by_role("link", name="Add child page").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/programs/partnerprogrampage/\d+/$"))
    write_programme(page)
    wait_for_autosave(page)

    # 3. Preview in the side panel: it posts the form, then shows the draft in its frame.
    with page.expect_response(
        lambda response: response.request.method == "POST" and "/preview/" in response.url
    ) as previewed:
        page.get_by_role("button", name="Toggle preview").click()
    assert previewed.value.json()["is_valid"], previewed.value.text()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE, timeout=SLOW)
    expect(preview.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(preview.get_by_text(PARAGRAPH)).to_be_visible()
    expect(preview.get_by_role("img", name=ALT_TEXT)).to_be_attached()
    page.get_by_role("button", name="Toggle preview").click()

    # 4. Publish; visitors see the page.
    publish(page)
    expect(page.get_by_text(f"Page '{TITLE}' has been published.")).to_be_visible(timeout=SLOW)
    english_url = f"{base}/en/programs/{SLUG}/"
    public = visit(visitor, english_url)
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(public.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(public.get_by_text(PARAGRAPH)).to_be_visible()
    expect(public.get_by_role("img", name=ALT_TEXT)).to_be_attached()
    expect(public.get_by_text(FIGURE[1])).to_be_visible()
    expect(public.get_by_text(PARTNER)).to_be_visible()
    public.close()

    # 5. "Translate this page" into Chinese, translate every string, publish.
    page.get_by_role("link", name=TITLE, exact=True).click()
    page_actions(page).get_by_role("link", name="Translate this page").click()
    page.get_by_role("checkbox", name="Simplified Chinese").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("successfully submitted for translation")).to_be_visible(timeout=SLOW)
    # The figure's label is labelled as such (its number is not offered: it comes over).
    figure = page.get_by_role("listitem").filter(has=page.get_by_text(FIGURE[1], exact=True))
    expect(figure.last.get_by_text("Label", exact=True)).to_be_visible()
    for source, translation in CHINESE.items():
        translate_string(page, source, translation)
    publish_translation(page)

    # 6. The Chinese page is live, and in the API.
    chinese_url = f"{base}/zh-hans/programs/{SLUG}/"
    public = visit(visitor, chinese_url)
    expect(public.get_by_role("heading", level=1)).to_have_text(CHINESE[TITLE])
    expect(public.get_by_role("heading", name=CHINESE[HEADING])).to_be_visible()
    expect(public.get_by_text(CHINESE[PARAGRAPH])).to_be_visible()
    expect(public.get_by_role("img", name=CHINESE[ALT_TEXT])).to_be_attached()
    public.close()
    api_page = chinese_programme_in_api(visitor, base)
    assert api_page["title"] == CHINESE[TITLE]
    assert api_page["meta"]["translation_status"] == "up_to_date"
    assert [heading["text"] for heading in blocks(api_page, "heading")] == [CHINESE[HEADING]]
    assert [CHINESE[PARAGRAPH] in html for html in blocks(api_page, "paragraph")] == [True]
    assert [image["alt_text"] for image in blocks(api_page, "image")] == [CHINESE[ALT_TEXT]]
    # The figure's number comes over as it is; its label is translated.
    assert [figure for value in blocks(api_page, "key_figures") for figure in value] == [
        {"value": FIGURE[0], "label": CHINESE[FIGURE[1]]}
    ]
    # The partner row, shown in the reader's language.
    assert [(p["short_name"], p["locale"]) for p in api_page["partners"]] == [("JHU", "zh-hans")]
    expect(report_cell(page, base, "Up to date")).to_contain_text("Up to date")

    # 7. The English heading changes and is published again; visitors see the change at once,
    # though the page cache holds the page as it was.
    assert HEADING in from_the_cache(visitor, english_url)
    page.goto(index_listing)
    page.get_by_role("link", name=TITLE, exact=True).click()
    page.get_by_role("textbox", name="Heading*", exact=True).fill(CHANGED_HEADING)
    publish(page)
    expect(page.get_by_text(f"Page '{TITLE}' has been published.")).to_be_visible(timeout=SLOW)
    public = visit(visitor, english_url)
    expect(public.get_by_role("heading", name=CHANGED_HEADING)).to_be_visible()
    public.close()

    # 8. The report calls the Chinese translation outdated, and offers to sync it.
    cell = report_cell(page, base, "Outdated")
    expect(cell).to_contain_text("Outdated")
    # So does the API, while it still serves the Chinese page as it was.
    api_page = chinese_programme_in_api(visitor, base)
    assert api_page["meta"]["translation_status"] == "outdated"
    assert [heading["text"] for heading in blocks(api_page, "heading")] == [CHINESE[HEADING]]

    assert CHINESE[HEADING] in from_the_cache(visitor, chinese_url)

    # 9. "Sync and translate" opens the translation editor with the new heading to translate.
    cell.get_by_role("button", name="Sync and translate").click()
    expect(page.get_by_text("Synced with the source page")).to_be_visible(timeout=SLOW)
    translate_string(page, CHANGED_HEADING, CHANGED_CHINESE)
    publish_translation(page)

    # 10. Up to date in the report; the new translation is what visitors and the API get.
    expect(report_cell(page, base, "Up to date")).to_contain_text("Up to date")
    public = visit(visitor, chinese_url)
    expect(public.get_by_role("heading", name=CHANGED_CHINESE)).to_be_visible()
    expect(public.get_by_role("heading", level=1)).to_have_text(CHINESE[TITLE])
    public.close()
    api_page = chinese_programme_in_api(visitor, base)
    assert [heading["text"] for heading in blocks(api_page, "heading")] == [CHANGED_CHINESE]
    assert api_page["meta"]["translation_status"] == "up_to_date"
    # Nothing in the journey asked another host.
    assert outside_requests == []
