"""The public pages in the six UN languages: addresses, negotiation, the switcher, alternates."""

import re
from http import HTTPStatus
from urllib.parse import quote

import pytest
from django.conf import settings

from standards.models import Instrument

pytestmark = pytest.mark.django_db

ALL_SIX = ["ar", "zh-hans", "en", "fr", "ru", "es"]
PREFIX = {"en": ""} | {code: f"/{code}" for code in ALL_SIX if code != "en"}
PAGES = ["/", "/sdg/", "/sdg/16/", "/sdg/16.3/", "/themes/", "/instruments/", "/instruments/bangkok-rules/", "/search/"]


@pytest.fixture
def six_languages(settings):
    settings.PUBLIC_LANGUAGES = ALL_SIX


def html_attributes(body: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)">', body)
    assert match, body[:200]
    return match.group(1), match.group(2)


@pytest.mark.usefixtures("six_languages")
@pytest.mark.parametrize("language", ALL_SIX)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_type_answers_in_every_language(client, language, page):
    response = client.get(PREFIX[language] + page)
    assert response.status_code == HTTPStatus.OK
    assert html_attributes(response.content.decode()) == (language, "rtl" if language == "ar" else "ltr")
    assert response["Content-Language"] == language


def test_all_six_languages_are_offered_by_default():
    # Every interface is translated (tests/portal/test_translations.py), so every language is offered.
    assert [code for code, _ in settings.LANGUAGES] == settings.PUBLIC_LANGUAGES


def test_a_language_left_out_of_the_public_ones_is_not_offered(client, settings):
    settings.PUBLIC_LANGUAGES = ["en"]
    body = client.get("/sdg/16.3/").content.decode()
    assert 'class="language-switcher"' not in body
    assert 'hreflang="fr"' not in body
    assert client.get("/fr/sdg/16.3/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/sdg/16.3/", HTTP_ACCEPT_LANGUAGE="fr").status_code == HTTPStatus.OK
    assert client.get("/language/", {"language": "fr", "next": "/sdg/"}).status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.usefixtures("six_languages")
def test_the_head_names_the_page_in_every_language(client):
    body = client.get("/fr/sdg/16.3/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="http://testserver([^"]+)">', body))
    assert alternates == {
        "ar": "/ar/sdg/16.3/",
        "zh-hans": "/zh-hans/sdg/16.3/",
        "en": "/sdg/16.3/",
        "x-default": "/sdg/16.3/",
        "fr": "/fr/sdg/16.3/",
        "ru": "/ru/sdg/16.3/",
        "es": "/es/sdg/16.3/",
    }


@pytest.mark.usefixtures("six_languages")
def test_the_switcher_keeps_the_page_and_remembers_the_choice(client):
    page = "/instruments/?theme=prison-and-penal-reform"
    body = client.get(page).content.decode()
    switcher = body[body.index('class="language-switcher"') : body.index("</nav>")]
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)"', switcher)
    assert [language for _, language in links] == ALL_SIX
    assert f"next={quote(page, safe='/')}" in links[3][0].replace("&amp;", "&")
    assert 'aria-current="true">English<' in switcher

    response = client.get("/language/", {"language": "fr", "next": page})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/fr/instruments/?theme=prison-and-penal-reform"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"

    back = client.get("/language/", {"language": "en", "next": "/fr/instruments/"})
    assert back["Location"] == "/instruments/"
    assert client.get("/instruments/").status_code == HTTPStatus.OK  # the English choice stops the redirect


@pytest.mark.usefixtures("six_languages")
def test_the_switcher_refuses_unknown_languages_and_other_sites(client):
    response = client.get("/language/", {"language": "de", "next": "/sdg/"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "ar, zh-hans, en, fr, ru, es" in response.content.decode()
    elsewhere = client.get("/language/", {"language": "es", "next": "https://example.org/sdg/"})
    assert elsewhere["Location"] == "/es/"


@pytest.mark.usefixtures("six_languages")
def test_an_unprefixed_page_follows_the_visitors_language(client):
    by_browser = client.get("/sdg/16.3/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5")
    assert by_browser.status_code == HTTPStatus.FOUND
    assert by_browser["Location"] == "/ru/sdg/16.3/"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in by_browser["Vary"].split(",")}

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    by_choice = client.get("/sdg/16.3/?page=1", HTTP_ACCEPT_LANGUAGE="ru")
    assert by_choice["Location"] == "/es/sdg/16.3/?page=1"

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/sdg/16.3/", HTTP_ACCEPT_LANGUAGE="ru")
    assert english.status_code == HTTPStatus.OK
    assert html_attributes(english.content.decode())[0] == "en"


@pytest.mark.usefixtures("six_languages")
def test_the_api_admin_and_files_keep_one_address(client):
    for path in ("/api/v1/targets/16.3/", "/sitemap.xml", "/robots.txt"):
        assert client.get(path, HTTP_ACCEPT_LANGUAGE="fr").status_code == HTTPStatus.OK, path
        assert client.get("/fr" + path).status_code == HTTPStatus.NOT_FOUND, path
    assert "Disallow: /language/" in client.get("/robots.txt").content.decode()


@pytest.mark.usefixtures("six_languages")
def test_the_sitemap_lists_each_page_in_each_language_with_its_alternates(client):
    body = client.get("/sitemap.xml").content.decode()
    instrument = Instrument.objects.get(slug="bangkok-rules")
    locations = re.findall(r"<loc>http://testserver([^<]+)</loc>", body)
    assert {f"{PREFIX[code]}{instrument.get_absolute_url()}" for code in ALL_SIX} <= set(locations)
    entry = body[body.index("<loc>http://testserver/fr/instruments/bangkok-rules/</loc>") :].split("</url>")[0]
    assert 'hreflang="ar" href="http://testserver/ar/instruments/bangkok-rules/"' in entry
    assert 'hreflang="x-default" href="http://testserver/instruments/bangkok-rules/"' in entry


@pytest.mark.usefixtures("six_languages")
def test_each_language_is_cached_apart(client):
    assert html_attributes(client.get("/fr/sdg/").content.decode())[0] == "fr"
    assert html_attributes(client.get("/sdg/").content.decode())[0] == "en"
    assert html_attributes(client.get("/fr/sdg/").content.decode())[0] == "fr"
    navigation = client.get("/ar/sdg/").content.decode()
    assert 'href="/ar/sdg/" aria-current="page"' in navigation
