"""Security settings come from the environment; `check --deploy` is clean under the documented production settings."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

# The production settings the README documents (a made-up key of the required length and variety).
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k7Qp-2vX9!mZr4Lw8Ty1Hc6Nb3Jd5Fs0Ga_Ue7Io2Pq9Rx4Wv8Yz1Ab3Cd5Ef7Gh",
    "DJANGO_ALLOWED_HOSTS": "standards.example.org",
    "DJANGO_SECURE_HSTS_SECONDS": "31536000",
    "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_SECURE_HSTS_PRELOAD": "1",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
}


def clean_env(**env) -> dict:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in ("DATABASE_URL", "REDIS_URL")
    }
    clean["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    clean.update(env)
    return clean


def show(expression: str, **env) -> subprocess.CompletedProcess:
    code = f"import django; django.setup(); from django.conf import settings as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], env=clean_env(**env), cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def shown(expression: str, **env) -> str:
    result = show(expression, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_is_clean_under_the_documented_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean_env(**PRODUCTION),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_hsts_and_ssl_redirect_are_off_unless_the_environment_turns_them_on():
    production = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
    expression = "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SECURE_SSL_REDIRECT"
    assert shown(expression, **production) == "0 False False False"
    assert shown(expression, **PRODUCTION) == "31536000 True True True"


def test_hsts_is_never_sent_in_debug_mode():
    assert shown("s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT", **{**PRODUCTION, "DJANGO_DEBUG": "1"}) == "0 False"


def test_proxy_ssl_header_is_trusted_only_behind_a_declared_proxy():
    production = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
    assert shown("s.SECURE_PROXY_SSL_HEADER", **production) == "None"
    assert shown("s.SECURE_PROXY_SSL_HEADER", **production, DJANGO_NUM_PROXIES="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )
    assert shown("s.SECURE_PROXY_SSL_HEADER", **production, DJANGO_API_NUM_PROXIES="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_num_proxies_is_shared_by_the_api_the_login_lock_and_the_search_throttle():
    production = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
    assert shown("s.NUM_PROXIES, s.REST_FRAMEWORK['NUM_PROXIES']", **production, DJANGO_NUM_PROXIES="2") == "2 2"


def test_login_lock_settings_come_from_the_environment():
    production = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
    expression = "s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME, s.AXES_LOCKOUT_PARAMETERS"
    assert shown(expression, **production) == "5 0:15:00 [['username', 'ip_address']]"
    assert shown(
        expression, **production, DJANGO_LOGIN_FAILURE_LIMIT="10", DJANGO_LOGIN_COOLOFF_MINUTES="60"
    ).startswith("10 1:00:00")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_LOGIN_FAILURE_LIMIT": "0"}, "DJANGO_LOGIN_FAILURE_LIMIT must be a whole number"),
        ({"DJANGO_LOGIN_COOLOFF_MINUTES": "soon"}, "DJANGO_LOGIN_COOLOFF_MINUTES must be a whole number"),
        ({"DJANGO_SECURE_HSTS_SECONDS": "-5"}, "DJANGO_SECURE_HSTS_SECONDS must be a whole number"),
        ({"DJANGO_SEARCH_THROTTLE_RATE": "lots"}, "DJANGO_SEARCH_THROTTLE_RATE must look like"),
        ({"REDIS_URL": "http://cache.example.org"}, "REDIS_URL must start with redis://"),
    ],
)
def test_refuses_to_start_with_a_bad_security_setting(env, message):
    result = show("1", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.org", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_redis_url_puts_the_throttle_counts_in_redis():
    production = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "a.org"}
    expression = "s.CACHES['default']['BACKEND'], s.CACHES['default'].get('LOCATION', '-')"
    assert shown(expression, **production).startswith("django.core.cache.backends.locmem.LocMemCache")
    assert shown(expression, **production, REDIS_URL="redis://cache.internal:6379/2") == (
        "django_redis.cache.RedisCache redis://cache.internal:6379/2"
    )
