"""Every response carries a strict Content-Security-Policy, a Permissions-Policy and the other security headers."""

import re
from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/sdg/16.3/", "/search/?q=prison", "/api/", "/api/v1/goals/", "/api/docs/", "/admin/login/"]


def directives(response) -> dict[str, set[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = set(sources)
    return parsed


@pytest.mark.parametrize("url", PAGES)
def test_strict_content_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK

    policy = directives(response)
    assert policy["default-src"] == {"'self'"}
    assert policy["script-src"] == {"'self'"}  # no inline script, no eval, no CDN
    assert policy["style-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["base-uri"] == {"'none'"}
    assert policy["form-action"] == {"'self'"}


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_script_or_style(client, url):
    html = client.get(url).text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all("src=" in tag or 'type="application/ld+json"' in tag for tag in scripts), scripts
    assert "<style" not in html
    assert not re.search(r"\sstyle=\"", html)
    assert not re.search(r"\son[a-z]+=\"", html)  # no onclick= and the like


@pytest.mark.parametrize("url", PAGES)
def test_permissions_policy_denies_powerful_features(client, url):
    response = client.get(url)
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("url", PAGES)
def test_framing_referrer_and_opener_policies(client, url):
    response = client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_swagger_ui_init_script_is_served_as_a_file(client):
    html = client.get("/api/docs/").text
    init = re.search(r'<script src="([^"]*script=[^"]*)"', html)
    assert init, html
    response = client.get(init.group(1).replace("&amp;", "&"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.text
