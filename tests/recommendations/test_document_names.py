"""A document without a UN symbol is named by its title on public pages, never by the portal's own key."""

import re

import pytest

from programmes.models import ProgrammeTarget
from recommendations.models import Document, Recommendation
from tests.pages import visible_text

pytestmark = pytest.mark.django_db


def test_recommendation_from_a_document_without_symbol_is_titled_by_the_document(client):
    document = Document.objects.get(symbol="CONGRESS14-DRAFT-REPORT-ITEM4")
    recommendation = Recommendation.objects.published().filter(document=document).first()
    assert str(recommendation).startswith(document.title)
    body = visible_text(client.get(recommendation.get_absolute_url()))
    assert document.title in body and document.symbol not in body
    search = visible_text(client.get("/search/", {"q": "integrated approaches"}))
    assert document.symbol not in search


def test_evidence_citing_the_brochure_names_it_by_title(client):
    link = ProgrammeTarget.objects.published().filter(source_symbol="GP-BROCHURE").select_related("programme").first()
    body = visible_text(client.get(link.programme.get_absolute_url()))
    brochure = Document.objects.get(symbol="GP-BROCHURE")
    assert re.search(rf"Source: {re.escape(brochure.title)} ?,", body)
    assert "GP-BROCHURE" not in body


def test_document_page_without_symbol_says_so_without_its_key(client):
    body = visible_text(client.get("/documents/GP-BROCHURE/"))
    assert "None: the source has no UN document symbol" in body
    assert "GP-BROCHURE" not in body
