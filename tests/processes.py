"""Running the project in another process, as a deployment would: `manage.py` commands,
Python snippets and gunicorn with their own environment (settings module, database, media)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    """`python <args>` in the project root; output captured, exit status left to the caller."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return run("manage.py", *args, env=env, timeout=timeout)


def manage_ok(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    """`manage.py <args>`, failing the test with the command's output if it fails."""
    result = manage(*args, env=env, timeout=timeout)
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


def production_env(
    database_url: str, static_root: Path, redis_url: str = "", **overrides: str
) -> dict[str, str]:
    """The environment `site_config.settings.production` needs, for a server on loopback over
    plain HTTP. The caller's own Django and Redis variables are left out."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_"))}
    return env | {
        "DJANGO_SETTINGS_MODULE": "site_config.settings.production",
        "SECRET_KEY": "production-like-local-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(static_root.parent / "media"),
        **({"REDIS_URL": redis_url} if redis_url else {}),
        **overrides,
    }


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(
    env: dict[str, str], port: int, workers: int, log: Path | None = None
) -> subprocess.Popen:
    """gunicorn serving the site on 127.0.0.1:`port`, returned once /healthz answers; its
    output goes to `log` (or to this process's output)."""
    output = log.open("w") if log else None
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "site_config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT if output else None,
    )
    if output:
        output.close()  # the server has its own copy
    try:
        if answers(port, server):
            return server
    except BaseException:  # e.g. Ctrl-C while waiting: no server left behind
        stop_server(server)
        raise
    stop_server(server)
    raise RuntimeError("gunicorn did not start" + (f":\n{log.read_text()}" if log else ""))


@contextmanager
def demo_site(folder: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """The site as `make run` serves it (`runserver`, development settings, media served too)
    on a SQLite database of its own in `folder`, holding the demo content: yields its base URL
    and the environment its `manage.py` commands need."""
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "site_config.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
    }
    port = free_port()
    manage_ok("migrate", "--no-input", "-v", "0", env=env)
    manage_ok("load_demo_content", "--serve-at", f"127.0.0.1:{port}", "-v", "0", env=env)
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not answers(port, server):
            raise RuntimeError("runserver did not start")
        yield f"http://127.0.0.1:{port}", env
    finally:
        stop_server(server)


def answers(port: int, server: subprocess.Popen) -> bool:
    """Whether the server answers /healthz (healthy or not) within 30 seconds."""
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
            return True
        except urllib.error.HTTPError:
            return True  # answering, if not healthy: the caller sees what it says
        except OSError:
            if server.poll() is not None:
                return False
            time.sleep(0.2)
    return False


def stop_server(server: subprocess.Popen) -> None:
    """Stop a server started here, and its workers with it."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid` (e.g. a gunicorn master's workers)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # exited meanwhile
            continue
        # Fields after the command name (which may hold spaces): state, then the parent's pid.
        if text[text.rindex(")") + 2 :].split()[1] == str(pid):
            children.append(int(stat.parent.name))
    return children
