"""Integrity lives in the database: named constraints reject bad rows whatever writes them."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from portal.models import Goal, Target, Theme
from programmes.models import Activity, Country
from recommendations.models import Document, Meeting, Recommendation
from standards.models import Instrument, InstrumentTarget, Provision

pytestmark = pytest.mark.django_db


def rejects(constraint_name: str, create, sqlite_columns: str = "") -> None:
    """Assert the write fails on this very constraint (PostgreSQL names it; SQLite names
    CHECK constraints, and the columns of a UNIQUE one)."""
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        create()
    message = str(excinfo.value)
    if connection.vendor == "sqlite" and sqlite_columns:
        assert f"UNIQUE constraint failed: {sqlite_columns}" in message
    else:
        assert constraint_name in message


@pytest.fixture
def instrument():
    return Instrument.objects.create(
        slug="test-rules", title="Test Rules", kind="rules", category="standard_and_norm", resolution_symbol="A/RES/1/1"
    )


def test_goal_code_is_unique():
    rejects("portal_goal_code_unique", lambda: Goal.objects.filter(code="17").update(code="16"), "portal_goal.code")


def test_goal_number_is_in_range():
    rejects("portal_goal_number_range", lambda: Goal.objects.create(code="18", number=18, title="x", short_title="x"))


def test_target_code_is_unique():
    goal = Goal.objects.get(code="16")
    rejects(
        "portal_target_code_unique",
        lambda: Target.objects.create(code="16.3", goal=goal, position=999, title="x"),
        "portal_target.code",
    )


def test_provision_number_is_unique_within_its_instrument(instrument):
    Provision.objects.create(instrument=instrument, number="1", ref="1", position=1, text="x")
    rejects(
        "standards_provision_number_unique_in_instrument",
        lambda: Provision.objects.create(instrument=instrument, number="1", ref="1-bis", position=2, text="y"),
        "standards_provision.instrument_id, standards_provision.kind, standards_provision.number",
    )


def test_same_provision_number_in_another_instrument_is_fine(instrument):
    Provision.objects.create(instrument=instrument, number="58", ref="58", position=1, text="x")
    assert Provision.objects.filter(number="58").count() == 2  # and rule 58 of the Nelson Mandela Rules


def test_instrument_needs_a_symbol_or_a_reason():
    rejects(
        "standards_instrument_symbol_or_reason",
        lambda: Instrument.objects.create(slug="no-symbol", title="x", kind="rules", category="standard_and_norm"),
    )


def test_link_without_evidence_is_rejected(instrument):
    target = Target.objects.get(code="16.3")
    rejects(
        "standards_instrumenttarget_evidence_required",
        lambda: InstrumentTarget.objects.create(
            instrument=instrument, target=target, source_symbol="A/CONF.234/5", source_locator="", rationale="x"
        ),
    )


def test_duplicate_link_is_rejected(instrument):
    target = Target.objects.get(code="16.3")
    evidence = {"source_symbol": "A/CONF.234/5", "source_locator": "para 1", "rationale": "x"}
    InstrumentTarget.objects.create(instrument=instrument, target=target, **evidence)
    rejects(
        "standards_instrumenttarget_unique",
        lambda: InstrumentTarget.objects.create(instrument=instrument, target=target, **evidence),
        "standards_instrumenttarget.instrument_id, standards_instrumenttarget.target_id",
    )


def test_unknown_status_is_rejected():
    rejects("portal_theme_status_valid", lambda: Theme.objects.create(slug="t", name="t", status="secret"))


def test_document_symbol_is_unique():
    rejects(
        "recommendations_document_symbol_unique",
        lambda: Document.objects.create(symbol="A/CONF.234/5", title="x", kind="other"),
        "recommendations_document.symbol",
    )


def test_recommendation_paragraph_is_unique_in_its_document():
    document = Document.objects.get(symbol="A/CONF.234/5")
    rejects(
        "recommendations_recommendation_paragraph_unique",
        lambda: Recommendation.objects.create(
            document=document, slug="other-slug", paragraph="44 (b)", kind="recommendation", text="x"
        ),
        "recommendations_recommendation.document_id, recommendations_recommendation.paragraph",
    )


def test_meeting_cannot_end_before_it_starts():
    rejects(
        "recommendations_meeting_dates_ordered",
        lambda: Meeting.objects.create(
            slug="m", title="m", kind="other", start_date=datetime.date(2021, 3, 12), end_date=datetime.date(2021, 3, 7)
        ),
    )


def test_country_iso3_unique_when_set_but_blanks_allowed():
    Country.objects.create(slug="a", name="A")
    Country.objects.create(slug="b", name="B")
    existing = Country.objects.exclude(iso3="").first()
    rejects(
        "programmes_country_iso3_unique_when_set",
        lambda: Country.objects.create(slug="c", name="C", iso3=existing.iso3),
        "programmes_country.iso3",
    )


def test_activity_needs_its_source():
    rejects(
        "programmes_activity_evidence_required",
        lambda: Activity.objects.create(slug="x", year=2021, description="x", source_symbol="", source_locator=""),
    )


def test_reference_data_is_protected_from_deletion():
    with pytest.raises(ProtectedError):
        Target.objects.get(code="16.3").delete()


def test_saving_or_deleting_a_link_moves_both_ends_updated_at(instrument):
    target = Target.objects.get(code="5.2")
    long_ago = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    Instrument.objects.filter(pk=instrument.pk).update(updated_at=long_ago)
    Target.objects.filter(pk=target.pk).update(updated_at=long_ago)
    link = InstrumentTarget.objects.create(
        instrument=instrument, target=target, source_symbol="A/CONF.234/5", source_locator="para 1", rationale="x"
    )
    instrument.refresh_from_db()
    target.refresh_from_db()
    assert instrument.updated_at > long_ago and target.updated_at > long_ago

    Instrument.objects.filter(pk=instrument.pk).update(updated_at=long_ago)
    link.delete()
    instrument.refresh_from_db()
    assert instrument.updated_at > long_ago
    assert str(link) == "Test Rules → Target 5.2"
