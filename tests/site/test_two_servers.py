"""Two app servers behind one address, as a site that outgrew one server runs: each its own
gunicorn with production settings, sharing one PostgreSQL database and one Redis (page cache
and sessions). An editor's publish through one server shows through the other on the next
request, and neither serves its cached copy of the old page."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from tests.processes import manage_ok, production_env
from tests.servers import Browser, Server, reachable

pytestmark = pytest.mark.servers

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/14"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[tuple[Server, Server, dict[str, str]]]:
    if not (reachable("127.0.0.1", 5432) and reachable("127.0.0.1", 6379)):
        pytest.fail("PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) must run (README)")
    name = f"two_servers_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    work = tmp_path_factory.mktemp("two-servers")
    env = production_env(f"{POSTGRES}/{name}", work / "static", REDIS_URL, CACHE_KEY_PREFIX=name)
    started: list[Server] = []
    try:
        manage_ok("migrate", "--no-input", "-v", "0", env=env)
        manage_ok("collectstatic", "--no-input", "-v", "0", env=env)
        shell(env, "User.objects.create_superuser('editor', 'editor@example.org', 'pw-2-servers')")
        for label in ("a", "b"):
            started.append(Server(env, work / f"gunicorn-{label}.log"))
        yield started[0], started[1], env
    finally:
        for server in started:
            server.stop()
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def shell(env: dict[str, str], code: str) -> str:
    """Python run by the deployment itself (its settings, its database); what it prints."""
    prelude = "from django.contrib.auth.models import User; from home.models import HomePage;"
    return manage_ok("shell", "--no-imports", "-c", prelude + code, env=env).stdout.strip()


def english_home_id(env: dict[str, str]) -> str:
    return shell(env, "print(HomePage.objects.get(locale__language_code='en').pk)")


def log_in(browser: Browser, server: Server) -> None:
    _, form, _ = browser.open(server, "/admin/login/")
    token = CSRF_FIELD.search(form).group(1)
    status, body, _ = browser.open(
        server,
        "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "editor", "password": "pw-2-servers"},
    )
    assert status == 302, body[:2000]


def admin_post(browser: Browser, server: Server, path: str, data: dict | None = None) -> None:
    """An admin action as an editor sends it: the confirmation form, then its POST."""
    _, form, _ = browser.open(server, path)
    token = CSRF_FIELD.search(form).group(1)
    status, body, _ = browser.open(server, path, {"csrfmiddlewaretoken": token, **(data or {})})
    assert status == 302, body[:2000]


def title_of(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def test_a_publish_through_one_server_shows_through_the_other(servers):
    a, b, env = servers
    # A draft of the home page, saved but not published (as an editor's "Save draft").
    shell(
        env,
        "page = HomePage.objects.get(locale__language_code='en');"
        "page.title = 'Published through server A'; page.save_revision()",
    )
    for server in (a, b):
        server.get("/en/")
        status, html, headers = server.get("/en/")
        assert status == 200 and headers["X-Cache"] == "hit"
        assert "Published through server A" not in html

    editor = Browser()
    log_in(editor, a)
    admin_post(editor, a, f"/admin/bulk/wagtailcore/page/publish/?id={english_home_id(env)}")

    for server in (b, a):
        status, html, headers = server.get("/en/")
        assert status == 200
        assert headers["X-Cache"] == "miss", server.base_url
        assert "Published through server A" in html
    assert b.get("/en/")[2]["X-Cache"] == "hit"


def test_an_unpublish_through_one_server_is_a_404_on_the_other(servers):
    a, b, env = servers
    for server in (a, b):
        server.get("/en/")
        assert server.get("/en/")[2]["X-Cache"] == "hit"

    editor = Browser()
    log_in(editor, b)
    admin_post(editor, b, f"/admin/pages/{english_home_id(env)}/unpublish/")

    for server in (a, b):
        assert server.get("/en/")[0] == 404
