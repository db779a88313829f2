"""Browser tests: real Chromium (Debian's package) driven by Playwright, against a real server.

The server runs in its own process on a freshly migrated and seeded SQLite file, exactly as
`make run` serves the portal, so these tests never touch pytest-django's test database.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
AXE_JS = settings.BASE_DIR / "node_modules/axe-core/axe.min.js"
ARTIFACTS = settings.BASE_DIR / "test-artifacts"
# Flags for a sandboxed, offline machine (no background calls to Google's hosts).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def portal_env(tmp_path_factory) -> dict[str, str]:
    """The environment of a throwaway copy of the portal, migrated and seeded; `manage()` runs commands in it."""
    folder = tmp_path_factory.mktemp("browser")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DATABASE_URL": f"sqlite:///{folder / 'portal.sqlite3'}",
        "DJANGO_DEBUG": "1",
        "DJANGO_SECRET_KEY": "browser-test-only-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "seed", "-v0")
    return env


def manage(env: dict[str, str], *command: str, stdin: str | None = None) -> str:
    """Run a management command against the browser server's database; return what it printed."""
    done = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *command],
        env=env,
        cwd=settings.BASE_DIR,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(command)} failed: {done.stderr[-2000:]}")
    return done.stdout


@pytest.fixture(scope="session")
def portal_url(portal_env, tmp_path_factory) -> str:
    """Serve the throwaway copy of the portal; yield its base URL."""
    yield from serve(portal_env, tmp_path_factory)


@pytest.fixture(scope="session")
def multilingual_url(portal_env, tmp_path_factory) -> str:
    """The same copy served with the six UN languages public (DJANGO_PUBLIC_LANGUAGES)."""
    yield from serve({**portal_env, "DJANGO_PUBLIC_LANGUAGES": "ar,zh-hans,en,fr,ru,es"}, tmp_path_factory)


def serve(portal_env: dict[str, str], tmp_path_factory):
    folder = tmp_path_factory.mktemp("server")
    manage_py = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    port = free_port()
    log_path = folder / "server.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [*manage_py, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=portal_env,
        cwd=settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=1)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log.close()
                raise RuntimeError(f"the test server did not start: {log_path.read_text()[-2000:]}") from None
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `apt-get install chromium` (make test and .ci/run do this "
            "when they can), or point PORTAL_CHROMIUM at a Chromium binary."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, portal_url):
    context = browser.new_context(base_url=portal_url, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal_url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make test does this).")
    return AXE_JS.read_text()


def axe_violations(page, axe_source: str) -> list[dict]:
    """Run axe-core's WCAG 2.1 A/AA rules on the current page; return the violations."""
    # Evaluated through the DevTools protocol: an inline <script> would be refused by the site's CSP.
    page.evaluate(axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
