"""A failing database answers 503 with Retry-After (JSON under /api/, a page elsewhere), logged once per outage."""

import logging
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http import HTTPStatus
from unittest import mock

import pytest
from django.conf import settings
from django.db import DataError, OperationalError, connection

from portal import outage as outage_module

pytestmark = pytest.mark.django_db

API_URL = "/api/v1/targets/16.3/"
PAGE_URL = "/sdg/16.3/"


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}


@pytest.fixture
def reachable(monkeypatch):
    """A fresh outage state whose probe reports what the test says (`reachable.value`)."""

    class Probe:
        value = False

        def __call__(self, **kwargs):
            return self.value

    probe = Probe()
    monkeypatch.setattr(outage_module, "outage", outage_module.DatabaseOutage(probe_interval=0.02))
    monkeypatch.setattr(outage_module, "database_ready", probe)
    yield probe
    probe.value = True
    deadline = time.monotonic() + 5
    while outage_module.outage.down and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.fixture
def database_down(reachable):
    """Every new cursor fails as when PostgreSQL is stopped; the test transaction's connection is kept."""
    error = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with (
        mock.patch.object(connection, "ensure_connection", side_effect=error) as ensure,
        mock.patch.object(connection, "close") as close,
    ):
        yield ensure, close


def outage_records(caplog, level=logging.WARNING):
    return [record for record in caplog.records if record.name == "portal.outage" and record.levelno >= level]


def test_the_api_answers_503_in_its_error_format(client, database_down):
    response = client.get(API_URL)
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "5"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "errors": [
            {
                "parameter": None,
                "message": "The database is unavailable; please retry in a few seconds.",
                "code": "database_unavailable",
            }
        ]
    }


def test_api_lists_answer_503_too(client, database_down):
    response = client.get("/api/v1/instruments/", {"format": "csv"})
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json()["errors"][0]["code"] == "database_unavailable"


def test_a_page_answers_a_short_503_page(client, database_down):
    ensure, close = database_down
    response = client.get(PAGE_URL)
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/html")
    assert "temporarily unavailable" in response.content.decode()
    assert close.called  # a broken connection is dropped, never reused or probed after the response


def test_an_outage_is_logged_once_however_many_requests_fail(client, database_down, caplog):
    for url in [API_URL, PAGE_URL] * 5:
        assert client.get(url).status_code == HTTPStatus.SERVICE_UNAVAILABLE
    warnings = outage_records(caplog)
    assert len(warnings) == 1
    assert "Database unavailable" in warnings[0].getMessage()
    assert "Connection refused" in warnings[0].getMessage()
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert outage_module.outage.refused == 10


def test_during_an_outage_requests_are_refused_without_waiting_for_the_database(client, database_down):
    ensure, _close = database_down
    client.get(PAGE_URL)
    calls = ensure.call_count
    for url in (API_URL, PAGE_URL, "/instruments/"):
        assert client.get(url).status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert ensure.call_count == calls


def test_requests_without_the_database_are_served_during_an_outage(client, database_down):
    client.get(PAGE_URL)
    assert outage_module.outage.down
    robots = client.get("/robots.txt")
    assert robots.status_code == HTTPStatus.OK
    assert "Disallow: /admin/" in robots.content.decode()
    assert client.get("/healthz").json() == {"status": "alive"}


def test_the_recovery_is_logged_once_with_its_cost(client, reachable, caplog):
    error = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(connection, "ensure_connection", side_effect=error), mock.patch.object(connection, "close"):
        for _ in range(3):
            client.get(PAGE_URL)
    assert client.get(API_URL).status_code == HTTPStatus.SERVICE_UNAVAILABLE  # refused while still down
    reachable.value = True
    deadline = time.monotonic() + 5
    while outage_module.outage.down and time.monotonic() < deadline:
        time.sleep(0.01)
    assert client.get(PAGE_URL).status_code == HTTPStatus.OK
    messages = [record.getMessage() for record in outage_records(caplog)]
    assert len(messages) == 2
    assert messages[1].startswith("Database back after ")
    assert messages[1].endswith(" s, 4 requests refused")


def test_a_wrong_query_is_still_a_server_error_not_an_outage(client, reachable):
    client.raise_request_exception = False
    with mock.patch("portal.views.links_for_target", side_effect=DataError("invalid input syntax")):
        response = client.get(PAGE_URL)
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert not outage_module.outage.down


def test_a_statement_timeout_is_a_503_but_not_an_outage(client, reachable, caplog):
    class QueryCanceled(Exception):
        sqlstate = "57014"

    cancelled = OperationalError("canceling statement due to statement timeout")
    cancelled.__cause__ = QueryCanceled()
    with mock.patch("portal.views.links_for_target", side_effect=cancelled):
        response = client.get(PAGE_URL)
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert not outage_module.outage.down
    assert [record.getMessage() for record in outage_records(caplog)] == ["Statement timeout (10 s) on /sdg/16.3/"]
    assert client.get(PAGE_URL).status_code == HTTPStatus.OK


def test_liveness_never_touches_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert "no-cache" in response["Cache-Control"]


def test_readiness_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ready", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_reports_an_unreachable_database(client, monkeypatch):
    monkeypatch.setattr("portal.health.database_ready", lambda **kwargs: False)
    response = client.get("/readyz")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


def test_the_schema_documents_the_503(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    assert "503" in schema["paths"]["/api/v1/targets/{code}/"]["get"]["responses"]


# --- Settings ---------------------------------------------------------------------------------

SHOW_DATABASE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DATABASES['default']['OPTIONS'], s.DB_CONNECT_TIMEOUT, s.DB_STATEMENT_TIMEOUT)"
)


def run_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    clean.update(DJANGO_SETTINGS_MODULE="portal.settings", DJANGO_DEBUG="1", **env)
    return subprocess.run(
        [sys.executable, "-c", SHOW_DATABASE], env=clean, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def test_postgresql_gets_connect_and_statement_timeouts_by_default():
    result = run_settings(DATABASE_URL="postgres://portal@db.example.org:5432/portal?sslmode=require")
    assert result.returncode == 0, result.stderr
    assert "'connect_timeout': 5" in result.stdout
    assert "'options': '-c statement_timeout=10000 -c max_parallel_workers_per_gather=0'" in result.stdout
    assert "'sslmode': 'require'" in result.stdout


def test_timeouts_come_from_the_environment():
    result = run_settings(
        DATABASE_URL="postgres://portal@db/portal", DJANGO_DB_CONNECT_TIMEOUT="3", DJANGO_DB_STATEMENT_TIMEOUT="2.5"
    )
    assert result.returncode == 0, result.stderr
    assert "'connect_timeout': 3" in result.stdout and "statement_timeout=2500" in result.stdout


def test_parallel_workers_come_from_the_environment():
    result = run_settings(DATABASE_URL="postgres://portal@db/portal", DJANGO_DB_PARALLEL_WORKERS="2")
    assert result.returncode == 0, result.stderr
    assert "-c max_parallel_workers_per_gather=2'" in result.stdout
    refused = run_settings(DATABASE_URL="postgres://portal@db/portal", DJANGO_DB_PARALLEL_WORKERS="some")
    assert refused.returncode != 0 and "DJANGO_DB_PARALLEL_WORKERS must be a whole number" in refused.stderr


def test_a_zero_statement_timeout_turns_it_off():
    result = run_settings(DATABASE_URL="postgres://portal@db/portal", DJANGO_DB_STATEMENT_TIMEOUT="0")
    assert result.returncode == 0, result.stderr
    assert "statement_timeout" not in result.stdout


def test_sqlite_waits_for_locks_as_long_as_the_statement_timeout():
    result = run_settings(DJANGO_DB_STATEMENT_TIMEOUT="7")
    assert result.returncode == 0, result.stderr
    assert "'timeout': 7.0" in result.stdout


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DJANGO_DB_CONNECT_TIMEOUT", "soon", "DJANGO_DB_CONNECT_TIMEOUT must be a whole number of seconds"),
        ("DJANGO_DB_CONNECT_TIMEOUT", "1", "DJANGO_DB_CONNECT_TIMEOUT must be a whole number of seconds, at least 2"),
        ("DJANGO_DB_CONNECT_TIMEOUT", "2.5", "DJANGO_DB_CONNECT_TIMEOUT must be a whole number"),
        ("DJANGO_DB_STATEMENT_TIMEOUT", "-1", "DJANGO_DB_STATEMENT_TIMEOUT must be a number of seconds, at least 0"),
        ("DJANGO_DB_STATEMENT_TIMEOUT", "nan", "DJANGO_DB_STATEMENT_TIMEOUT must be a number of seconds"),
        ("DJANGO_DB_STATEMENT_TIMEOUT", "10s", "DJANGO_DB_STATEMENT_TIMEOUT must be a number of seconds"),
    ],
)
def test_invalid_timeouts_are_a_clear_error(name, value, message):
    result = run_settings(**{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


# --- The watchdog -------------------------------------------------------------------------------


class FrozenDatabase:
    """Stands in for a PostgreSQL connection whose server has stopped answering: its socket never speaks."""

    vendor = "postgresql"

    def __init__(self, sock):
        self.connection = mock.Mock()
        self.connection.pgconn.socket = sock.fileno()

        self.execute_wrappers = []

    def connect(self):
        return "connected"

    @contextmanager
    def execute_wrapper(self, wrapper):
        self.execute_wrappers.append(wrapper)
        yield
        self.execute_wrappers.pop()

    def execute(self, seconds: float) -> str:
        """A statement the server answers after `seconds`, through the installed wrappers as Django runs it."""
        [wrapper] = self.execute_wrappers
        return wrapper(lambda *args: time.sleep(seconds) or "answered", "SELECT 1", None, False, {})


def test_the_watchdog_cuts_a_request_waiting_on_a_silent_server():
    ours, server = socket.socketpair()
    database = FrozenDatabase(ours)
    started = time.monotonic()
    with ours, server, outage_module.Watchdog(tick=0.01).guard(database, budget=0.2):
        assert ours.recv(1) == b""  # the wait ends: the socket was shut down under it
        waited = time.monotonic() - started
        with pytest.raises(OperationalError, match="stopped answering"):
            database.connect()  # no reconnect to the same silent server within this request
    assert 0.2 <= waited < 2
    assert database.connect() == "connected"  # the next request may connect again


def test_the_watchdog_leaves_a_quick_request_alone():
    ours, server = socket.socketpair()
    database = FrozenDatabase(ours)
    watchdog = outage_module.Watchdog(tick=0.01)
    with ours, server:
        with watchdog.guard(database, budget=0.2):
            server.sendall(b"x")
            assert ours.recv(1) == b"x"
        time.sleep(0.4)
        server.sendall(b"y")
        assert ours.recv(1) == b"y"
    assert database.connect() == "connected"


def test_when_the_server_is_silent_every_waiting_request_is_cut():
    first, first_server = socket.socketpair()
    second, second_server = socket.socketpair()
    watchdog = outage_module.Watchdog(tick=0.01)
    late = FrozenDatabase(second)
    with first, first_server, second, second_server, watchdog.guard(FrozenDatabase(first), budget=0.2):
        started = time.monotonic()
        with watchdog.guard(late, budget=30):  # started later, would wait far longer on its own
            assert second.recv(1) == b""
            with pytest.raises(OperationalError):
                late.connect()
        assert time.monotonic() - started < 2


def test_when_an_outage_opens_the_other_waiting_requests_are_cut():
    mine, mine_server = socket.socketpair()
    other, other_server = socket.socketpair()
    watchdog = outage_module.Watchdog(tick=0.01)
    me, waiting = FrozenDatabase(mine), FrozenDatabase(other)
    with mine, mine_server, other, other_server, watchdog.guard(me, budget=30), watchdog.guard(waiting, budget=30):
        watchdog.cut_all(sparing=me)
        assert other.recv(1) == b""
        mine_server.sendall(b"x")
        assert mine.recv(1) == b"x"
        assert me.connect() == "connected"


def test_the_budget_runs_per_statement_so_many_quick_queries_are_never_cut():
    ours, server = socket.socketpair()
    database = FrozenDatabase(ours)
    with ours, server, outage_module.Watchdog(tick=0.01).guard(database, budget=0.2):
        for _ in range(8):  # 0.4 s in all, each well within the budget
            assert database.execute(0.05) == "answered"
        time.sleep(0.3)  # between statements the request is not waiting on the database
        server.sendall(b"x")
        assert ours.recv(1) == b"x"
        assert database.connect() == "connected"


def test_the_probe_outlives_an_unexpected_error(monkeypatch):
    answers = iter([RuntimeError("surprise"), False, True])

    def probe(**kwargs):
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(outage_module, "database_ready", probe)
    state = outage_module.DatabaseOutage(probe_interval=0.01)
    assert state.failed(OperationalError("gone"))
    deadline = time.monotonic() + 5
    while state.down and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not state.down


@pytest.mark.django_db
@pytest.mark.skipif(not settings.IS_POSTGRESQL, reason="a PostgreSQL setting")
def test_postgresql_connections_start_no_parallel_workers():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)
