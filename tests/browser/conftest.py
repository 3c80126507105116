"""What the browser tests share: the demo site served by `runserver` on a database of its own,
Debian's Chromium driven by Playwright, and the checkers npm installs (`make browser`)."""

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import ROOT, demo_site, manage_ok

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# One live page of each type in each locale.
LIST_PAGES = """
from wagtail.models import Page
seen = set()
for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
    if (page.content_type_id, page.locale_id) not in seen:
        seen.add((page.content_type_id, page.locale_id))
        print(page.url)
"""


@dataclass
class DemoServer:
    base_url: str
    page_paths: list[str]
    env: dict[str, str]  # for `manage.py` commands on its database


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory) -> Iterator[DemoServer]:
    """`runserver` on its own SQLite database holding the demo site: one for all the browser
    tests a pytest worker runs (building it takes most of a minute). Tests that change content
    (the editor's journey) add pages of their own rather than editing the demo's."""
    with demo_site(tmp_path_factory.mktemp("browser")) as (base_url, env):
        listed = manage_ok("shell", "-c", LIST_PAGES, env=env).stdout.splitlines()
        yield DemoServer(base_url, [line for line in listed if line.startswith("/")], env)


# Per module: Playwright's sync API runs an event loop, and while it runs Django refuses
# database calls in that thread ("async context"): later, non-browser tests on the same worker
# must not find it still running.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `make test` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Beyond one page of each type: search results and the "not found" page, in each language.
SEARCH_AND_NOT_FOUND = [
    "/en/search/?q=exchange",
    "/zh-hans/search/?q=%E4%BA%A4%E6%B5%81",
    "/en/no-such-page/",
    "/zh-hans/no-such-page/",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of these impacts on the page as loaded, one line each. axe is
    evaluated through the DevTools protocol, so the site's CSP stays on."""
    assert AXE.exists(), "axe-core is missing: `make browser` installs it"
    page.evaluate(AXE.read_text())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in results["violations"]
        if violation["impact"] in impacts
        for node in violation["nodes"]
    ]


def nu_errors(documents: dict[str, bytes], folder: Path) -> list[str]:
    """The Nu HTML checker's errors in each document (name: HTML), one line each."""
    assert VNU.exists(), "the Nu checker is missing: `make browser` installs it"
    files: dict[Path, str] = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number:03d}.html"
        path.write_bytes(html)
        files[path] = name
    checked = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--stdout",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stdout)["messages"]
    names = {f"file:{path}": name for path, name in files.items()}
    return [
        f"{names.get(message.get('url'), message.get('url'))}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
    ]


def screenshot_folder() -> Path:
    """Where screenshots go: `screenshots/` (git-ignored) unless SCREENSHOTS_DIR says."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
