"""/documents/ and /meetings/: every kind of content has a list page, with filters and text search."""

from http import HTTPStatus

import pytest

from recommendations.filters import RecommendationFilter
from recommendations.models import Document, Meeting, Recommendation
from tests.pages import queries_for, text, visible_text

pytestmark = pytest.mark.django_db


def test_document_list_shows_each_document_by_title_and_un_symbol(client):
    response = client.get("/documents/")
    body, seen = text(response), visible_text(response)
    documents = Document.objects.published()
    assert f"{documents.count()} documents" in body
    for document in documents:
        assert document.get_absolute_url() in body
        assert document.title in seen
        assert (document.symbol in seen) == document.is_un_symbol  # a local identifier is never shown


def test_document_list_filters_by_meeting_and_text(client):
    meeting = Meeting.objects.published().filter(documents__isnull=False).first()
    expected = Document.objects.published().filter(meeting=meeting).count()
    assert f"{expected} document" in text(client.get(f"/documents/?meeting={meeting.slug}"))
    assert "1 document" in text(client.get("/documents/?q=discussion guide"))


def test_meeting_list_shows_every_meeting(client):
    body = text(client.get("/meetings/"))
    meetings = Meeting.objects.published()
    assert f"{meetings.count()} meeting" in body
    for meeting in meetings:
        assert meeting.get_absolute_url() in body
    assert "1 meeting" in text(client.get("/meetings/?q=kyoto"))


@pytest.mark.parametrize("url", ["/documents/?meeting=nowhere", "/meetings/?kind=party", "/documents/?kind=x"])
def test_bad_filters_are_form_errors(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert "Some filters could not be applied" in text(response)


def test_recommendation_list_has_a_text_search(client):
    total = Recommendation.objects.published().count()
    expected = RecommendationFilter({"search": "prison"}, queryset=Recommendation.objects.published()).qs.count()
    assert 0 < expected < total
    assert f"{expected} entr" in text(client.get("/recommendations/?q=prison"))


def test_new_lists_are_in_the_xml_sitemap(client):
    body = client.get("/sitemap.xml").content.decode()
    for path in ("/resources/", "/documents/", "/meetings/"):
        assert f"{path}</loc>" in body


@pytest.mark.usefixtures("uncached")
def test_document_and_meeting_list_query_counts(client):
    assert queries_for(client, "/documents/") == 4  # count, page, the meeting and theme choices
    assert queries_for(client, "/meetings/") == 2  # count, page
