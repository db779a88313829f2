"""Curated content in the six UN languages (portal/translation.py, django-modeltranslation).

Fields per language in the same table, English fallback with an "English only" marker, the base
column kept English for queries and search, seed and history unaffected, no query per language.
"""

import re
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.models import Theme
from portal.search import run_search
from portal.translation import is_english_fallback
from programmes.models import InterventionArea, Programme, Resource
from recommendations.api_views import RecommendationViewSet
from recommendations.models import AgendaItem, Document, Meeting, Recommendation
from standards.api_views import InstrumentViewSet
from standards.models import Instrument
from tests.admin.workflow_cases import change_form_data

pytestmark = pytest.mark.django_db

LANGUAGE_SUFFIXES = ["ar", "zh_hans", "en", "fr", "ru", "es"]
TRANSLATED = {
    Instrument: ("title", "short_title", "summary"),
    Theme: ("name", "description"),
    Programme: ("title", "short_title", "summary"),
    InterventionArea: ("title", "description"),
    Resource: ("title", "summary"),
    Meeting: ("title", "short_title", "summary"),
    AgendaItem: ("title",),
    Document: ("title", "summary"),
    Recommendation: ("summary",),
}
MANDELA = "/instruments/nelson-mandela-rules/"
FRENCH_SUMMARY = "Résumé rédigé par un curateur, pour le test."


@pytest.fixture
def french(settings):
    settings.PUBLIC_LANGUAGES = ["en", "fr"]


@pytest.fixture
def mandela():
    return Instrument.objects.get(slug="nelson-mandela-rules")


@pytest.mark.parametrize("model", TRANSLATED, ids=lambda model: model.__name__)
def test_each_translated_field_has_a_column_per_un_language_in_the_same_table(model):
    columns = {field.column for field in model._meta.concrete_fields}
    for field in TRANSLATED[model]:
        assert {f"{field}_{suffix}" for suffix in LANGUAGE_SUFFIXES} <= columns
        assert field in columns  # the base column stays: it holds the English
    assert model.translated_fields == TRANSLATED[model]
    history_columns = {field.column for field in model.history.model._meta.concrete_fields}
    assert {f"{TRANSLATED[model][0]}_{suffix}" for suffix in LANGUAGE_SUFFIXES} <= history_columns


def test_the_seeded_english_is_in_the_english_and_base_columns_and_other_languages_are_empty(mandela):
    row = Instrument.objects.filter(pk=mandela.pk).values("title", "title_en", "title_fr", "summary_en").get()
    assert row["title"] == row["title_en"] == mandela.title_en
    assert row["title"].startswith("United Nations Standard Minimum Rules")
    assert not row["title_fr"]  # official titles only from an official source: none is held
    assert Instrument.objects.exclude(title_fr=None).exclude(title_fr="").count() == 0


def test_reading_in_french_falls_back_to_english_and_says_so(mandela):
    with translation.override("fr"):
        assert mandela.summary == mandela.summary_en
        assert is_english_fallback(mandela, "summary")
        mandela.summary_fr = FRENCH_SUMMARY
        assert mandela.summary == FRENCH_SUMMARY
        assert not is_english_fallback(mandela, "summary")
    assert mandela.summary == mandela.summary_en
    assert not is_english_fallback(mandela, "title")  # an English page marks nothing


def test_a_save_in_french_keeps_the_base_column_english(mandela):
    english = mandela.title_en
    with translation.override("fr"):
        mandela.title_fr = "Titre officiel de test"
        mandela.save()
        assert Instrument.objects.filter(title=english).exists()  # queries read the English base column
        assert list(Instrument.objects.filter(pk=mandela.pk).values_list("title", flat=True)) == [english]
    stored = Instrument.objects.filter(pk=mandela.pk).values("title", "title_en", "title_fr").get()
    assert stored == {"title": english, "title_en": english, "title_fr": "Titre officiel de test"}


def test_lists_sort_the_same_in_every_language():
    english = list(Instrument.objects.published().values_list("slug", flat=True))
    with translation.override("fr"):
        assert list(Instrument.objects.published().values_list("slug", flat=True)) == english


def test_update_writes_the_english_column_too(mandela):
    Instrument.objects.filter(pk=mandela.pk).update(summary="Changed by update")
    mandela.refresh_from_db()
    assert (mandela.summary, mandela.summary_en) == ("Changed by update", "Changed by update")


@pytest.mark.usefixtures("french", "uncached")
def test_french_instrument_page_marks_the_english_fallback_and_not_a_translation(client, mandela):
    body = client.get("/fr" + MANDELA).content.decode()
    english_only = re.findall(r'<span lang="en">([^<]*)</span><span class="english-only">', body)
    assert "Nelson Mandela Rules" in english_only  # the heading: no French short title held
    assert mandela.summary_en in english_only
    Instrument.objects.filter(pk=mandela.pk).update(summary_fr=FRENCH_SUMMARY)
    body = client.get("/fr" + MANDELA).content.decode()
    assert f"<p>{FRENCH_SUMMARY}</p>" in body
    assert mandela.summary_en not in body


@pytest.mark.usefixtures("french")
def test_english_pages_carry_no_marker(client):
    theme = Theme.objects.published().first()
    for page in (MANDELA, "/instruments/", f"/themes/{theme.slug}/"):
        assert "english-only" not in client.get(page).content.decode()


@pytest.mark.usefixtures("french")
def test_french_programme_recommendation_and_theme_pages_mark_the_fallback(client):
    with translation.override("en"):  # the addresses without a prefix
        pages = [
            Programme.objects.published().filter(summary__gt="").first().get_absolute_url(),
            Recommendation.objects.published().filter(summary__gt="").first().get_absolute_url(),
            Theme.objects.published().filter(description__gt="").first().get_absolute_url(),
            "/instruments/",
        ]
    for page in pages:
        response = client.get("/fr" + page)
        assert response.status_code == HTTPStatus.OK
        assert '<span class="english-only">' in response.content.decode(), page
    listing = response.content.decode()  # /fr/instruments/: one tag per row, the official title beneath only lang="en"
    assert re.search(r'<span class="official-title"><span lang="en">[^<]+</span></span>', listing)


@pytest.mark.usefixtures("french", "uncached")
@pytest.mark.parametrize("page", [MANDELA, "/instruments/", "/programmes/", "/recommendations/?target=16.3"])
def test_page_query_counts_are_the_same_in_english_and_french(client, page):
    counts = {}
    for prefix in ("", "/fr"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(prefix + page)
        assert response.status_code == HTTPStatus.OK
        counts[prefix or "en"] = len(queries)
    assert counts["en"] == counts["/fr"], counts


@pytest.mark.parametrize(
    ("viewset", "action", "kwargs"),
    [
        (InstrumentViewSet, "list", {}),
        (InstrumentViewSet, "retrieve", {"slug": "nelson-mandela-rules"}),
        (RecommendationViewSet, "list", {}),
    ],
)
def test_api_query_counts_and_values_follow_the_active_language(mandela, viewset, action, kwargs):
    """The API's serializers read the active language with the English fallback, at the same cost.
    (Which language a request asks for is the API's own negotiation; here the language is activated.)"""
    Instrument.objects.filter(pk=mandela.pk).update(summary_fr=FRENCH_SUMMARY)
    view = viewset.as_view({"get": action})
    counts, bodies = {}, {}
    for language in ("en", "fr"):
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            response = view(RequestFactory().get("/api/v1/"), **kwargs)
            response.render()
        assert response.status_code == HTTPStatus.OK
        counts[language], bodies[language] = len(queries), response.content.decode()
    assert counts["en"] == counts["fr"], counts
    if action == "retrieve":
        assert FRENCH_SUMMARY in bodies["fr"] and FRENCH_SUMMARY not in bodies["en"]
        assert mandela.title_en in bodies["fr"]  # no French official title held: the English


def test_search_reads_the_english_whatever_is_stored_in_other_languages(mandela):
    Instrument.objects.filter(pk=mandela.pk).update(title_fr="Zyxwvu titre", summary_fr="Zyxwvu résumé")
    mandela.refresh_from_db()
    mandela.save()  # the PostgreSQL trigger recomputes the vector from the base columns
    assert run_search({"q": "zyxwvu"}).count == 0
    with translation.override("fr"):
        assert run_search({"q": "zyxwvu"}).count == 0
        first = run_search({"q": "Nelson Mandela Rules"}).hits[0]
    assert (first.type, first.pk, first.title) == ("instrument", mandela.pk, "Nelson Mandela Rules")


def test_seed_is_idempotent_and_keeps_a_curators_translation_and_english_change(mandela):
    call_command("seed", verbosity=0)
    before = Instrument.history.count()
    mandela.summary_fr = FRENCH_SUMMARY
    mandela.short_title_en = "Mandela Rules (curator)"
    mandela.save()
    call_command("seed", verbosity=0)
    call_command("seed", verbosity=0)
    mandela.refresh_from_db()
    assert mandela.summary_fr == FRENCH_SUMMARY
    assert (mandela.short_title, mandela.short_title_en) == ("Mandela Rules (curator)", "Mandela Rules (curator)")
    assert Instrument.history.count() == before + 1  # the curator's save; seed wrote nothing


def test_admin_form_shows_each_translated_field_in_six_languages_side_by_side(admin_client, mandela):
    response = admin_client.get(reverse("admin:standards_instrument_change", args=[mandela.pk]))
    body = response.content.decode()
    for field in ("title", "short_title", "summary"):
        for suffix in LANGUAGE_SUFFIXES:
            assert f'name="{field}_{suffix}"' in body
        assert f'name="{field}"' not in body  # the base column follows the English
    assert body.count('class="module aligned translations"') == 3
    assert "admin-portal/translations.css" in body
    assert "Never a translation of your own" in body  # the official title's other languages
    assert 'class="vLargeTextField mt mt-field-title-ar mt-bidi"' in body


def test_admin_saves_a_translation_and_a_revert_restores_it(admin_client):
    theme = Theme.objects.published().first()
    url = reverse("admin:portal_theme_change", args=[theme.pk])
    data = change_form_data(admin_client.get(url))
    assert admin_client.post(url, {**data, "name_fr": "Nom en français (test)"}).status_code == HTTPStatus.FOUND
    theme.refresh_from_db()
    assert (theme.name_fr, theme.name) == ("Nom en français (test)", theme.name_en)
    with translation.override("fr"):
        assert theme.name == "Nom en français (test)"
    before = theme.history.all()[1]
    assert before.name_fr in (None, "")
    revert = reverse("admin:portal_theme_simple_history", args=[theme.pk, before.history_id])
    assert admin_client.post(revert, change_form_data(admin_client.get(revert))).status_code == HTTPStatus.FOUND
    theme.refresh_from_db()
    assert not theme.name_fr


def test_a_bulk_import_in_a_french_admin_writes_the_english(admin_user):
    """The import's `summary` column is the English, whatever language the curator's admin is in."""
    from portal.imports.registry import export_rows, import_rows

    recommendation = Recommendation.objects.published().filter(summary__gt="").first()
    queryset = Recommendation.objects.filter(pk=recommendation.pk)
    recommendation.summary_fr = FRENCH_SUMMARY
    recommendation.save()
    with translation.override("fr"):
        columns, rows = export_rows(kind="recommendations", queryset=queryset)
        assert FRENCH_SUMMARY not in rows[0]
        data = dict(zip(columns, rows[0], strict=True)) | {"summary": "An English summary from an import."}
        report = import_rows(kind="recommendations", rows=[data], user=admin_user, commit=True)
    assert report.is_valid, report
    recommendation.refresh_from_db()
    assert recommendation.summary_en == "An English summary from an import."
    assert recommendation.summary_fr == FRENCH_SUMMARY
    assert Recommendation.objects.filter(summary="An English summary from an import.").exists()


@pytest.mark.parametrize(
    ("path", "element"),
    [
        ("/instruments/nelson-mandela-rules/24/", '<div class="official-text"'),
        ("/recommendations/a-conf-234-5-para-44-b/", '<blockquote class="official-text"'),
    ],
)
def test_official_text_held_in_english_only_says_so_on_other_pages(client, path, element):
    """Official text is never translated by the portal: on a French or Arabic page it is marked as English
    (lang and dir for screen readers and the bidi algorithm) and its heading says "English only"."""
    english = client.get(path).content.decode()
    assert f"{element}>" in english or f'{element} cite="' in english
    assert 'class="english-only"' not in english
    for language, marker in (("fr", "En anglais seulement"), ("ar", "بالإنكليزية فقط")):
        body = client.get(f"/{language}{path}").content.decode()
        opening = re.search(rf"{re.escape(element)}[^>]*>", body)[0]
        assert 'lang="en" dir="ltr"' in opening, (language, opening)
        assert f'<span class="english-only">{marker}</span></h2>' in body
