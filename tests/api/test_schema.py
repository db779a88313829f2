"""The OpenAPI 3 schema generates without a warning; the docs and the overview page are served."""

from http import HTTPStatus

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS

from tests.api.endpoints import LISTS

pytestmark = pytest.mark.django_db


def test_schema_generates_without_warnings_and_validates(tmp_path):
    GENERATOR_STATS.reset()
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3")


def test_schema_describes_every_collection(api):
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == HTTPStatus.OK
    schema = response.json()
    paths = schema["paths"]
    for name in LISTS:
        operation = paths[f"/api/v1/{name}/"]["get"]
        assert set(operation["responses"]) == {"200", "304", "400", "404", "429", "503"}
        assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv"}
        parameters = {parameter["name"] for parameter in operation["parameters"]}
        assert {"page", "page_size", "format", "updated_since", "ordering", "search"} <= parameters
    assert "/api/v1/instruments/{instrument_slug}/provisions/{ref}/" in paths
    assert "/api/v1/documents/{symbol}/" in paths
    assert set(schema["components"]["schemas"]["ErrorResponse"]["properties"]) == {"errors"}


def test_schema_is_open_to_any_origin(client):
    response = client.get("/api/schema/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_interactive_docs_use_self_hosted_assets(client):
    response = client.get("/api/docs/")
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "unpkg" not in page.lower()
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    # The start-up script is a file of its own (no inline script under the CSP); it points at the schema.
    assert '<script src="/api/docs/?script=">' in page
    assert "/api/schema/" in client.get("/api/docs/?script=").content.decode()


def test_overview_page_explains_the_api_with_curl(client):
    response = client.get("/api/")
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    for needle in [
        "curl",
        "/api/v1/recommendations/?target=5.2&amp;format=csv",
        "/api/v1/instruments/nelson-mandela-rules/",
        "updated_since",
        "If-None-Match",
        "/api/v1/documents/A/CONF.234/5/",
        "A%2FCONF.234%2F5",
        "/api/schema/",
        "/api/docs/",
        "Deprecation",
        "429",
    ]:
        assert needle in page, needle
