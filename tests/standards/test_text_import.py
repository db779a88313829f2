"""The official text import's reading of documents: the UN's Mandela Rules PDF, and generated layouts."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from standards.text_import.extract import ExtractionError, extract_lines, normalise_whitespace
from standards.text_import.outline import OutlineError, from_outline, to_outline
from standards.text_import.parse import parse_lines
from tests.standards import documents

MANDELA_PDF = Path(__file__).parent / "data" / "A_RES_70_175_E.pdf"
FIELDS = ["kind", "number", "part", "part_title", "category", "section", "text", "footnotes"]


def read(data: bytes, filename: str):
    return parse_lines(extract_lines(data=data, filename=filename))


def expected_mandela() -> list[dict]:
    """The curated fixture, in the shape the seed loader stores it (null → "", no footnotes → [])."""
    data = json.loads((Path(settings.FIXTURES_DIR) / "standards" / "nelson-mandela-rules.json").read_text())
    rows = [
        {
            "kind": "preliminary_observation",
            "number": observation["number"],
            "part": "",
            "part_title": "",
            "category": "",
            "section": "Preliminary observations",
            "text": observation["text"],
            "footnotes": observation.get("footnotes", []),
        }
        for observation in data["preliminary_observations"]
    ]
    rows += [
        {
            "kind": "rule",
            "number": rule["number"],
            "part": rule["part"] or "",
            "part_title": rule["part_title"] or "",
            "category": rule["category"] or "",
            "section": rule["section"] or "",
            "text": rule["text"],
            "footnotes": rule.get("footnotes", []),
        }
        for rule in data["provisions"]
    ]
    return rows


@pytest.fixture(scope="module")
def mandela():
    return read(MANDELA_PDF.read_bytes(), MANDELA_PDF.name)


def test_the_un_pdf_of_the_mandela_rules_reads_exactly_as_the_curated_text(mandela):
    got = [{name: getattr(provision, name) for name in FIELDS} for provision in mandela.provisions]
    expected = expected_mandela()
    assert len(got) == 126
    assert [row["number"] for row in got if row["kind"] == "rule"] == [str(number) for number in range(1, 123)]
    for proposed, curated in zip(got, expected, strict=True):
        assert proposed == curated, f"{curated['kind']} {curated['number']}"
    assert mandela.warnings == []


def test_the_mandela_footnotes_are_kept_apart_from_the_running_text(mandela):
    rule_45 = next(p for p in mandela.provisions if p.kind == "rule" and p.number == "45")
    assert [note["marker"] for note in rule_45.footnotes] == ["28"]
    assert rule_45.footnotes[0]["after"] == "criminal justice,"
    assert "justice, continues to apply" in rule_45.text
    assert "28" not in rule_45.text


def test_the_mandela_preamble_and_page_furniture_are_left_out(mandela):
    texts = "\n".join(provision.text for provision in mandela.provisions)
    assert "Guided by the principal purposes" not in texts  # the resolution's preamble
    assert "A/RES/70/175" not in texts  # the running head
    assert "/33" not in texts  # page numbers
    assert mandela.skipped_lines > 300


def test_the_outline_round_trips_the_mandela_proposal(mandela):
    assert from_outline(to_outline(mandela.provisions)) == mandela.provisions


def test_moving_a_line_in_the_outline_moves_a_paragraph_boundary():
    outline = "### rule 1\nSection: A\n\nFirst.\nSecond.\n\n### rule 2\nSection: A\n\nThird.\n"
    moved = outline.replace("Second.\n\n### rule 2\nSection: A\n\n", "\n### rule 2\nSection: A\n\nSecond.\n")
    provisions = from_outline(moved)
    assert [provision.text for provision in provisions] == ["First.", "Second.\nThird."]


def test_an_outline_with_an_unknown_kind_is_refused_with_its_line():
    with pytest.raises(OutlineError, match="line 1"):
        from_outline("### chapter 1\n\nText.")


def test_whitespace_normalisation_only_joins_runs_of_whitespace():
    assert normalise_whitespace("  Prison  labour\tmust\u00a0not ") == "Prison labour must not"


RULE_HEADINGS = [
    [
        ("title", "Annex"),
        ("title", "Test Rules for Layouts"),
        ("heading", "I. General rules"),
        ("heading", "Scope"),
        ("provision", "Rule 1."),
        ("indent", "Every test shall be run on both databases."),
        ("provision", "Rule 2."),
        ("body", "1. The following shall be checked:"),
        ("indent", "(a) Counts;"),
        ("indent", "(b) Content, as referred to in other standards,^1 continues."),
        ("body", "2. Nothing shall be skipped."),
        ("note", "1 See rule 9 of the Other Rules."),
    ],
    [
        ("heading", "Reports"),
        ("provision", "Rule 3."),
        ("indent", "Reports shall be short and"),
        ("body", "written in plain words."),
    ],
]


def test_rule_headings_with_parts_sections_lettered_paragraphs_and_a_footnote():
    proposal = read(documents.pdf(RULE_HEADINGS), "layout.pdf")
    assert [(p.kind, p.number, p.part, p.part_title, p.section) for p in proposal.provisions] == [
        ("rule", "1", "I", "General rules", "Scope"),
        ("rule", "2", "I", "General rules", "Scope"),
        ("rule", "3", "I", "General rules", "Reports"),
    ]
    rule_2 = proposal.provisions[1]
    assert rule_2.text == (
        "1. The following shall be checked:\n(a) Counts;\n"
        "(b) Content, as referred to in other standards, continues.\n2. Nothing shall be skipped."
    )
    assert rule_2.footnotes == [{"marker": "1", "after": "other standards,", "text": "See rule 9 of the Other Rules."}]
    assert proposal.provisions[2].text == "Reports shall be short and written in plain words."
    assert proposal.warnings == []


def test_tokyo_style_decimal_numbering():
    pages = [
        [
            ("heading", "I. General principles"),
            ("heading", "1. Fundamental aims"),
            ("body", "1.1 The present Standard Minimum Rules provide a set of basic principles."),
            ("body", "1.2 The Rules are intended to promote greater community involvement,"),
            ("body", "especially for offenders."),
            ("heading", "2. The scope of non-custodial measures"),
            ("body", "2.1 The relevant provisions shall be applied to all persons."),
            ("body", "2.3 In order to provide greater flexibility (a gap)."),
        ]
    ]
    proposal = read(documents.pdf(pages), "tokyo.pdf")
    assert [(p.kind, p.number, p.part, p.section) for p in proposal.provisions] == [
        ("rule", "1.1", "I", "Fundamental aims"),
        ("rule", "1.2", "I", "Fundamental aims"),
        ("rule", "2.1", "I", "The scope of non-custodial measures"),
        ("rule", "2.3", "I", "The scope of non-custodial measures"),
    ]
    assert (
        proposal.provisions[1].text
        == "The Rules are intended to promote greater community involvement, especially for offenders."
    )
    assert proposal.provisions[0].ref == "1-1"
    assert proposal.warnings == ["Numbering gap: rule 2.1 is followed by 2.3."]


@pytest.mark.parametrize(("word", "kind"), [("Principle", "principle"), ("Guideline", "guideline")])
def test_principle_and_guideline_headings(word, kind):
    pages = [
        [
            ("heading", "A. Definitions"),
            ("provision", f"{word} 1"),
            ("indent", "Legal aid includes legal advice."),
            ("provision", f"{word} 2"),
            ("indent", ""),
            ("provision", f"{word} 4"),
            ("indent", "States should ensure that:"),
            ("indent", "(a) Legal aid is provided;"),
            ("indent", "(b) It is effective."),
        ]
    ]
    proposal = read(documents.pdf(pages), "principles.pdf")
    assert [(p.kind, p.number, p.category, p.section) for p in proposal.provisions] == [
        (kind, "1", "A. Definitions", "Definitions"),
        (kind, "2", "A. Definitions", "Definitions"),
        (kind, "4", "A. Definitions", "Definitions"),
    ]
    assert proposal.provisions[2].text == "States should ensure that:\n(a) Legal aid is provided;\n(b) It is effective."
    assert f"{kind} 2 has no text." in proposal.warnings
    assert f"Numbering gap: {kind} 2 is followed by 4." in proposal.warnings


def test_a_word_document():
    blocks = [
        ("body", "The General Assembly, recalling its resolutions, adopts the annexed rules."),
        ("title", "Annex"),
        ("heading", "Basic principles"),
        ("provision", "Rule 1"),
        ("body", "Juveniles shall be treated fairly,^3 always."),
        ("provision", "Rule 2"),
        ("body", "1. The rules apply impartially."),
        ("body", "2. Each State shall apply them."),
    ]
    proposal = read(documents.docx(blocks), "rules.docx")
    assert [(p.number, p.section, p.text) for p in proposal.provisions] == [
        ("1", "Basic principles", "Juveniles shall be treated fairly, always."),
        ("2", "Basic principles", "1. The rules apply impartially.\n2. Each State shall apply them."),
    ]
    assert proposal.provisions[0].footnotes == [
        {"marker": "3", "after": "Juveniles shall be treated fairly,", "text": ""}
    ]
    assert proposal.warnings == ["rule 1: footnote 3 has no text at the foot of a page."]


def test_a_plain_text_file_of_numbered_paragraphs():
    text = (
        b"Basic principles on restorative justice\n\n"
        b"Use of terms\n\n"
        b"1. Restorative justice programme means any programme that uses\n"
        b"restorative processes.\n"
        b"2. Restorative process means any process in which the victim and the offender\n"
        b"   participate together.\n\n"
        b"Operation\n\n"
        b"3. Guidelines should be established.\n"
    )
    proposal = read(text, "principles.txt")
    assert [(p.kind, p.number, p.section, p.text) for p in proposal.provisions] == [
        (
            "paragraph",
            "1",
            "Use of terms",
            "Restorative justice programme means any programme that uses restorative processes.",
        ),
        (
            "paragraph",
            "2",
            "Use of terms",
            "Restorative process means any process in which the victim and the offender participate together.",
        ),
        ("paragraph", "3", "Operation", "Guidelines should be established."),
    ]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"not a pdf", "broken.pdf", "could not be read"),
        (b"x", "notes.odt", "upload a PDF"),
        (b"\xff\xfe\x00", "bad.txt", "not UTF-8"),
    ],
)
def test_unreadable_files_raise_a_clear_error(data, filename, message):
    with pytest.raises(ExtractionError, match=message):
        extract_lines(data=data, filename=filename)
