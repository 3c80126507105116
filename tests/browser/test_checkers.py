"""axe-core and the Nu HTML checker on every page type in both languages, search and the
"not found" page included; screenshots of each at a phone's and a desktop's width."""

import pytest

from tests.browser.conftest import (
    SEARCH_AND_NOT_FOUND,
    axe_violations,
    nu_errors,
    screenshot_folder,
)
from tests.servers import request

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_no_serious_accessibility_violation_and_a_screenshot_of_each(demo_server, browser, width):
    folder = screenshot_folder() / str(width)
    folder.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    violations = {}
    for path in demo_server.page_paths + SEARCH_AND_NOT_FOUND:
        page.goto(demo_server.base_url + path)
        if found := axe_violations(page):
            violations[path] = found
        name = path.strip("/").replace("/", "_").replace("?q=", "_search_") or "root"
        page.screenshot(path=folder / f"{name[:80]}.png", full_page=True)
    context.close()
    assert violations == {}


def test_the_nu_checker_finds_no_error(demo_server, tmp_path):
    documents = {}
    for path in demo_server.page_paths + SEARCH_AND_NOT_FOUND:
        status, html, _headers = request(demo_server.base_url + path)
        assert status == (404 if "no-such-page" in path else 200), path
        documents[path] = html.encode()
    assert nu_errors(documents, tmp_path) == []
