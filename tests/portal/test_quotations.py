"""Quoted texts are quoted exactly: every quotation is in its source paragraph word for word, and an
indicator quoted in other words than today's official text is known to differ (issue 14 item 6)."""

import pytest

from portal.paragraphs import cited_text
from portal.quotations import definitions, indicator_quotations, quotations, quotations_for_target


@pytest.mark.parametrize("row", quotations(), ids=lambda row: f"{row['symbol']} {row['locator']}")
def test_every_quotation_is_in_its_source_word_for_word(row):
    assert row["quoted"] in cited_text(row["symbol"], row["locator"])


@pytest.mark.django_db
def test_indicator_16_3_1_as_the_working_paper_quotes_it_differs_from_the_official_text(django_assert_num_queries):
    with django_assert_num_queries(1):
        (quotation,) = indicator_quotations("16.3.1")
    assert (quotation.symbol, quotation.locator) == ("A/CONF.234/5", "para 35")
    assert quotation.quoted.startswith("Proportion of victims of violence in the previous 12 months")
    assert quotation.official.startswith(
        "Proportion of victims of (a) physical, (b) psychological and/or (c) sexual violence"
    )
    assert quotation.differs


@pytest.mark.django_db
def test_an_indicator_no_source_quotes_has_no_quotation(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert indicator_quotations("16.3.2") == []


def test_definitions_name_their_term_and_source():
    terms = {row["subject"]: (row["symbol"], row["locator"]) for row in definitions()}
    assert terms["secondary victimization"] == ("A/CONF.234/5", "para 9 fn 7")
    assert terms["crime prevention"] == ("GP-BROCHURE", "section 'Crime Prevention'")


@pytest.mark.django_db
def test_a_targets_quoted_indicators_are_found_by_the_target():
    assert list(quotations_for_target("16.3")) == ["16.3.1"]
    assert quotations_for_target("16.2") == {}


@pytest.mark.django_db
def test_the_target_page_shows_the_sources_wording_beside_the_official_indicator(client):
    body = client.get("/sdg/16.3/").content.decode()
    indicator = body[body.index('id="indicator-16.3.1"') :].split("</li>")[0]
    assert (
        "As A/CONF.234/5, para 35 quotes it: <q>Proportion of victims of violence in the previous 12 months"
        in indicator
    )
    assert "quotes it" not in body[body.index('id="indicator-16.3.2"') :].split("</li>")[0]
    assert "quotes it" not in client.get("/sdg/16.2/").content.decode()
