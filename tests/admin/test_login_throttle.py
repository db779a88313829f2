"""Password guessing on the admin login is locked out (django-axes), and a curator can lift the lock."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
RIGHT = "An-unguessable-passphrase-42"
LIMIT = 5  # DJANGO_LOGIN_FAILURE_LIMIT's default


@pytest.fixture
def curator(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast hashing for 300 tries
    return User.objects.create_user("curator", password=RIGHT, is_staff=True, is_superuser=True)


def sign_in(client, password: str, address: str = "203.0.113.7", **headers):
    return client.post(
        LOGIN, {"username": "curator", "password": password, "next": "/admin/"}, REMOTE_ADDR=address, **headers
    )


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_300_wrong_passwords_lock_the_account_out_and_the_right_one_is_refused(client, curator):
    statuses = [sign_in(client, f"guess-{number}").status_code for number in range(300)]

    assert statuses[: LIMIT - 1] == [HTTPStatus.OK] * (LIMIT - 1)  # the form says "wrong password"
    assert set(statuses[LIMIT - 1 :]) == {HTTPStatus.TOO_MANY_REQUESTS}
    response = sign_in(client, RIGHT)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not is_signed_in(client)


def test_lockout_page_says_how_long_to_wait(client, curator):
    for number in range(LIMIT):
        response = sign_in(client, f"guess-{number}")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response["Retry-After"] == str(15 * 60)
    assert response["Content-Type"].startswith("text/html")
    page = response.text
    assert "Too many failed sign-in attempts" in page
    assert "15 minutes" in page
    assert "Standards and Norms Portal" in page  # the portal's own page, not a bare text


def test_reset_lifts_the_lock(client, curator):
    for number in range(LIMIT):
        sign_in(client, f"guess-{number}")
    from axes.models import AccessAttempt  # noqa: PLC0415  (only installed with the lock)

    assert AccessAttempt.objects.filter(username="curator", failures_since_start=LIMIT).exists()

    call_command("axes_reset", verbosity=0)

    response = sign_in(client, RIGHT)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/admin/"
    assert is_signed_in(client)


def test_a_curator_lifts_the_lock_in_the_admin(client, curator):
    from axes.models import AccessAttempt  # noqa: PLC0415  (only installed with the lock)

    for number in range(LIMIT):
        sign_in(client, f"guess-{number}")
    admin_client = type(client)()
    admin_client.force_login(User.objects.create_user("admin", is_staff=True, is_superuser=True))
    attempt = AccessAttempt.objects.get(username="curator")

    response = admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert sign_in(client, RIGHT).status_code == HTTPStatus.FOUND


def test_a_successful_sign_in_clears_earlier_failures(client, curator):
    for number in range(LIMIT - 1):
        sign_in(client, f"guess-{number}")
    assert sign_in(client, RIGHT).status_code == HTTPStatus.FOUND
    client.logout()

    assert [sign_in(client, f"typo-{number}").status_code for number in range(LIMIT - 1)] == [HTTPStatus.OK] * (
        LIMIT - 1
    )


def test_lock_is_per_username_and_address(client, curator):
    """A guesser elsewhere cannot lock a curator out of their own office."""
    for number in range(LIMIT):
        sign_in(client, f"guess-{number}", address="198.51.100.9")

    response = sign_in(client, RIGHT, address="203.0.113.7")
    assert response.status_code == HTTPStatus.FOUND
    assert is_signed_in(client)


def test_forwarded_for_is_ignored_without_a_declared_proxy(client, curator):
    """Without a proxy, a guesser cannot escape the lock by inventing X-Forwarded-For addresses."""
    statuses = [
        sign_in(client, f"guess-{number}", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").status_code
        for number in range(LIMIT + 1)
    ]
    assert statuses[-1] == HTTPStatus.TOO_MANY_REQUESTS


def test_forwarded_for_names_the_client_behind_a_declared_proxy(client, curator, settings):
    settings.NUM_PROXIES = 1
    for number in range(LIMIT):
        sign_in(client, f"guess-{number}", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")

    response = sign_in(client, RIGHT, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == HTTPStatus.FOUND  # another client behind the same proxy
    assert sign_in(client, RIGHT, address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == (
        HTTPStatus.TOO_MANY_REQUESTS
    )


def test_the_admin_lists_attempts_for_unlocking(client, curator):
    for number in range(LIMIT):
        sign_in(client, f"guess-{number}")
    client.force_login(curator)

    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == HTTPStatus.OK
    assert "198.51.100" not in response.text
    assert "203.0.113.7" in response.text
