"""Background work as it really runs: an HTTP receiver on the loopback interface (webhooks,
CDN purges) and the real database task worker."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult


class Receiver:
    """An HTTP server on 127.0.0.1 recording each POST (webhooks) or PURGE (a CDN's purge
    API); `answers` says how to answer the next ones (a status, or "slow": sleep past the
    sender's timeout), then 200."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.answers: list[int | str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                    }
                )
                answer = receiver.answers.pop(0) if receiver.answers else 200
                if answer == "slow":
                    time.sleep(1.5)
                    answer = 200
                self.send_response(answer)
                self.end_headers()

            do_PURGE = do_POST

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def run_worker(until=lambda: not DBTaskResult.objects.ready().exists(), seconds: float = 10):
    """The real `db_worker` (batch mode: what is ready, then exit), again until `until()`.
    Inside the test's transaction, so the worker must not close the connection."""
    deadline = time.monotonic() + seconds
    original = db_worker.close_old_connections
    db_worker.close_old_connections = lambda: None
    try:
        while True:
            call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
            if until() or time.monotonic() > deadline:
                return
            time.sleep(0.05)
    finally:
        db_worker.close_old_connections = original
