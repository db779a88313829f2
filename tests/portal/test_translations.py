"""The interface's translations: locale/<ll>/LC_MESSAGES/django.po kept in step with the marked strings,
complete in the languages that are done, compiled, and served on the /fr/... pages.

Adding a language's translation: translate every msgid of its .po, then add its code to
TRANSLATED_LANGUAGES below; `test_no_untranslated_or_fuzzy_entry` then holds it to completeness.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# The languages whose .po must have no untranslated or fuzzy entry. The others' .po exist (generated
# by makemessages) and are checked for being up to date and well formed, not yet for completeness:
# add a language here when its translation lands.
TRANSLATED_LANGUAGES = ("fr", "es", "ru", "ar", "zh-hans")
# What makemessages leaves out (as `make messages-update` does): dependencies, tests, tools, data.
NOT_SCANNED = ("node_modules", "tests", "bench", "scripts", "staticfiles", "var")
NOT_COPIED = (*NOT_SCANNED, ".git", ".venv", "locale", "fixtures", "static", "test-artifacts", "__pycache__", "*.pyc")


@dataclass
class Entry:
    context: str | None = None
    msgid: str = ""
    plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return self.context, self.msgid, self.plural


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text.strip()[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The active entries of a .po file (obsolete `#~` entries are left out), header included."""
    entries: list[Entry] = []
    current, target = Entry(), None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if target is not None:
                entries.append(current)
            current, target = Entry(), None
        elif line.startswith("#,"):
            current.fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if target == "msgstr":
                current.msgstrs[-1] += unquote(line)
            else:
                setattr(current, target, getattr(current, target) + unquote(line))
        else:
            keyword, _, value = line.partition(" ")
            if keyword.startswith("msgstr"):
                target = "msgstr"
                current.msgstrs.append(unquote(value))
            else:
                target = {"msgctxt": "context", "msgid": "msgid", "msgid_plural": "plural"}[keyword]
                setattr(current, target, unquote(value))
    return entries


def po_path(language: str) -> Path:
    return LOCALE_DIR / to_locale(language) / "LC_MESSAGES" / "django.po"


OTHER_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_language_but_english_has_a_po_file(language):
    path = po_path(language)
    assert path.is_file(), f"{path} is missing: run `make messages-update` (makemessages) to create it"
    header = read_po(path)[0]
    assert header.msgid == "" and "Plural-Forms:" in header.msgstrs[0]


def test_translated_languages_are_languages_of_the_portal():
    assert set(TRANSLATED_LANGUAGES) <= set(OTHER_LANGUAGES)


@pytest.fixture(scope="module")
def source_msgids(tmp_path_factory) -> set:
    """Every msgid marked in the templates and the code today: makemessages run on a scratch copy of
    the sources, so the committed .po files are left as they are."""
    copy = tmp_path_factory.mktemp("sources") / "portal-sources"
    shutil.copytree(settings.BASE_DIR, copy, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
    scratch_locale = copy / "locale"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        patch.setattr(settings, "LOCALE_PATHS", [scratch_locale])
        call_command("makemessages", locale=["fr"], ignore_patterns=list(NOT_SCANNED), no_obsolete=True, verbosity=0)
    entries = read_po(scratch_locale / "fr" / "LC_MESSAGES" / "django.po")
    assert len(entries) > 500, "makemessages found far fewer strings than the portal marks"
    return {entry.key for entry in entries if entry.msgid}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_po_file_has_every_marked_string_and_no_stale_one(language, source_msgids):
    committed = {entry.key for entry in read_po(po_path(language)) if entry.msgid}
    missing = sorted(source_msgids - committed, key=str)
    stale = sorted(committed - source_msgids, key=str)
    assert not missing, (
        f"{len(missing)} marked strings missing from {language}'s .po (`make messages-update`): {missing[:10]}"
    )
    assert not stale, (
        f"{len(stale)} entries of {language}'s .po are marked nowhere (`make messages-update`): {stale[:10]}"
    )


# Fails for a language until all its strings are translated: that is the point. A language joins
# TRANSLATED_LANGUAGES when its translation is complete.
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_no_untranslated_or_fuzzy_entry(language):
    entries = [entry for entry in read_po(po_path(language)) if entry.msgid]
    untranslated = [entry.msgid for entry in entries if not all(entry.msgstrs)]
    fuzzy = [entry.msgid for entry in entries if entry.fuzzy]
    assert entries
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_po_file_compiles_with_its_placeholders_intact(language):
    """msgfmt --check: every translation keeps its msgid's %(name)s placeholders, plural forms match."""
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(po_path(language))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_compiled_catalogue_is_up_to_date(language):
    po = po_path(language)
    mo = po.with_suffix(".mo")
    assert mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime, (
        f"{mo} is missing or older than its .po: run `make messages` (msgfmt)"
    )


@pytest.fixture
def english_and_french(settings):
    settings.PUBLIC_LANGUAGES = ["en", "fr"]


@pytest.mark.django_db
@pytest.mark.usefixtures("english_and_french")
def test_french_target_page_shows_french_navigation_and_headings(client):
    response = client.get("/fr/sdg/16.3/")
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in body
    for french in (
        "Portail des règles et normes",  # the site name
        "Aller au contenu principal",
        ">Thèmes</a>",
        ">Assistance technique</a>",
        ">Recommandations</a>",
        ">Cible 16.3</h1>",
        ">Ce qui contribue à cette cible</h2>",
        ">Indicateurs</h2>",
        ">Règles et normes des Nations Unies <span",  # a section heading registered by an app
        ">À propos de cette cible</h2>",
    ):
        assert french in body, french
    for english in (
        "Skip to main content",
        ">Technical assistance</a>",
        "What serves this target",
        "About this target",
    ):
        assert english not in body, english


@pytest.mark.django_db
@pytest.mark.usefixtures("english_and_french")
def test_english_page_is_unchanged_when_french_is_offered(client):
    body = client.get("/sdg/16.3/").content.decode()
    assert ">What serves this target</h2>" in body
    assert ">Technical assistance</a>" in body
    assert "Ce qui contribue à cette cible" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        (
            "ar",
            [
                "بوابة المعايير والقواعد",  # the site name
                "الانتقال إلى المحتوى الرئيسي",
                ">المساعدة التقنية</a>",
                ">ما يخدم هذه الغاية</h2>",
                ">عن هذه الغاية</h2>",
                ">معايير الأمم المتحدة وقواعدها <span",
            ],
            ["Skip to main content", "What serves this target"],
        ),
        (
            "zh-hans",
            [
                "标准和规范门户",
                "跳至主要内容",
                ">技术援助</a>",
                ">服务于此具体目标的内容</h2>",
                ">关于此具体目标</h2>",
                ">联合国标准和规范 <span",
            ],
            ["Skip to main content", "What serves this target"],
        ),
    ],
)
def test_arabic_and_chinese_target_pages_show_their_translations(client, settings, language, expected, english):
    settings.PUBLIC_LANGUAGES = ["en", "ar", "zh-hans"]
    response = client.get(f"/{language}/sdg/16.3/")
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert f'<html lang="{language}"' in body
    for text in expected:
        assert text in body, text
    for text in english:
        assert text not in body, text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "17 December 2015"),
        ("fr", "17 décembre 2015"),
        ("es", "17 de diciembre de 2015"),
        ("ru", "17 декабря 2015 г."),
        ("ar", "17 ديسمبر 2015"),
        ("zh-hans", "2015年12月17日"),
    ],
)
def test_dates_are_written_each_language_s_own_way(language, expected):
    """`date:"DATE_FORMAT"` with the portal's formats (portal/formats/): not "17 Декабрь 2015" / "17 十二月 2015"."""
    with translation.override(language):
        assert Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": date(2015, 12, 17)})) == expected


def test_public_templates_format_dates_by_the_language_not_a_fixed_pattern():
    """A fixed pattern with a month name (`date:"j F Y"`) writes "17 Декабрь 2015" in Russian; the
    public templates use DATE_FORMAT (or a machine format without names, as in datetime="Y-m-d")."""
    templates = Path(settings.BASE_DIR) / "templates"
    fixed = [
        f"{path.relative_to(templates)}: {match.group(0)}"
        for path in templates.rglob("*.html")
        if "admin" not in path.relative_to(templates).parts
        for match in re.finditer(r"""\|date:(["'])([^"']*)\1""", path.read_text(encoding="utf-8"))
        if not match.group(2).isupper() and re.search(r"[FMNEbDl]", match.group(2))
    ]
    assert not fixed, fixed


@pytest.mark.django_db
def test_russian_instrument_page_writes_its_adoption_date_in_russian(client, settings):
    settings.PUBLIC_LANGUAGES = ["en", "ru"]
    body = client.get("/ru/instruments/nelson-mandela-rules/").content.decode()
    assert ">17 декабря 2015 г.</time>" in body
    assert "Декабрь" not in body
    assert ">17 December 2015</time>" in client.get("/instruments/nelson-mandela-rules/").content.decode()
