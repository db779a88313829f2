"""Profile one URL in-process through the whole WSGI stack: `bench/profile_url.py URL [--cold] [-n N]`.

Calls the WSGI application directly (no server, no network), so what it shows is the portal's own cost
per request: warm (served from the response cache) by default, cold (`--cold`: the content version is
bumped before each request, so each one renders). Prints microseconds per request and cProfile's top
functions by cumulative time. Uses the environment's DATABASE_URL and REDIS_URL as `make serve` would.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("-n", type=int, default=0)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--sql", action="store_true", help="time each SQL statement of one request, slowest first")
    args = parser.parse_args()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    from django.db import transaction

    from portal import versioning

    path, _, query = args.url.partition("?")

    def request() -> tuple[str, int]:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_ACCEPT": "*/*",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        status = []
        body = b"".join(application(environ, lambda s, h, *a: status.append(s)))
        return status[0], len(body)

    def change() -> None:
        """A change of content, as far as the caches know (the tallies are counted again as it commits)."""
        with transaction.atomic():
            versioning.bump()

    print(request(), request())
    if args.sql:
        print_sql_timings(request, change, args.cold)
        return
    n = args.n or (30 if args.cold else 2000)
    spent = 0.0
    for _ in range(n):
        if args.cold:
            change()
        started = time.perf_counter()
        request()
        spent += time.perf_counter() - started
    kind = "cold" if args.cold else "warm"
    print(f"{args.url}: {spent / n * 1e6:,.0f} µs per request ({kind}; the change itself not counted)")
    profile = cProfile.Profile()
    for _ in range(n):
        if args.cold:
            change()
        profile.enable()
        request()
        profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


def print_sql_timings(request, change, cold: bool) -> None:
    """One request (cold if asked), with the time of each SQL statement it ran, slowest first."""
    from django.db import connection

    timings: list[tuple[float, str]] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(((time.perf_counter() - started) * 1000, sql))

    if cold:
        change()
    started = time.perf_counter()
    with connection.execute_wrapper(timed):
        request()
    total = (time.perf_counter() - started) * 1000
    print(f"{len(timings)} statements, {sum(t for t, _ in timings):.1f} ms of {total:.1f} ms")
    for elapsed, sql in sorted(timings, reverse=True)[:12]:
        print(f"{elapsed:8.1f} ms  {sql[:400]}")


if __name__ == "__main__":
    main()
