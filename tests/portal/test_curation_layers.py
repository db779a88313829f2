"""The curation machinery (workflow, import and export, coverage) names no content app (issue 12)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

CONTENT_APPS = {"standards", "programmes", "recommendations"}
PORTAL = Path(settings.BASE_DIR) / "portal"
CURATION_MODULES = [
    "services.py",
    "workflow.py",
    "coverage.py",
    "admin.py",
    "management/commands/content_report.py",
    *(f"imports/{path.name}" for path in sorted((PORTAL / "imports").glob("*.py"))),
]


def imported_packages(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", CURATION_MODULES)
def test_curation_module_imports_no_content_app(module):
    assert imported_packages(PORTAL / module) & CONTENT_APPS == set()


@pytest.mark.parametrize("module", CURATION_MODULES)
def test_curation_module_is_short(module):
    assert len((PORTAL / module).read_text(encoding="utf-8").splitlines()) < 450
