"""The response cache: anonymous GETs served per content version, and every write path moves the version."""

import json
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import imports
from portal.models import PublicationStatus, Target, Theme
from portal.seeding import seed
from portal.versioning import ContentVersion, bump, current_version
from portal.workflow import change_status
from standards.models import Instrument, InstrumentTarget

pytestmark = pytest.mark.django_db

PAGE = "/sdg/16.3/"
API = "/api/v1/targets/16.3/"


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


def version_number() -> int:
    return ContentVersion.objects.get().number


@pytest.mark.parametrize("url", [PAGE, API, "/instruments/", "/api/v1/recommendations/?target=16.3", "/"])
def test_a_repeated_anonymous_get_is_served_from_the_cache_with_one_query(client, url):
    first, first_queries = get(client, url)
    again, queries = get(client, url)
    assert first.status_code == again.status_code == HTTPStatus.OK
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert first_queries > 1 and queries == 1  # reading the content version
    assert again["Cache-Control"] == "public, max-age=60"
    assert f'"v{current_version().number}-' in again["ETag"]


@pytest.mark.parametrize("url", [PAGE, API])
def test_if_none_match_is_answered_from_the_version_with_one_query(client, url):
    etag = client.get(url)["ETag"]
    response, queries = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == HTTPStatus.NOT_MODIFIED and response.content == b""
    assert response["ETag"] == etag and queries <= 1


def test_if_modified_since_is_answered_from_the_cached_entry(client):
    last_modified = client.get(PAGE)["Last-Modified"]
    response, queries = get(client, PAGE, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == HTTPStatus.NOT_MODIFIED and queries == 1


def test_with_a_shared_cache_the_version_costs_no_query(client, settings, django_capture_on_commit_callbacks):
    settings.CONTENT_VERSION_IN_CACHE = True
    etag = client.get(PAGE)["ETag"]
    assert get(client, PAGE)[1] == 0
    assert get(client, PAGE, HTTP_IF_NONE_MATCH=etag)[0].status_code == HTTPStatus.NOT_MODIFIED
    target = Target.objects.get(code="16.3")
    with django_capture_on_commit_callbacks(execute=True):
        target.title = "A title only the shared-cache version shows"
        target.save()
    response = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == HTTPStatus.OK and b"A title only the shared-cache version shows" in response.content


def test_the_query_language_and_format_are_part_of_the_key(client, settings):
    settings.PUBLIC_LANGUAGES = ["en", "fr"]
    listing = "/api/v1/targets/"
    assert client.get(listing)["ETag"] != client.get(listing + "?format=csv")["ETag"]
    assert client.get(listing)["ETag"] != client.get(listing, HTTP_ACCEPT="text/csv")["ETag"]
    assert client.get(listing + "?goal=5").content != client.get(listing + "?goal=16").content
    english = client.get(PAGE)
    french = client.get("/fr" + PAGE)
    assert french.status_code == HTTPStatus.OK
    assert english["ETag"] != french["ETag"]
    assert client.get(PAGE, HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr" + PAGE  # negotiated before the cache


def test_signed_in_curators_bypass_the_cache(admin_client):
    first = admin_client.get(PAGE)
    again, queries = get(admin_client, PAGE)
    assert again.status_code == HTTPStatus.OK and queries > 1
    assert "public" not in again.get("Cache-Control", "")
    assert again.get("ETag") != first.get("ETag") or "ETag" not in again


def test_errors_and_throttled_responses_are_not_cached(client, settings):
    assert "ETag" not in client.get("/sdg/99.9/")
    assert get(client, "/sdg/99.9/")[1] >= 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1/minute"}}
    assert client.get(API).status_code == HTTPStatus.OK
    assert client.get(API).status_code == HTTPStatus.TOO_MANY_REQUESTS  # a cache hit still counts
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": None}}
    assert client.get(API).status_code == HTTPStatus.OK


# Every write path: the change is visible on the very next request.


def test_a_raw_save_is_seen_at_once(client):
    client.get(PAGE)
    target = Target.objects.get(code="16.3")
    target.title = "Rule of law, as changed in a shell"
    target.save()
    assert b"Rule of law, as changed in a shell" in client.get(PAGE).content


def test_a_deleted_link_is_gone_at_once(client):
    link = InstrumentTarget.objects.filter(target__code="16.3", status=PublicationStatus.PUBLISHED).first()
    slug = link.instrument.slug
    assert f"/instruments/{slug}/".encode() in client.get(PAGE).content
    InstrumentTarget.objects.filter(target__code="16.3", instrument=link.instrument).delete()
    assert f"/instruments/{slug}/".encode() not in client.get(PAGE).content


def test_a_theme_tagged_through_a_many_to_many_is_seen_at_once(client):
    theme = Theme.objects.filter(status=PublicationStatus.PUBLISHED).first()
    instrument = Instrument.objects.filter(status=PublicationStatus.PUBLISHED).exclude(themes=theme).first()
    url = f"/api/v1/themes/{theme.slug}/"
    before = client.get(f"/api/v1/instruments/?theme={theme.slug}&page_size=100").content
    assert instrument.slug.encode() not in before
    number = version_number()
    instrument.themes.add(theme)
    assert version_number() > number
    assert instrument.slug.encode() in client.get(f"/api/v1/instruments/?theme={theme.slug}&page_size=100").content
    assert client.get(url).status_code == HTTPStatus.OK


def test_a_workflow_action_is_seen_at_once(client, admin_user):
    instrument = Instrument.objects.get(slug="nelson-mandela-rules")
    assert b"nelson-mandela-rules" in client.get("/api/v1/instruments/?page_size=100").content
    assert change_status(objects=[instrument], status=PublicationStatus.WITHDRAWN, user=admin_user) == 1
    assert b"nelson-mandela-rules" not in client.get("/api/v1/instruments/?page_size=100").content


def test_a_history_revert_is_seen_at_once(client):
    target = Target.objects.get(code="16.3")
    old_title = target.title
    target.title = "A title to be reverted"
    target.save()
    assert b"A title to be reverted" in client.get(PAGE).content
    theme = Theme.objects.filter(status=PublicationStatus.PUBLISHED).first()
    theme.name = "Renamed theme"
    theme.save()
    assert b"Renamed theme" in client.get(f"/themes/{theme.slug}/").content
    theme.history.earliest().instance.save()  # what the admin's revert does
    assert b"Renamed theme" not in client.get(f"/themes/{theme.slug}/").content
    target.title = old_title
    target.save()
    assert b"A title to be reverted" not in client.get(PAGE).content


def test_a_bulk_import_moves_the_version_once_and_a_dry_run_not_at_all(admin_user):
    rows = [
        {
            "document": "A/CONF.234/5",
            "paragraph": f"900 ({number})",
            "kind": "recommendation",
            "text": f"Imported recommendation {number}.",
            "summary": f"Imported summary {number}.",
            "targets": "16.3",
            "source": "A/CONF.234/5",
            "locator": f"para 900 ({number})",
            "rationale": "The paragraph asks for it.",
            "basis": "judgement",
        }
        for number in (1, 2, 3)
    ]
    number = version_number()
    assert not imports.import_rows(kind="recommendations", rows=rows, user=admin_user, commit=False).written
    assert version_number() == number
    assert imports.import_rows(kind="recommendations", rows=rows, user=admin_user, commit=True).written
    assert version_number() == number + 1


def test_seed_moves_the_version_and_its_changes_are_seen_at_once(client, fixtures_copy):
    themes = json.loads((fixtures_copy / "themes.json").read_text())
    themes.append({"slug": "seeded-later", "name": "Seeded later", "status": "published"})
    (fixtures_copy / "themes.json").write_text(json.dumps(themes))
    assert b"seeded-later" not in client.get("/api/v1/themes/?page_size=100").content
    number = version_number()
    seed(fixtures_copy)
    assert version_number() == number + 1
    assert b"seeded-later" in client.get("/api/v1/themes/?page_size=100").content


def test_writes_that_skip_signals_call_bump(client):
    body = client.get("/api/v1/themes/?page_size=100").content
    Theme.objects.bulk_create([Theme(slug="bulk-created", name="Bulk", status=PublicationStatus.PUBLISHED)])
    assert client.get("/api/v1/themes/?page_size=100").content == body  # no signal: still the cached copy
    bump()
    assert b"bulk-created" in client.get("/api/v1/themes/?page_size=100").content


def test_reference_data_and_users_other_than_content_do_not_matter(client):
    number = version_number()
    get_user_model().objects.create_user("someone")
    assert version_number() == number


def test_a_head_request_carries_the_validators_a_get_would(client):
    head = client.head(PAGE)  # a miss: rendered, not stored (the body is not sent)
    assert head.status_code == HTTPStatus.OK
    get_response = client.get(PAGE)
    assert head["ETag"] == get_response["ETag"] and head["Cache-Control"] == "public, max-age=60"
    assert client.head(PAGE, HTTP_IF_NONE_MATCH=head["ETag"]).status_code == HTTPStatus.NOT_MODIFIED
