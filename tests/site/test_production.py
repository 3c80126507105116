"""A production-like start: gunicorn, production settings, Redis as the cache.

The server runs in its own process, as it would when deployed, against a fresh migrated SQLite
database; Redis is the machine's own (127.0.0.1:6379), on a database number of its own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import processes
from tests.processes import manage, manage_ok, run
from tests.servers import Server, reachable

# Each test serves or configures the site on a SQLite file of its own.
pytestmark = pytest.mark.servers

REDIS_URL = "redis://127.0.0.1:6379/15"


def production_env(database: Path, **overrides: str) -> dict[str, str]:
    """Production settings on a SQLite file, with the machine's Redis."""
    redis_url = overrides.pop("REDIS_URL", REDIS_URL)
    return processes.production_env(
        f"sqlite:///{database}", database.parent / "static", redis_url, **overrides
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    if not reachable("127.0.0.1", 6379):
        pytest.fail("Redis must run on 127.0.0.1:6379 for the production tests (see README)")
    work = tmp_path_factory.mktemp("production")
    env = production_env(work / "db.sqlite3")
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        manage_ok(*command, env=env)
    server = Server(env, work / "gunicorn.log")
    yield server
    server.stop()


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


def test_several_servers_share_connections_cache_sessions_media_and_cdn(tmp_path):
    """What running on several servers needs, from the environment: persistent database
    connections, Redis for the page cache and sessions, S3-compatible media, a CDN's purge."""
    env = production_env(
        tmp_path / "db.sqlite3",
        AWS_STORAGE_BUCKET_NAME="media-bucket",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFLARE_BEARER_TOKEN="token",
    )
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "from django.core.files.storage import storages; d = storages['default'];"
        "db = s.DATABASES['default']; print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS']);"
        "print(s.CACHES['default']['BACKEND'], s.CACHES['renditions']['BACKEND']);"
        "print(s.SESSION_ENGINE, s.PAGE_CACHE_SECONDS);"
        "print(type(d).__name__, d.bucket_name, d.endpoint_url);"
        "print(sorted(s.WAGTAILFRONTENDCACHE));"
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    lines = run("-c", code, env=env, timeout=60).stdout.splitlines()
    assert lines == [
        "600 True",
        "django.core.cache.backends.redis.RedisCache django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db 300",
        "S3Storage media-bucket http://127.0.0.1:9000",
        "['cloudflare', 'http']",
        # Images from the bucket are allowed by the content security policy.
        "[\"'self'\", 'data:', 'http://127.0.0.1:9000', 'http://media-bucket.127.0.0.1:9000']",
    ]


def test_without_redis_the_page_cache_stays_off(tmp_path):
    env = production_env(tmp_path / "db.sqlite3")
    del env["REDIS_URL"]
    code = "import django; django.setup(); from django.conf import settings as s;"
    code += "print(s.PAGE_CACHE_SECONDS, s.CACHES['default']['BACKEND'])"
    result = run("-c", code, env=env, timeout=60)
    assert result.stdout.split() == ["0", "django.core.cache.backends.locmem.LocMemCache"]


@pytest.mark.parametrize(
    ("storage", "origins"),
    [
        ({"AWS_S3_CUSTOM_DOMAIN": "media.example.org"}, ["https://media.example.org"]),
        ({"AWS_S3_REGION_NAME": "eu-west-1"}, ["https://media-bucket.s3.eu-west-1.amazonaws.com"]),
        ({}, ["https://media-bucket.s3.amazonaws.com"]),
    ],
)
def test_pages_may_show_images_from_the_media_bucket(tmp_path, storage, origins):
    env = production_env(tmp_path / "db.sqlite3", AWS_STORAGE_BUCKET_NAME="media-bucket", **storage)
    code = "import django; django.setup(); from django.conf import settings as s;"
    code += "print(*s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    assert run("-c", code, env=env, timeout=60).stdout.split() == ["'self'", "data:", *origins]
