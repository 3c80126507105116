"""schemathesis against a live server with the demo content: a few hundred generated requests
over every endpoint of `/api/v2/openapi.json`, with every check (`--checks all`): no 5xx, every
response matches the document, every request it calls invalid is refused with a 4xx."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

CONFIG = Path(__file__).with_name("schemathesis.toml")
# About 450 requests over the 18 operations (positive and negative), 40 s here. The coverage
# phase (every boundary of every parameter, ~1,900 requests, 2 min) passes too but is left
# to a manual run: `schemathesis run … --phases coverage`.
EXAMPLES_PER_OPERATION = 25
SEED = 20260601


@pytest.fixture
def server() -> Iterator[str]:
    """The site in a thread, reading the test database (demo content, this test's transaction:
    what the requests write, renditions, is rolled back)."""
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, shared or None, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    try:
        yield f"http://127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


def test_every_endpoint_against_its_schema(server):
    executable = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert executable, "schemathesis is in the test extras: pip install -e '.[test]'"
    command = [
        executable,
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{server}/api/v2/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES_PER_OPERATION),
        "--seed",
        str(SEED),
        # One at a time: the server threads share this test's database connection.
        "--workers",
        "1",
        "--max-redirects",
        "0",
        "--request-timeout",
        "20",
        "--generation-database",
        "none",
        "--phases",
        "examples,fuzzing",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
