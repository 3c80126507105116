"""Talking to the site served as a deployment serves it (gunicorn with production settings,
started by `tests.processes`): plain HTTP requests, and an editor's cookies."""

from __future__ import annotations

import http.cookies
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.processes import free_port, start_gunicorn, stop_server


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
        self.process = start_gunicorn(env, self.port, workers, log)

    def get(self, path: str, **headers: str) -> Answer:
        return request(self.base_url + path, **headers)

    def log_text(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        stop_server(self.process)


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
