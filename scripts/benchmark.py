"""Print response times and query counts for the main pages and API endpoints.

A benchmark, not a test: it prints figures and asserts nothing. Run it against the seeded
development database (make seed first):

    DJANGO_DEBUG=1 .venv/bin/python scripts/benchmark.py [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PATHS = [
    "/",
    "/sdg/",
    "/sdg/16/",
    "/sdg/16.3/",
    "/instruments/",
    "/instruments/?goal=16&ordering=-year",
    "/instruments/nelson-mandela-rules/",
    "/instruments/nelson-mandela-rules/58/",
    "/programmes/global-programme-people-centred-justice/",
    "/activities/?instrument=nelson-mandela-rules",
    "/recommendations/?target=16.3",
    "/documents/A/CONF.234/PM.1/",
    "/search/?q=prison+health+care",
    "/api/v1/targets/16.3/",
    "/api/v1/instruments/nelson-mandela-rules/",
    "/api/v1/recommendations/?target=5.2&format=csv",
    "/api/v1/search/?q=restorative+justice",
]


def measure(client: Client, path: str, repeat: int) -> tuple[int, int, list[float]]:
    connection.queries_log.clear()  # the log is capped at 9,000 entries; start each count from empty
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return status, len(queries), timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per path (default 20)")
    args = parser.parse_args()
    client = Client()
    print(f"database: {connection.vendor}; {args.repeat} timed requests per path after one warm-up\n")
    print(f"{'path':<58} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for path in PATHS:
        status, queries, timings = measure(client, path, args.repeat)
        p95 = sorted(timings)[max(0, int(len(timings) * 0.95) - 1)]
        print(f"{path:<58} {status:>6} {queries:>7} {statistics.median(timings):>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
