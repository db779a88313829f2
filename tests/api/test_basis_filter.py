"""`basis=stated|judgement` on the lists of entries linked to SDG targets, in HTML and the API."""

from http import HTTPStatus

import pytest

from portal.models import LinkBasis, PublicationStatus
from programmes.models import Programme
from recommendations.models import Recommendation
from standards.models import Instrument
from tests.pages import text

pytestmark = pytest.mark.django_db


def linked(model, basis, **link):
    return (
        model.objects.published()
        .filter(target_links__basis=basis, target_links__status=PublicationStatus.PUBLISHED, **link)
        .distinct()
    )


@pytest.mark.parametrize("basis", [LinkBasis.STATED, LinkBasis.JUDGEMENT])
def test_recommendations_by_basis_in_html_and_api(client, api, basis):
    expected = linked(Recommendation, basis)
    assert 0 < expected.count() < Recommendation.objects.published().count() or basis == LinkBasis.JUDGEMENT
    assert f'<h2 id="results-heading">{expected.count()} entr' in text(client.get(f"/recommendations/?basis={basis}"))
    response = api.get("/api/v1/recommendations/", {"basis": basis})
    assert response.status_code == HTTPStatus.OK
    assert response.json()["count"] == expected.count()
    assert {row["slug"] for row in response.json()["results"]} <= set(expected.values_list("slug", flat=True))


def test_basis_with_a_target_qualifies_the_link_to_that_target(client, api):
    stated = linked(Recommendation, LinkBasis.STATED, target_links__target__code="16.3")
    all_to_target = Recommendation.objects.published().filter(target_links__target__code="16.3").distinct()
    assert stated.count() < all_to_target.count()
    body = text(client.get("/recommendations/?target=16.3&basis=stated"))
    assert f'<h2 id="results-heading">{stated.count()} entr' in body
    response = api.get("/api/v1/recommendations/", {"target": "16.3", "basis": "stated"})
    assert response.json()["count"] == stated.count()


@pytest.mark.parametrize(("url", "model"), [("instruments", Instrument), ("programmes", Programme)])
def test_instruments_and_programmes_filter_by_basis(api, url, model):
    expected = linked(model, LinkBasis.STATED).count()
    assert 0 < expected < model.objects.published().count()
    assert api.get(f"/api/v1/{url}/", {"basis": "stated"}).json()["count"] == expected


@pytest.mark.parametrize("url", ["recommendations", "instruments", "programmes", "provisions"])
def test_a_bad_basis_is_a_400_in_the_api_and_a_form_error_on_the_page(client, api, url):
    response = api.get(f"/api/v1/{url}/", {"basis": "hunch"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["errors"][0]["parameter"] == "basis"
    if url != "provisions":
        page = client.get(f"/{url}/?basis=hunch")
        assert page.status_code == HTTPStatus.OK
        assert "Some filters could not be applied" in text(page)


def test_the_schema_documents_basis_with_its_two_values(api):
    paths = api.get("/api/schema/", {"format": "json"}).json()["paths"]
    for name in ("recommendations", "instruments", "programmes", "provisions"):
        parameter = next(p for p in paths[f"/api/v1/{name}/"]["get"]["parameters"] if p["name"] == "basis")
        assert parameter["schema"]["enum"] == ["judgement", "stated"]
