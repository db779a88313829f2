"""The seed command: idempotent, all-or-nothing, and clear about what is wrong."""

import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from portal.models import Theme
from portal.seeding import seed

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("portal", "standards", "programmes", "recommendations")


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
    }


def updated_stamps() -> dict[str, list]:
    return {
        model._meta.label: sorted(model._default_manager.values_list("pk", "updated_at"))
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
        if any(field.name == "updated_at" for field in model._meta.fields)  # not the history of tags
    }


def test_seed_twice_changes_nothing(settings):
    counts, stamps = row_counts(), updated_stamps()
    report = seed(settings.FIXTURES_DIR)
    assert report.changed == 0
    assert row_counts() == counts
    assert updated_stamps() == stamps  # nothing was re-saved


def test_seed_reports_what_it_did(capsys):
    call_command("seed", verbosity=2)
    out = capsys.readouterr().out
    assert "portal.Target: 0 created, 0 updated, 169 unchanged" in out
    assert "Seed complete: changed 0 records." in out


def test_seed_updates_a_changed_record_and_only_that_one(fixtures_copy):
    themes = json.loads((fixtures_copy / "themes.json").read_text())
    themes[0]["description"] = "A new description."
    (fixtures_copy / "themes.json").write_text(json.dumps(themes))
    report = seed(fixtures_copy)
    assert report.changed == 1
    assert report.counts["portal.Theme"]["updated"] == 1
    assert Theme.objects.get(slug=themes[0]["slug"]).description == "A new description."


def test_dry_run_writes_nothing(fixtures_copy):
    themes = json.loads((fixtures_copy / "themes.json").read_text())
    themes.append({"slug": "dry-run-theme", "name": "Dry run"})
    (fixtures_copy / "themes.json").write_text(json.dumps(themes))
    report = seed(fixtures_copy, dry_run=True)
    assert report.counts["portal.Theme"]["created"] == 1
    assert not Theme.objects.filter(slug="dry-run-theme").exists()


def test_missing_file_is_a_command_error_naming_it(fixtures_copy):
    (fixtures_copy / "programmes/programmes.json").unlink()
    with pytest.raises(CommandError, match=r"programmes/programmes\.json: file is missing"):
        call_command("seed", fixtures_dir=str(fixtures_copy))


def test_corrupt_file_leaves_the_database_as_it_was(fixtures_copy):
    """An early stage adds rows, a later file is corrupt: the early rows must not stay."""
    themes = json.loads((fixtures_copy / "themes.json").read_text())
    themes.append({"slug": "should-not-survive", "name": "Should not survive"})
    (fixtures_copy / "themes.json").write_text(json.dumps(themes))
    (fixtures_copy / "programmes/resources.json").write_text('[{"slug": "broken", ')
    counts = row_counts()
    with pytest.raises(CommandError) as excinfo:
        call_command("seed", fixtures_dir=str(fixtures_copy))
    message = str(excinfo.value)
    assert "programmes/resources.json" in message
    assert "is not valid JSON" in message
    assert "nothing was written" in message
    assert not Theme.objects.filter(slug="should-not-survive").exists()
    assert row_counts() == counts


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda rows: rows[0].update(colour="red"), r"theme access-to-justice: unknown key\(s\): colour"),
        (lambda rows: rows[0].pop("name"), r"theme access-to-justice: missing key\(s\): name"),
        (lambda rows: rows[0].update(parent="no-such-theme"), r'parent: no theme "no-such-theme"'),
        (lambda rows: rows[0].update(position="first"), r"position: .*must be an integer"),
        (lambda rows: rows[0].update(scheme="galaxy"), r"scheme: Value 'galaxy' is not a valid choice"),
    ],
)
def test_invalid_records_are_named(fixtures_copy, mutate, expected):
    rows = json.loads((fixtures_copy / "themes.json").read_text())
    mutate(rows)
    (fixtures_copy / "themes.json").write_text(json.dumps(rows))
    with pytest.raises(CommandError, match=expected):
        call_command("seed", fixtures_dir=str(fixtures_copy))


def instrument_with_link(fixtures_copy, **link_changes):
    rows = json.loads((fixtures_copy / "standards/instruments.json").read_text())
    record = next(row for row in rows if row.get("targets"))
    record["targets"][0].update(link_changes)
    (fixtures_copy / "standards/instruments.json").write_text(json.dumps(rows))
    return record["slug"]


def test_link_without_evidence_is_refused(fixtures_copy):
    instrument_with_link(fixtures_copy, locator="")
    with pytest.raises(CommandError, match='link without evidence: "locator" is required'):
        call_command("seed", fixtures_dir=str(fixtures_copy))


def test_link_to_unknown_target_is_refused(fixtures_copy):
    instrument_with_link(fixtures_copy, target="16.99")
    with pytest.raises(CommandError, match='targets: no target "16.99"'):
        call_command("seed", fixtures_dir=str(fixtures_copy))


def test_link_citing_an_unknown_document_is_refused(fixtures_copy):
    instrument_with_link(fixtures_copy, source="A/RES/99/999")
    with pytest.raises(CommandError, match='no document "A/RES/99/999"'):
        call_command("seed", fixtures_dir=str(fixtures_copy))


def test_unknown_stage_is_refused():
    with pytest.raises(CommandError, match="unknown stage"):
        call_command("seed", only=["everything"])
