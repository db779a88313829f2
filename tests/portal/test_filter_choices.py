"""List filters: "Any …" instead of "---------", the SDG target filter offering only targets with content
(grouped by goal), instrument drop-downs by the names people use with the UN standards and norms first."""

import re
from http import HTTPStatus

import pytest

from portal.models import Target
from programmes.models import ProgrammeTarget
from standards.models import Instrument, InstrumentCategory
from tests.pages import text

pytestmark = pytest.mark.django_db

LISTS = [
    "/instruments/",
    "/programmes/",
    "/resources/",
    "/activities/",
    "/countries/",
    "/recommendations/",
    "/documents/",
    "/meetings/",
]


def selects(body: str) -> dict[str, str]:
    return dict(re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', body))


@pytest.mark.parametrize("url", LISTS)
def test_every_select_starts_with_any_or_default_order(client, url):
    body = text(client.get(url))
    assert "---------" not in body
    for name, options in selects(body).items():
        first = re.search(r'<option value=""[^>]*>([^<]*)', options).group(1)
        assert first.startswith("Any ") or first == "Default order", (url, name, first)
    assert '<option value="" selected>Any theme</option>' in body or url in (
        "/activities/",
        "/countries/",
        "/meetings/",
    )


def test_target_filter_offers_only_targets_with_content_grouped_by_goal(client):
    options = selects(text(client.get("/programmes/")))["target"]
    offered = re.findall(r'<option value="([0-9.a-z]+)"', options)
    linked = set(ProgrammeTarget.objects.published().values_list("target__code", flat=True))
    assert set(offered) == linked
    assert len(offered) < Target.objects.count()
    assert '<optgroup label="Goal 16: Peace, justice and strong institutions">' in options
    assert re.search(r'<option value="16.3">16.3 Promote the rule of law', options)


def test_a_target_with_nothing_linked_filters_to_nothing_and_a_bad_one_is_a_form_error(client):
    assert "0 programmes" in text(client.get("/programmes/?target=2.1"))
    response = client.get("/programmes/?target=99.9&instrument=no-such-rules")
    assert response.status_code == HTTPStatus.OK
    body = text(response)
    assert "Some filters could not be applied" in body
    assert "0 programmes" in body
    api = client.get("/api/v1/programmes/?target=99.9")
    assert api.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize("url", ["/programmes/", "/activities/", "/recommendations/", "/resources/"])
def test_instrument_drop_downs_put_the_un_standards_first_by_common_name(client, url):
    options = selects(text(client.get(url)))["instrument"]
    groups = re.findall(r'<optgroup label="([^"]+)">', options)
    assert groups[0] == InstrumentCategory.STANDARD_AND_NORM.label
    first_group = options.split("</optgroup>")[0]
    names = re.findall(r'<option value="[^"]+">([^<]+)</option>', first_group)
    standards = Instrument.objects.published().filter(category=InstrumentCategory.STANDARD_AND_NORM)
    assert names == sorted((i.common_name for i in standards), key=str.lower) or names == [
        i.common_name for i in standards.by_common_name()
    ]
    assert names.index("Bangkok Rules") < 3


def test_instrument_list_puts_the_un_standards_first_with_the_official_title_beneath(client):
    standards = Instrument.objects.published().filter(category=InstrumentCategory.STANDARD_AND_NORM)
    pages = "".join(text(client.get(f"/instruments/?page={n}")) for n in (1, 2, 3))
    heading = pages.index('<h3 id="group-standards">UN standards and norms</h3>')
    others = pages.index('<h3 id="group-others">')
    for instrument in standards:
        assert heading < pages.index(f'<a href="{instrument.get_absolute_url()}">{instrument.common_name}</a>') < others
    assert pages.index("/instruments/bangkok-rules/") < pages.index("/instruments/nelson-mandela-rules/")
    official = Instrument.objects.get(slug="bangkok-rules").title
    assert f'<span class="official-title">{official}</span>' in pages
    assert f"{standards.count()} instruments" in text(client.get("/instruments/?category=standard_and_norm"))


def test_instrument_list_in_a_chosen_order_has_no_group_headings(client):
    body = text(client.get("/instruments/?ordering=-year"))
    assert "group-standards" not in body
    assert body.count('<ul class="entry-list" aria-labelledby="results-heading">') == 1


def test_search_results_title_instruments_by_common_name_with_the_official_title_beneath(client):
    body = text(client.get("/search/", {"q": "women prisoners"}))
    official = Instrument.objects.get(slug="bangkok-rules").title
    assert re.search(
        rf'<h3><a href="/instruments/bangkok-rules/">Bangkok Rules</a></h3> <p class="meta">[^<]*{re.escape(official)}',
        body,
    )
