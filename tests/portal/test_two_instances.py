"""Two app instances (gunicorn), one PostgreSQL, one Redis: a publish on one is seen on the other at once."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from http import HTTPStatus

import pytest
from django.conf import settings

from portal.models import Theme
from tests.portal.test_outage_served import fetch, serving

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SLUG = "two-instances-theme"


def redis_reachable() -> bool:
    parsed = urllib.parse.urlparse(REDIS_URL)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.IS_POSTGRESQL, reason="two instances share one PostgreSQL"),
    pytest.mark.skipif(not redis_reachable(), reason=f"needs Redis at {REDIS_URL} (CI runs it)"),
]


def database_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"  # the test database


def manage_shell(code: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DATABASE_URL=database_url(), REDIS_URL=REDIS_URL, DJANGO_TESTING="1")
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=settings.BASE_DIR, env=env, check=True, timeout=60
    )


SETUP = f"""
from django.contrib.auth import get_user_model
from django.core.cache import cache
from portal.models import Theme
cache.clear()
get_user_model().objects.create_superuser("two-instances", password="two-instances-password")
Theme.objects.create(slug="{SLUG}", name="Published on one instance", status="draft")
"""
CLEANUP = f"""
from django.contrib.auth import get_user_model
from django.core.cache import cache
from portal.models import Theme
Theme.objects.filter(slug="{SLUG}").delete()
Theme.history.filter(slug="{SLUG}").delete()
get_user_model().objects.filter(username="two-instances").delete()
cache.clear()
"""


def publish_through_the_admin(base: str, theme_id: int) -> None:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path: str, form: dict) -> int:
        page = opener.open(f"{base}{path}").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": token}, doseq=True).encode()
        with opener.open(urllib.request.Request(f"{base}{path}", data=data, headers={"Referer": base})) as answer:
            return answer.status

    login = {"username": "two-instances", "password": "two-instances-password", "next": "/admin/"}
    assert post("/admin/login/", login) == HTTPStatus.OK
    action = {"action": "publish", "_selected_action": [theme_id], "index": 0}
    assert post("/admin/portal/theme/", action) == HTTPStatus.OK


def test_a_publish_on_one_instance_is_seen_on_the_other_at_once(tmp_path):
    manage_shell(SETUP)
    try:
        env = {"REDIS_URL": REDIS_URL, "DJANGO_DB_STATEMENT_TIMEOUT": "0"}
        with (
            serving(tmp_path / "a.log", database_url(), **env) as (first, _),
            serving(tmp_path / "b.log", database_url(), **env) as (second, _),
        ):
            listing = "/api/v1/themes/?page_size=100"
            status, headers, body, _took = fetch(second + listing)
            assert status == HTTPStatus.OK and SLUG.encode() not in body
            assert headers["Cache-Control"] == "public, max-age=60"  # shared caches may keep it
            assert fetch(second + listing)[2] == body  # now cached on the second instance
            page = fetch(f"{second}/api/v1/themes/{SLUG}/")
            assert page[0] == HTTPStatus.NOT_FOUND
            publish_through_the_admin(first, Theme.objects.get(slug=SLUG).pk)
            status, again, body, _took = fetch(second + listing)
            assert status == HTTPStatus.OK and SLUG.encode() in body
            assert again["ETag"] != headers["ETag"]
            assert fetch(f"{second}/api/v1/themes/{SLUG}/")[0] == HTTPStatus.OK
    finally:
        manage_shell(CLEANUP)
