"""Outage drill: gunicorn + PostgreSQL behind a TCP forwarder that is killed (outage) or frozen.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_drill .venv/bin/python scripts/outage_drill.py

The PostgreSQL cluster itself is never touched: the portal connects through a small forwarder on
127.0.0.1 (--proxy-port) that this script kills (the database is down: connections refused),
restarts, and freezes with SIGSTOP (the database stops answering: connections hang). It prepares
the scratch database (create, migrate, seed) unless --skip-setup, serves the portal with gunicorn
(gunicorn.conf.py) and reports, for pages and the API:

- time to 503 while down, and while frozen (≈ the connect / statement timeouts at most),
- time to the first 200 once the database is back,
- /robots.txt, /healthz and static-file latency while frozen, under concurrent page load,
- how many log lines the outage produced.

Loopback only; every phase is bounded in time; every process it starts is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
PAGE = "/sdg/16.3/"
API = "/api/v1/targets/16.3/"


# --- The forwarder (runs as its own process, so it can be killed or frozen) -----------------------


def forward(listen_port: int, target_host: str, target_port: int) -> None:
    async def pipe(reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(target_host, target_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", listen_port, reuse_address=True)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


class Forwarder:
    def __init__(self, listen_port: int, target_host: str, target_port: int):
        self.args = [str(listen_port), target_host, str(target_port)]
        self.listen_port = listen_port
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, __file__, "--forward", *self.args])
        wait_until(lambda: port_open(self.listen_port), 10, "the forwarder to listen")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait()

    def freeze(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


# --- Helpers ----------------------------------------------------------------------------------------


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"Gave up waiting for {what} after {timeout:g} s")
        time.sleep(0.05)


def fetch(url: str, timeout: float = 60) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    except OSError:
        status = 0
    return status, time.monotonic() - started


def first(url: str, status: int, timeout: float) -> float:
    """Seconds until `url` answers `status` (polling every 50 ms)."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if fetch(url, timeout=timeout)[0] == status:
            return time.monotonic() - started
        time.sleep(0.05)
    return float("nan")


def with_port(url: str, port: int) -> str:
    parts = urlsplit(url)
    netloc = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=f"{netloc}127.0.0.1:{port}"))


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, timeout=600)


# --- The drill --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proxy-port", type=int, default=54329)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-setup", action="store_true", help="the scratch database is already migrated and seeded")
    parser.add_argument("--forward", nargs=3, metavar=("LISTEN_PORT", "HOST", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.forward:
        forward(int(args.forward[0]), args.forward[1], int(args.forward[2]))
        return

    database_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_drill")
    target = urlsplit(database_url)
    if target.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("The drill runs on loopback only: DATABASE_URL must point at 127.0.0.1.")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SECRET_KEY="outage-drill-only-insecure-key",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_API_THROTTLE_RATE="off",
        DJANGO_LOG_LEVEL="WARNING",
    )
    env.update({k: v for k, v in os.environ.items() if k.startswith("DJANGO_DB_")})
    static_root = tempfile.mkdtemp(prefix="outage-drill-static-")
    env["DJANGO_STATIC_ROOT"] = static_root
    if not args.skip_setup:
        name = target.path.lstrip("/")
        host, port_, user = target.hostname, str(target.port or 5432), target.username or "postgres"
        subprocess.run(["createdb", "-h", host, "-p", port_, "-U", user, name], capture_output=True)  # may exist
        setup_env = {**env, "DATABASE_URL": database_url, "DJANGO_DB_STATEMENT_TIMEOUT": "0"}
        manage(setup_env, "migrate", "--noinput", "--verbosity", "0")
        manage(setup_env, "seed", "--verbosity", "0")
    manage({**env, "DATABASE_URL": database_url}, "collectstatic", "--noinput", "--verbosity", "0")

    forwarder = Forwarder(args.proxy_port, target.hostname, target.port or 5432)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = Path(tempfile.mkstemp(prefix="outage-drill-", suffix=".log")[1])
    server_env = {
        **env,
        "DATABASE_URL": with_port(database_url, args.proxy_port),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(args.workers),
    }
    server = None
    results: list[tuple[str, str]] = []

    def report(label: str, value: str) -> None:
        results.append((label, value))
        print(f"{label:<58} {value}", flush=True)

    try:
        forwarder.start()
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--access-logfile", "/dev/null"],
                cwd=BASE_DIR,
                env=server_env,
                stdout=log,
                stderr=log,
            )
        wait_until(lambda: fetch(f"{base}/healthz", 2)[0] == 200, 30, "gunicorn")
        for _ in range(4 * args.workers):  # every worker holds a pooled connection
            assert fetch(base + PAGE)[0] == 200 and fetch(base + API)[0] == 200, "the portal does not serve"
        report(
            "healthy: page / API",
            f"{fetch(base + PAGE)[1] * 1000:.0f} ms / {fetch(base + API)[1] * 1000:.0f} ms",
        )

        # 1. Down: connections refused.
        forwarder.kill()
        for label, path in (("down: first page request", PAGE), ("down: first API request", API)):
            status, took = fetch(base + path)
            report(label, f"{status} in {took * 1000:.0f} ms")
        statuses = [fetch(base + path) for path in (PAGE, API) * 10]
        report(
            "down: 20 more requests",
            f"{sorted({s for s, _ in statuses})}, slowest {max(t for _, t in statuses) * 1000:.0f} ms",
        )
        report("down: /readyz", "{} in {:.0f} ms".format(*(lambda r: (r[0], r[1] * 1000))(fetch(f"{base}/readyz"))))
        forwarder.start()
        report("back from down: first 200 after restart", f"{first(base + PAGE, 200, 30):.2f} s")
        for _ in range(4 * args.workers):
            fetch(base + PAGE)

        # 2. Frozen: connections hang (pooled ones mid-query, new ones at the handshake).
        forwarder.freeze()
        stop_load = threading.Event()
        load_statuses: list[int] = []

        def load():
            while not stop_load.is_set():
                load_statuses.append(fetch(base + PAGE, timeout=60)[0])

        with ThreadPoolExecutor(max_workers=6) as pool:
            frozen_at = time.monotonic()
            first_page = pool.submit(fetch, base + PAGE)
            first_api = pool.submit(fetch, base + API)
            loaders = [pool.submit(load) for _ in range(4)]
            time.sleep(0.5)
            quick = {
                path: fetch(base + path, timeout=60)[1]
                for path in ("/robots.txt", "/healthz", "/static/css/portal.css")
            }
            status, took = first_page.result()
            report("frozen: first page request", f"{status} in {took:.2f} s")
            status, took = first_api.result()
            report("frozen: first API request", f"{status} in {took:.2f} s")
            for path, took in quick.items():
                report(f"frozen (under load): {path}", f"{took * 1000:.0f} ms")
            time.sleep(max(0, 20 - (time.monotonic() - frozen_at)))
            after = [fetch(base + path) for path in (PAGE, API) * 5]
            report(
                "frozen, after the first failures: 10 requests",
                f"{sorted({s for s, _ in after})}, slowest {max(t for _, t in after) * 1000:.0f} ms",
            )
            quick = {path: fetch(base + path)[1] for path in ("/robots.txt", "/healthz", "/static/css/portal.css")}
            for path, took in quick.items():
                report(f"frozen (outage known): {path}", f"{took * 1000:.0f} ms")
            report("frozen: /readyz", "{} in {:.2f} s".format(*fetch(f"{base}/readyz")))
            stop_load.set()
            [loader.result() for loader in loaders]
        report("frozen: load requests", f"{len(load_statuses)} answered, statuses {sorted(set(load_statuses))}")
        forwarder.thaw()
        report("back from frozen: first 200 after SIGCONT", f"{first(base + PAGE, 200, 30):.2f} s")
        report("back from frozen: API 200 after", f"{first(base + API, 200, 30):.2f} s")
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        forwarder.kill()
    text = log_path.read_text()
    report("log: 'Database unavailable' lines", str(text.count("Database unavailable")))
    report("log: 'Database back' lines", str(text.count("Database back")))
    report(
        "log: tracebacks / 'Internal Server Error'",
        f"{text.count('Traceback')} / {text.count('Internal Server Error')}",
    )
    report("log: worker timeouts (gunicorn killed a worker)", str(text.count("WORKER TIMEOUT")))
    print(f"\nServer log: {log_path}")


if __name__ == "__main__":
    main()
