"""The instrument admin's official text import: who may use it, what it writes, and the re-import diff."""

from http import HTTPStatus
from pathlib import Path

import pytest
from django.urls import reverse

from portal.models import PublicationStatus
from standards.models import Instrument, Provision
from tests.standards import documents

MANDELA_PDF = Path(__file__).parent.parent / "standards" / "data" / "A_RES_70_175_E.pdf"
TWO_RULES = [
    [
        ("title", "Annex"),
        ("heading", "Basic principles"),
        ("provision", "Rule 1"),
        ("indent", "Juveniles shall be treated fairly."),
        ("provision", "Rule 2"),
        ("indent", "Detention shall be a last resort."),
    ]
]


@pytest.fixture
def instrument(db):
    return Instrument.objects.create(
        slug="test-beijing-rules",
        title="United Nations Standard Minimum Rules for the Administration of Juvenile Justice",
        short_title="Test Beijing Rules",
        kind="rules",
        category="standard_and_norm",
        resolution_symbol="A/RES/40/33",
        status=PublicationStatus.DRAFT,
    )


def import_url(instrument):
    return reverse("admin:standards_instrument_import_text", args=[instrument.pk])


def upload(client, instrument, data: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(import_url(instrument), {"document": SimpleUploadedFile(name, data)})


def test_an_editor_previews_then_imports_the_mandela_pdf_as_drafts(client_for, editor, instrument):
    client = client_for(editor)
    preview = upload(client, instrument, MANDELA_PDF.read_bytes(), MANDELA_PDF.name)
    assert preview.status_code == HTTPStatus.OK
    assert len(preview.context["provisions"]) == 126
    assert preview.context["warnings"] == []
    assert Provision.objects.filter(instrument=instrument).count() == 0  # a preview writes nothing
    outline = preview.context["outline_form"].initial["outline"]

    response = client.post(import_url(instrument), {"outline": outline, "import": "1"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].endswith(f"?instrument__id__exact={instrument.pk}")
    imported = Provision.objects.filter(instrument=instrument)
    assert imported.count() == 126
    assert set(imported.values_list("status", flat=True)) == {PublicationStatus.DRAFT}
    rule_45 = imported.get(ref="45")
    seeded_45 = Provision.objects.get(instrument__slug="nelson-mandela-rules", ref="45")
    for field in ["kind", "number", "part", "part_title", "category", "section", "text", "footnotes", "position"]:
        assert getattr(rule_45, field) == getattr(seeded_45, field), field
    assert imported.get(ref="po-1").section == "Preliminary observations"
    assert rule_45.history.first().history_user == editor


def test_the_imported_mandela_text_equals_the_seeded_text_in_every_provision(client_for, superuser, instrument):
    client = client_for(superuser)
    outline = upload(client, instrument, MANDELA_PDF.read_bytes(), "a.pdf").context["outline_form"].initial["outline"]
    client.post(import_url(instrument), {"outline": outline, "import": "1"})
    fields = ["ref", "kind", "number", "position", "part", "part_title", "category", "section", "text", "footnotes"]
    imported = list(Provision.objects.filter(instrument=instrument).order_by("position").values(*fields))
    seeded = list(
        Provision.objects.filter(instrument__slug="nelson-mandela-rules").order_by("position").values(*fields)
    )
    assert imported == seeded


def test_a_viewer_may_not_open_or_post_the_import(client_for, viewer, instrument):
    client = client_for(viewer)
    assert client.get(import_url(instrument)).status_code == HTTPStatus.FORBIDDEN
    outline = "### rule 1\nSection: A\n\nText.\n"
    assert client.post(import_url(instrument), {"outline": outline, "import": "1"}).status_code == HTTPStatus.FORBIDDEN
    assert not Provision.objects.filter(instrument=instrument).exists()


def test_the_instrument_form_links_to_the_import_for_an_editor_only(client_for, editor, viewer, instrument):
    change_url = reverse("admin:standards_instrument_change", args=[instrument.pk])
    assert import_url(instrument) in client_for(editor).get(change_url).content.decode()
    assert import_url(instrument) not in client_for(viewer).get(change_url).content.decode()


def test_a_reviewers_import_is_a_draft_too(client_for, reviewer, instrument):
    client = client_for(reviewer)
    client.post(import_url(instrument), {"outline": "### rule 1\nSection: A\n\nText.\n", "import": "1"})
    assert Provision.objects.get(instrument=instrument).status == PublicationStatus.DRAFT


def test_reimporting_shows_a_diff_and_updates_only_what_changed(client_for, editor, instrument):
    client = client_for(editor)
    first = upload(client, instrument, documents.pdf(TWO_RULES), "v1.pdf").context["outline_form"].initial["outline"]
    client.post(import_url(instrument), {"outline": first, "import": "1"})
    corrected = [
        [
            *TWO_RULES[0][:5],
            ("indent", "Detention shall be a measure of last resort."),
            ("provision", "Rule 3"),
            ("indent", "New."),
        ]
    ]

    preview = upload(client, instrument, documents.pdf(corrected), "v2.pdf")

    diff = preview.context["diff"]
    assert [p.number for p in diff.added] == ["3"]
    assert [(c.proposed.number, c.fields) for c in diff.changed] == [("2", ["text"])]
    assert "+Detention shall be a measure of last resort." in diff.changed[0].text_diff
    assert "1 new, 1 changed, 1 unchanged" in preview.content.decode()
    client.post(import_url(instrument), {"outline": preview.context["outline_form"].initial["outline"], "import": "1"})
    assert dict(Provision.objects.filter(instrument=instrument).values_list("ref", "text")) == {
        "1": "Juveniles shall be treated fairly.",
        "2": "Detention shall be a measure of last resort.",
        "3": "New.",
    }


def test_an_editor_cannot_overwrite_a_published_provision_and_nothing_is_written(client_for, editor, instrument):
    Provision.objects.create(
        instrument=instrument, ref="1", number="1", position=1, text="Old.", status=PublicationStatus.PUBLISHED
    )
    outline = "### rule 1\nSection: A\n\nNew.\n\n### rule 2\nSection: A\n\nAlso new.\n"
    response = client_for(editor).post(import_url(instrument), {"outline": outline, "import": "1"})
    assert response.status_code == HTTPStatus.OK
    assert "Nothing was imported" in response.content.decode()
    assert list(Provision.objects.filter(instrument=instrument).values_list("ref", "text")) == [("1", "Old.")]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [(b"not a pdf", "broken.pdf", "could not be read"), (b"text", "notes.odt", "Upload a PDF")],
)
def test_a_bad_file_gets_a_form_error(client_for, editor, instrument, data, name, message):
    response = upload(client_for(editor), instrument, data, name)
    assert response.status_code == HTTPStatus.OK
    assert message in str(response.context["upload_form"].errors["document"])


def test_a_broken_outline_gets_a_form_error(client_for, editor, instrument):
    response = client_for(editor).post(
        import_url(instrument), {"outline": "stray text\n### rule 1\n\nx", "import": "1"}
    )
    assert response.status_code == HTTPStatus.OK
    assert "text before the first" in str(response.context["outline_form"].errors["outline"])
    assert not Provision.objects.filter(instrument=instrument).exists()
