"""The paragraph index of the five source documents: the parser on small samples of each format,
the committed index's counts (checked by hand against the seeds), and reading citations."""

import json

import pytest
from django.core.management import CommandError, call_command

from portal.citations import citations, out_of_scope, paragraph_coverage
from portal.paragraphs import (
    SOURCES,
    Repair,
    SourceFormat,
    UnknownLocator,
    cited_entries,
    cited_text,
    load_index,
    parse_source,
)

WORKING_PAPER = """
# Fourteenth United Nations Congress

Item 4 of the provisional agenda\\*

### *Summary*

The present working paper illustrates the need.

\\* A/CONF.234/1.

## I. Introduction

1. Criminal justice systems respond,<sup>1</sup> see [A/CONF.234/4](#), and *more*.

2. Under Goal 16 (Promote peaceful societies), the first two targets focus on violence;

<sup>1</sup> UNODC, *Global Study on Homicide 2019*.

<sup>2</sup> See General Assembly resolution [71/313](#), annex.

the proportion of victims who reported their victimization.<sup>2</sup>

### III. Integrated responses

3. The Congress may wish to consider the following:

(a) Adopt policies;

(b) Use tools.
"""

DISCUSSION_GUIDE = """
Discussion guide

Contents

\t<i>Page</i>
I. Introduction\t2

I. Introduction

1. The guide has been prepared.
 1. Opening of the Congress.
Sustainable Development Goal 16 in action

2. Specific targets aspire to eliminate urban crime,⁸ and trafficking in persons.⁹

⁸ Target 11.7.

⁹ Targets 5.2, 8.7, and 16.2.

1. Preventing the involvement of children

3. Supporting the development of children is crucial, and

assistance must reach them.
"""

SG_REPORT = """
Summary

The present report outlines the use of the standards.

I. Introduction

- 1. The present report was prepared pursuant to resolution 1992/22.
- The present report places emphasis on: (a) access to justice; and (b) crime prevention.

IV. Providing sustained technical assistance²

- In the area of legal aid, UNODC and UN-Women, in collaboration with 3. OHCHR, completed a study.

² The five sub-items are aligned with the Strategy.
"""

BROCHURE = """
GLOBAL PROGRAMME:

Background

Crime prevention strategies must be gender-responsive.

INNOVATIVE TRAINING TOOLS

eLearning

Access to Justice

- Enhancing access to legal aid;

eLearning

The UNODC Global eLearning Programme delivers trainings.
"""


def by_locator(entries):
    return {entry["locator"]: entry for entry in entries}


def test_working_paper_paragraphs_footnotes_and_page_breaks():
    entries = by_locator(parse_source(SourceFormat("A/CONF.234/5"), WORKING_PAPER))
    assert list(entries) == ["header", "Summary", "para 1", "para 2", "para 3"]
    assert entries["header"]["footnotes"] == [{"number": "*", "text": "A/CONF.234/1."}]
    assert entries["Summary"]["text"] == "The present working paper illustrates the need."
    assert entries["para 1"]["text"] == "Criminal justice systems respond, see A/CONF.234/4, and more."
    assert entries["para 1"]["footnotes"] == [{"number": "1", "text": "UNODC, Global Study on Homicide 2019."}]
    # The paragraph goes on after the footnotes of the page, and its call-out there is kept.
    assert entries["para 2"]["text"].endswith(
        "on violence; the proportion of victims who reported their victimization."
    )
    assert [note["number"] for note in entries["para 2"]["footnotes"]] == ["2"]
    assert entries["para 3"]["heading"] == "III. Integrated responses"
    assert entries["para 3"]["items"] == ["a", "b"]
    assert (
        entries["para 3"]["text"]
        == "The Congress may wish to consider the following: (a) Adopt policies; (b) Use tools."
    )


def test_discussion_guide_contents_superscript_notes_and_numbered_headings():
    entries = by_locator(parse_source(SourceFormat("A/CONF.234/PM.1"), DISCUSSION_GUIDE))
    assert list(entries) == ["header", "contents", "para 1", "para 2", "para 3"]
    assert entries["contents"]["text"] == "I. Introduction 2"
    assert entries["para 1"]["text"] == "The guide has been prepared. 1. Opening of the Congress."
    assert entries["para 2"]["heading"] == "Sustainable Development Goal 16 in action"
    assert entries["para 2"]["footnotes"] == [
        {"number": "8", "text": "Target 11.7."},
        {"number": "9", "text": "Targets 5.2, 8.7, and 16.2."},
    ]
    # "1. Preventing ..." is a heading: the paragraphs run on in sequence.
    assert entries["para 3"]["heading"] == "1. Preventing the involvement of children"
    assert (
        entries["para 3"]["text"]
        == "Supporting the development of children is crucial, and assistance must reach them."
    )


def test_sg_report_numbers_lost_or_displaced_are_repaired_and_heading_notes_go_to_the_next_paragraph():
    fmt = SourceFormat(
        "E/CN.15/2022/9",
        repairs=(
            Repair("The present report places emphasis", 2),
            Repair("In the area of legal aid", 3, displaced="3. "),
        ),
    )
    entries = by_locator(parse_source(fmt, SG_REPORT))
    assert list(entries) == ["Summary", "para 1", "para 2", "para 3"]
    assert entries["para 2"]["text"].startswith("The present report places emphasis on: (a) access")
    assert entries["para 2"]["items"] == ["a", "b"]
    assert (
        entries["para 3"]["text"]
        == "In the area of legal aid, UNODC and UN-Women, in collaboration with OHCHR, completed a study."
    )
    assert entries["para 3"]["footnotes"] == [
        {"number": "2", "text": "The five sub-items are aligned with the Strategy."}
    ]


def test_brochure_sections_in_printed_order():
    # "eLearning" is first a word under "INNOVATIVE TRAINING TOOLS", later a heading: headings match in printed order.
    sections = (("Background", "Background"), ("INNOVATIVE TRAINING TOOLS", "Innovative training tools"))
    sections += (("Access to Justice", "Access to Justice"), ("eLearning", "eLearning"))
    fmt = SourceFormat("GP-BROCHURE", sections=sections)
    entries = by_locator(parse_source(fmt, BROCHURE))
    assert list(entries) == [
        "header",
        "section 'Background'",
        "section 'Innovative training tools'",
        "section 'Access to Justice'",
        "section 'eLearning'",
    ]
    assert entries["section 'Innovative training tools'"]["text"] == "eLearning"
    assert entries["section 'Access to Justice'"]["text"] == "Enhancing access to legal aid;"


# Counted by hand in the seeds: 000 ends at para 45, 001 at para 13, 003 at para 189 (its 32 numbered
# sub-headings are not paragraphs), 004 at para 69 (64 numbered, paras 2, 3, 34 and 56 unnumbered and
# para 20 displaced); the brochure has 11 section headings.
EXPECTED_PARAGRAPHS = {
    "A/CONF.234/5": 45,
    "CONGRESS14-DRAFT-REPORT-ITEM4": 13,
    "A/CONF.234/PM.1": 189,
    "E/CN.15/2022/9": 69,
}


@pytest.mark.parametrize(("symbol", "count"), EXPECTED_PARAGRAPHS.items())
def test_committed_index_holds_every_numbered_paragraph(symbol, count):
    entries = load_index()[symbol]
    assert [loc for loc in entries if loc.startswith("para ")] == [f"para {n}" for n in range(1, count + 1)]
    assert "header" in entries


def test_committed_index_holds_the_brochure_sections_and_the_other_parts():
    index = load_index()
    assert len([loc for loc in index["GP-BROCHURE"] if loc.startswith("section ")]) == 11
    assert "contents" in index["A/CONF.234/PM.1"]
    assert {"Summary"} <= set(index["A/CONF.234/5"]) & set(index["E/CN.15/2022/9"])


def test_committed_index_keeps_the_official_wording():
    entry = load_index()["A/CONF.234/PM.1"]["para 15"]
    assert entry["text"].startswith(
        "Under the Sustainable Development Goals, specific targets aspire to ensure equal access"
    )
    assert {note["number"]: note["text"] for note in entry["footnotes"]}["9"] == "Targets 5.2, 8.7, and 16.2."
    assert load_index()["E/CN.15/2022/9"]["para 20"]["text"].startswith(
        "In the area of legal aid, UNODC and UN-Women, in collaboration with OHCHR,"
    )


def test_builder_command_writes_the_index_from_a_seeds_folder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    samples = {"000": WORKING_PAPER, "001": WORKING_PAPER, "002": BROCHURE, "003": DISCUSSION_GUIDE, "004": SG_REPORT}
    for prefix, text in samples.items():
        (seeds / f"{prefix}_sample.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "paragraphs.json"
    call_command("build_paragraph_index", str(seeds), output=str(output), verbosity=0)
    written = json.loads(output.read_text(encoding="utf-8"))
    assert {entry["symbol"] for entry in written} == {fmt.symbol for fmt in SOURCES.values()}
    assert {"symbol": "A/CONF.234/PM.1", "locator": "para 2"}.items() <= next(
        entry for entry in written if entry["symbol"] == "A/CONF.234/PM.1" and entry["locator"] == "para 2"
    ).items()


def test_builder_command_refuses_a_folder_without_the_seeds(tmp_path):
    with pytest.raises(CommandError, match="000_"):
        call_command("build_paragraph_index", str(tmp_path), output=str(tmp_path / "out.json"), verbosity=0)


@pytest.mark.parametrize(
    ("locator", "expected"),
    [
        ("para 21", ["para 21"]),
        ("paras 12-14", ["para 12", "para 13", "para 14"]),
        ("para 8 (e)", ["para 8"]),
        ("para 84 fn 31", ["para 84"]),
        ("paras 84 fn 31, 85", ["para 84", "para 85"]),
        ("para 15 fn 9; para 124 (k)", ["para 15", "para 124"]),
        ("header", ["header"]),
    ],
)
def test_locators_name_their_paragraphs(locator, expected):
    assert [entry["locator"] for entry in cited_entries("A/CONF.234/PM.1", locator)] == expected


def test_brochure_locators_name_their_sections():
    entries = cited_entries("GP-BROCHURE", "sections 'Background' and 'Holistic approach'")
    assert [entry["locator"] for entry in entries] == ["section 'Background'", "section 'Holistic approach'"]


@pytest.mark.parametrize(
    ("symbol", "locator"),
    [
        ("A/CONF.234/PM.1", "para 190"),
        ("A/CONF.234/PM.1", "para 15 fn 31"),
        ("A/CONF.234/5", "para 44 (z)"),
        ("GP-BROCHURE", "section 'Nowhere'"),
        ("A/CONF.234/5", "page 3"),
        ("A/RES/70/175", "annex"),
    ],
)
def test_locators_that_name_nothing_are_refused(symbol, locator):
    with pytest.raises(UnknownLocator):
        cited_entries(symbol, locator)


def test_cited_text_includes_the_footnotes():
    assert "Target 16.5." in cited_text("A/CONF.234/PM.1", "para 15 fn 10")


@pytest.mark.django_db
def test_every_citation_in_the_content_names_an_indexed_paragraph():
    coverage = paragraph_coverage()
    assert coverage.unresolved == []
    # Documents outside the five sources are reported, not failures: the Mandela Rules' own annex.
    assert set(coverage.outside) == {"A/RES/70/175"}


@pytest.mark.django_db
def test_citations_come_from_entities_links_and_recommendations():
    found = {(c.symbol, c.locator, c.record.split()[0]) for c in citations()}
    assert ("A/CONF.234/5", "para 43 (c)", "recommendations.recommendation") in found
    assert ("GP-BROCHURE", "section 'Access to Justice'", "portal.theme") in found
    assert any(record == "standards.instrumenttarget" for _, _, record in found)


def test_out_of_scope_marks_name_indexed_entries_with_a_reason():
    index = load_index()
    marks = out_of_scope()
    assert marks, "the committed file marks the title blocks and contents at least"
    for (symbol, locator), reason in marks.items():
        assert locator in index[symbol], (symbol, locator)
        assert len(reason) > 20, (symbol, locator)


@pytest.mark.django_db
def test_marked_paragraphs_are_not_also_cited():
    # A paragraph a record cites is curated: marking it out of scope would be a contradiction.
    for document in paragraph_coverage().documents:
        assert not set(document.out_of_scope) & document.cited, document.symbol


@pytest.mark.django_db
def test_content_report_lists_the_uncited_paragraphs_per_source(capsys):
    call_command("content_report")
    out = capsys.readouterr().out
    coverage = paragraph_coverage()
    assert f"Source paragraphs cited: {coverage.cited} of {coverage.total} ({coverage.marked} more marked" in out
    pm1 = next(doc for doc in coverage.documents if doc.symbol == "A/CONF.234/PM.1")
    assert f"A/CONF.234/PM.1: {len(pm1.cited)} of 191 cited, {len(pm1.uncited)} not" in out
    assert "contents" not in pm1.uncited  # marked: a table of contents
    assert "Citations naming no paragraph of their document: 0" in out
    assert "Citations of A/RES/70/175, outside the five sources:" in out


def test_a_sub_paragraph_citation_reads_its_own_words_and_the_opening_ones():
    # Para 135 (a) of the guide names target 4.7; (b) does not, though it shares the paragraph.
    assert "target 4.7" in cited_text("A/CONF.234/PM.1", "para 135 (a)")
    text_b = cited_text("A/CONF.234/PM.1", "para 135 (b)")
    assert "target 4.7" not in text_b
    assert text_b.startswith("Participants in the regional preparatory meetings")
    assert "(b) In which ways can education" in text_b


def test_a_footnote_citation_reads_that_footnote_only():
    text = cited_text("A/CONF.234/PM.1", "para 15 fn 9")
    assert "Targets 5.2, 8.7, and 16.2." in text
    assert "Target 16.5." not in text


def test_a_chapter_heading_after_a_list_stays_out_of_the_paragraph():
    text = """
1. Participants may wish to consider the following questions:

- (a) How can education be strengthened?

- (b) What works?

Agenda item 6. International cooperation to address all forms of crime:

(a) Terrorism in all its forms and manifestations;

(b) New and emerging forms of crime.

A. Background

2. International cooperation is key.

Technical assistance

(a) Needs assessment;
"""
    entries = by_locator(parse_source(SourceFormat("A/CONF.234/PM.1"), text))
    assert entries["para 1"]["text"] == (
        "Participants may wish to consider the following questions: (a) How can education be strengthened? "
        "(b) What works?"
    )
    assert entries["para 1"]["items"] == ["a", "b"]
    assert entries["para 2"]["heading"] == (
        "Agenda item 6. International cooperation to address all forms of crime: (a) Terrorism in all its forms "
        "and manifestations; (b) New and emerging forms of crime. / A. Background"
    )
    # A topic heading inside a paragraph's list does not end the paragraph.
    assert entries["para 2"]["text"] == "International cooperation is key. (a) Needs assessment;"


FULLY_CURATED = ["A/CONF.234/5", "E/CN.15/2022/9", "CONGRESS14-DRAFT-REPORT-ITEM4", "GP-BROCHURE", "A/CONF.234/PM.1"]


def test_the_coverage_test_covers_every_source():
    # All five sources, not a chosen few: a source added to the index joins the test below.
    assert sorted(FULLY_CURATED) == sorted(fmt.symbol for fmt in SOURCES.values())


@pytest.mark.django_db
@pytest.mark.parametrize("symbol", FULLY_CURATED)
def test_every_paragraph_of_a_curated_source_is_cited_or_marked_out_of_scope(symbol):
    # Issue 14: every paragraph of every source is curated (cited by a record) or marked with a reason.
    document = next(doc for doc in paragraph_coverage().documents if doc.symbol == symbol)
    assert document.uncited == [], f"{symbol}: neither cited nor marked: {', '.join(document.uncited)}"
    assert len(document.cited) + len(document.out_of_scope) == len(document.paragraphs)
