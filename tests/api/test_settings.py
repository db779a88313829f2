"""The API's throttle settings come from the environment and refuse nonsense at start-up."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['anon'], s.REST_FRAMEWORK['NUM_PROXIES'])"
)


def run_settings(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    clean.update(DJANGO_SETTINGS_MODULE="portal.settings", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="a.org")
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", SHOW], env=clean, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    ("env", "shown"),
    [
        ({}, "120/minute 0"),
        ({"DJANGO_API_THROTTLE_RATE": "10/second", "DJANGO_API_NUM_PROXIES": "1"}, "10/second 1"),
        ({"DJANGO_API_THROTTLE_RATE": "off"}, "None 0"),
        ({"DJANGO_API_THROTTLE_RATE": ""}, "120/minute 0"),
    ],
)
def test_throttle_settings(env, shown):
    result = run_settings(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == shown


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_API_THROTTLE_RATE": "lots"}, "DJANGO_API_THROTTLE_RATE must look like"),
        ({"DJANGO_API_THROTTLE_RATE": "0/minute"}, "DJANGO_API_THROTTLE_RATE must look like"),
        ({"DJANGO_API_NUM_PROXIES": "-1"}, "DJANGO_API_NUM_PROXIES must be a whole number"),
        ({"DJANGO_API_NUM_PROXIES": "one"}, "DJANGO_API_NUM_PROXIES must be a whole number"),
    ],
)
def test_refuses_to_start_with_a_bad_throttle_setting(env, message):
    result = run_settings(**env)
    assert result.returncode != 0
    assert message in result.stderr
