"""Reads go to a replica until the request writes or opens a transaction; writes go to the primary."""

import pytest
from django.core.signals import request_started
from django.db import close_old_connections, connections, transaction

from portal.db_router import ReplicaRouter
from portal.models import Theme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("routed")]


def new_request() -> None:
    """What a request's start does to the router (without closing the test's connection, as the test client)."""
    request_started.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
    finally:
        request_started.connect(close_old_connections)


@pytest.fixture
def routed(settings):
    """The router on, and the replica alias (a test mirror of the primary) served by the primary's own
    connection, so it sees the test's uncommitted data and shares its transaction."""
    settings.DATABASE_ROUTERS = ["portal.db_router.ReplicaRouter"]
    replica = connections["replica1"]
    connections["replica1"] = connections["default"]
    new_request()
    yield
    connections["replica1"] = replica


def test_reads_go_to_the_replica():
    assert Theme.objects.all().db == "replica1"
    assert ReplicaRouter().db_for_read(Theme) == "replica1"


def test_writes_go_to_the_primary_and_pin_the_request_to_it():
    theme = Theme.objects.using("default").first()
    theme.save()
    assert Theme.objects.all().db == "default"  # the request sees its own write
    new_request()  # the next request reads from the replica again
    assert Theme.objects.all().db == "replica1"


def test_reads_inside_a_transaction_go_to_the_primary():
    with transaction.atomic():
        assert Theme.objects.all().db == "default"
    assert Theme.objects.all().db == "replica1"


def test_only_the_primary_is_migrated():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "portal") and not router.allow_migrate("replica1", "portal")


def test_a_page_reads_from_the_replica(client, settings, monkeypatch):
    settings.RESPONSE_CACHE_SECONDS = 0
    chosen = []
    route = ReplicaRouter.db_for_read
    monkeypatch.setattr(
        ReplicaRouter, "db_for_read", lambda *args, **kw: chosen.append(route(*args, **kw)) or chosen[-1]
    )
    response = client.get("/themes/")
    assert response.status_code == 200
    assert "Access to justice" in response.text  # read through the replica alias
    assert chosen and set(chosen) == {"replica1"}


def test_without_replica_urls_there_is_no_router():
    from portal import settings as project_settings

    assert project_settings.DATABASE_REPLICA_URLS == [] and project_settings.DATABASE_ROUTERS == []
