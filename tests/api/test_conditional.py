"""ETag and Last-Modified on lists and details; a current copy gets 304 Not Modified."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.utils.http import http_date, parse_http_date

from portal.models import Target
from tests.api.endpoints import LISTS, list_url

pytestmark = pytest.mark.django_db

URLS = [
    *(list_url(name) for name in LISTS),
    "/api/v1/recommendations/?target=5.2&format=csv",
    "/api/v1/targets/16.3/",
    "/api/v1/instruments/nelson-mandela-rules/",
    "/api/v1/instruments/nelson-mandela-rules/provisions/58/",
    "/api/v1/documents/A/CONF.234/5/",
]


@pytest.mark.parametrize("url", URLS)
def test_repeated_request_with_the_etag_is_not_modified(api, url):
    first = api.get(url)
    assert first.status_code == HTTPStatus.OK
    assert first["ETag"].startswith('"') and first["Last-Modified"]
    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("url", URLS)
def test_repeated_request_with_the_date_is_not_modified(api, url):
    first = api.get(url)
    again = api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == HTTPStatus.NOT_MODIFIED
    older = http_date(parse_http_date(first["Last-Modified"]) - 1)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=older).status_code == HTTPStatus.OK


def test_a_change_gives_a_new_etag_and_date(api):
    url = "/api/v1/targets/16.3/"
    first = api.get(url)
    target = Target.objects.get(code="16.3")
    target.title += " (changed)"
    target.save()
    Target.objects.filter(pk=target.pk).update(updated_at=target.updated_at + timedelta(seconds=2))
    again = api.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == HTTPStatus.OK
    assert again["ETag"] != first["ETag"]
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(first["Last-Modified"])
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == HTTPStatus.OK


def test_a_new_link_changes_the_target_etag(api, world):
    """Links carry their own updated_at: a target's Last-Modified follows its links."""
    url = "/api/v1/targets/5.2/"
    first = api.get(url)
    link = world.recommendation.target_links.get()
    link.rationale = "Changed."
    link.save()
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == HTTPStatus.OK


def test_withdrawing_an_entry_moves_the_list_date(api, world):
    url = "/api/v1/instruments/"
    first = api.get(url)
    world.instrument.status = "withdrawn"
    world.instrument.save()
    later = world.instrument.updated_at + timedelta(seconds=2)
    type(world.instrument).objects.filter(pk=world.instrument.pk).update(updated_at=later)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == HTTPStatus.OK


def test_the_etag_depends_on_the_query(api):
    assert api.get("/api/v1/targets/?goal=16")["ETag"] != api.get("/api/v1/targets/?goal=5")["ETag"]
    assert api.get("/api/v1/targets/")["ETag"] != api.get("/api/v1/targets/?format=csv")["ETag"]


def test_errors_carry_no_validators(api):
    response = api.get("/api/v1/targets/99.9/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "ETag" not in response


def test_head_answers_like_get(api):
    first = api.get("/api/v1/targets/16.3/")
    head = api.head("/api/v1/targets/16.3/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert head.status_code == HTTPStatus.NOT_MODIFIED
