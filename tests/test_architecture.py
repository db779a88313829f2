"""The layers hold: the shared core knows no content app, no import cycle, no module doing several jobs."""

import subprocess
import sys
from pathlib import Path

import grimp
from django.conf import settings

PACKAGES = ("portal", "standards", "programmes", "recommendations")
CONTENT_APPS = ("standards", "programmes", "recommendations")
LARGEST_MODULE_LINES = 450


def import_graph():
    # Imports under `if TYPE_CHECKING:` are for annotations only and never run.
    return grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)


def strongly_connected(graph) -> list[set[str]]:
    """Tarjan's algorithm over the module import graph: every group of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            groups.append(group)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_import_linter_contracts_are_kept():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_the_shared_core_imports_no_content_app():
    graph = import_graph()
    offending = {
        (importer, imported)
        for app in CONTENT_APPS
        for imported in graph.find_descendants(app) | {app}
        for importer in graph.find_modules_that_directly_import(imported)
        if importer == "portal" or importer.startswith("portal.")
    }
    assert not offending, sorted(offending)


def test_no_import_cycle():
    cycles = [sorted(group) for group in strongly_connected(import_graph()) if len(group) > 1]
    assert not cycles, cycles


def test_no_module_over_the_size_limit():
    too_long = {}
    for package in (*PACKAGES, "tests", "scripts"):
        for path in (settings.BASE_DIR / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines >= LARGEST_MODULE_LINES:
                too_long[str(path.relative_to(settings.BASE_DIR))] = lines
    assert not too_long, too_long


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(module)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.x")
    graph.add_import(importer="a.z", imported="a.x")
    assert [sorted(group) for group in strongly_connected(graph) if len(group) > 1] == [["a.x", "a.y"]]
