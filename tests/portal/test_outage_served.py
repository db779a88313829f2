"""The portal served by gunicorn with no database listening: quick 503s, health checks, one log line."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings

UNREACHABLE_DATABASE = "postgres://postgres@127.0.0.1:1/none"  # nothing listens on port 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, dict, bytes, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, dict(response.headers), response.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read(), time.monotonic() - started


@contextmanager
def serving(log: Path, database_url: str, **extra_env):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update(
        DJANGO_SECRET_KEY="test-only-insecure-key",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_TESTING="1",  # static files from static/ without collectstatic
        DJANGO_SECURE_COOKIES="0",
        DATABASE_URL=database_url,
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="1",
        **extra_env,
    )
    with open(log, "wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn"], cwd=settings.BASE_DIR, env=env, stdout=output, stderr=output
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(f"{base}/healthz")[0] == HTTPStatus.OK:
                    break
            except OSError:
                pass
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield base, log
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("gunicorn") / "server.log", UNREACHABLE_DATABASE) as server:
        yield server


@pytest.fixture(scope="module")
def served_silent(tmp_path_factory):
    """A database that accepts connections and never answers, as a frozen server does."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        url = f"postgres://postgres@127.0.0.1:{silent.getsockname()[1]}/none"
        log = tmp_path_factory.mktemp("gunicorn") / "server.log"
        with serving(log, url, DJANGO_DB_CONNECT_TIMEOUT="2") as server:
            yield server


def test_without_a_database_pages_and_api_answer_503_quickly_and_log_once(served):
    base, log = served
    for _ in range(5):
        status, headers, body, took = fetch(f"{base}/api/v1/targets/16.3/")
        assert status == HTTPStatus.SERVICE_UNAVAILABLE
        assert headers["Retry-After"] == "5"
        assert headers["Content-Type"] == "application/json"
        assert b'"code": "database_unavailable"' in body or b'"code":"database_unavailable"' in body
        assert took < 3
        status, headers, body, took = fetch(f"{base}/sdg/16.3/")
        assert status == HTTPStatus.SERVICE_UNAVAILABLE
        assert headers["Content-Type"].startswith("text/html")
        assert b"temporarily unavailable" in body
        assert took < 3
    text = log.read_text()
    assert text.count("Database unavailable") == 1, text
    assert "Traceback" not in text and "Internal Server Error" not in text, text


def test_without_a_database_health_checks_robots_and_static_files_answer(served):
    base, _log = served
    status, _headers, body, took = fetch(f"{base}/healthz")
    assert (status, took < 1) == (HTTPStatus.OK, True)
    status, _headers, body, _took = fetch(f"{base}/readyz")
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert b"unreachable" in body
    status, _headers, body, took = fetch(f"{base}/robots.txt")
    assert (status, took < 1) == (HTTPStatus.OK, True)
    assert b"Disallow: /admin/" in body
    status, _headers, body, took = fetch(f"{base}/static/css/portal.css")
    assert (status, took < 1) == (HTTPStatus.OK, True)


def test_a_silent_database_costs_the_connect_timeout_then_is_refused_at_once(served_silent):
    base, log = served_silent
    started = time.monotonic()
    robots = fetch(f"{base}/robots.txt")
    assert robots[0] == HTTPStatus.OK and robots[3] < 1
    status, _headers, _body, took = fetch(f"{base}/api/v1/targets/16.3/")
    assert status == HTTPStatus.SERVICE_UNAVAILABLE
    assert 1.5 < took < 4  # DJANGO_DB_CONNECT_TIMEOUT=2, not gunicorn's 30 s worker timeout
    status, _headers, _body, took = fetch(f"{base}/sdg/16.3/")
    assert (status, took < 1) == (HTTPStatus.SERVICE_UNAVAILABLE, True)
    status, _headers, _body, took = fetch(f"{base}/readyz")
    assert (status, took < 4) == (HTTPStatus.SERVICE_UNAVAILABLE, True)
    healthz = fetch(f"{base}/healthz")
    assert healthz[0] == HTTPStatus.OK and healthz[3] < 1
    assert time.monotonic() - started < 10
    assert "connection timeout expired" in log.read_text()
