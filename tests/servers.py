"""The site served as a deployment serves it: production settings under gunicorn, in processes
of their own, for the tests that need real servers (production settings, several servers
sharing PostgreSQL and Redis)."""

from __future__ import annotations

import http.cookies
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.processes import ROOT


def production_env(database_url: str, work: Path, **overrides: str) -> dict[str, str]:
    """The environment of a production start (read by site_config/settings/production.py)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "site_config.settings.production",
        "SECRET_KEY": "production-like-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        **overrides,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


Answer = tuple[int, str, dict[str, str]]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _open(url: str, data: dict | None, headers: dict[str, str]) -> tuple[Answer, list[str]]:
    """The answer to a GET (or a form-encoded POST of `data`), redirects not followed, and
    the cookies it sets."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        response = opener.open(urllib.request.Request(url, data=body, headers=headers), timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        answer = (response.status, response.read().decode(), dict(response.headers))
        return answer, response.headers.get_all("Set-Cookie") or []


def request(url: str, data: dict | None = None, **headers: str) -> Answer:
    return _open(url, data, headers)[0]


class Server:
    """One gunicorn serving the site; `stop()` ends it."""

    def __init__(self, env: dict[str, str], log: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with log.open("w") as output:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "site_config.wsgi",
                    "-b",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(workers),
                ],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        for _ in range(150):
            if reachable("127.0.0.1", self.port):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start:\n" + log.read_text())

    def get(self, path: str, **headers: str) -> Answer:
        return request(self.base_url + path, **headers)

    def log_text(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


class Browser:
    """A visitor's cookies, kept by hand: the production cookies are `Secure`, and these
    servers speak plain HTTP on loopback."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def open(self, server: Server, path: str, data: dict | None = None) -> Answer:
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        answer, set_cookies = _open(server.base_url + path, data, {"Cookie": cookie})
        for line in set_cookies:
            parsed = http.cookies.SimpleCookie(line)
            self.cookies.update({name: morsel.value for name, morsel in parsed.items()})
        return answer
