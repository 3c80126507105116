"""The example client in examples/ builds the programme directory from a running server."""

import importlib.util
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections

from programs.models import PartnerProgramPage

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "programme_directory.py"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def running_server():
    """A real HTTP server in a thread, on the test's own database connection (so it sees the
    demo content inside the test's transaction, on SQLite and PostgreSQL alike)."""
    connection = connections["default"]
    connection.inc_thread_sharing()
    # As Django's test client does: a request must not close the shared connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    handler = WSGIHandler()

    def app(environ, start_response):
        connections["default"] = connection
        return handler(environ, start_response)

    server = WSGIServer(("127.0.0.1", 0), QuietHandler, ipv6=False)
    server.set_app(app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        connection.dec_thread_sharing()


def load_example():
    spec = importlib.util.spec_from_file_location("programme_directory", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("locale", ["en", "zh-hans"])
def test_example_client_builds_the_directory(locale):
    example = load_example()
    with running_server() as base_url:
        text = example.build_directory(base_url, locale)
    programmes = PartnerProgramPage.objects.live().filter(locale__language_code=locale)
    assert programmes.count() > 5
    for programme in programmes:
        assert programme.title in text
        for partner in programme.localized_partners():
            assert partner.name in text
    heading = text.splitlines()[0]
    assert heading == (
        "项目及其合作院校" if locale == "zh-hans" else "Programmes and their partners"
    )
    if locale == "zh-hans":
        assert f"/{locale}/programs/" in text
