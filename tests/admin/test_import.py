"""Bulk import: a dry run reports every row; nothing is written unless the whole file is valid."""

import csv
import io
from http import HTTPStatus

import pytest
from django.urls import reverse

from portal import imports
from portal.models import PublicationStatus
from programmes.models import Activity
from recommendations.models import Recommendation, RecommendationTarget

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:recommendations_import")
DOCUMENT = "A/CONF.234/5"


def recommendation_rows(count: int, **overrides) -> list[dict]:
    rows = [
        {
            "document": DOCUMENT,
            "paragraph": f"900 ({number})",
            "kind": "recommendation",
            "text": f"Imported recommendation {number}.",
            "summary": f"Imported summary {number}.",
            "targets": "16.3; 16.6",
            "source": DOCUMENT,
            "locator": f"para 900 ({number})",
            "rationale": "The paragraph asks for it.",
            "basis": "judgement",
        }
        for number in range(1, count + 1)
    ]
    for number, changes in overrides.items():
        rows[int(number.removeprefix("row")) - 2].update(changes)
    return rows


def as_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_a_valid_file_creates_exactly_the_rows_it_reports(editor):
    report = imports.import_rows(kind="recommendations", rows=recommendation_rows(3), user=editor, commit=True)
    assert report.written
    assert report.counts == {"new": 3, "changed": 0, "unchanged": 0, "error": 0}
    created = Recommendation.objects.filter(paragraph__startswith="900 (")
    assert created.count() == 3
    assert set(created.values_list("status", flat=True)) == {PublicationStatus.DRAFT}
    assert RecommendationTarget.objects.filter(recommendation__in=created).count() == 6
    assert created.first().history.latest().history_user == editor
    again = imports.import_rows(kind="recommendations", rows=recommendation_rows(3), user=editor, commit=True)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 3, "error": 0}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"targets": "16.3; 99.9"}, "targets: unknown target “99.9”"),
        ({"document": "A/NOT/REAL"}, "document: unknown document “A/NOT/REAL”"),
        ({"rationale": ""}, "missing evidence for Target 16.3: rationale"),
        ({"source": "A/NOT/REAL"}, "source_symbol: No document with the symbol “A/NOT/REAL”."),
        ({"paragraph": "900 (1)"}, "duplicate of row 2"),
        ({"text": ""}, "required: text"),
    ],
)
def test_one_bad_row_imports_nothing_and_is_reported(editor, change, reason):
    rows = recommendation_rows(4, row4=change)
    report = imports.import_rows(kind="recommendations", rows=rows, user=editor, commit=True)
    assert not report.written
    errors = [(row.number, row.reasons) for row in report.rows if row.state == imports.ERROR]
    assert errors == [(4, [reason])]
    assert [row.state for row in report.rows if row.number != 4] == ["new"] * 3
    assert not Recommendation.objects.filter(paragraph__startswith="900 (").exists()


def test_links_and_activities_import(editor):
    recommendation = Recommendation.objects.first()
    link = {"recommendation": recommendation.slug, "instrument": "nelson-mandela-rules", "source": DOCUMENT,
            "locator": "para 1", "rationale": "It says so."}  # fmt: skip
    report = imports.import_rows(kind="links", rows=[link, {**link, "locator": "para 2"}], user=editor, commit=True)
    assert [row.reasons for row in report.rows] == [[], ["duplicate of row 2"]]
    activity = {"slug": "imported-activity", "year": "2024", "description": "Training.", "source": DOCUMENT,
                "locator": "para 3", "instruments": "nelson-mandela-rules"}  # fmt: skip
    report = imports.import_rows(kind="activities", rows=[activity], user=editor, commit=True)
    assert report.written
    assert Activity.objects.get(slug="imported-activity").instruments.count() == 1


def test_export_reads_back_unchanged(editor):
    queryset = Recommendation.objects.filter(document__symbol=DOCUMENT)[:5]
    columns, rows = imports.export_rows(kind="recommendations", queryset=queryset)
    for file_format, name in (("csv", "export.csv"), ("xlsx", "export.xlsx")):
        content = imports.render_table(columns=columns, rows=rows, file_format=file_format)
        table = imports.read_table(content=content, filename=name)
        report = imports.import_rows(kind="recommendations", rows=table, user=editor, commit=False)
        assert report.counts["unchanged"] == 5, report.rows


def test_the_admin_shows_the_dry_run_report_then_imports_on_confirmation(client_for, editor):
    client = client_for(editor)
    upload = io.BytesIO(as_csv(recommendation_rows(2)))
    upload.name = "recs.csv"
    response = client.post(IMPORT, {"kind": "recommendations", "file": upload, "dry_run": "1"})
    assert response.status_code == HTTPStatus.OK
    assert "2 new, 0 changed, 0 unchanged, 0 in error." in response.text
    assert not Recommendation.objects.filter(paragraph__startswith="900 (").exists()
    response = client.post(IMPORT, {"confirm": "1"})
    assert response.status_code == HTTPStatus.FOUND
    assert Recommendation.objects.filter(paragraph__startswith="900 (").count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("recs.csv", b"document,paragraph\n" + b"x" * 2_000_001, "the limit is 2 MB"),
        ("recs.txt", b"document,paragraph\n", "upload a .csv or .xlsx file"),
        ("recs.csv", "document\nA/CONF.234/5\n".encode("utf-16"), "the CSV file is not UTF-8 text"),
        ("recs.xlsx", b"not a workbook", "not a readable XLSX file"),
        ("recs.csv", b"document,colour\nA/CONF.234/5,blue\n", "unknown column(s): colour"),
    ],
)
def test_an_unusable_file_is_a_clear_message_and_nothing_is_pending(client_for, editor, name, content, message):
    client = client_for(editor)
    upload = io.BytesIO(content)
    upload.name = name
    response = client.post(IMPORT, {"kind": "recommendations", "file": upload, "dry_run": "1"})
    assert response.status_code == HTTPStatus.OK
    assert message in response.text
    assert "portal_import" not in client.session
