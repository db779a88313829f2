"""Seeding runs what the apps register: adding a content type is a change inside one app."""

import ast
import json
from fnmatch import fnmatch
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from portal import citations, paragraphs, quotations
from portal.models import Theme
from portal.seeding import Stage, register, seed, stages, unregister

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("standards", "programmes", "recommendations")
CASE_LAW = "case-law/cases.json"


def load_case_law(loader):
    """What a new app's loaders.py would hold (here it files its cases under themes, for want of a model)."""
    load_case_law.seen.append(list(loader.report.stages))
    for record in loader.records(loader.read(CASE_LAW)):
        with loader.record(f"case {record.get('slug')}"):
            loader.check_keys(record, {"slug", "name"})
            loader.upsert(Theme, {"slug": record["slug"]}, {"name": record["name"]})


@pytest.fixture
def case_law(fixtures_copy):
    (fixtures_copy / "case-law").mkdir()
    (fixtures_copy / CASE_LAW).write_text(json.dumps([{"slug": "case-law-test", "name": "A test case"}]))
    load_case_law.seen = []
    register(Stage(name="case-law", order=45, load=load_case_law, files=(CASE_LAW,), natural_keys={Theme: ("slug",)}))
    yield fixtures_copy
    unregister("case-law")


def test_a_stage_registered_by_another_app_runs_in_its_order(case_law):
    report = seed(case_law)
    assert load_case_law.seen == [["sdg", "themes", "meetings", "documents"]]  # after documents (40) ...
    assert report.stages.index("case-law") == report.stages.index("instruments") - 1  # ... before instruments (50)
    assert report.counts["portal.Theme"]["created"] == 1
    assert Theme.objects.get(slug="case-law-test").name == "A test case"


def test_a_registered_stage_can_be_run_alone(case_law, capsys):
    call_command("seed", only=["case-law"], fixtures_dir=str(case_law), verbosity=2)
    assert capsys.readouterr().out.splitlines()[0] == "  portal.Theme: 1 created, 0 updated, 0 unchanged"
    assert load_case_law.seen == [[]]


def test_the_shipped_stages_run_in_dependency_order():
    assert [stage.name for stage in stages()] == [
        "sdg",
        "themes",
        "meetings",
        "documents",
        "instruments",
        "provisions",
        "provision-links",
        "countries",
        "programmes",
        "resources",
        "activities",
        "recommendations",
        "source-lists",
    ]


# Reference data about the sources, read where it is used rather than loaded into the database.
SOURCE_REFERENCE_FILES = {
    paragraphs.INDEX_PATH.as_posix(),
    citations.OUT_OF_SCOPE_PATH.as_posix(),
    quotations.QUOTATIONS_PATH.as_posix(),
}


def test_every_fixture_file_is_declared_by_one_stage():
    fixtures = Path(settings.FIXTURES_DIR)
    for path in sorted(fixtures.rglob("*.json")):
        relative = path.relative_to(fixtures).as_posix()
        readers = [stage.name for stage in stages() if any(fnmatch(relative, pattern) for pattern in stage.files)]
        expected = 0 if relative in SOURCE_REFERENCE_FILES else 1
        assert len(readers) == expected, f"{relative} is read by {readers}"
    assert all((fixtures / name).is_file() for name in SOURCE_REFERENCE_FILES)


def test_a_stage_reading_a_file_it_does_not_declare_is_refused(case_law):
    unregister("case-law")
    register(Stage(name="case-law", order=45, load=load_case_law, files=(), natural_keys={Theme: ("slug",)}))
    with pytest.raises(ImproperlyConfigured, match=r'"case-law" reads case-law/cases\.json but does not declare it'):
        seed(case_law, only=["case-law"])


def test_a_stage_writing_a_model_it_does_not_declare_is_refused(case_law):
    unregister("case-law")
    register(Stage(name="case-law", order=45, load=load_case_law, files=(CASE_LAW,), natural_keys={}))
    with pytest.raises(ImproperlyConfigured, match=r'"case-law" writes portal\.Theme by \(slug\)'):
        seed(case_law, only=["case-law"])
    assert not Theme.objects.filter(slug="case-law-test").exists()


@pytest.mark.parametrize(("name", "order", "taken"), [("themes", 999, "already registered"), ("new", 20, "themes")])
def test_a_taken_name_or_order_is_refused(name, order, taken):
    stage = Stage(name=name, order=order, load=load_case_law, files=(), natural_keys={})
    with pytest.raises(ImproperlyConfigured, match=taken):
        register(stage)


def test_seeding_in_portal_imports_no_content_app():
    portal = Path(settings.BASE_DIR) / "portal"
    modules = [*portal.joinpath("seeding").glob("*.py"), portal / "loaders.py", portal / "management/commands/seed.py"]
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text())):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not [name for name in names if name.split(".")[0] in CONTENT_APPS], module


def unique_field_sets(model) -> set[tuple[str, ...]]:
    singles = {(field.name,) for field in model._meta.fields if field.unique and not field.primary_key}
    together = {tuple(fields) for fields in model._meta.unique_together}
    constraints = {
        tuple(c.fields) for c in model._meta.constraints if getattr(c, "fields", None) and c.condition is None
    }
    return singles | together | constraints


def test_every_registered_natural_key_is_unique_in_the_database():
    for stage in stages():
        for model, key in stage.natural_keys.items():
            assert set(key) in [set(fields) for fields in unique_field_sets(model)], (stage.name, model, key)
