"""`make bench`: the portal against a bare Django ceiling and Datasette, warm and cold, at normal size and at xFACTOR.

Starts the portal under gunicorn (2 sync workers) on its own PostgreSQL database (migrated and seeded as
`make run` does) with Redis as the cache, and the ceiling (bench/ceiling.py: the same bytes from memory,
same gunicorn settings); runs Debian's wrk (8 connections) on each URL for the warm figures and a
sequential client for the cold ones (each request right after a content-version bump, so it misses the
cache; and rounds of 8 clients at once, each right after a bump), then again after
`generate_scale_data --factor FACTOR`, which it removes at the end. The throttles
are off for the run (one client address would otherwise be refused within a second).

Datasette, the comparison issue #18 names, answers the same logical question for each URL from an SQLite
copy of the same content (built with `migrate`, `seed` and `generate_scale_data` in a subprocess): one
canned query per URL (bench/datasette_queries.py), served by `datasette serve` (one process, the file
opened immutable), and measured with the same wrk settings right after the portal and the ceiling.

Environment: BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_SECONDS (per wrk run), BENCH_COLD (cold requests
per URL), BENCH_FACTOR, BENCH_PORT (the portal's port; the ceiling and Datasette take the next two),
BENCH_WORK (a directory of its own per run: pages, logs, the SQLite copy). Prints a markdown table; the raw
figures go to BENCH_OUT (JSON).
"""

from __future__ import annotations

import http.client
import io
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import datasette_queries  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "18418"))
PORTAL_PORT, CEILING_PORT, DATASETTE_PORT = PORT, PORT + 1, PORT + 2
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
COLD = int(os.environ.get("BENCH_COLD", "20"))
FACTOR = int(os.environ.get("BENCH_FACTOR", "100"))
WORK = Path(os.environ.get("BENCH_WORK", "/tmp/portal-bench"))
OUT = Path(os.environ.get("BENCH_OUT", WORK / "results.json"))
SQLITE = WORK / f"{datasette_queries.DATABASE}.sqlite3"  # Datasette names the database after the file
URLS = [
    "/",
    "/sdg/",
    "/sdg/16.3/",
    "/instruments/nelson-mandela-rules/",
    "/recommendations/?target=16.3",
    "/search/?q=prison",
    "/api/v1/targets/16.3/",
    "/api/v1/recommendations/?target=16.3",
    "/api/v1/search/?q=prison",
]
ENV = {
    "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"),
    "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
    "DJANGO_SECRET_KEY": "bench-only-insecure-key",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_STATIC_ROOT": str(WORK / "static"),
    "DJANGO_API_THROTTLE_RATE": "off",
    "DJANGO_SEARCH_THROTTLE_RATE": "off",
    "DJANGO_LOG_LEVEL": "ERROR",
}
# --threads 1: gunicorn turns a sync worker with threads (gunicorn.conf.py sets 4) into gthread.
GUNICORN = ["--workers", "2", "--worker-class", "sync", "--threads", "1", "--access-logfile", "/dev/null"]
# Datasette is one process (uvicorn, async); its queries run in a thread pool. One thread per core (1 to 4
# threads were within a few percent of each other on the 2-core machine); a time limit long enough for
# every canned query at xFACTOR (the default, 1 s, would answer an error instead).
DATASETTE_SETTINGS = {"num_sql_threads": os.cpu_count() or 2, "sql_time_limit_ms": 10_000}


def create_database() -> None:
    url = urlsplit(ENV["DATABASE_URL"])
    connection = ["-h", url.hostname or HOST, "-p", str(url.port or 5432), "-U", url.username or "postgres"]
    name = url.path.lstrip("/")
    subprocess.run(["dropdb", *connection, "--if-exists", name], check=True)
    subprocess.run(["createdb", *connection, name], check=True)


def setup_django():
    os.environ.update(ENV)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    cache.clear()


def bump() -> None:
    from django.db import transaction

    from portal import versioning

    with transaction.atomic():
        versioning.bump()


def start(args: list[str], port: int, env: dict, log: Path) -> subprocess.Popen:
    command = [str(BIN / "gunicorn"), *args, *GUNICORN, "--bind", f"{HOST}:{port}"]
    return launch(command, port, "/robots.txt", {**os.environ, **env}, log)


def launch(command: list[str], port: int, probe: str, env: dict, log: Path) -> subprocess.Popen:
    """Start a server and wait until `probe` answers on `port`."""
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(600):
        if server.poll() is not None:
            break
        try:
            get(port, probe)
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"{Path(command[0]).name} on port {port} did not start; see {log}")


def sqlite_env() -> dict:
    """The environment of the `manage.py` runs that build the SQLite copy: the bench's settings, but the
    SQLite file as the database and no shared cache (the content-version bumps stay in that process)."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    return {**env, "DATABASE_URL": f"sqlite:///{SQLITE}", "DJANGO_DB_STATEMENT_TIMEOUT": "0"}


def manage_sqlite(*args: str) -> None:
    log = WORK / "sqlite.log"
    with log.open("a") as output:
        done = subprocess.run(
            [str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=sqlite_env(), stdout=output, stderr=output
        )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed on the SQLite copy; see {log}")
    with closing(sqlite3.connect(SQLITE)) as connection:
        connection.execute("ANALYZE")  # planner statistics, as generate_scale_data runs ANALYZE on PostgreSQL


def build_sqlite() -> None:
    """The same content as the portal's database, in SQLite, for Datasette: migrate and seed."""
    for path in (SQLITE, *(SQLITE.with_name(SQLITE.name + suffix) for suffix in ("-wal", "-shm")), WORK / "sqlite.log"):
        path.unlink(missing_ok=True)
    manage_sqlite("migrate", "--noinput", "--verbosity", "0")
    manage_sqlite("seed", "--verbosity", "0")


def start_datasette() -> subprocess.Popen:
    metadata = WORK / "datasette.json"
    metadata.write_text(json.dumps(datasette_queries.metadata(), indent=2))
    settings = [arg for name, value in DATASETTE_SETTINGS.items() for arg in ("--setting", name, str(value))]
    command = [str(BIN / "datasette"), "serve", "--immutable", str(SQLITE), "--metadata", str(metadata)]
    command += ["--host", HOST, "--port", str(DATASETTE_PORT), *settings]
    return launch(command, DATASETTE_PORT, "/-/versions.json", dict(os.environ), WORK / "datasette.log")


def check_bounds() -> None:
    """The canned queries' bounds are the portal's: a change in the portal must show here, not skew the figures."""
    differ = datasette_queries.bounds_that_differ()
    if differ:
        raise SystemExit(f"bench/datasette_queries.py: set these bounds to the portal's (here, portal): {differ}")


def get(port: int, url: str) -> tuple[int, bytes, str, float]:
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", url)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, body, response.getheader("Content-Type", ""), elapsed


def wrk(port: int, url: str) -> dict:
    command = [
        "wrk",
        "-t2",
        "-c8",
        f"-d{SECONDS}s",
        "-s",
        str(ROOT / "bench" / "latency.lua"),
        f"http://{HOST}:{port}{url}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"^BENCH (.*)$", output, re.M)
    requests, duration, errors, _bytes, p50, p95, p99 = (float(n) for n in found.group(1).split())
    return {
        "rps": requests / (duration / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": int(errors),
    }


def cold(url: str) -> dict:
    times = []
    for _ in range(COLD):
        bump()
        status, _body, _type, elapsed = get(PORTAL_PORT, url)
        times.append(elapsed)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[max(int(len(times) * 0.95) - 1, 0)], "max": times[-1]}


def cold_concurrent(url: str, connections: int = 8) -> dict:
    """The first requests after a content change, `connections` at once (each round: a bump, then
    `connections` clients asking together; the two workers render, the others wait or hit the cache)."""
    times: list[float] = []
    for _ in range(COLD):
        bump()
        barrier = threading.Barrier(connections)
        found: list[float] = []
        threads = [threading.Thread(target=_client, args=(barrier, url, found)) for _ in range(connections)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        times += found
    times.sort()
    return {"p50": statistics.median(times), "p95": times[max(int(len(times) * 0.95) - 1, 0)], "max": times[-1]}


def _client(barrier: threading.Barrier, url: str, found: list[float]) -> None:
    barrier.wait()
    found.append(get(PORTAL_PORT, url)[3])


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure(scale: str) -> dict:
    pages = WORK / f"pages-{scale}"
    pages.mkdir(parents=True, exist_ok=True)
    results, index = {}, {}
    for number, url in enumerate(URLS):
        status, body, content_type, _ = get(PORTAL_PORT, url)
        if status != 200:
            raise SystemExit(f"{url} answered {status} at {scale}")
        (pages / f"{number}.bin").write_bytes(body)
        index[url] = {"file": f"{number}.bin", "content_type": content_type}
        results[url] = {"bytes": len(body), "cold": cold(url), "cold8": cold_concurrent(url)}
    (pages / "index.json").write_text(json.dumps(index))
    ceiling = start(
        ["-c", "/dev/null", "bench.ceiling:application"],
        CEILING_PORT,
        {"BENCH_PAGES": str(pages)},
        WORK / "ceiling.log",
    )
    datasette = start_datasette()
    try:
        for url in URLS:
            get(PORTAL_PORT, url)  # cached again after the cold loop's last bump
            results[url]["warm"] = wrk(PORTAL_PORT, url)
            results[url]["ceiling"] = wrk(CEILING_PORT, url)
            results[url]["datasette"] = measure_datasette(url, scale)
    finally:
        for server in (ceiling, datasette):
            server.terminate()
            server.wait()
    return results


def measure_datasette(url: str, scale: str) -> dict:
    """Datasette's answer to the same question as `url`: checked once (a 200 with the query's row), then wrk."""
    address = datasette_queries.datasette_url(url)
    status, body, _type, elapsed = get(DATASETTE_PORT, address)
    if status != 200 or not json.loads(body).get("rows"):
        raise SystemExit(f"Datasette answered {status} to {address} at {scale}: {body[:300]!r}")
    return {"url": address, "bytes": len(body), "first_ms": elapsed, **wrk(DATASETTE_PORT, address)}


def table(figures: dict) -> str:
    scales = list(figures["scales"])
    lines = [
        f"`make bench`, {figures['date']}, {figures['machine']}; wrk 8 connections {SECONDS} s per URL (portal, then "
        f"the ceiling, then Datasette {figures['datasette']['version']}, URL by URL); "
        f"cold = {COLD} requests each right after a content-version bump, one connection, "
        f"and {COLD} rounds of 8 connections at once right after a bump. Load average (1, 5, 15 min): "
        + "; ".join(f"{scale} {figures['load'][scale]}" for scale in scales),
        "",
        "| scale | URL | bytes | warm req/s | p50 / p95 / p99 ms | ceiling req/s | portal/ceiling "
        "| Datasette req/s | portal/Datasette "
        "| cold p50 / p95 ms, 1 conn | cold p50 / p95 ms, 8 conn | cold p95 8 conn ×scale/×1 |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for scale in scales:
        for url, r in figures["scales"][scale].items():
            w, c, c8, d = r["warm"], r["cold"], r["cold8"], r["datasette"]
            base = figures["scales"][scales[0]][url]["cold8"]["p95"]
            lines.append(
                f"| {scale} | `{url}` | {r['bytes']:,} | {w['rps']:,.0f} "
                f"| {w['p50']:.1f} / {w['p95']:.1f} / {w['p99']:.1f} "
                f"| {r['ceiling']['rps']:,.0f} | {w['rps'] / r['ceiling']['rps']:.0%} "
                f"| {d['rps']:,.0f} | {w['rps'] / d['rps']:.2f}× "
                f"| {c['p50']:.0f} / {c['p95']:.0f} | {c8['p50']:.0f} / {c8['p95']:.0f} | {c8['p95'] / base:.2f} |"
            )
    return "\n".join(lines)


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    create_database()
    setup_django()
    check_bounds()
    build_sqlite()
    from django.core.management import call_command

    portal = start(["-c", "gunicorn.conf.py"], PORTAL_PORT, ENV, WORK / "portal.log")
    figures = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.node()}, {os.cpu_count()} cores, {platform.platform(terse=True)}",
        "scales": {},
        "load": {},
        "datasette": {
            "version": subprocess.run(
                [str(BIN / "datasette"), "--version"], capture_output=True, text=True, check=True
            ).stdout.split()[-1],
            "settings": DATASETTE_SETTINGS,
            "immutable": True,
        },
    }
    try:
        before = load_average()
        figures["scales"]["×1"] = measure("×1")
        figures["load"]["×1"] = f"{before} before, {load_average()} after"
        call_command("generate_scale_data", "--factor", str(FACTOR), stdout=io.StringIO())
        manage_sqlite("generate_scale_data", "--factor", str(FACTOR), "--verbosity", "0")
        before = load_average()
        figures["scales"][f"×{FACTOR}"] = measure(f"×{FACTOR}")
        figures["load"][f"×{FACTOR}"] = f"{before} before, {load_average()} after"
    finally:
        call_command("generate_scale_data", "--remove", stdout=io.StringIO())
        portal.terminate()
        portal.wait()
    OUT.write_text(json.dumps(figures, indent=2))
    print(table(figures))


if __name__ == "__main__":
    main()
