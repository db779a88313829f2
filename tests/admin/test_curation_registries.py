"""Import kinds and coverage gaps come from what the apps register, and coverage from `portal.content`."""

import io
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.content import entity_models, link_models, workflow_models
from portal.coverage import Gap, content_coverage, register_gap, unregister_gap
from portal.imports import UNCHANGED, Importer, importers, register, unregister
from portal.models import PublicationStatus, Theme

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:recommendations_import")
COVERAGE = reverse("admin:portal_coverage")


class ThemeCheck(Importer):
    """A throwaway kind: it reads theme slugs and writes nothing."""

    kind = "theme-check"
    label = "Themes, only checked"
    help_text = "slug (of a theme that exists)."
    model = Theme
    order = 99
    columns = ("slug",)
    required = ("slug",)

    @classmethod
    def export_values(cls, obj):
        return {"slug": obj.slug}

    def row(self, data, number):
        return str(self.lookup(Theme, data["slug"], "slug", slug=data["slug"])), UNCHANGED


@pytest.fixture
def theme_check():
    register(ThemeCheck)
    yield ThemeCheck
    unregister(ThemeCheck.kind)


@pytest.fixture
def themes_without_description():
    gap = register_gap(
        Gap(
            name="themes_without_description",
            label="Themes without a description",
            entries=lambda: Theme.objects.filter(description=""),
            order=99,
            describe=lambda theme: f"theme {theme.slug}",
            dashboard=True,
        )
    )
    yield gap
    unregister_gap(gap.name)


def test_the_apps_register_their_import_kinds_in_order():
    assert [importer.kind for importer in importers()] == ["recommendations", "links", "activities"]


def test_a_registered_import_kind_is_offered_and_run_by_the_import_page(client_for, editor, theme_check):
    client = client_for(editor)
    response = client.get(IMPORT)
    assert response.status_code == HTTPStatus.OK
    choices = response.context["form"].fields["kind"].choices
    assert [kind for kind, label in choices] == ["recommendations", "links", "activities", "theme-check"]
    assert "<dt>Themes, only checked</dt><dd>slug (of a theme that exists).</dd>" in response.text
    theme = Theme.objects.first()
    upload = io.BytesIO(f"slug\n{theme.slug}\nno-such-theme\n".encode())
    upload.name = "themes.csv"
    response = client.post(IMPORT, {"kind": "theme-check", "file": upload, "dry_run": "1"})
    assert response.status_code == HTTPStatus.OK
    assert "0 new, 0 changed, 1 unchanged, 1 in error." in response.text
    assert "slug: unknown theme “no-such-theme”" in response.text


def test_an_unregistered_kind_is_refused_by_the_import_form(client_for, editor):
    upload = io.BytesIO(b"slug\nx\n")
    upload.name = "themes.csv"
    response = client_for(editor).post(IMPORT, {"kind": "theme-check", "file": upload, "dry_run": "1"})
    assert response.status_code == HTTPStatus.OK
    assert response.context["report"] is None
    assert "Select a valid choice." in response.text


def test_coverage_counts_every_model_portal_content_reports():
    coverage = content_coverage()
    assert coverage.counts == {
        model._meta.verbose_name_plural.capitalize(): model._default_manager.count() for model in entity_models()
    }
    assert list(coverage.counts) == [model._meta.verbose_name_plural.capitalize() for model in entity_models()]
    link_labels = [str(model._meta.verbose_name) for model in link_models()]
    assert list(coverage.link_counts) == link_labels
    assert list(coverage.links_without_evidence) == link_labels
    assert {label: numbers["total"] for label, numbers in coverage.link_counts.items()} == {
        str(model._meta.verbose_name): model.objects.count() for model in link_models()
    }


def test_the_dashboard_lists_entries_awaiting_review_of_every_workflow_model(client_for, viewer):
    for model in workflow_models():
        first = model.objects.order_by("pk").first()
        model.objects.filter(pk=first.pk).update(status=PublicationStatus.IN_REVIEW)
    response = client_for(viewer).get(COVERAGE)
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["awaiting_review"]) == [model._meta.verbose_name_plural for model in workflow_models()]


def test_a_registered_gap_shows_in_the_report_and_on_the_dashboard(client_for, viewer, themes_without_description):
    Theme.objects.create(slug="bare-theme", name="Bare theme", status=PublicationStatus.DRAFT)
    bare = list(Theme.objects.filter(description="").order_by("pk"))
    coverage = content_coverage()
    assert coverage.themes_without_description == coverage.gaps["themes_without_description"]
    assert sorted(theme.pk for theme in coverage.themes_without_description) == [theme.pk for theme in bare]
    out = io.StringIO()
    call_command("content_report", stdout=out)
    assert f"Themes without a description: {len(bare)}" in out.getvalue()
    assert "  theme bare-theme\n" in out.getvalue()
    response = client_for(viewer).get(COVERAGE)
    listed = response.context["entities_without_links"]
    assert list(listed) == [
        "Instruments without SDG target links",
        "Instruments whose official text the portal does not hold",
        "Programmes without SDG target links",
        "Recommendations without any link",
        "Themes without a description",
    ]
    assert ("Bare theme", reverse("admin:portal_theme_change", args=[bare[-1].pk])) in [
        (label, url) for label, url, created in listed["Themes without a description"]
    ]


def test_the_dashboard_shows_goals_as_rows_of_targets_shaded_by_links(client_for, editor):
    response = client_for(editor).get(COVERAGE)
    grid = response.context["target_grid"]
    assert [goal.number for goal, _ in grid] == list(range(1, 18))
    cells = {cell.target.code: cell for _, row in grid for cell in row}
    assert cells["16.3"].links > 0 and cells["16.3"].level > 0
    assert any(cell.links == 0 and cell.level == 0 for cell in cells.values())
    page = response.content.decode()
    assert 'id="target-grid"' in page
    target_url = reverse("admin:portal_target_change", args=[cells["16.3"].target.pk])
    assert f'class="cell level-{cells["16.3"].level}" href="{target_url}"' in page


def test_the_dashboard_lists_instruments_without_official_text(client_for, editor):
    response = client_for(editor).get(COVERAGE)
    entries = response.context["entities_without_links"]["Instruments whose official text the portal does not hold"]
    labels = [label for label, url, created in entries]
    assert "Tokyo Rules" in labels
    assert "Nelson Mandela Rules" not in labels


def test_entries_awaiting_review_show_their_age_and_link_to_the_filtered_list(client_for, editor):
    from standards.models import Instrument

    instrument = Instrument.objects.get(slug="tokyo-rules")
    Instrument.objects.filter(pk=instrument.pk).update(status="in_review")
    page = client_for(editor).get(COVERAGE).content.decode()
    review_list = reverse("admin:standards_instrument_changelist") + "?status__exact=in_review"
    assert f'href="{review_list}" class="review-count">1</a>' in page
    assert "waiting" in page.split('id="awaiting-review"')[1].split("</ul>")[0]
