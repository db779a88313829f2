"""`seed` never undoes curation: it inserts what is missing and updates only what nobody changed."""

import io
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from portal.models import PublicationStatus, SeedFingerprint, Theme
from portal.roles import REVIEWER
from portal.seeding import seed
from portal.workflow import change_status
from standards.models import Instrument, InstrumentTarget, Provision, ProvisionTarget
from tests.admin.conftest import make_user
from tests.portal.test_seed import row_counts

pytestmark = pytest.mark.django_db

SLUG = "nelson-mandela-rules"


def run_seed(**options) -> str:
    out = io.StringIO()
    call_command("seed", stdout=out, **options)
    return out.getvalue()


def edit_fixture(fixtures_copy, relative: str, change) -> None:
    path = fixtures_copy / relative
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def fixture_instrument(slug: str = SLUG) -> dict:
    rows = json.loads((settings.FIXTURES_DIR / "standards/instruments.json").read_text())
    return next(row for row in rows if row["slug"] == slug)


# --- a curator's change survives `seed` (and `make run`) --------------------------------------


def test_an_instrument_withdrawn_in_the_admin_stays_withdrawn_and_is_reported():
    instrument = Instrument.objects.get(slug=SLUG)
    assert change_status(objects=[instrument], status=PublicationStatus.WITHDRAWN, user=make_user("reviewer", REVIEWER))
    out = run_seed()
    instrument.refresh_from_db()
    assert instrument.status == PublicationStatus.WITHDRAWN
    assert f"standards.Instrument {SLUG}: changed since seed loaded it (status); left as it is" in out
    assert "1 conflicts" in out


def test_an_edited_summary_is_kept_and_the_conflict_names_the_field():
    instrument = Instrument.objects.get(slug=SLUG)
    instrument.summary = "The curator's own words."
    instrument.save()
    out = run_seed()
    instrument.refresh_from_db()
    assert instrument.summary == "The curator's own words."
    assert f"standards.Instrument {SLUG}: changed since seed loaded it (summary)" in out


def test_an_edited_link_rationale_is_kept():
    link = InstrumentTarget.objects.select_related("target").filter(instrument__slug=SLUG).first()
    link.rationale = "A curator's better reason."
    link.save()
    out = run_seed()
    link.refresh_from_db()
    assert link.rationale == "A curator's better reason."
    assert f"standards.InstrumentTarget {SLUG}, {link.target.code}: changed since seed loaded it (rationale)" in out


def test_a_changed_theme_tag_is_kept():
    instrument = Instrument.objects.get(slug=SLUG)
    added = Theme.objects.exclude(instruments=instrument).first()
    instrument.themes.add(added)
    out = run_seed()
    assert added in instrument.themes.all()
    assert f"standards.Instrument {SLUG}: changed since seed loaded it (themes)" in out


def test_the_fixture_status_of_an_existing_record_is_not_applied(fixtures_copy):
    edit_fixture(
        fixtures_copy,
        "standards/instruments.json",
        lambda rows: next(row for row in rows if row["slug"] == SLUG).update(status="draft", summary="New summary."),
    )
    report = seed(fixtures_copy)
    instrument = Instrument.objects.get(slug=SLUG)
    assert instrument.summary == "New summary."
    assert instrument.status == PublicationStatus.PUBLISHED
    assert report.curation.conflicts == []
    assert report.curation.status_kept == [f"standards.Instrument {SLUG}"]
    assert seed(fixtures_copy).changed == 0  # and keeping it is stable


def test_dry_run_reports_the_same_conflicts():
    Instrument.objects.filter(slug=SLUG).update(status=PublicationStatus.WITHDRAWN)
    out = run_seed(dry_run=True)
    assert f"standards.Instrument {SLUG}: changed since seed loaded it (status)" in out
    assert "Seed complete: would change 0 records. 1 conflicts" in out
    assert Instrument.objects.get(slug=SLUG).status == PublicationStatus.WITHDRAWN


# --- what seed may still do --------------------------------------------------------------------


def test_a_fixture_change_to_records_nobody_touched_is_applied(fixtures_copy):
    def change(rows):
        record = next(row for row in rows if row["slug"] == SLUG)
        record["summary"] = "Updated in the fixture."
        record["themes"] = [*record["themes"], "access-to-justice"]
        record["targets"][0]["rationale"] = "A new rationale."

    edit_fixture(fixtures_copy, "standards/instruments.json", change)
    report = seed(fixtures_copy)
    instrument = Instrument.objects.get(slug=SLUG)
    assert instrument.summary == "Updated in the fixture."
    assert "access-to-justice" in instrument.themes.values_list("slug", flat=True)
    first_target = fixture_instrument()["targets"][0]["target"]
    assert instrument.target_links.get(target__code=first_target).rationale == "A new rationale."
    assert report.counts["standards.Instrument"]["updated"] == 1
    assert report.counts["standards.InstrumentTarget"]["updated"] == 1
    assert report.curation.conflicts == []
    assert seed(fixtures_copy).changed == 0


def test_a_new_fixture_record_is_inserted(fixtures_copy):
    def add(rows):
        rows.append(
            {
                "slug": "new-guidelines",
                "title": "New guidelines",
                "kind": "guidelines",
                "category": "standard_and_norm",
                "symbol_missing_reason": "Not adopted yet.",
                "themes": ["access-to-justice"],
                "targets": [dict(fixture_instrument()["targets"][0])],
            }
        )

    edit_fixture(fixtures_copy, "standards/instruments.json", add)
    report = seed(fixtures_copy)
    assert report.counts["standards.Instrument"]["created"] == 1
    assert report.counts["standards.InstrumentTarget"]["created"] == 1
    assert Instrument.objects.get(slug="new-guidelines").themes.count() == 1
    assert SeedFingerprint.objects.filter(model="standards.Instrument", record_key='["new-guidelines"]').exists()


def test_a_second_seed_changes_nothing_and_reports_no_conflicts():
    report = seed(settings.FIXTURES_DIR)
    assert report.changed == 0
    assert report.curation.conflicts == []
    assert report.curation.deleted == report.curation.skipped == report.curation.overwritten == []
    assert "Seed complete: changed 0 records." in run_seed()


def test_force_restores_the_fixture_and_says_what_it_overwrote():
    instrument = Instrument.objects.get(slug=SLUG)
    instrument.summary = "The curator's own words."
    instrument.status = PublicationStatus.WITHDRAWN
    instrument.save()
    out = run_seed(force=True)
    instrument.refresh_from_db()
    assert instrument.summary == fixture_instrument()["summary"]
    assert instrument.status == PublicationStatus.PUBLISHED
    assert "Overwritten by --force" in out
    assert f"standards.Instrument {SLUG}: summary, status" in out
    assert run_seed().endswith("Seed complete: changed 0 records.\n")  # the reset is the new baseline


# --- records a curator deleted -----------------------------------------------------------------


def test_a_deleted_link_is_not_recreated_unless_forced():
    link = InstrumentTarget.objects.select_related("target").filter(instrument__slug=SLUG).first()
    code = link.target.code
    link.delete()
    out = run_seed()
    assert not InstrumentTarget.objects.filter(instrument__slug=SLUG, target__code=code).exists()
    assert f"standards.InstrumentTarget {SLUG}, {code}" in out.split("not re-created")[1]
    out = run_seed(force=True)
    assert InstrumentTarget.objects.filter(instrument__slug=SLUG, target__code=code).exists()
    assert f"standards.InstrumentTarget {SLUG}, {code}: re-created" in out


def test_a_deleted_theme_is_not_recreated_and_its_tags_are_not_conflicts():
    theme = Theme.objects.filter(children=None, activities=None).exclude(instruments=None).first()
    slug = theme.slug
    theme.delete()
    report = seed(settings.FIXTURES_DIR)
    assert not Theme.objects.filter(slug=slug).exists()
    assert report.curation.deleted == [f"portal.Theme {slug}"]
    assert report.curation.conflicts == []
    assert report.changed == 0


def test_a_link_to_a_deleted_provision_is_skipped_and_reported():
    links = json.loads((settings.FIXTURES_DIR / "standards/provision-links.json").read_text())
    ref, code = links[0]["ref"], links[0]["target"]
    Provision.objects.get(instrument__slug=links[0]["instrument"], ref=ref).delete()  # its links go with it
    out = run_seed()
    assert not Provision.objects.filter(instrument__slug=links[0]["instrument"], ref=ref).exists()
    assert not ProvisionTarget.objects.filter(provision__ref=ref, target__code=code).exists()
    assert "Refer to a record deleted by curators, skipped" in out
    assert f"refers to standards.Provision {links[0]['instrument']}, {ref}, deleted by a curator" in out
    assert "Seed complete: changed 0 records." in out


# --- databases seeded before fingerprints were kept -----------------------------------------------


def test_a_database_seeded_before_fingerprints_keeps_its_edits_and_gains_fingerprints():
    fingerprints = SeedFingerprint.objects.count()
    SeedFingerprint.objects.all().delete()
    Instrument.objects.filter(slug=SLUG).update(summary="Edited before the upgrade.")
    out = run_seed()
    assert Instrument.objects.get(slug=SLUG).summary == "Edited before the upgrade."
    assert f"standards.Instrument {SLUG}: differs from the fixture (summary) and has no seed fingerprint" in out
    assert "Seed complete: changed 0 records." in out
    assert SeedFingerprint.objects.count() == fingerprints - 1  # every untouched record, not the edited one


# --- bad input ----------------------------------------------------------------------------------


def first_link(rows):
    return next(row for row in rows if row["slug"] == SLUG)["targets"][0]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda rows: rows[0].update(summary="Before\x00after"), "summary"),
        (lambda rows: rows[0].update(aliases=["Mandela\x00Rules"]), "aliases"),
        (lambda rows: first_link(rows).update(rationale="Because\x07."), "rationale"),
    ],
)
def test_a_control_character_is_a_clear_error_and_nothing_is_written(fixtures_copy, change, field):
    edit_fixture(fixtures_copy, "standards/instruments.json", change)
    edit_fixture(fixtures_copy, "themes.json", lambda rows: rows.append({"slug": "must-not-stay", "name": "No"}))
    counts = row_counts()
    with pytest.raises(CommandError) as excinfo:
        call_command("seed", fixtures_dir=str(fixtures_copy))
    message = str(excinfo.value)
    assert "standards/instruments.json" in message
    assert f"instrument {SLUG}" in message
    assert f"{field}: contains the control character U+00" in message
    assert row_counts() == counts


def test_a_duplicate_natural_key_in_one_file_names_both_records(fixtures_copy):
    def duplicate(rows):
        rows.append({**rows[0], "name": "Last one would win"})

    edit_fixture(fixtures_copy, "themes.json", duplicate)
    slug = json.loads((fixtures_copy / "themes.json").read_text())[0]["slug"]
    second, first = rf"theme {slug} \(occurrence 2 in this file\)", rf"themes\.json, theme {slug}$"
    expected = rf"{second}: theme {slug} is defined here and at .*{first}"
    with pytest.raises(CommandError, match=expected):
        call_command("seed", fixtures_dir=str(fixtures_copy))
    assert Theme.objects.get(slug=slug).name != "Last one would win"


def test_a_duplicate_natural_key_across_files_names_both_files(fixtures_copy):
    folder = fixtures_copy / "recommendations/recommendations"
    original = folder / "A_CONF.234_5.json"
    (folder / "Z_COPY.json").write_text(original.read_text())
    with pytest.raises(CommandError) as excinfo:
        call_command("seed", fixtures_dir=str(fixtures_copy))
    message = str(excinfo.value)
    assert "Z_COPY.json" in message and "A_CONF.234_5.json" in message
    assert "is defined here and at" in message


def test_the_same_link_twice_in_a_record_is_refused(fixtures_copy):
    edit_fixture(
        fixtures_copy,
        "standards/instruments.json",
        lambda rows: next(row for row in rows if row["slug"] == SLUG)["targets"].append(first_link(rows)),
    )
    with pytest.raises(CommandError, match=rf"instrument {SLUG}: .* is defined twice in this record"):
        call_command("seed", fixtures_dir=str(fixtures_copy))
