"""When the database fails, the portal answers 503 quickly and says so once in the log.

- A connection or timeout error (OperationalError, InterfaceError) answers 503 with Retry-After:
  the API's JSON error under /api/, a short page elsewhere, never a 500 and never a traceback per request.
- The first failure opens an outage: it is logged once, and until a background probe reaches the
  database again, requests that need it are refused at once instead of each waiting for a timeout
  (so workers stay free for the pages, static files and health checks that need no database).
  The recovery is logged once too, with how long it lasted and how many requests were refused.
- PostgreSQL's statement_timeout cannot fire on a server that is frozen or cut off by the network:
  a watchdog cuts the socket of a request that has waited longer than the statement timeout (+1 s).

State is per process, as each gunicorn worker has its own connections.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from contextlib import contextmanager, suppress

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5
PROBE_INTERVAL_SECONDS = 0.5
API_PREFIX = "/api/"
QUERY_CANCELED = "57014"
UNAVAILABLE_MESSAGE = "The database is unavailable; please retry in a few seconds."


def is_outage_error(exc: BaseException) -> bool:
    """A database that cannot be reached or does not answer, as opposed to a query that is wrong."""
    return isinstance(exc, OUTAGE_ERRORS)


def is_statement_timeout(exc: BaseException) -> bool:
    """PostgreSQL cancelled the statement at statement_timeout (SQLSTATE 57014, query_canceled)."""
    return getattr(exc.__cause__, "sqlstate", None) == QUERY_CANCELED


def database_ready(*, alias: str = DEFAULT_DB_ALIAS, timeout: int = 2) -> bool:
    """Whether a fresh connection (never a worker's pooled one, which may hang) answers SELECT 1 in time."""
    probe = connections[alias].copy()
    if probe.vendor == "postgresql":
        probe.settings_dict["OPTIONS"]["connect_timeout"] = timeout
    try:
        with watchdog.guard(probe, budget=timeout + 1), probe.cursor() as cursor:  # bounded even if frozen
            cursor.execute("SELECT 1")
        return True
    except OUTAGE_ERRORS:
        return False
    finally:
        probe.close()


class DatabaseOutage:
    """The outage state of this process: when it began, how many requests it has cost."""

    def __init__(self, *, probe_interval: float = PROBE_INTERVAL_SECONDS):
        self.probe_interval = probe_interval
        self.down_since: float | None = None
        self.refused = 0
        self._lock = threading.Lock()

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def failed(self, error: BaseException) -> bool:
        """A request met a database error: count it; the first one opens the outage (True) and starts the probe."""
        with self._lock:
            self.refused += 1
            if self.down_since is not None:
                logger.debug("Database still unavailable (%s)", error)
                return False
            self.down_since = time.monotonic()
            self.refused = 1
        logger.warning("Database unavailable, answering 503 until it is back: %s", str(error).strip() or repr(error))
        threading.Thread(target=self._probe_until_back, name="database-probe", daemon=True).start()
        return True

    def refuse(self) -> None:
        with self._lock:
            self.refused += 1

    def recovered(self) -> None:
        with self._lock:
            if self.down_since is None:
                return
            lasted, refused = time.monotonic() - self.down_since, self.refused
            self.down_since, self.refused = None, 0
        logger.warning("Database back after %.1f s, %d request%s refused", lasted, refused, "" if refused == 1 else "s")

    def _probe_until_back(self) -> None:
        try:
            while self.down:
                time.sleep(self.probe_interval)
                try:
                    ready = database_ready(timeout=settings.DB_CONNECT_TIMEOUT)
                except Exception:  # the probe must outlive any surprise, or the outage would never end
                    logger.debug("Database probe failed", exc_info=True)
                    ready = False
                if ready:
                    self.recovered()
        finally:
            connections.close_all()


class Watch:
    """One request's wait on the database: when it must end by, or None while it is not waiting."""

    __slots__ = ("database", "deadline")

    def __init__(self, database, deadline: float | None):
        self.database, self.deadline = database, deadline


class Watchdog:
    """Cuts the database socket of a request that has waited on one statement past its budget
    (and those of every other request of the process, which wait on the same silent server).

    The server's statement_timeout ends slow statements; a server that is frozen or unreachable
    never answers at all, and psycopg would wait forever. Shutting the socket down makes the
    waiting call fail at once with an OperationalError, which then answers 503. The budget runs
    per statement (and from the start of the request until its first one, which covers Django's
    health check of a pooled connection), so a request making many quick queries is never cut.
    """

    def __init__(self, *, tick: float = 0.1):
        self.tick = tick
        self._watches: set[Watch] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @contextmanager
    def guard(self, database, budget: float):
        if budget <= 0 or database.vendor != "postgresql":
            yield
            return
        watch = Watch(database, time.monotonic() + budget)

        def timed(execute, sql, params, many, context):
            watch.deadline = time.monotonic() + budget
            try:
                return execute(sql, params, many, context)
            finally:
                watch.deadline = None

        with self._lock:
            self._watches.add(watch)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="database-watchdog", daemon=True)
                self._thread.start()
        try:
            with database.execute_wrapper(timed):
                yield
        finally:
            with self._lock:
                self._watches.discard(watch)
            database.__dict__.pop("connect", None)

    def cut_all(self, *, sparing=None) -> None:
        """Cut every watched request but the one whose connection is `sparing`."""
        with self._lock:
            for watch in [watch for watch in self._watches if watch.database is not sparing]:
                self._watches.discard(watch)
                cut(watch.database)

    def _run(self) -> None:
        while True:
            time.sleep(self.tick)
            now = time.monotonic()
            with self._lock:  # held while cutting, so a request that ends meanwhile is never cut after
                if any(watch.deadline is not None and watch.deadline <= now for watch in self._watches):
                    # Not even the server's statement_timeout answered: it is frozen or cut off, and
                    # every request of this process waiting on it would wait as long.
                    for watch in self._watches:
                        cut(watch.database)
                    self._watches.clear()


def cut(database) -> None:
    """Shut down the socket under a request's connection from the watchdog's thread: the call waiting
    on it fails at once. Until the request ends it may not reconnect either (Django would, after a
    failed health check), since that would wait another connect timeout on the same silent server."""
    error = OperationalError("The database stopped answering; the request waiting on it was cut")

    def refuse_to_connect():
        raise error

    database.connect = refuse_to_connect
    try:
        descriptor = os.dup(database.connection.pgconn.socket)
    except (AttributeError, OSError):  # closed meanwhile
        return
    with socket.socket(fileno=descriptor) as sock, suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


outage = DatabaseOutage()
watchdog = Watchdog()


def unavailable_response(request) -> HttpResponse:
    """503 with Retry-After: the API's JSON error under /api/, a short page (no database) elsewhere."""
    if request.path.startswith(API_PREFIX):
        body = {"errors": [{"parameter": None, "message": UNAVAILABLE_MESSAGE, "code": "database_unavailable"}]}
        response = JsonResponse(body, status=503)
    else:
        response = HttpResponse(render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # The outage is logged once by DatabaseOutage, not once per request by django.request.
    response._has_been_logged = True
    return response


def needs_database(view_func) -> bool:
    return getattr(view_func, "needs_database", True)


def without_database(view_func):
    """Mark a view that never touches the database: it is served normally during an outage."""
    view_func.needs_database = False
    return view_func


class DatabaseOutageMiddleware:
    """Refuses requests needing the database during an outage; turns database errors into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        budget = settings.DB_STATEMENT_TIMEOUT + 1 if settings.DB_STATEMENT_TIMEOUT else 0
        with watchdog.guard(connections[DEFAULT_DB_ALIAS], budget):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if outage.down and needs_database(view_func):
            outage.refuse()
            return unavailable_response(request)
        return None

    def process_exception(self, request, exception):
        if not is_outage_error(exception):
            return None
        record_failure(request, exception)
        return unavailable_response(request)


def record_failure(request, exception: BaseException) -> None:
    """A statement the server cancelled at its timeout is logged as such (the database is up, the
    query slow). Any other failure opens or continues the outage, and this thread's connections are
    dropped: a broken one must not be reused, and closing never waits on the server (Django would
    otherwise test it with SELECT 1 after the response)."""
    if is_statement_timeout(exception):
        logger.warning("Statement timeout (%g s) on %s", settings.DB_STATEMENT_TIMEOUT, request.path)
        return
    if outage.failed(exception):
        # The other requests of this process waiting on the database would wait in vain.
        watchdog.cut_all(sparing=connections[DEFAULT_DB_ALIAS])
    for database in connections.all(initialized_only=True):
        try:
            database.close()
        except OUTAGE_ERRORS:
            database.connection = None
