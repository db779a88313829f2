"""Instruments, documents, programmes and targets are picked with autocomplete widgets, which any role may search."""

import json
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import reverse

from portal.models import Target
from programmes.models import Programme
from recommendations.models import Document
from standards.models import Instrument

AUTOCOMPLETE_URL = "/admin/autocomplete/"
PICKED = {Instrument, Document, Programme, Target}

# (the form's URL name, the select's name, the model its results come from)
FORMS = [
    ("admin:standards_instrumenttarget_add", "instrument", "standards.instrumenttarget"),
    ("admin:standards_instrumenttarget_add", "target", "standards.instrumenttarget"),
    ("admin:programmes_programmeinstrument_add", "programme", "programmes.programmeinstrument"),
    ("admin:programmes_programmeinstrument_add", "instrument", "programmes.programmeinstrument"),
    ("admin:programmes_programme_add", "instrument_links-__prefix__-instrument", "programmes.programmeinstrument"),
    ("admin:programmes_resource_add", "programme", "programmes.resource"),
    ("admin:recommendations_recommendation_add", "document", "recommendations.recommendation"),
    (
        "admin:recommendations_recommendation_add",
        "programme_links-__prefix__-programme",
        "recommendations.recommendationprogramme",
    ),
    ("admin:programmes_activity_add", "instruments", "programmes.activity"),
]


def select_tag(page: str, name: str) -> str:
    """The opening tag of the select named `name`, with all its attributes."""
    start = page.index(f'<select name="{name}"')
    return page[start : page.index(">", start) + 1]


@pytest.mark.parametrize(("url_name", "name", "model"), FORMS, ids=[f"{url}:{name}" for url, name, _ in FORMS])
def test_link_forms_pick_with_an_autocomplete_widget(client_for, editor, url_name, name, model):
    page = client_for(editor).get(reverse(url_name)).content.decode()
    select = select_tag(page, name)
    assert "admin-autocomplete" in select
    assert f'data-ajax--url="{AUTOCOMPLETE_URL}"' in select
    app_label, model_name = model.split(".")
    assert f'data-app-label="{app_label}" data-model-name="{model_name}"' in select


def test_no_admin_form_lists_every_instrument_document_programme_or_target_in_a_plain_select():
    """Every relation to a model with many entries, on every admin and inline, is an autocomplete (or read-only)."""
    plain = []
    for model, model_admin in admin.site._registry.items():
        for form_admin in [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]:
            for field in form_admin.model._meta.get_fields():
                if not (field.concrete and field.is_relation and field.related_model in PICKED):
                    continue
                through = field.many_to_many and not field.remote_field.through._meta.auto_created
                parent = form_admin is not model_admin and field.related_model is model  # an inline's own parent
                if through or parent or (form_admin.fields is not None and field.name not in form_admin.fields):
                    continue
                if field.name not in form_admin.autocomplete_fields:
                    plain.append(f"{type(form_admin).__name__}.{field.name}")
    assert plain == []


@pytest.mark.parametrize(
    ("model", "field", "term", "expected"),
    [
        ("standards.instrumenttarget", "instrument", "Mandela", "Nelson Mandela Rules"),
        ("recommendations.recommendation", "document", "A/CONF.234/5", "A/CONF.234/5"),
        ("programmes.programmeinstrument", "programme", "People-centred", "Global Programme on People-centred Justice"),
        ("standards.instrumenttarget", "target", "16.3", "16.3 Promote the rule of law"),
    ],
)
def test_a_viewer_can_search_the_autocomplete(client_for, viewer, model, field, term, expected):
    app_label, model_name = model.split(".")
    params = {"term": term, "app_label": app_label, "model_name": model_name, "field_name": field}
    response = client_for(viewer).get(AUTOCOMPLETE_URL, params)
    assert response.status_code == HTTPStatus.OK
    texts = [result["text"] for result in json.loads(response.content)["results"]]
    assert any(text.startswith(expected) for text in texts), texts


def test_the_autocomplete_answers_nobody_signed_out(client):
    params = {"term": "Mandela", "app_label": "standards", "model_name": "instrumenttarget", "field_name": "instrument"}
    response = client.get(AUTOCOMPLETE_URL, params)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(("term", "goal"), [("6.", "6"), ("16.", "16"), ("1.", "1"), ("16.a", "16")])
def test_typing_a_goal_number_and_a_dot_narrows_the_target_picker_to_that_goal(client_for, editor, term, goal):
    params = {"term": term, "app_label": "standards", "model_name": "instrumenttarget", "field_name": "target"}
    results = json.loads(client_for(editor).get(AUTOCOMPLETE_URL, params).content)["results"]
    codes = [result["text"].split()[0] for result in results]
    assert codes, term
    assert {code.split(".")[0] for code in codes} == {goal}, codes
    assert all(code.startswith(term) for code in codes), codes
