"""`make bench`: what each kind of URL costs under production settings, a script, not a test.

Builds the demo site in a new database (SQLite in a temporary directory unless --database-url
names an empty one), serves it with gunicorn on loopback and loads one URL at a time with wrk:
one page of each public type in both languages, search in both, the sitemap, an API listing
(`fields=*`, 20 pages) and detail, and a static file. For each it prints req/s, p50/p99
latency, the server's CPU time per request, SQL queries per request and req/s as a share of the
static file's, once with the page cache off (PAGE_CACHE_SECONDS=0) and once on (unset), each
in its own gunicorn run; then the targets, met or not; then the same pages (uncached) after
`tests/content_growth.py` has multiplied the content, to show whether queries and CPU time stay
flat as lists grow.

    python -m tests.benchmark [--duration 2] [--connections 8] [--growth 10]

Redis (127.0.0.1:6379, database 13 by default) is the cache, as in production; the script
empties that database before each server run and at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import redis

from tests.processes import (
    child_pids,
    free_port,
    manage_ok,
    production_env,
    run,
    start_gunicorn,
    stop_server,
)

WRK = "/usr/bin/wrk"
# One worker per core of the 2-core machine the targets were set on: more workers only queue
# for the same CPUs and blur the CPU time per request.
WORKERS = 2
REDIS_URL = "redis://127.0.0.1:6379/13"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# What the issue asks for (printed, not asserted).
CACHED_SHARE_OF_STATIC = 0.7
UNCACHED_PAGE_CPU_MS = 8
UNCACHED_API_LIST_CPU_MS = 10
# Figures that stay within this share of their value before the growth count as flat.
FLAT_CPU_RATIO = 1.5
LEFT_ALIGNED = {"URL", "X-Cache", "verdict"}


@dataclass
class Url:
    label: str
    path: str
    kind: str  # page, search, sitemap, api-list, api-detail or static


@dataclass
class Result:
    status: int
    cache: str  # the X-Cache header of a repeated request, or "absent"
    requests: int
    errors: int  # non-2xx/3xx answers and socket errors
    per_second: float
    p50_ms: float | None  # None when wrk gives none (too few answers)
    p99_ms: float | None
    cpu_ms: float
    queries: int | None = None


# -- measuring -----------------------------------------------------------------------------


def server_cpu_seconds(master: int) -> float:
    """User and system CPU time of the gunicorn master and its workers, including workers that
    have exited (counted in the master's children's time)."""
    total = 0
    for pid in (master, *child_pids(master)):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:  # a worker that just exited
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        # Fields 14-17 of proc(5): utime, stime, cutime, cstime (here from index 11).
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
        total += utime + stime + (cutime + cstime if pid == master else 0)
    return total / CLOCK_TICKS


def warm_up(base_url: str, path: str) -> tuple[int, str]:
    """GET `path` a few times, so that the workers have rendered it (and the page cache holds
    it, when on) before the load; the status and X-Cache header of the last answer."""
    status, cache = 0, "absent"
    for _ in range(WORKERS + 1):
        try:
            with urllib.request.urlopen(base_url + path, timeout=30) as response:
                response.read()
                status, cache = response.status, response.headers.get("X-Cache", "absent")
        except urllib.error.HTTPError as error:
            status, cache = error.code, error.headers.get("X-Cache", "absent")
    return status, cache


def milliseconds(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def parse_wrk(output: str) -> dict[str, float | None]:
    """Requests, errors, req/s, p50 and p99 (ms) from `wrk --latency`'s report."""

    def number(pattern: str) -> float:
        match = re.search(pattern, output, re.MULTILINE)
        return float(match[1]) if match else 0.0

    latency = {
        percent: milliseconds(value, unit)
        for percent, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m) *$", output, re.M
        )
    }
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": number(r"(\d+) requests in"),
        "errors": number(r"Non-2xx or 3xx responses: (\d+)")
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
        "per_second": number(r"^Requests/sec:\s+([\d.]+)"),
        "p50_ms": latency.get("50") or None,
        "p99_ms": latency.get("99") or None,
    }


def measure(server: subprocess.Popen, port: int, url: Url, options: argparse.Namespace) -> Result:
    base_url = f"http://127.0.0.1:{port}"
    status, cache = warm_up(base_url, url.path)
    cpu_before = server_cpu_seconds(server.pid)
    output = subprocess.run(
        [
            WRK,
            "-t1",
            f"-c{options.connections}",
            f"-d{options.duration}s",
            "--timeout",  # slow answers counted in the latency, not dropped as errors
            "30s",
            "--latency",
            base_url + url.path,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=options.duration + 60,
    ).stdout
    cpu = server_cpu_seconds(server.pid) - cpu_before
    figures = parse_wrk(output)
    requests = int(figures["requests"])
    return Result(
        status=status,
        cache=cache,
        requests=requests,
        errors=int(figures["errors"]),
        per_second=figures["per_second"],
        p50_ms=figures["p50_ms"],
        p99_ms=figures["p99_ms"],
        cpu_ms=cpu * 1000 / requests if requests else 0.0,
    )


def site(command: str, *args: str, env: dict[str, str], timeout: int = 900) -> object:
    """The JSON answer of `tests/benchmark_site.py <command>`, run with the server's env."""
    result = run("-m", "tests.benchmark_site", command, *args, env=env, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(f"benchmark_site {command} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def clear_cache(redis_url: str) -> None:
    """Empty the cache's Redis database, so that each server run starts cold (without Redis,
    each worker's own cache goes with it)."""
    if redis_url:
        redis.Redis.from_url(redis_url).flushdb()


def serve_and_measure(
    urls: list[Url], env: dict[str, str], options: argparse.Namespace, work: Path
) -> dict[str, Result]:
    """One gunicorn run with `env`: every URL measured, queries counted in-process."""
    clear_cache(env.get("REDIS_URL", ""))
    port = free_port()
    server = start_gunicorn(env, port, WORKERS, log=work / "gunicorn.log")
    try:
        results = {url.label: measure(server, port, url, options) for url in urls}
    finally:
        stop_server(server)
    counted = site("queries", *(url.path for url in urls), env=env)
    for url in urls:
        results[url.label].queries = counted[url.path]["queries"]
    return results


# -- reporting -----------------------------------------------------------------------------


def print_rows(headings: list[str], rows: list[list[str]]) -> None:
    """A plain-text table: numbers right-aligned, words (LEFT_ALIGNED columns) left-aligned."""
    widths = [
        max(len(str(cell)) for cell in column) + 2 for column in zip(headings, *rows, strict=True)
    ]

    def line(cells: list[str]) -> str:
        return "".join(
            f"{cell:<{width}}" if heading in LEFT_ALIGNED else f"{cell:>{width - 2}}  "
            for cell, width, heading in zip(cells, widths, headings, strict=True)
        ).rstrip()

    lines = [line(row) for row in rows]
    print(line(headings))
    print("-" * max(map(len, lines)))
    print("\n".join(lines))


def print_table(title: str, urls: list[Url], results: dict[str, Result]) -> None:
    static = next((results[url.label] for url in urls if url.kind == "static"), None)
    print(f"\n{title}")
    headings = ["URL", "status", "X-Cache", "req/s", "p50 ms", "p99 ms", "CPU ms/req"]
    headings += ["SQL q/req", "× static", "errors"]
    rows = []
    for url in urls:
        result = results[url.label]
        share = result.per_second / static.per_second if static and static.per_second else 0.0
        rows.append(
            [
                url.label,
                str(result.status),
                result.cache,
                f"{result.per_second:.0f}",
                f"{result.p50_ms:.1f}" if result.p50_ms else "-",
                f"{result.p99_ms:.1f}" if result.p99_ms else "-",
                f"{result.cpu_ms:.1f}",
                str(result.queries),
                f"{share:.2f}",
                str(result.errors),
            ]
        )
    print_rows(headings, rows)


def verdict(ok: bool) -> str:
    return "✓" if ok else "✗"


def print_targets(urls: list[Url], cached: dict[str, Result], uncached: dict[str, Result]) -> None:
    static = next(cached[url.label] for url in urls if url.kind == "static")
    print("\nTargets (printed, not asserted; pages are the twelve page types in both languages)")
    served = [url for url in urls if url.kind in ("page", "api-list", "api-detail")]
    shares = {url.label: cached[url.label].per_second / static.per_second for url in served}
    lowest = min(shares, key=shares.get)
    met = sum(share >= CACHED_SHARE_OF_STATIC for share in shares.values())
    print(
        f"  {verdict(met == len(shares))} cached page or API GET ≥ {CACHED_SHARE_OF_STATIC}× the "
        f"static file's req/s: {met}/{len(shares)} (lowest {shares[lowest]:.2f}×, {lowest})"
    )
    pages = {url.label: uncached[url.label].cpu_ms for url in urls if url.kind == "page"}
    highest = max(pages, key=pages.get)
    met = sum(cpu <= UNCACHED_PAGE_CPU_MS for cpu in pages.values())
    print(
        f"  {verdict(met == len(pages))} uncached page ≤ {UNCACHED_PAGE_CPU_MS} ms server CPU: "
        f"{met}/{len(pages)} (highest {pages[highest]:.1f} ms, {highest})"
    )
    api_list = next(uncached[url.label].cpu_ms for url in urls if url.kind == "api-list")
    print(
        f"  {verdict(api_list <= UNCACHED_API_LIST_CPU_MS)} uncached API listing fields=*, "
        f"limit 20 ≤ {UNCACHED_API_LIST_CPU_MS} ms server CPU: {api_list:.1f} ms"
    )


def print_growth(
    urls: list[Url], before: dict[str, Result], after: dict[str, Result], factor: int, made: dict
) -> None:
    added = ", ".join(f"{count} {what}" for what, count in made.items())
    print(f"\nGrowth, uncached: the same URLs with {factor}× the content ({added} added)")
    headings = ["URL", "SQL q before", "after", "CPU ms before", "after", "ratio", "verdict"]
    rows = []
    for url in urls:
        if url.kind == "static":
            continue
        old, new = before[url.label], after[url.label]
        ratio = new.cpu_ms / old.cpu_ms if old.cpu_ms else 0.0
        grows = []
        if new.queries > old.queries:
            grows.append(f"{new.queries - old.queries} more queries")
        if ratio > FLAT_CPU_RATIO:
            grows.append(f"CPU ×{ratio:.1f}")
        rows.append(
            [
                url.label,
                str(old.queries),
                str(new.queries),
                f"{old.cpu_ms:.1f}",
                f"{new.cpu_ms:.1f}",
                f"{ratio:.2f}",
                "grows: " + ", ".join(grows) if grows else "flat",
            ]
        )
    print_rows(headings, rows)


# -- the run -------------------------------------------------------------------------------


def build_site(env: dict[str, str]) -> None:
    """Migrate and load the demo content, collecting the static files meanwhile (they need no
    database, and compressing them takes a while)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        static = pool.submit(manage_ok, "collectstatic", "--no-input", "-v", "0", env=env)
        for command in (["migrate", "--no-input"], ["load_demo_content"]):
            manage_ok(*command, "-v", "0", env=env, timeout=1800)
        static.result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=2, help="seconds of load per URL (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk's connections (8)")
    parser.add_argument(
        "--growth",
        type=int,
        default=10,
        help="content multiplied by (10); 1 skips the growth table",
    )
    parser.add_argument(
        "--database-url",
        help="an empty database to build in (default: SQLite in a temporary directory)",
    )
    parser.add_argument(
        "--redis-url", default=REDIS_URL, help=f"the cache ({REDIS_URL}); '' for none"
    )
    options = parser.parse_args()
    if not Path(WRK).exists():
        raise SystemExit(f"{WRK} is missing: `make bench` installs it (Debian's wrk).")
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    uncached = production_env(
        options.database_url or f"sqlite:///{work / 'db.sqlite3'}",
        work / "static",
        options.redis_url,
        PAGE_CACHE_SECONDS="0",
        LOG_LEVEL="WARNING",
    )
    cached = {name: value for name, value in uncached.items() if name != "PAGE_CACHE_SECONDS"}

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:4.0f} s] {message}", flush=True)

    try:
        progress("Building the demo site (migrate, demo content, static files)…")
        build_site(uncached)
        urls = [Url(**url) for url in site("urls", env=uncached)]
        results = {}
        for mode, env in (("uncached", uncached), ("cached", cached)):
            progress(f"Measuring {len(urls)} URLs {mode}, {options.duration} s each…")
            results[mode] = serve_and_measure(urls, env, options, work)
        for mode, figures in results.items():
            switch = "PAGE_CACHE_SECONDS=0" if mode == "uncached" else "PAGE_CACHE_SECONDS unset"
            load = f"{WORKERS} gunicorn workers, wrk -t1 -c{options.connections}"
            title = f"{mode.capitalize()} ({switch}), {load} -d{options.duration}s"
            print_table(title, urls, figures)
        print_targets(urls, results["cached"], results["uncached"])
        if options.growth > 1:
            progress(f"Multiplying the content by {options.growth}…")
            made = site("grow", str(options.growth), env=uncached, timeout=3600)
            progress(f"Measuring {len(urls)} URLs uncached again…")
            grown = serve_and_measure(urls, uncached, options, work)
            print_growth(urls, results["uncached"], grown, options.growth, made)
        progress("Done.")
    finally:
        clear_cache(options.redis_url)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:  # the servers are stopped and the files removed by then
        raise SystemExit("Interrupted.") from None
