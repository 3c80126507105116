"""A production-like start: gunicorn, production settings, Redis as the cache.

The server runs in its own process, as it would when deployed, against a fresh migrated SQLite
database; Redis is the machine's own (127.0.0.1:6379), on a database number of its own.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import processes
from tests.processes import free_port, manage, manage_ok, run, start_gunicorn, stop_server

REDIS_URL = "redis://127.0.0.1:6379/15"


def production_env(database: Path, **overrides: str) -> dict[str, str]:
    return processes.production_env(
        f"sqlite:///{database}", database.parent / "static", REDIS_URL, **overrides
    )


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def get(url: str, **headers: str) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


class Server:
    def __init__(self, process: subprocess.Popen, base_url: str, log: Path) -> None:
        self.process, self.base_url, self.log = process, base_url, log

    def get(self, path: str, **headers: str) -> tuple[int, str, dict[str, str]]:
        return get(self.base_url + path, **headers)

    def log_text(self) -> str:
        return self.log.read_text()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    if not redis_running():
        pytest.fail("Redis must run on 127.0.0.1:6379 for the production tests (see README)")
    work = tmp_path_factory.mktemp("production")
    env = production_env(work / "db.sqlite3")
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        manage_ok(*command, env=env)
    port = free_port()
    log = work / "gunicorn.log"
    try:
        process = start_gunicorn(env, port, workers=1, log=log)
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield Server(process, f"http://127.0.0.1:{port}", log)
    finally:
        stop_server(process)


def test_health_reports_database_and_redis_cache(server):
    status, body, headers = server.get("/healthz")
    assert status == 200, body
    assert '"database": true' in body and '"cache": true' in body
    assert "no-cache" in headers["Cache-Control"]


def test_chinese_interface_labels_are_served(server):
    status, html, _ = server.get("/zh-hans/search/?q=test")
    assert status == 200
    assert 'lang="zh-hans"' in html
    # The compiled catalogue is used: labels from locale/zh_Hans, not the English msgids.
    assert "跳至正文" in html, html[:2000]
    assert "Skip to main content" not in html


def test_public_pages_carry_csp_and_permissions_policy(server):
    status, _, headers = server.get("/en/search/?q=test")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "camera=()" in headers["Permissions-Policy"]


def test_bad_host_header_is_one_log_line_not_a_traceback(server):
    status, _, _ = server.get("/en/", Host="attacker.example")
    assert status == 400
    time.sleep(0.5)  # gunicorn's worker writes its log asynchronously
    log = server.log_text()
    lines = [line for line in log.splitlines() if "DisallowedHost" in line]
    assert lines, log
    assert "attacker.example" in lines[0]
    assert "Traceback" not in log


def test_health_answers_503_when_redis_is_unreachable(tmp_path):
    env = production_env(tmp_path / "db.sqlite3", REDIS_URL="redis://127.0.0.1:1/0")
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='127.0.0.1');"
        "print(r.status_code, json.loads(r.content)['checks'])"
    )
    manage_ok("migrate", "--no-input", "-v", "0", env=env)
    result = run("-c", code, env=env, timeout=60)
    assert result.stdout.split()[0] == "503", result.stdout + result.stderr
    assert "'cache': False" in result.stdout and "'database': True" in result.stdout


def test_production_refuses_to_start_without_a_mail_server(tmp_path):
    env = production_env(tmp_path / "db.sqlite3")
    del env["EMAIL_HOST"]
    result = manage("check", env=env, timeout=120)
    assert result.returncode != 0
    assert "EMAIL_HOST" in result.stderr
