"""/resources/ (tools and publications) and the text search every programme-side list offers."""

from http import HTTPStatus

import pytest

from programmes.filters import ActivityFilter, CountryFilter, ProgrammeFilter
from programmes.models import Activity, Country, Programme, Resource, ResourceKind
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db


def test_resource_list_shows_every_published_tool_over_pages(client):
    total = Resource.objects.published().count()
    body = text(client.get("/resources/"))
    assert f"{total} tools and publications" in body
    assert "Page 1 of" in body  # 65 tools, 25 a page
    first = Resource.objects.published().order_by("title", "pk").first()
    assert first.get_absolute_url() in body


def test_resource_list_filters_by_kind_and_text(client):
    expected = Resource.objects.published().filter(kind=ResourceKind.ELEARNING)
    body = text(client.get("/resources/?kind=elearning"))
    assert f"{expected.count()} tool" in body
    for resource in expected:
        assert resource.get_absolute_url() in body
    body = text(client.get("/resources/?q=e-learning"))
    assert "/resources/nelson-mandela-rules-elearning-course/" in body


def test_resource_list_answers_a_bad_filter_with_a_form_error(client):
    response = client.get("/resources/?kind=nonsense&year=twenty")
    assert response.status_code == HTTPStatus.OK
    assert "Some filters could not be applied" in text(response)


def test_home_count_of_tools_and_publications_links_to_their_list(client):
    total = Resource.objects.published().count()
    assert f'<a href="/resources/"><strong>{total}</strong> tools and publications</a>' in text(client.get("/"))


def test_resource_page_breadcrumb_leads_to_the_list(client):
    body = text(client.get("/resources/nelson-mandela-rules-elearning-course/"))
    assert '<a href="/resources/">Tools and publications</a>' in body


@pytest.mark.parametrize(
    ("url", "word", "filterset", "queryset"),
    [
        ("/programmes/", "cybercrime", ProgrammeFilter, lambda: Programme.objects.published()),
        ("/activities/", "prison", ActivityFilter, lambda: Activity.objects.published()),
        ("/countries/", "kenya", CountryFilter, lambda: Country.objects.public()),
    ],
)
def test_every_list_has_a_text_search_under_q_and_search(client, url, word, filterset, queryset):
    expected = filterset({"search": word}, queryset=queryset()).qs.count()
    assert 0 < expected < queryset().count()
    for parameter in ("q", "search"):
        body = text(client.get(f"{url}?{parameter}={word}"))
        assert f'<h2 id="results-heading">{expected} ' in body, (url, parameter)
    assert 'name="search"' in text(client.get(url))


@pytest.mark.usefixtures("uncached")
def test_resource_and_country_list_query_counts(client):
    assert queries_for(client, "/resources/") == 6  # count, page, themes, the theme/programme/instrument choices
    assert queries_for(client, "/countries/") == 2  # count, page
