"""Sources and other names are edited one a line, not as raw JSON."""

from http import HTTPStatus

from django.urls import reverse

from standards.models import Instrument


def instrument_form(instrument, **changes) -> dict:
    data = {
        "slug": instrument.slug,
        "title_en": instrument.title,
        "short_title_en": instrument.short_title,
        "aliases": "",
        "kind": instrument.kind,
        "category": instrument.category,
        "adopting_body": "",
        "resolution_symbol": instrument.resolution_symbol,
        "resolution_note": "",
        "symbol_missing_reason": "",
        "year": "",
        "adopted_on": "",
        "summary_en": "",
        "official_text_note": "",
        "status": "draft",
        "sources": "",
        "general_knowledge": "",
        "target_links-TOTAL_FORMS": "0",
        "target_links-INITIAL_FORMS": "0",
        "goal_links-TOTAL_FORMS": "0",
        "goal_links-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def draft_instrument():
    return Instrument.objects.create(
        slug="draft-rules",
        title="Draft rules",
        kind="rules",
        category="standard_and_norm",
        resolution_symbol="A/RES/1/1",
    )


def test_the_form_shows_sources_and_other_names_one_a_line(client_for, editor):
    instrument = draft_instrument()
    instrument.aliases = ["Beijing Rules", "Juvenile Justice Rules"]
    instrument.sources = [{"symbol": "A/RES/40/33", "locator": "annex"}]
    instrument.save()
    page = client_for(editor).get(reverse("admin:standards_instrument_change", args=[instrument.pk])).content.decode()
    assert "\nBeijing Rules\nJuvenile Justice Rules</textarea>" in page
    assert "\nA/RES/40/33 | annex</textarea>" in page


def test_lines_are_saved_as_the_lists_the_portal_stores(client_for, editor):
    instrument = draft_instrument()
    url = reverse("admin:standards_instrument_change", args=[instrument.pk])
    data = instrument_form(
        instrument, aliases="Beijing Rules\n\n  Juvenile  Justice Rules ", sources="A/RES/40/33 | annex"
    )
    response = client_for(editor).post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    instrument.refresh_from_db()
    assert instrument.aliases == ["Beijing Rules", "Juvenile Justice Rules"]
    assert instrument.sources == [{"symbol": "A/RES/40/33", "locator": "annex"}]


def test_a_source_without_its_locator_is_a_form_error(client_for, editor):
    instrument = draft_instrument()
    url = reverse("admin:standards_instrument_change", args=[instrument.pk])
    response = client_for(editor).post(url, instrument_form(instrument, sources="A/RES/40/33"))
    assert response.status_code == HTTPStatus.OK
    assert "Line 1" in str(response.context["adminform"].form.errors["sources"])
