"""No template text is left unmarked for translation.

Every template under templates/ is read (except the API guide, which is deliberately English, see
README "The interface's translations"); what is left once comments, {% translate %} and
{% blocktranslate %} blocks, other template tags, variables, HTML tags, scripts and styles and the values
of attributes that are not human text are taken out must hold no run of letters. The attributes whose
values people read (title, aria-label, alt, placeholder, data-label) are kept and must be marked too.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
# Deliberately English (README "The interface's translations"): the API guide, developer documentation
# outside the language prefixes, and the Swagger UI page that hosts the interactive docs.
NOT_SCANNED = ("api/",)
# Attribute values people read: they must be marked like text.
HUMAN_ATTRIBUTES = frozenset({"title", "aria-label", "alt", "placeholder", "data-label"})
# Runs of letters that are not language and so are never translated. Each with its reason.
ALLOWED = frozenset(
    {
        "ODS",  # the UN Official Document System, a proper name (document links)
        "SDG",  # the code prefix of the SDG framework, used with a code (SDG 16.3)
    }
)


def _blank(match: re.Match) -> str:
    """The matched text replaced by its newlines only, so line numbers stay right."""
    return "\n" * match.group(0).count("\n")


ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+)""")


def _tag_text(match: re.Match) -> str:
    """An HTML tag replaced by the values of its human-text attributes (newlines kept)."""
    tag = match.group(0)
    kept = [value.strip("\"'") for name, value in ATTRIBUTE.findall(tag) if name.lower() in HUMAN_ATTRIBUTES]
    return " ".join(kept) + "\n" * tag.count("\n")


def unmarked_text(source: str) -> list[tuple[int, str]]:
    """(line, words) for every run of letters a template shows that is not marked for translation."""
    text = re.sub(r"\{#.*?#\}", _blank, source, flags=re.S)
    text = re.sub(r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}", _blank, text, flags=re.S)
    text = re.sub(r"\{%\s*blocktrans(?:late)?\b.*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}", _blank, text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", _blank, text, flags=re.S | re.I)
    # Template tags ({% translate %} included) and variables go, leaving attribute values without them.
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", _blank, text, flags=re.S)
    text = re.sub(r"<!--.*?-->", _blank, text, flags=re.S)
    # An element that declares its own language (the language names in their own language beside the
    # SDG titles in the six UN languages) is in that language, not the interface's.
    text = re.sub(r"<(\w+)\b[^>]*\slang=[^>]*>[^<]*</\1>", _blank, text)
    text = re.sub(r"<[!/]?[a-zA-Z][^>]*>", _tag_text, text, flags=re.S)
    text = re.sub(r"&#?\w+;", " ", text)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = [word for word in re.findall(r"[^\W\d_]+", line) if word not in ALLOWED]
        if words:
            found.append((number, " ".join(words)))
    return found


def scanned_templates() -> list[Path]:
    return sorted(
        path
        for path in TEMPLATES_DIR.rglob("*.html")
        if not path.relative_to(TEMPLATES_DIR).as_posix().startswith(NOT_SCANNED)
    )


def test_every_template_text_is_marked_for_translation():
    templates = scanned_templates()
    assert len(templates) > 50
    problems = [
        f"{path.relative_to(TEMPLATES_DIR)}:{line}: {words}"
        for path in templates
        for line, words in unmarked_text(path.read_text(encoding="utf-8"))
    ]
    assert not problems, f"{len(problems)} unmarked texts:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>Hello {{ name }}</p>", [(1, "Hello")]),
        ('<p>\n<a href="/x" title="Open it">{% translate "Go" %}</a></p>', [(2, "Open it")]),
        ('<td data-label="Year">{{ year }}</td>', [(1, "Year")]),
        ('<img alt="A picture" src="/a.png">', [(1, "A picture")]),
        ("{% if x %}\n\n  Goal {{ goal.code }}{% endif %}", [(3, "Goal")]),
        ("<span>{{ a }} · {{ b }}</span> <abbr>ODS</abbr>", []),
        ('<a href="/sdg/" class="nav-link" id="top">{% translate "Goals" %}</a>', []),
        ('<td data-label="{% translate "Year" %}">{{ year }}</td>', []),
        ("{% blocktranslate trimmed %}Linked to Goal {{ n }}{% endblocktranslate %}", []),
        ("{# A note #}{% comment %}More\nnotes{% endcomment %}<p>{% translate 'Hi' %}</p>", []),
        ("<script>const label = 'x';</script><style>a { color: red }</style>", []),
        ("<!-- an HTML comment -->&nbsp;&rarr;", []),
        ('<dt lang="fr">Français</dt><dt>English</dt>', [(1, "English")]),
    ],
)
def test_the_scan_finds_unmarked_text_and_only_that(source, expected):
    assert unmarked_text(source) == expected
