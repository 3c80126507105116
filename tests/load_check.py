"""A load run, not a test: production settings under gunicorn on PostgreSQL and Redis, N
connections reading every public page, the API, search and the sitemap for a while, with an
editor publishing pages at the same time. Prints errors, throughput, latency, worker memory
over time and whether `fixtree` finds the page tree intact.

    python -m tests.load_check --minutes 10 --connections 32

It makes its own PostgreSQL database (dropped at the end) on 127.0.0.1:5432 and uses Redis
database 14 on 127.0.0.1:6379.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg

from tests.processes import (
    child_pids,
    manage,
    manage_ok,
    production_env,
    run,
    start_gunicorn,
    stop_server,
)

POSTGRES = "postgres://postgres@127.0.0.1:5432"
PORT = 8765
REDIS_URL = "redis://127.0.0.1:6379/14"
PUBLISHER = """
import random, sys, time
import django
django.setup()
from organizations.models import OrganizationPage
pages = list(OrganizationPage.objects.live())
deadline = time.monotonic() + float(sys.argv[1])
count = 0
while time.monotonic() < deadline:
    page = random.choice(pages).specific
    page.summary = f"Edited under load, round {count}"
    page.save_revision().publish()
    count += 1
    time.sleep(0.5)
print(count)
"""


def paths(env: dict[str, str]) -> list[str]:
    listing = (
        "from wagtail.models import Page; "
        "print('\\n'.join(p.url for p in Page.objects.live().public().filter(depth__gt=1)))"
    )
    pages = manage_ok("shell", "-v", "0", "-c", listing, env=env).stdout.split()
    return [quote(path, safe="/?=&*,.-_") for path in pages] + [
        "/api/v2/pages/?fields=*&limit=20",
        "/api/v2/pages/?locale=zh-hans&type=organizations.OrganizationPage&fields=*",
        "/api/v2/partners/?locale=zh-hans",
        "/en/search/?q=exchange",
        "/zh-hans/search/?q=" + quote("交流"),
        "/sitemap.xml",
        "/static/css/site.css",
    ]


def worker_rss_mb(master_pid: int) -> list[float]:
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    sizes = []
    for pid in child_pids(master_pid):
        try:
            text = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


def reader(urls: list[str], stop: threading.Event, results: list, lock: threading.Lock) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    mine = []
    while not stop.is_set():
        url = random.choice(urls)
        started = time.perf_counter()
        try:
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine.append((status, time.perf_counter() - started, url))
    with lock:
        results.extend(mine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    seconds = options.minutes * 60
    database = f"load_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {database}")
    env = production_env(f"{POSTGRES}/{database}", Path("/tmp") / database / "static", REDIS_URL)
    server = None
    try:
        print("Setting up (migrate, demo content, static files)…", flush=True)
        for command in (
            ["migrate", "--no-input"],
            ["load_demo_content"],
            ["collectstatic", "--no-input"],
        ):
            manage_ok(*command, "-v", "0", env=env, timeout=900)
        urls = paths(env)
        server = start_gunicorn(env, PORT, options.workers)
        print(
            f"{len(urls)} URLs, {options.connections} connections, {options.minutes} min",
            flush=True,
        )
        memory = [(0.0, worker_rss_mb(server.pid))]
        stop, lock, results = threading.Event(), threading.Lock(), []
        readers = [
            threading.Thread(target=reader, args=(urls, stop, results, lock))
            for _ in range(options.connections)
        ]
        started = time.monotonic()
        for thread in readers:
            thread.start()
        outcome: dict = {}
        publisher = threading.Thread(target=publish, args=(env, seconds, outcome))
        publisher.start()
        while time.monotonic() - started < seconds:
            time.sleep(min(30, seconds / 10))
            memory.append((time.monotonic() - started, worker_rss_mb(server.pid)))
        stop.set()
        for thread in readers:
            thread.join()
        publisher.join()
        report(results, time.monotonic() - started, memory)
        print(f"pages published during the run: {outcome.get('published')}")
        fixtree = manage("fixtree", "--noinput", env=env, timeout=300)
        print(f"fixtree (exit {fixtree.returncode}):")
        print((fixtree.stdout + fixtree.stderr).strip() or "(no output)")
    finally:
        if server is not None:
            stop_server(server)
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def publish(env: dict[str, str], seconds: float, outcome: dict) -> None:
    """An editor publishing organisation pages every half second, in its own process."""
    result = run("-c", PUBLISHER, str(seconds), env=env, timeout=int(seconds) + 300)
    outcome["published"] = result.stdout.strip() or f"failed: {result.stderr[-500:]}"


def report(results: list, elapsed: float, memory: list) -> None:
    errors = [(status, url) for status, _, url in results if status == 0 or status >= 500]
    latencies = sorted(seconds for _, seconds, _ in results)
    print(f"requests: {len(results)}  errors (5xx or no answer): {len(errors)}")
    if errors:
        print("  first errors:", errors[:5])
    print(f"throughput: {len(results) / elapsed:.0f} req/s")
    print(
        f"latency ms: p50 {statistics.median(latencies) * 1000:.0f}, "
        f"p99 {latencies[int(len(latencies) * 0.99)] * 1000:.0f}"
    )
    for at, sizes in memory:
        print(f"worker RSS at {at:5.0f} s: {', '.join(f'{size:.0f}' for size in sizes)} MB")


if __name__ == "__main__":
    main()
