"""Link forms make the curator choose a basis, and show targets with their code and wording."""

import json
from http import HTTPStatus

from django.urls import reverse

from portal.models import LinkBasis
from standards.models import Instrument


def test_the_link_form_offers_no_basis_until_the_curator_chooses(client_for, editor):
    page = client_for(editor).get(reverse("admin:standards_instrumenttarget_add")).content.decode()
    basis_select = page.split('name="basis"')[1].split("</select>")[0]
    assert '<option value="" selected>---------</option>' in basis_select
    assert "selected" not in basis_select.split("</option>", 1)[1]


def test_a_link_posted_without_a_basis_is_refused(client_for, editor):
    instrument = Instrument.objects.get(slug="nelson-mandela-rules")
    target_id = instrument.target_links.first().target_id
    data = {
        "instrument": instrument.pk,
        "target": target_id,
        "source_symbol": "A/RES/70/175",
        "source_locator": "rule 1",
        "rationale": "A test.",
        "basis": "",
        "status": "draft",
    }
    response = client_for(editor).post(reverse("admin:standards_instrumenttarget_add"), data)
    assert response.status_code == HTTPStatus.OK
    assert "basis" in response.context["adminform"].form.errors


def test_the_instrument_forms_inline_link_rows_start_without_a_basis(client_for, editor):
    instrument = Instrument.objects.create(
        slug="draft-rules",
        title="Draft rules",
        kind="rules",
        category="standard_and_norm",
        resolution_symbol="A/RES/1/1",
    )
    page = client_for(editor).get(reverse("admin:standards_instrument_change", args=[instrument.pk])).content.decode()
    basis_select = page.split('name="target_links-__prefix__-basis"')[1].split("</select>")[0]
    assert f'value="{LinkBasis.STATED}"' in basis_select
    assert f'value="{LinkBasis.STATED}" selected' not in basis_select
    assert '<option value="" selected>' in basis_select


def test_the_target_autocomplete_shows_code_and_wording(client_for, editor):
    url = reverse("admin:autocomplete")
    params = {"term": "16.3", "app_label": "standards", "model_name": "instrumenttarget", "field_name": "target"}
    results = json.loads(client_for(editor).get(url, params).content)["results"]
    texts = [result["text"] for result in results]
    assert any(text.startswith("16.3 Promote the rule of law") for text in texts), texts


def test_a_missing_document_can_be_added_from_the_instrument_form_in_a_popup(client_for, editor):
    client = client_for(editor)
    page = client.get(reverse("admin:standards_instrument_add")).content.decode()
    add_document = reverse("admin:recommendations_document_add")
    assert f'id="add_id_resolution_symbol" data-popup="yes" href="{add_document}?_popup=1&amp;_symbol=1"' in page
    assert f'id="add_id_target_links-__prefix__-source_symbol" data-popup="yes" href="{add_document}?' in page

    response = client.post(
        f"{add_document}?_popup=1&_symbol=1",
        {"_popup": "1", "symbol": "A/RES/40/33", "is_un_symbol": "on", "title_en": "Beijing Rules",
         "kind": "resolution", "status": "draft", "sources": "", "general_knowledge": "", "summary_en": "",
         "distribution": "", "url": ""},
    )  # fmt: skip

    assert response.status_code == HTTPStatus.OK
    data = json.loads(response.context["popup_response_data"])
    assert data["value"] == "A/RES/40/33"


def test_link_rows_are_stacked_so_the_form_fits_1366_px(client_for, editor):
    page = client_for(editor).get(reverse("admin:standards_instrument_add")).content.decode()
    group = page.split('id="target_links-group"')[1][:200]
    assert 'data-inline-type="stacked"' in group


def test_entry_forms_open_on_what_the_entry_is_and_end_with_its_sources_and_status(client_for, editor):
    page = client_for(editor).get(reverse("admin:standards_instrument_add")).content.decode()
    order = [page.index(f'name="{name}"') for name in ("title_en", "resolution_symbol", "sources", "status")]
    assert order == sorted(order)
    document_form = client_for(editor).get(reverse("admin:recommendations_document_add")).content.decode()
    assert document_form.index('name="symbol"') < document_form.index('name="status"')
