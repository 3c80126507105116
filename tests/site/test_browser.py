"""The real browser: every page type, in both locales, fits a 375 px phone and a desktop
without sideways scrolling. Debian's Chromium, driven by Playwright, against a real server."""

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
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

pytestmark = pytest.mark.browser


@dataclass
class DemoServer:
    base_url: str
    page_paths: list[str]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[DemoServer]:
    """`runserver` on its own SQLite database holding the demo site."""
    db = tmp_path_factory.mktemp("browser") / "site.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_config.settings.dev",
        "DATABASE_URL": f"sqlite:///{db}",
    }
    manage = [sys.executable, "manage.py"]

    def run(*command: str) -> str:
        return subprocess.run(
            manage + list(command),
            cwd=ROOT,
            env=env,
            check=True,
            timeout=600,
            capture_output=True,
            text=True,
        ).stdout

    run("migrate", "--no-input", "-v", "0")
    run("load_demo_content", "-v", "0")
    paths = [line for line in run("shell", "-c", LIST_PAGES).splitlines() if line.startswith("/")]
    port = free_port()
    server = subprocess.Popen(
        manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base_url + "/en/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield DemoServer(base_url, paths)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: `make test` installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
