"""Settings come from the environment and refuse unsafe production configurations."""

import os
import subprocess
import sys

from django.conf import settings

SHOW_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.DATABASES['default'].get('NAME'), ','.join(s.ALLOWED_HOSTS))"
)


def run_settings(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    clean["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], env=clean, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_settings(DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_refuses_to_start_without_allowed_hosts_when_debug_is_off():
    result = run_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is empty" in result.stderr


def test_starts_in_production_mode_with_key_and_hosts():
    result = run_settings(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.example.org,b.example.org")
    assert result.returncode == 0, result.stderr
    debug, engine, name, hosts = result.stdout.split()
    assert (debug, engine, hosts) == ("False", "django.db.backends.sqlite3", "a.example.org,b.example.org")
    assert name.endswith("var/portal.sqlite3")


def test_debug_mode_runs_without_a_committed_key():
    result = run_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("True django.db.backends.sqlite3")


def test_database_url_switches_to_postgresql():
    result = run_settings(DJANGO_DEBUG="1", DATABASE_URL="postgres://portal@db.example.org:5432/portal")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1:3] == ["django.db.backends.postgresql", "portal"]


def test_invalid_debug_value_is_a_clear_error():
    result = run_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be one of" in result.stderr


def test_whitenoise_follows_security_middleware():
    middleware = settings.MIDDLEWARE
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == (
        middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )
